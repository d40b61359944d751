/**
 * A Dutch readability measure for B1 ("taalniveau B1"), documented in content/README.md:
 *  - average sentence length (words per sentence), and
 *  - the Flesch–Douma reading ease, the Dutch adaptation of Flesch (Douma 1960):
 *      206.84 − 0.77 × (syllables per 100 words) − 0.93 × (words per sentence).
 * Syllables are counted as groups of vowels (aa, ee, ie, oe, ui, eeuw … count once), which is
 * close enough for a page-level average. Headings are left out: they are fragments, not sentences.
 */

/** The readable prose of a markdown body: no headings, link targets, emphasis or list markers. */
export function proseOf(markdown: string): string {
  return markdown
    .split(/\r?\n/)
    .filter((line) => !/^\s*#/.test(line))
    .map((line) =>
      line
        .replace(/\{\{[^}]*\}\}/g, 'nummer')
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[*_`>]/g, '')
        .replace(/^\s*(?:[-+]|\d+\.)\s+/, ''),
    )
    .join('\n');
}

/** Sentences: split after . ! ? and at line ends (a list item without a full stop is one sentence). */
export function sentencesOf(prose: string): string[] {
  return prose
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
}

export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
}

export function syllablesOf(word: string): number {
  const groups = word.toLowerCase().match(/[aeiouyàáâäèéêëìíîïòóôöùúûü]+/g);
  return Math.max(1, groups?.length ?? 0);
}

export interface Readability {
  sentences: number;
  words: number;
  averageSentenceLength: number;
  fleschDouma: number;
}

export function readability(markdown: string): Readability {
  const sentences = sentencesOf(proseOf(markdown));
  const words = sentences.flatMap(wordsOf);
  const syllables = words.reduce((sum, word) => sum + syllablesOf(word), 0);
  const averageSentenceLength = words.length / Math.max(1, sentences.length);
  const syllablesPer100Words = (100 * syllables) / Math.max(1, words.length);
  return {
    sentences: sentences.length,
    words: words.length,
    averageSentenceLength,
    fleschDouma: 206.84 - 0.77 * syllablesPer100Words - 0.93 * averageSentenceLength,
  };
}

/** B1 limits. A page fails when it is clearly above B1 on either measure. */
export const B1_LIMITS = {
  /** Plain-language guidance for B1 keeps sentences to about 10–15 words on average. */
  maxAverageSentenceLength: 15,
  /** Flesch–Douma 60–70 reads as "fairly easy"; below 55 a text is clearly harder than B1. */
  minFleschDouma: 55,
} as const;
