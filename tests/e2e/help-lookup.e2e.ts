/**
 * The lookup journey in a real browser: keyboard only, nothing sent while typing, bad input
 * explained, `?thema=` honoured, Arabic, and the province list without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test';
import { uiStrings } from '../../site/i18n/ui';

/** Tabs from the top of the page until the lookup field has focus (keyboard only, no clicks). */
async function tabToLookup(page: Page) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator('#lookup-input').evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('The lookup field is not reachable with Tab');
}

/** Waits until the island has hydrated (the input reacts to typing with suggestions). */
async function hydrated(page: Page) {
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
}

test('help lookup: type a place with the keyboard, Enter, and land on the municipality', async ({ page }) => {
  await page.goto('/nl/hulp/');
  await hydrated(page);
  await tabToLookup(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.keyboard.type('Zaandam', { delay: 30 });
  await expect(page.locator('[data-lookup-results] a').first()).toBeVisible();
  // Nothing at all was requested while typing: the index is on the device.
  expect(requests).toEqual([]);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/nl/hulp/zaanstad/');
  await expect(page.locator('h1')).toHaveText('Hulp in Zaanstad');
  await expect(page.locator('[data-vt-region="VT22"]')).toContainText('Zaanstreek-Waterland');
});

test('help lookup: Tab reaches a suggestion and Enter follows it', async ({ page }) => {
  await page.goto('/nl/hulp/');
  await hydrated(page);
  await tabToLookup(page);
  await page.keyboard.type('Den Ha');
  await expect(page.locator('[data-lookup-results] a').first()).toContainText("'s-Gravenhage");
  await page.keyboard.press('Tab'); // the submit button
  await page.keyboard.press('Tab'); // the first suggestion
  await page.keyboard.press('Enter');
  await page.waitForURL('**/nl/hulp/s-gravenhage/');
});

test('help lookup: a PO-box postcode gets a clear message, focus and the way to the province list', async ({
  page,
}) => {
  const strings = uiStrings('nl');
  await page.goto('/nl/hulp/');
  await hydrated(page);
  await page.locator('#lookup-input').fill('1000 AA');
  await page.keyboard.press('Enter');
  const message = page.locator('[data-lookup-message="unknown-postcode"]');
  await expect(message).toContainText(strings['help.lookup.unknownPostcode'].replace('{pc4}', '1000'));
  await expect(message).toBeFocused();
  await message.getByRole('link').press('Enter');
  await expect(page).toHaveURL(/#provincies$/);
  await page.locator('#lookup-input').fill('');
  await page.locator('#lookup-input').press('Enter');
  await expect(page.locator('[data-lookup-message="empty"]')).toBeVisible();
});

test('help lookup: ?thema= leads to that theme on the municipality page, also from the province list', async ({
  page,
}) => {
  await page.goto('/nl/hulp/?thema=partnergeweld');
  await hydrated(page);
  await expect(page.locator('a[href="/nl/hulp/nijmegen/#thema-partnergeweld"]')).toHaveCount(1);
  await page.locator('#lookup-input').fill('6511');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/nl/hulp/nijmegen/#thema-partnergeweld');
  await expect(page.locator('#thema-partnergeweld')).toBeInViewport();
  // An unknown theme in the query changes nothing.
  await page.goto('/nl/hulp/?thema=<script>');
  await hydrated(page);
  await expect(page.locator('a[href="/nl/hulp/nijmegen/"]')).toHaveCount(1);
});

test('help lookup: Arabic, right to left, postcode 6511 → Nijmegen with Veilig Thuis Gelderland-Zuid', async ({
  page,
}) => {
  await page.goto('/ar/hulp/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await hydrated(page);
  await tabToLookup(page);
  await page.keyboard.type('6511');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/ar/hulp/nijmegen/');
  await expect(page.locator('[data-vt-organisation]')).toContainText('Veilig Thuis Gelderland-Zuid');
  await expect(page.locator('a[href="tel:08002000"]').first()).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('help lookup: the province list leads to every municipality', async ({ page }) => {
    await page.goto('/nl/hulp/');
    await page.getByText('Noord-Holland', { exact: true }).click();
    await page.getByRole('link', { name: 'Zaanstad', exact: true }).click();
    await expect(page).toHaveURL(/\/nl\/hulp\/zaanstad\/$/);
    await expect(page.locator('a[href="tel:112"]').first()).toBeVisible();
  });
});
