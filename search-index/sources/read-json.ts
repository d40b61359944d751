import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads content/<file> as JSON; the error names the file. */
export function readJson<T>(contentDir: string, file: string): T {
  const path = join(contentDir, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new Error(`content/${file}: ${(error as Error).message}`, { cause: error });
  }
}
