/**
 * The quick exit: blank page, storage wiped, replaced in history, by button and by Esc twice;
 * a plain link without JavaScript. The neutral site is intercepted so no request leaves here.
 */
import { expect, test, type Page } from '@playwright/test';
import { EXIT, interceptExit } from '../support/quick-exit';

async function fillStorage(page: Page) {
  await page.evaluate(() => {
    sessionStorage.setItem('chat.resumeToken', 'secret');
    localStorage.setItem('something', 'x');
  });
}

test('quick exit: the button leaves, wipes storage and Back does not return', async ({ page }) => {
  await interceptExit(page);
  await page.goto('/nl/');
  await page.goto('/nl/sporen-wissen/');
  await fillStorage(page);
  await page.getByRole('link', { name: 'Snel weg' }).click();
  await expect(page).toHaveURL(EXIT);
  await page.goBack();
  // The page we left was replaced: Back goes to the page before it, never to the one we fled.
  await expect(page).not.toHaveURL(/sporen-wissen/);
  const storage = await page.evaluate(() => [sessionStorage.length, localStorage.length]);
  expect(storage).toEqual([0, 0]);
});

test('quick exit: Esc twice within 2 seconds leaves', async ({ page }) => {
  await interceptExit(page);
  await page.goto('/ar/privacy/');
  await fillStorage(page);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(EXIT);
});

test('quick exit: Esc once does not leave', async ({ page }) => {
  await interceptExit(page);
  await page.goto('/nl/privacy/');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/\/nl\/privacy\/$/);
});

test('quick exit: Esc presses far apart do not leave', async ({ page }) => {
  await interceptExit(page);
  await page.goto('/nl/privacy/');
  await page.keyboard.press('Escape');
  await page.clock.install();
  await page.clock.fastForward(2500);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/\/nl\/privacy\/$/);
});

test('quick exit: the page is blank and storage empty before it leaves', async ({ page }) => {
  // A listener (as the chat will have) reports what the page looks like while it is leaving.
  let reported = '';
  await page.exposeFunction('reportExitState', (state: string) => (reported = state));
  await page.addInitScript(() => {
    window.addEventListener('ghnt:quick-exit', () => {
      const report = (window as unknown as { reportExitState: (state: string) => void }).reportExitState;
      report(`${getComputedStyle(document.body).visibility} [${document.title}]`);
    });
  });
  await interceptExit(page);
  await page.goto('/nl/privacy/');
  await page.getByRole('link', { name: 'Snel weg' }).click();
  await expect(page).toHaveURL(EXIT);
  await expect.poll(() => reported).toBe('hidden []');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('quick exit: is a plain link to the neutral site with rel=noreferrer', async ({ page }) => {
    await page.goto('/nl/privacy/');
    const link = page.getByRole('link', { name: 'Snel weg' });
    await expect(link).toHaveAttribute('href', EXIT);
    await expect(link).toHaveAttribute('rel', 'noreferrer');
  });
});
