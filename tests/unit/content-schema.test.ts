/**
 * Front matter of every content page: the schema the build uses, the translation status, the
 * same structure in every language as in Dutch, and every figure traced to a seed line.
 */
import { describe, expect, it } from 'vitest';
import { pageSchema, type PageData } from '../../site/content.schema';
import { contentFiles } from '../support/content-files';
import { seedContainsFigure, seedLines } from '../support/seeds';

const files = contentFiles();
const parsed = files.map((f) => ({ ...f, result: pageSchema.safeParse(f.frontMatter) }));
const data = (f: (typeof parsed)[number]): PageData => {
  if (!f.result.success) throw new Error(`${f.file}: front matter does not match the schema`);
  return f.result.data;
};

describe('content front matter', () => {
  it('finds the content pages', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  for (const f of parsed) {
    it(`${f.file} matches the page schema`, () => {
      const problems = f.result.success
        ? []
        : f.result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      expect(problems).toEqual([]);
    });
  }

  it('marks every Dutch page as the original and every other language as a translation', () => {
    const wrong = parsed
      .filter((f) => f.result.success)
      .filter((f) => (f.lang === 'nl') !== (data(f).translation === 'original'))
      .map((f) => `${f.file}: translation ${data(f).translation}`);
    expect(wrong).toEqual([]);
  });

  it('gives every translation the kind, themes, audiences, steps, campaign, figures, check date and sources of the Dutch page', () => {
    const dutch = new Map(parsed.filter((f) => f.lang === 'nl').map((f) => [f.key, data(f)]));
    const problems: string[] = [];
    for (const f of parsed.filter((x) => x.lang !== 'nl' && x.result.success)) {
      const nl = dutch.get(f.key);
      if (!nl) continue;
      const own = data(f);
      const shape = (d: PageData) =>
        JSON.stringify({
          kind: d.kind,
          themes: d.themes,
          audiences: d.audiences,
          steps: d.steps,
          campaign: d.campaign?.veiligThuisRegion,
          figures: d.figures.map(({ id, area, source, year, seed }) => ({ id, area, source, year, seed })),
          checked: d.checked,
          sources: d.sources,
        });
      if (shape(own) !== shape(nl)) problems.push(`${f.file} differs from content/pages/nl/${f.key}.md`);
    }
    expect(problems).toEqual([]);
  });
});

describe('figures', () => {
  const dutchFigures = parsed
    .filter((f) => f.lang === 'nl' && f.result.success)
    .flatMap((f) => data(f).figures.map((figure) => ({ file: f.file, figure })));

  it('has figures to check', () => {
    expect(dutchFigures.length).toBeGreaterThan(10);
  });

  it('each has a source and a year', () => {
    const missing = dutchFigures
      .filter(({ figure }) => !figure.source.trim() || !String(figure.year).trim())
      .map(({ file, figure }) => `${file}: ${figure.id}`);
    expect(missing).toEqual([]);
  });

  it('each points at seed lines that exist and contain its number', () => {
    const problems = dutchFigures
      .filter(({ figure }) => !seedContainsFigure(figure.value, figure.seed))
      .map(({ file, figure }) =>
        seedLines(figure.seed) === null
          ? `${file}: ${figure.id}: ${figure.seed} does not exist`
          : `${file}: ${figure.id}: "${figure.value}" is not in ${figure.seed}`,
      );
    expect(problems).toEqual([]);
  });

  it('uses one value, area, source and year per figure id across pages', () => {
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const { file, figure } of dutchFigures) {
      const fact = JSON.stringify([figure.value, figure.area, figure.source, figure.year, figure.seed]);
      const earlier = seen.get(figure.id);
      if (earlier && earlier !== fact) problems.push(`${file}: ${figure.id} differs from another page`);
      seen.set(figure.id, fact);
    }
    expect(problems).toEqual([]);
  });

  it('rejects a number or a line that the seed does not have', () => {
    expect(seedContainsFigure('12%', '000_77e37eb7f19bec6f.txt:L78')).toBe(true);
    expect(seedContainsFigure('13%', '000_77e37eb7f19bec6f.txt:L78')).toBe(false);
    expect(seedContainsFigure('een derde', '000_77e37eb7f19bec6f.txt:L101')).toBe(true);
    expect(seedContainsFigure('een vijfde', '000_77e37eb7f19bec6f.txt:L101')).toBe(false);
    expect(seedContainsFigure('12%', '000_77e37eb7f19bec6f.txt:L999999')).toBe(false);
    expect(seedContainsFigure('12%', '999_0000000000000000.txt:L1')).toBe(false);
  });
});
