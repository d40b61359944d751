/**
 * Dutch pages are written at B1: average sentence length and Flesch–Douma per page
 * (tests/support/readability.ts; the measure is explained in content/README.md).
 */
import { describe, expect, it } from 'vitest';
import { contentFiles } from '../support/content-files';
import { B1_LIMITS, readability } from '../support/readability';
import { seedLines } from '../support/seeds';

describe('Dutch readability (B1)', () => {
  for (const f of contentFiles().filter((file) => file.lang === 'nl')) {
    it(`${f.file} is not clearly above B1`, () => {
      const r = readability(f.body);
      expect(r.words, 'too little text to measure').toBeGreaterThan(50);
      expect(r.averageSentenceLength).toBeLessThanOrEqual(B1_LIMITS.maxAverageSentenceLength);
      expect(r.fleschDouma).toBeGreaterThanOrEqual(B1_LIMITS.minFleschDouma);
    });
  }
});

describe('readability', () => {
  it('fails policy prose from the seeds (clearly above B1)', () => {
    const policy = seedLines('004_523557f05edc7f25.txt:L381-386')!;
    const r = readability(policy);
    const passes =
      r.averageSentenceLength <= B1_LIMITS.maxAverageSentenceLength && r.fleschDouma >= B1_LIMITS.minFleschDouma;
    expect(passes).toBe(false);
  });

  it('passes short, plain sentences', () => {
    const r = readability('Je bent niet alleen. Bel Veilig Thuis. Je mag ook eerst iets vragen.');
    expect(r.averageSentenceLength).toBeLessThan(6);
    expect(r.fleschDouma).toBeGreaterThan(80);
  });

  it('leaves headings, link targets and tokens out of the text', () => {
    const r = readability('# Een heel lange kop die niet meetelt\n\nLees [dit](/nl/x/) nu. Bel {{tel:veilig-thuis}}.');
    expect(r.sentences).toBe(2);
    expect(r.words).toBe(5);
  });
});
