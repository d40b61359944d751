/**
 * The tokens in the texts the chat server sends (content/chat/) and in campaign texts
 * (content/campaigns/), checked at build time: the chat server replaces them only when it starts,
 * so without this check an unknown token would pass `npm run build`. Pages are checked when they
 * are rendered (site/components/content/phone-tokens.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenResolver } from './tokens';

/** Every string in a JSON value, with its key path ("nl.danger"); `$comment` keys are skipped. */
function stringsIn(value: unknown, path: string[] = []): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key: path.join('.'), text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsIn(item, [...path, String(i)]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => (key === '$comment' ? [] : stringsIn(item, [...path, key])));
  return [];
}

const filesIn = (dir: string, ext: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith(ext))
        .sort()
        .map((name) => join(dir, name))
    : [];

/**
 * Checks every token in content/chat/ (system messages, quick replies; comments left out) and
 * content/campaigns/; throws with the file and key of the first unknown one.
 */
export function checkContentTokens(contentDir: string, tokens: TokenResolver, label = 'content'): void {
  const where = (file: string) => `${label}/${file.slice(contentDir.length + 1)}`;
  const json = [
    join(contentDir, 'chat', 'system-messages.json'),
    ...filesIn(join(contentDir, 'campaigns'), '.json'),
  ].filter(existsSync);
  for (const file of json) {
    for (const { key, text } of stringsIn(JSON.parse(readFileSync(file, 'utf8'))))
      tokens.split(text, `${where(file)}: ${key}`);
  }
  for (const file of filesIn(join(contentDir, 'chat', 'quick-replies'), '.md')) {
    tokens.split(readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, ''), where(file));
  }
}
