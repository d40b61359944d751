/**
 * One visit per page, two checks: privacy (no request leaves our origin, no cookie is set, no
 * console or Content-Security-Policy error) and accessibility (axe: WCAG 2.0, 2.1 and 2.2, levels
 * A and AA, finds nothing). Visiting once for both halves the crawl's cost.
 *
 * Which pages: every template in every language plus a fixed sample (tests/support/sitemap.ts);
 * `npm run test:crawl` visits every URL in the sitemap.
 */
import { expect, test } from '@playwright/test';
import { pathsToVisit } from '../support/sitemap';
import { watchConsoleErrors, watchPrivacy } from '../support/browser';
import { axeViolations } from '../support/axe';

for (const path of pathsToVisit()) {
  test(`page: ${path} stays on our origin, sets no cookie, breaks no policy, passes axe`, async ({
    page,
    baseURL,
    context,
  }) => {
    const origin = new URL(baseURL!).origin;
    const seen = watchPrivacy(page, origin);
    const errors = watchConsoleErrors(page);
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect.soft(seen.offOrigin, 'requests to another origin').toEqual([]);
    expect.soft(seen.cookies, 'Set-Cookie headers').toEqual([]);
    expect.soft(await context.cookies(), 'cookies').toEqual([]);
    expect.soft(errors, 'console and CSP errors').toEqual([]);
    expect(await axeViolations(page), 'axe violations').toEqual([]);
  });
}

test('page: the 404 page passes axe', async ({ page }) => {
  const response = await page.goto('/bestaat-niet/');
  expect(response?.status()).toBe(404);
  expect(await axeViolations(page)).toEqual([]);
});

test('page: the axe helper does find a WCAG violation (and no best-practice rule)', async ({ page }) => {
  // An image without alternative text (WCAG 1.1.1), outside any landmark (best practice only).
  await page.setContent('<html lang="nl"><head><title>t</title></head><body><img src="data:,"></body></html>');
  const found = await axeViolations(page);
  expect(found.map((line) => line.split(':')[0])).toEqual(['image-alt']);
});
