/** axe finds nothing on the search page while it shows results, in Dutch and in Arabic (RTL). */
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

for (const [lang, query] of [
  ['nl', 'mn man slaat mij zaandam'],
  ['ar', 'زوجي يضربني zaandam'],
]) {
  test(`axe: /${lang}/zoeken/ with results`, async ({ page }) => {
    await page.goto(`/${lang}/zoeken/`);
    await expect(page.locator('[data-search-state="ready"]')).toBeVisible();
    await page.getByRole('searchbox').fill(query!);
    await expect(page.locator('[data-search-results] a').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
