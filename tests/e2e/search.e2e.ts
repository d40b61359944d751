/**
 * The search island in a real browser over the real build: results as you type without a
 * single network request, keyboard use, screen-reader count, Arabic, and the form without
 * JavaScript.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { buildIndexJson } from '../../search-index/build-index';
import { EmbeddedSearchEngine } from '../../search-index/embedded-engine';

async function openSearch(page: Page, lang: string): Promise<void> {
  await page.goto(`/${lang}/zoeken/`);
  await expect(page.locator('[data-search-state="ready"]')).toBeVisible();
}

function recordRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request: Request) => requests.push(request.url()));
  return requests;
}

test.describe('search island', () => {
  test('typing the done-journey query shows the Zaanstad partner-violence route first and sends nothing', async ({
    page,
  }) => {
    await openSearch(page, 'nl');
    const requests = recordRequests(page);
    await page.getByLabel('Waar zoek je naar?').pressSequentially('mn man slaat mij zaandam', { delay: 30 });
    const first = page.locator('[data-search-results] a').first();
    await expect(first).toHaveAttribute('href', '/nl/hulp/zaanstad/#thema-partnergeweld');
    await expect(page.getByRole('status')).toContainText(/\d+ resultaten/);
    expect(requests).toEqual([]);
  });

  test('works with the keyboard alone: type, arrow into the results and back, Enter follows the link', async ({
    page,
  }) => {
    await openSearch(page, 'nl');
    await page.getByLabel('Waar zoek je naar?').focus();
    await page.keyboard.type('Krommenie');
    await expect(page.locator('[data-search-results] a').first()).toHaveText('Zaanstad');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('[data-search-results] a').first()).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByLabel('Waar zoek je naar?')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/nl\/hulp\/zaanstad\/$/);
  });

  test('Arabic: right-to-left page, Arabic query finds the route, nothing is sent', async ({ page }) => {
    await openSearch(page, 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const requests = recordRequests(page);
    await page.getByRole('searchbox').pressSequentially('زوجي يضربني zaandam', { delay: 30 });
    await expect(page.locator('[data-search-results] a').first()).toHaveAttribute(
      'href',
      '/ar/hulp/zaanstad/#thema-partnergeweld',
    );
    expect(requests).toEqual([]);
  });

  test('query text with HTML is shown as text and never becomes markup', async ({ page }) => {
    await openSearch(page, 'nl');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('searchbox').fill('<img src=x onerror=alert(1)><script>alert(2)</script> zaandam');
    await expect(page.locator('[data-search-results] a').first()).toBeVisible();
    await expect(page.locator('[data-search-results] img, [data-search-results] script')).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });

  test('a query sent in the address (the form without JavaScript) is searched on arrival', async ({ page }) => {
    await page.goto('/nl/zoeken/?q=Heerhugowaard');
    await expect(page.locator('[data-search-results] a').first()).toHaveAttribute('href', '/nl/hulp/dijk-en-waard/');
  });

  test('every page-section result points at a heading that exists on the built page', async ({ request }) => {
    const engine = EmbeddedSearchEngine.fromJson(buildIndexJson('nl'));
    const sectionUrls = new Set(
      ['privévenster', 'geschiedenis', 'cookies', 'chat', 'bellen', 'snel weg', 'toegankelijkheid']
        .flatMap((query) => engine.searchNow(query, { limit: 50 }))
        .filter((result) => result.type === 'page' && result.url.includes('#'))
        .map((result) => result.url),
    );
    expect(sectionUrls.size).toBeGreaterThan(3);
    for (const url of sectionUrls) {
      const [path, anchor] = url.split('#');
      const html = await (await request.get(path!)).text();
      expect(html, url).toContain(`id="${anchor}"`);
    }
  });

  test('the served index file is exactly the one the CLI builds', async ({ request }) => {
    for (const lang of ['nl', 'ar']) {
      const response = await request.get(`/${lang}/zoeken/index.json`);
      expect(response.ok()).toBe(true);
      expect(await response.text()).toBe(buildIndexJson(lang));
    }
  });
});

test.describe('search page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the form goes to the results page, which lists every theme and the municipalities link', async ({ page }) => {
    await page.goto('/nl/zoeken/');
    await page.getByRole('searchbox').fill('zaandam');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL(/\/nl\/zoeken\/\?q=zaandam$/);
    await expect(page.locator('a[href^="/nl/thema/"]')).toHaveCount(11);
    await expect(page.locator('a[href="/nl/hulp/"]').first()).toBeVisible();
  });
});
