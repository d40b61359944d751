import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { municipalitySlug, searchKey } from '../../site/lib/help/text';
import { MUNICIPALITIES, municipalityBySlug } from '../../content/facts/municipalities';

describe('municipalitySlug', () => {
  it('follows the rule of issue 4 on its examples', () => {
    expect(municipalitySlug("'s-Gravenhage")).toBe('s-gravenhage');
    expect(municipalitySlug('Súdwest-Fryslân')).toBe('sudwest-fryslan');
    expect(municipalitySlug('Bergen (NH.)')).toBe('bergen-nh');
    expect(municipalitySlug('Nuenen, Gerwen en Nederwetten')).toBe('nuenen-gerwen-en-nederwetten');
  });

  it('gives every one of the 342 municipalities its own slug of [a-z0-9-] only', () => {
    expect(MUNICIPALITIES).toHaveLength(342);
    const slugs = MUNICIPALITIES.map((m) => m.slug);
    expect(new Set(slugs).size).toBe(342);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const m of MUNICIPALITIES) expect(municipalityBySlug(m.slug)).toBe(m);
  });

  it('never yields leading, trailing or double hyphens, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const slug = municipalitySlug(name);
        expect(slug).not.toMatch(/^-|-$|--/);
        expect(municipalitySlug(slug)).toBe(slug);
      }),
    );
  });
});

describe('searchKey', () => {
  it('lets "\'s-Gravenhage", "s gravenhage" and "S-GRAVENHAGE" meet', () => {
    expect(searchKey("'s-Gravenhage")).toBe('s gravenhage');
    expect(searchKey('s gravenhage')).toBe('s gravenhage');
    expect(searchKey('  S-GRAVENHAGE ')).toBe('s gravenhage');
  });
});
