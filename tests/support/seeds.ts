/** The seed documents (../shared/seeds): a figure on the site must be read in the line it cites. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from './content-files';

/** The text of the lines a `file.txt:L12-14` reference points at; null when file or lines do not exist. */
export function seedLines(ref: string): string | null {
  const match = /^(.+\.txt):L(\d+)(?:-(\d+))?$/.exec(ref);
  if (!match) return null;
  const path = join(SEEDS_DIR, match[1]!);
  if (!existsSync(path)) return null;
  const from = Number(match[2]);
  const to = Number(match[3] ?? match[2]);
  const lines = readFileSync(path, 'utf8').split('\n');
  if (from < 1 || to > lines.length || to < from) return null;
  return lines.slice(from - 1, to).join(' ');
}

const NUMBER_WORDS: Record<string, string> = {
  één: '1',
  eén: '1', // "Eén" lowercased: Dutch capitalises only the first letter of "één"
  een: '1',
  twee: '2',
  drie: '3',
  vier: '4',
  vijf: '5',
  zes: '6',
  zeven: '7',
  acht: '8',
  negen: '9',
  tien: '10',
  procent: '%',
};

/** Lower case, number words as digits, no thousands dots and no spaces: "Vier op de tien" → "4opde10". */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/\p{L}+/gu, (word) => NUMBER_WORDS[word] ?? word)
    .replace(/(?<=\d)\.(?=\d{3})/g, '')
    .replace(/[\s*]+/g, '');
}

/**
 * Whether the cited lines contain the figure as written, ignoring case, spaces, thousands dots
 * and how small numbers are written ("1 op de 3" matches "Een op de drie", "44%" "44 procent").
 */
export function seedContainsFigure(value: string, ref: string): boolean {
  const lines = seedLines(ref);
  return lines !== null && normalize(lines).includes(normalize(value));
}
