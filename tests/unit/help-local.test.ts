/**
 * The local part of the municipality pages, from the help facts module: every current
 * municipality has exactly one website row (https, dated source); broken copies of the website
 * rows or the local facts stop the load with file, row and field named; every local fact cites
 * seed lines that hold its keyword, and is written in all six languages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import websiteRows from '../../content/data/gemeente-websites.json' with { type: 'json' };
import localFactsJson from '../../content/organisations/local-facts.json' with { type: 'json' };
import {
  FACTS,
  FactsError,
  LOCAL_FACT_LANGS,
  MUNICIPALITIES,
  municipalityBySlug,
  parseLocalFacts,
  parseMunicipalityWebsites,
  type FactsIssue,
} from '../../content/facts';
import { LANGS } from '../../site/i18n/locales';
import { localHelpFor, seedLinesLabel } from '../../site/lib/help/local';
import { ROOT } from '../support/content-files';
import { seedLines } from '../support/seeds';

const CODES = new Set(MUNICIPALITIES.map((m) => m.code));
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function issuesOf(load: () => unknown): FactsIssue[] {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(FactsError);
    return (error as FactsError).issues;
  }
  throw new Error('the broken copy loaded without error');
}

describe('municipality websites (content/data/gemeente-websites.json)', () => {
  it('exactly one row per current municipality, each an https website with a dated https source', () => {
    expect(websiteRows).toHaveLength(MUNICIPALITIES.length);
    expect(new Set(websiteRows.map((row) => row.gemeentecode)).size).toBe(MUNICIPALITIES.length);
    for (const m of MUNICIPALITIES) {
      expect(m.website, m.name).not.toBeNull();
      expect(m.website!.url, m.name).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
      expect(m.website!.source, m.name).toMatch(/^https:\/\//);
      expect(m.website!.sourceDate, m.name).toMatch(/^20\d\d-\d\d-\d\d$/);
    }
    expect(municipalityBySlug('zaanstad')!.website).toMatchObject({
      url: 'https://www.zaanstad.nl/',
      host: 'zaanstad.nl',
      sourceName: 'LisetHamming/woo-generator',
      sourceDate: '2024-03-26',
    });
    expect(municipalityBySlug('amsterdam')!.website?.sourceName).toBe('Sjors/verkiezingen-processen-verbaal');
  });

  it('refuse a website that is not https, an unknown code and a second row for a municipality', () => {
    const rows = clone(websiteRows);
    rows[0]!.website = 'http://www.aaenhunze.nl/';
    rows[1]!.gemeentecode = '9999';
    rows.push({ ...rows[2]! });
    rows[3]!.source_date = 'februari 2026';
    const issues = issuesOf(() => parseMunicipalityWebsites(rows, CODES, 'gemeente-websites.json'));
    expect(issues.map((i) => `${i.row}.${i.field}`).sort()).toEqual(
      [
        `${websiteRows[0]!.gemeentecode}.website`,
        '9999.gemeentecode',
        `${websiteRows[2]!.gemeentecode}.gemeentecode`,
        `${websiteRows[3]!.gemeentecode}.source_date`,
      ].sort(),
    );
    expect(issues.every((i) => i.file === 'gemeente-websites.json')).toBe(true);
  });

  it('leave a municipality without a row without a website (its page says: ask the municipality)', () => {
    const rows = websiteRows.filter((row) => row.gemeentecode !== '0479');
    const websites = parseMunicipalityWebsites(rows, CODES);
    expect(websites.has('GM0479')).toBe(false);
    expect(websites.size).toBe(MUNICIPALITIES.length - 1);
  });
});

describe('local facts (content/organisations/local-facts.json)', () => {
  it('are written in the six languages of the site', () => {
    expect([...LOCAL_FACT_LANGS].sort()).toEqual([...LANGS].sort());
    for (const fact of FACTS.localFacts)
      for (const lang of LANGS) {
        expect(fact.text[lang].trim(), `${fact.id} ${lang}`).not.toBe('');
        if (fact.link) expect(fact.link.text[lang].trim(), `${fact.id} link ${lang}`).not.toBe('');
      }
  });

  it('cite seed lines that contain their keyword', () => {
    for (const fact of FACTS.localFacts) {
      expect(fact.seeds.length, fact.id).toBeGreaterThan(0);
      for (const seed of fact.seeds) {
        const lines = seedLines(seed.ref);
        expect(lines, `${fact.id}: ${seed.ref} does not exist`).not.toBeNull();
        expect(lines!.toLowerCase(), `${fact.id}: ${seed.ref} lacks "${seed.keyword}"`).toContain(
          seed.keyword.toLowerCase(),
        );
      }
    }
  });

  it('name the organisation of the fact in its Dutch text and in every translation', () => {
    const names: Record<string, string> = {
      'amsterdam-wijkteams': 'Buurtteam',
      'amsterdam-blijf-groep': 'Blijf Groep',
      moviera: 'Moviera',
      'moviera-aware': 'AWARE',
      'zaanstad-ik-zit-klem': 'Ik zit klem',
    };
    expect(FACTS.localFacts.map((fact) => fact.id).sort()).toEqual(Object.keys(names).sort());
    for (const fact of FACTS.localFacts)
      for (const lang of LANGS) expect(fact.text[lang], `${fact.id} ${lang}`).toContain(names[fact.id]);
  });

  it('go to Amsterdam, Zaanstad and Gelderland-Zuid (Moviera on 13 pages, AWARE on Maasdriel and Zaltbommel)', () => {
    const ids = (slug: string) => localHelpFor(municipalityBySlug(slug)!.code).facts.map((fact) => fact.id);
    expect(ids('amsterdam')).toEqual(['amsterdam-wijkteams', 'amsterdam-blijf-groep']);
    expect(ids('amstelveen')).toEqual([]);
    expect(ids('zaanstad')).toEqual(['zaanstad-ik-zit-klem']);
    expect(ids('purmerend')).toEqual([]);
    expect(ids('maasdriel')).toEqual(['moviera-aware']);
    expect(ids('zaltbommel')).toEqual(['moviera-aware']);
    expect(ids('gennep')).toEqual(['moviera']);
    for (const name of FACTS.gelderlandZuid.members.municipalities) {
      const m = MUNICIPALITIES.find((candidate) => candidate.name === name)!;
      const expected = ['Maasdriel', 'Zaltbommel'].includes(name) ? ['moviera-aware'] : ['moviera'];
      expect(ids(m.slug), name).toEqual(expected);
    }
    const zaanstad = FACTS.localFactsFor('GM0479')[0]!;
    expect(zaanstad.link?.path).toBe('/ik-zit-klem/zaanstreek-waterland/');
    expect(seedLinesLabel(zaanstad.seeds[0]!.ref)).toBe('304–305');
  });

  it('refuse an unknown municipality code, a missing translation and a malformed seed reference', () => {
    const data = clone(localFactsJson) as unknown as {
      facts: { id: string; municipalities: string[]; text: Record<string, string>; seeds: { ref: string }[] }[];
    };
    data.facts[0]!.municipalities.push('GM9999');
    delete data.facts[1]!.text.uk;
    data.facts[2]!.seeds[0]!.ref = '001.txt line 626';
    const issues = issuesOf(() => parseLocalFacts(data, CODES, 'local-facts.json'));
    expect(issues.map((i) => `${i.row}.${i.field}`).sort()).toEqual(
      [
        `${data.facts[0]!.id}.municipalities.${data.facts[0]!.municipalities.length - 1}`,
        `${data.facts[1]!.id}.text.uk`,
        `${data.facts[2]!.id}.seeds.0.ref`,
      ].sort(),
    );
  });

  it('are read only by the facts module', () => {
    const page = readFileSync(join(ROOT, 'site/components/help/LocalBlock.astro'), 'utf8');
    expect(page).not.toMatch(/local-facts\.json|gemeente-websites\.json/);
  });
});
