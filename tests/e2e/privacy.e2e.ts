/**
 * No visitor request leaves our origin and no cookie is set, on every page in the sitemap in
 * every language (the municipality template by a fixed sample; FULL_CRAWL=1 for all).
 */
import { expect, test } from '@playwright/test';
import { pathsToVisit } from '../support/sitemap';
import { watchConsoleErrors, watchPrivacy } from '../support/browser';

for (const path of pathsToVisit()) {
  test(`privacy: ${path} stays on our origin, sets no cookie and breaks no policy`, async ({
    page,
    baseURL,
    context,
  }) => {
    const origin = new URL(baseURL!).origin;
    const seen = watchPrivacy(page, origin);
    const errors = watchConsoleErrors(page);
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(seen.offOrigin).toEqual([]);
    expect(seen.cookies).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(errors).toEqual([]);
  });
}
