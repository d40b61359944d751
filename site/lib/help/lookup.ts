/**
 * Finds a municipality from what a visitor types: a municipality, an everyday name ("Den Haag"),
 * a place (woonplaats), a former municipality, a PC4 ("1501") or a full postcode ("1501 AB").
 * It runs over a compact index (built by lookup-index.ts at build time) and imports no data,
 * so the island does exactly what the tests check, on the device, without any request.
 */
import { searchKey, searchKeysOf } from './text';

/** How a name reached its municipality. */
export type MatchKind = 'municipality' | 'alias' | 'place' | 'former' | 'postcode';
const TERM_KINDS = ['municipality', 'alias', 'place', 'former'] as const;

/** The compact index shipped to the device (JSON). Indexes point into `municipalities`. */
export interface LookupIndex {
  provinces: string[];
  /** [CBS code, name, slug, province index] */
  municipalities: [string, string, string, number][];
  /** [typed name as in the data, kind index into TERM_KINDS, municipality index] */
  terms: [string, number, number][];
  /** Runs of consecutive known PC4 codes with one main municipality: [first PC4, count, municipality index]. */
  pc4Runs: [number, number, number][];
  /** PC4 codes that straddle a second municipality: [PC4, municipality index]. */
  pc4Also: [number, number][];
}

export interface LookupMatch {
  code: string;
  name: string;
  slug: string;
  province: string;
  kind: MatchKind;
  /** The name or postcode that matched, as written in the data (e.g. "Zaandam", "1501"). */
  matched: string;
}

export type LookupResult =
  | { status: 'found'; matches: LookupMatch[] }
  | { status: 'empty' }
  | { status: 'invalid-postcode'; input: string }
  | { status: 'unknown-postcode'; pc4: string }
  | { status: 'no-match'; input: string; suggestions: LookupMatch[] };

interface PreparedTerm {
  key: string;
  name: string;
  kind: MatchKind;
  municipality: number;
}

/** The index with search keys computed once (cheap: a few thousand names). */
export class MunicipalityLookup {
  private readonly terms: PreparedTerm[] = [];
  private readonly pc4 = new Map<number, number[]>();

  constructor(private readonly index: LookupIndex) {
    for (const [name, kind, municipality] of index.terms) {
      for (const key of searchKeysOf(name)) {
        this.terms.push({ key, name, kind: TERM_KINDS[kind] ?? 'place', municipality });
      }
    }
    for (const [first, count, municipality] of index.pc4Runs) {
      for (let pc4 = first; pc4 < first + count; pc4++) this.pc4.set(pc4, [municipality]);
    }
    for (const [pc4, municipality] of index.pc4Also) this.pc4.get(pc4)?.push(municipality);
  }

  private match(municipality: number, kind: MatchKind, matched: string): LookupMatch {
    const [code, name, slug, province] = this.index.municipalities[municipality]!;
    return { code, name, slug, province: this.index.provinces[province] ?? '', kind, matched };
  }

  /** Resolves one input; never throws, never returns an empty "found". */
  resolve(input: string): LookupResult {
    const trimmed = input.trim();
    if (trimmed === '') return { status: 'empty' };
    const postcode = /^(\d{4})\s*([a-zA-Z]{2})?$/.exec(trimmed);
    if (postcode) return this.byPostcode(postcode[1]!);
    if (/^\d+(\s*[a-zA-Z]*)$/.test(trimmed)) return { status: 'invalid-postcode', input: trimmed };
    const key = searchKey(trimmed);
    const exact = this.unique(this.terms.filter((term) => term.key === key).sort(byKind));
    if (exact.length > 0) return { status: 'found', matches: exact };
    return { status: 'no-match', input: trimmed, suggestions: this.suggest(trimmed, 6) };
  }

  /** Names that start with the input, then names within one typo of it; municipalities first. */
  suggest(input: string, limit = 8): LookupMatch[] {
    const key = searchKey(input);
    if (key.length < 2) return [];
    let found = this.terms.filter((term) => term.key.startsWith(key) || term.key.includes(` ${key}`));
    if (found.length === 0 && key.length >= 4) found = this.terms.filter((term) => withinOneEdit(term.key, key));
    const rank = (term: PreparedTerm) => (term.key === key ? 0 : term.key.startsWith(key) ? 1 : 2);
    const sorted = [...found].sort((a, b) => rank(a) - rank(b) || byKind(a, b) || a.name.localeCompare(b.name, 'nl'));
    return this.unique(sorted).slice(0, limit);
  }

  private byPostcode(digits: string): LookupResult {
    if (digits.startsWith('0')) return { status: 'invalid-postcode', input: digits };
    const municipalities = this.pc4.get(Number(digits));
    if (!municipalities) return { status: 'unknown-postcode', pc4: digits };
    return { status: 'found', matches: municipalities.map((m) => this.match(m, 'postcode', digits)) };
  }

  /** One match per (municipality, matched name); the order of the input is kept. */
  private unique(terms: PreparedTerm[]): LookupMatch[] {
    const seen = new Set<string>();
    const matches: LookupMatch[] = [];
    for (const term of terms) {
      const id = `${term.municipality}:${term.name}`;
      if (seen.has(id)) continue;
      seen.add(id);
      matches.push(this.match(term.municipality, term.kind, term.name));
    }
    // The same municipality reached by its own name and by a place: keep the strongest.
    const best = new Map<string, LookupMatch>();
    for (const match of matches) if (!best.has(match.code)) best.set(match.code, match);
    return [...best.values()];
  }
}

/** Municipalities before everyday names before places before former municipalities. */
function byKind(a: PreparedTerm, b: PreparedTerm): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
}
const KIND_ORDER: MatchKind[] = [...TERM_KINDS];

/** True when b is equal to a with at most one character inserted, deleted or replaced. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
