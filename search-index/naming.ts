/**
 * When does a query name a document, rather than merely share a word with it? Only named
 * municipalities and themes make a help route, so "man" (husband) never sends anyone to
 * Manderveen. Shared by every engine.
 */
import { allowedTypos } from './engine-options';
import type { SearchDocument } from './types';

/** Fields in which a match names the document: a place by its names and postcodes, a theme by its words. */
export function namingFields(type: SearchDocument['type']): ('title' | 'places' | 'postcodes' | 'keywords')[] {
  return type === 'municipality' ? ['title', 'places', 'postcodes'] : ['title', 'keywords'];
}

/**
 * True when a query word is this indexed word: exactly, with the typos its length allows, or
 * as the start of the word still being typed (the last one). `known` holds query words that
 * exist as typed somewhere in the index; those are no typo of anything ("slaat" ≠ "Sleat").
 */
export function namesWord(terms: string[], indexed: string, known: ReadonlySet<string>): boolean {
  const last = terms[terms.length - 1] ?? '';
  return terms.some((term) => {
    if (term === indexed) return true;
    if (known.has(term)) return false;
    const typos = allowedTypos(term);
    if (typos > 0 && withinDistance(term, indexed, typos)) return true;
    return term === last && term.length >= 4 && !/^\d+$/.test(term) && indexed.startsWith(term);
  });
}

/** Levenshtein distance ≤ max, computed row by row with an early exit; words here are short. */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}
