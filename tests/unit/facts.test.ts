/**
 * The help facts module (content/facts/): the real data files load and answer the programs'
 * questions; broken copies (written to a temp dir) stop the load with file, row and field named.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { checkContentTokens, FACT_FILES, FACTS, FactsError, loadFacts, type FactsIssue } from '../../content/facts';
import { ROOT } from '../support/content-files';
import { splitPhoneTokens } from '../../site/components/content/phone-tokens';

const CONTENT = join(ROOT, 'content');

interface Row {
  id: string;
  [field: string]: unknown;
}
const readRows = (relative: string) => JSON.parse(readFileSync(join(CONTENT, relative), 'utf8')) as Row[];
const helplineRows = readRows(FACT_FILES.helplines);

describe('the facts of this checkout', () => {
  it('load from disk exactly as bundled', () => {
    const fromDisk = loadFacts(CONTENT);
    expect(fromDisk.services.map((s) => s.id)).toEqual(FACTS.services.map((s) => s.id));
    expect(fromDisk.phone('veilig-thuis')).toEqual(FACTS.phone('veilig-thuis'));
  });

  it('show only verified rows with a source and a source date (the one rule)', () => {
    expect(FACTS.services.length).toBeGreaterThan(10);
    for (const service of FACTS.services) {
      const row = helplineRows.find((r) => r.id === service.id)!;
      expect(row.confidence, service.id).toBe('verified');
      expect(String(row.source_url).trim(), service.id).not.toBe('');
      expect(String(row.source_date).trim(), service.id).not.toBe('');
      expect(service.source.length, service.id).toBeGreaterThan(0);
    }
    for (const row of helplineRows.filter((r) => r.confidence !== 'verified'))
      expect(FACTS.service(row.id), row.id).toBeUndefined();
  });

  it('give the display and tel: form of a number, with its source and date', () => {
    expect(FACTS.phone('veilig-thuis')).toMatchObject({
      display: '0800-2000',
      tel: '08002000',
      e164: '+318002000',
      name: 'Veilig Thuis',
    });
    expect(FACTS.phone('veilig-thuis').source).toMatch(/^https:\/\/www\.rijksoverheid\.nl\//);
    expect(FACTS.phone('veilig-thuis').sourceDate).toMatch(/20\d\d/);
    expect(FACTS.phone('alarmnummer-112')).toMatchObject({ display: '112', tel: '112' });
    expect(FACTS.phone('helpwanted')).toMatchObject({ display: '020-261 5275', tel: '0202615275' });
    expect(() => FACTS.phone('de-luisterlijn')).toThrow(/de-luisterlijn/);
  });

  it('give cost, hours and chat as the rows say', () => {
    const veiligThuis = FACTS.service('veilig-thuis')!;
    expect(veiligThuis.free).toBe(true);
    expect(veiligThuis.hours).toEqual({ type: 'always' });
    expect(FACTS.service('juridisch-loket')!.free).toBe(false);
    expect(FACTS.service('veilig-thuis-chat')!.hours).toMatchObject({ type: 'weekly', usually: true });
    expect(FACTS.service('kindertelefoon')!.chat).toBe(true);
  });

  it('answer which services to show for a theme, an audience and a municipality', () => {
    const westBrabant = FACTS.servicesFor({ theme: 'partnergeweld', veiligThuisRegion: 'VT21' });
    expect(westBrabant.regional.map((s) => s.id)).toEqual(['meldpunt-crisiszorg-west-brabant']);
    expect(FACTS.servicesFor({ theme: 'partnergeweld', veiligThuisRegion: 'VT06' }).regional).toEqual([]);
    const young = FACTS.servicesFor({ theme: 'kindermishandeling', audience: 'jongeren' }).national.map((s) => s.id);
    expect(young).toContain('kindertelefoon');
    expect(young).not.toContain('site-huiselijkgeweld'); // for professionals
    // 112, Veilig Thuis and its chat have their own blocks in every route, never per theme.
    expect(westBrabant.national.map((s) => s.id)).not.toContain('veilig-thuis');
  });

  it('name a Veilig Thuis organisation only when its row is verified', () => {
    expect(FACTS.veiligThuisOrganisation('VT06')?.name).toBe('Veilig Thuis Gelderland-Zuid');
    expect(FACTS.veiligThuisOrganisation('VT22')).toBeUndefined(); // unverified row
    expect(FACTS.leftOut.join('\n')).toContain('"VT22"');
  });

  it('keep rows out of every program that no page shows (de Luisterlijn, Blijf Groep, topic rows), and token-only services out of the routes', () => {
    const themeIds = (JSON.parse(readFileSync(join(CONTENT, 'taxonomy/themes.json'), 'utf8')) as Row[]).map(
      (t) => t.id,
    );
    const shown = FACTS.shownOnPages(themeIds).map((s) => s.id);
    for (const id of ['de-luisterlijn', 'blijf-groep', 'ouderenmishandeling'])
      expect(
        FACTS.services.map((s) => s.id),
        id,
      ).not.toContain(id);
    // 113 and the Schadefonds have no theme: pages name them in their text (a token), no route lists them.
    const tokenOnly = FACTS.services.filter((s) => s.themes.length === 0 && s.audiences.length === 0).map((s) => s.id);
    expect(tokenOnly.sort()).toEqual(['113-zelfmoordpreventie', 'schadefonds-geweldsmisdrijven']);
    for (const id of tokenOnly) expect(shown, id).not.toContain(id);
    expect(shown).toEqual(FACTS.services.filter((s) => !tokenOnly.includes(s.id)).map((s) => s.id));
  });
});

describe('rows this project verified (content/verified/helplines.csv)', () => {
  it('reach content/data/helplines.json unchanged, after the shared rows', () => {
    const own = parse(readFileSync(join(CONTENT, 'verified/helplines.csv'), 'utf8'), {
      columns: true,
      skip_empty_lines: true,
    }) as Row[];
    const imported = JSON.parse(readFileSync(join(CONTENT, 'data/helplines.json'), 'utf8')) as Row[];
    expect(own.length).toBeGreaterThan(0);
    expect(imported.slice(-own.length)).toEqual(own);
  });

  it('show the Foreign Ministry line with +31 and dial it from abroad', () => {
    const bz = FACTS.services.find((s) => s.id === 'bz-24-7-contactcenter');
    expect(bz?.phone).toEqual({ e164: '+31247247247', display: '+31 247 247 247', tel: '+31247247247' });
    expect(FACTS.tokens.replace('Bel {{tel:bz-24-7-contactcenter}}.', 'x')).toBe('Bel +31 247 247 247.');
  });
});

describe('tokens', () => {
  it('put the number or the name in place of a token', () => {
    expect(FACTS.tokens.replace('Bel {{tel:veilig-thuis}} of {{ tel:alarmnummer-112 }}.', 'x')).toBe(
      'Bel 0800-2000 of 112.',
    );
    expect(FACTS.tokens.replace('{{org:kindertelefoon}}: {{tel:kindertelefoon}}', 'x')).toBe(
      'De Kindertelefoon: 0800-0432',
    );
    const segments = FACTS.tokens.split('Bel {{tel:veilig-thuis}}.', 'x');
    expect(segments).toHaveLength(3);
    expect(segments[1]).toMatchObject({ token: { kind: 'tel', id: 'veilig-thuis', phone: { tel: '08002000' } } });
  });

  it('give a page a tel: link for a number and the name for an organisation', () => {
    expect(splitPhoneTokens('<p>Bel {{org:kindertelefoon}}: {{tel:kindertelefoon}}</p>', 'f.md')).toEqual([
      { html: '<p>Bel ' },
      { name: 'De Kindertelefoon' },
      { html: ': ' },
      { phone: FACTS.service('kindertelefoon')!.phone },
      { html: '</p>' },
    ]);
    expect(() => splitPhoneTokens('{{tel:kindertelefoonn}}', 'content/pages/nl/x.md')).toThrow(
      /^content\/pages\/nl\/x\.md: unknown token/,
    );
  });

  it('are checked in chat and campaign texts at build time, naming file and key', () => {
    expect(() => checkContentTokens(CONTENT, FACTS.tokens)).not.toThrow();
    const dir = mkdtempSync(join(tmpdir(), 'facts-tokens-'));
    try {
      cpSync(join(CONTENT, 'chat'), join(dir, 'chat'), { recursive: true });
      cpSync(join(CONTENT, 'campaigns'), join(dir, 'campaigns'), { recursive: true });
      const messages = join(dir, 'chat', 'system-messages.json');
      const original = readFileSync(messages, 'utf8');
      writeFileSync(messages, original.replaceAll('{{tel:veilig-thuis}}', '{{tel:veiligthuis}}'));
      expect(() => checkContentTokens(dir, FACTS.tokens)).toThrow(
        /^content\/chat\/system-messages\.json: nl\.danger: unknown token \{\{tel:veiligthuis\}\}/,
      );
      writeFileSync(messages, original);
      const reply = join(dir, 'chat', 'quick-replies', 'en.md');
      writeFileSync(reply, `${readFileSync(reply, 'utf8')}\n## Extra\n\nCall {{org:de-luisterlijn}}.\n`);
      expect(() => checkContentTokens(dir, FACTS.tokens)).toThrow(
        /^content\/chat\/quick-replies\/en\.md: unknown token/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuse an unknown or malformed token, naming where it stands', () => {
    expect(() => FACTS.tokens.replace('Bel {{tel:veilig-thuiss}}', 'content/pages/nl/x.md')).toThrow(
      /content\/pages\/nl\/x\.md: unknown token \{\{tel:veilig-thuiss\}\}/,
    );
    // A service that is not shown has no token: its number must not reach a page.
    expect(() => FACTS.tokens.replace('{{tel:de-luisterlijn}}', 'f')).toThrow(/unknown token/);
    expect(() => FACTS.tokens.replace('{{phone:veilig-thuis}}', 'f')).toThrow(/unknown token/);
    expect(() => FACTS.tokens.replace('{{tel:site-huiselijkgeweld}}', 'f')).toThrow(/unknown token/); // no number
  });
});

describe('broken copies of the data stop the load with file, row and field named', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the fact files in a temp dir, changed by `edit`; returns the error's issues. */
  function issuesAfter(file: string, edit: (data: unknown) => void): FactsIssue[] {
    const dir = mkdtempSync(join(tmpdir(), 'facts-'));
    dirs.push(dir);
    for (const sub of ['data', 'organisations', 'taxonomy'])
      cpSync(join(CONTENT, sub), join(dir, sub), { recursive: true });
    const path = join(dir, file);
    const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    edit(data);
    writeFileSync(path, JSON.stringify(data));
    try {
      loadFacts(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(FactsError);
      const issues = (error as FactsError).issues;
      // The message names every issue's file, row and field.
      for (const issue of issues) {
        expect((error as Error).message).toContain(`${issue.file}: row "${issue.row}", field "${issue.field}"`);
        expect(issue.file).toBe(path.replace(/\.json$/, '.json'));
      }
      return issues;
    }
    throw new Error(`${file}: the broken copy loaded without error`);
  }
  const row = (rows: unknown, id: string) => (rows as Row[]).find((r) => r.id === id)!;

  it('a malformed number (Kindertelefoon as 0800-04X2)', () => {
    const issues = issuesAfter(FACT_FILES.helplines, (rows) => (row(rows, 'kindertelefoon').phone = '0800-04X2'));
    expect(issues).toEqual([expect.objectContaining({ row: 'kindertelefoon', field: 'phone' })]);
    expect(issues[0]!.message).toContain('0800-04X2');
  });

  it('a number that is too short to be valid', () => {
    const issues = issuesAfter(FACT_FILES.helplines, (rows) => (row(rows, 'veilig-thuis').phone = '0800-20'));
    expect(issues).toEqual([
      expect.objectContaining({
        row: 'veilig-thuis',
        field: 'phone',
        message: expect.stringMatching(/not a valid Dutch/),
      }),
    ]);
  });

  it('a number glued to text in a cell with several numbers', () => {
    const issues = issuesAfter(
      FACT_FILES.helplines,
      (rows) => (row(rows, 'arbeidsinspectie-uitbuiting').phone = '0800 5151x (vanuit buitenland +31 70 333 44 44)'),
    );
    expect(issues).toEqual([expect.objectContaining({ row: 'arbeidsinspectie-uitbuiting', field: 'phone' })]);
  });

  it('a verified row without its source', () => {
    const issues = issuesAfter(FACT_FILES.helplines, (rows) => (row(rows, 'slachtofferhulp').source_url = ''));
    expect(issues).toEqual([expect.objectContaining({ row: 'slachtofferhulp', field: 'source_url' })]);
  });

  it('a verified row without a source date', () => {
    const issues = issuesAfter(FACT_FILES.helplines, (rows) => (row(rows, 'kindertelefoon').source_date = ' '));
    expect(issues).toEqual([expect.objectContaining({ row: 'kindertelefoon', field: 'source_date' })]);
  });

  it('a verified Veilig Thuis organisation without source or date', () => {
    const issues = issuesAfter(FACT_FILES.veiligThuisOrganisations, (rows) => {
      row(rows, 'VT06').source_url = '';
      row(rows, 'VT06').source_date = '';
    });
    expect(issues.map((i) => `${i.row}.${i.field}`)).toEqual(['VT06.source_url', 'VT06.source_date']);
  });

  it('a required field missing from a row', () => {
    const issues = issuesAfter(FACT_FILES.helplines, (rows) => delete row(rows, 'politie-geen-spoed').name);
    expect(issues).toEqual([expect.objectContaining({ row: 'politie-geen-spoed', field: 'name' })]);
  });

  it('every problem at once, not only the first', () => {
    const issues = issuesAfter(FACT_FILES.helplines, (rows) => {
      row(rows, 'slachtofferhulp').source_url = '';
      delete row(rows, 'helpwanted').name;
      row(rows, 'centrum-seksueel-geweld').source_date = '';
      row(rows, 'kindertelefoon').phone = '0800-04X2';
    });
    expect(issues.map((i) => `${i.row}.${i.field}`).sort()).toEqual([
      'centrum-seksueel-geweld.source_date',
      'helpwanted.name',
      'kindertelefoon.phone',
      'slachtofferhulp.source_url',
    ]);
  });

  it('a required field left empty', () => {
    const issues = issuesAfter(FACT_FILES.helplines, (rows) => (row(rows, 'helpwanted').name = ''));
    expect(issues).toEqual([expect.objectContaining({ row: 'helpwanted', field: 'name' })]);
  });

  it('an unknown confidence value', () => {
    const issues = issuesAfter(FACT_FILES.helplines, (rows) => (row(rows, 'helpwanted').confidence = 'checked'));
    expect(issues).toEqual([expect.objectContaining({ row: 'helpwanted', field: 'confidence' })]);
  });

  it('a verified row that the mapping does not mention', () => {
    const issues = issuesAfter(FACT_FILES.helplines, (rows) =>
      (rows as Row[]).push({ ...row(rows, 'helpwanted'), id: 'nieuwe-hulplijn' }),
    );
    expect(issues).toEqual([expect.objectContaining({ row: 'nieuwe-hulplijn', field: 'id' })]);
  });

  it('a mapping that points to no row, or uses an unknown theme', () => {
    const issues = issuesAfter(FACT_FILES.services, (data) => {
      const services = (data as { services: Record<string, { themes: string[] }> }).services;
      services['bestaat-niet'] = { ...services.helpwanted!, themes: ['seksueel-geweld'] };
      services.kindertelefoon!.themes = ['onbekend-thema'];
    });
    expect(issues.map((i) => `${i.row}.${i.field}`).sort()).toEqual(['kindertelefoon.themes.0']);
    const dangling = issuesAfter(FACT_FILES.services, (data) => {
      const services = (data as { services: Record<string, unknown> }).services;
      services['bestaat-niet'] = services.helpwanted;
    });
    expect(dangling).toEqual([expect.objectContaining({ row: 'bestaat-niet', field: 'services' })]);
  });

  it('a Veilig Thuis website that is not a website', () => {
    const issues = issuesAfter(
      FACT_FILES.veiligThuisOrganisations,
      (rows) => (row(rows, 'VT06').website = 'zie hun site'),
    );
    expect(issues).toEqual([expect.objectContaining({ row: 'VT06', field: 'website' })]);
  });

  it('but an unverified row may hold text where a number would be: it is never shown', () => {
    const dir = mkdtempSync(join(tmpdir(), 'facts-'));
    dirs.push(dir);
    for (const sub of ['data', 'organisations', 'taxonomy'])
      cpSync(join(CONTENT, sub), join(dir, sub), { recursive: true });
    const facts = loadFacts(dir);
    expect(helplineRows.find((r) => r.id === 'stop-it-now')?.phone).toMatch(/NIET GEVERIFIEERD/);
    expect(facts.service('stop-it-now')).toBeUndefined();
    expect(facts.leftOut.join('\n')).toContain('"stop-it-now"');
  });
});
