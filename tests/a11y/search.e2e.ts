/** axe finds nothing on the search page while it shows results, in Dutch and in Arabic (RTL). */
import { expect, test } from '@playwright/test';
import { axeViolations } from '../support/axe';

for (const [lang, query] of [
  ['nl', 'mn man slaat mij zaandam'],
  ['ar', 'زوجي يضربني zaandam'],
]) {
  test(`axe: /${lang}/zoeken/ with results`, async ({ page }) => {
    await page.goto(`/${lang}/zoeken/`);
    await expect(page.locator('[data-search-state="ready"]')).toBeVisible();
    await page.getByRole('searchbox').fill(query!);
    await expect(page.locator('[data-search-results] a').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
