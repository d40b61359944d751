/**
 * After a visit of several pages and the quick exit, Back never shows a page of this site: moves
 * inside the site replace the history entry (site/scripts/no-trail.ts), and the exit replaces
 * that one. A visible "previous page" link takes the place of Back inside the site.
 */
import { expect, test, type Page } from '@playwright/test';
import { EXIT, interceptExit } from '../support/quick-exit';

/** The page's no-trail script is installed (a click before that is an ordinary one; a person is slower). */
const trailFree = (page: Page) => expect(page.locator('html[data-no-trail="ready"]')).toHaveCount(1);

test('no trail: after five pages, a jump within a page and the exit, Back leaves no page of ours', async ({
  page,
  baseURL,
}) => {
  await interceptExit(page);
  // The visitor arrives once (typed address or a search result), then only clicks.
  await page.goto('/nl/');
  await trailFree(page);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Sporen wissen' }).click();
  await expect(page).toHaveURL(/\/nl\/sporen-wissen\/$/);
  await trailFree(page);
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Hulp in jouw gemeente' })
    .click();
  await expect(page).toHaveURL(/\/nl\/hulp\/$/);
  // The municipality lookup goes there by script: that move leaves no entry either.
  // Suggestions show once the island runs and its index is loaded; then Enter is the island's.
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
  await page.getByLabel('Gemeente, woonplaats of postcode').fill('Zaandam');
  // The lookup loads its index first: on a loaded machine that takes longer than the default 5 s.
  await expect(page.locator('[data-lookup-results] a').first()).toBeVisible({ timeout: 20_000 });
  await page.getByLabel('Gemeente, woonplaats of postcode').press('Enter');
  await expect(page).toHaveURL(/\/nl\/hulp\/zaanstad\/$/);
  await trailFree(page);
  // The skip link: a jump within the page is no history entry either.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  const switcher = page.getByRole('navigation', { name: 'Taal' });
  await switcher.locator('summary').click();
  await switcher.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/hulp\/zaanstad\/$/);
  await trailFree(page);
  expect(await page.evaluate(() => history.length)).toBe(2); // the blank start page and this one

  await page.getByRole('link', { name: 'Leave quickly' }).click();
  await expect(page).toHaveURL(EXIT);
  await page.goBack();
  expect(page.url().startsWith(baseURL!)).toBe(false);
});

test('no trail: the previous-page link takes the place of Back, and is gone at the first page', async ({ page }) => {
  await page.goto('/nl/privacy/');
  const back = page.getByRole('link', { name: 'Vorige pagina' });
  await expect(back).toBeHidden();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Chat' }).click();
  await expect(page).toHaveURL(/\/nl\/chat\/$/);
  await back.click();
  await expect(page).toHaveURL(/\/nl\/privacy\/$/);
  await expect(back).toBeHidden();
});

test('no trail: the quick exit wipes the pages the previous-page link would lead to', async ({ page }) => {
  await interceptExit(page);
  await page.goto('/nl/privacy/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/\/nl\/zoeken\/$/);
  await page.getByRole('link', { name: 'Snel weg' }).click();
  await expect(page).toHaveURL(EXIT);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('no trail: links are ordinary links and no previous-page link shows', async ({ page }) => {
    await page.goto('/nl/privacy/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Chat' }).click();
    await expect(page).toHaveURL(/\/nl\/chat\/$/);
    await expect(page.getByRole('link', { name: 'Vorige pagina' })).toBeHidden();
    await page.goBack();
    await expect(page).toHaveURL(/\/nl\/privacy\/$/);
  });
});
