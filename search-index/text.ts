/**
 * Text normalisation shared by indexing and querying, in the browser and in Node. Both sides
 * must fold text the same way, or a word in the index can never be found again.
 */

/** Longest query we look at: beyond this nobody is typing a search, and work must stay bounded. */
export const MAX_QUERY_CHARS = 200;
/** Most words of one query we search for; keeps a pasted essay from costing seconds. */
export const MAX_QUERY_TERMS = 10;

const COMBINING_MARKS = /\p{M}/gu;
// Arabic: tatweel (kashida) is decoration; the hamza/madda forms of alef, alef maqsura and
// ta marbuta are spelled both ways by everyday writers, so fold them to one letter.
const ARABIC_FOLDS: [RegExp, string][] = [
  [/\u0640/g, ''],
  [/[\u0622\u0623\u0625\u0671]/g, '\u0627'],
  [/\u0649/g, '\u064A'],
  [/\u0629/g, '\u0647'],
];
// Apostrophes inside words (b'ye in Ukrainian, m'n in Dutch) are dropped so both spellings meet.
const APOSTROPHES = /['\u2019\u02BC\u02BB`\u00B4]/g;

/** Lowercase, without diacritics or Arabic spelling variants; `İstanbul`/`ISTANBUL` → `istanbul`. */
export function foldText(text: string): string {
  let folded = text.normalize('NFKD').toLowerCase().replace(COMBINING_MARKS, '');
  // Turkish dotless ı and the German/Polish letters that NFKD leaves alone.
  folded = folded.replace(/ı/g, 'i').replace(/ł/g, 'l').replace(/ß/g, 'ss').replace(/ø/g, 'o');
  for (const [pattern, replacement] of ARABIC_FOLDS) folded = folded.replace(pattern, replacement);
  return folded.replace(APOSTROPHES, '');
}

/**
 * Splits folded text into words: letters and digits only; a run of digits is its own word, so
 * `6511AB` and `٦٥١١` both give `6511`. Eastern Arabic digits become ASCII digits.
 */
export function tokenize(text: string): string[] {
  const ascii = foldText(text).replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) =>
    String((digit.charCodeAt(0) & 0xf) % 10),
  );
  const words = ascii.match(/\p{N}+|\p{L}+/gu) ?? [];
  return words.flatMap(withArabicStem);
}

const ARABIC_WORD = /^[\u0600-\u06FF]+$/;
// Arabic glues "and" (و) and "the" (ال) to the word: والعنف = و + ال + عنف. Searching and indexing
// also under the bare word lets "ويضربني" find "يضربني" without a full stemmer.
function withArabicStem(word: string): string[] {
  if (!ARABIC_WORD.test(word)) return [word];
  const bare = word.replace(/^و(?=.{3})/, '').replace(/^ال(?=.{3})/, '');
  return bare === word ? [word] : [word, bare];
}

/** Turns a raw, untrusted query into the words to search for; never throws. */
export function queryTerms(raw: unknown, stopwords: ReadonlySet<string>): string[] {
  if (typeof raw !== 'string') return [];
  const words = tokenize(raw.slice(0, MAX_QUERY_CHARS));
  const meaningful = words.filter((word) => !stopwords.has(word));
  // A query made only of small words ("help nu") still means something: keep it then.
  const kept = meaningful.length > 0 ? meaningful : words;
  return [...new Set(kept)].slice(0, MAX_QUERY_TERMS);
}
