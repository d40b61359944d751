/** The page shell in every language: lang, dir, hreflang, safety numbers, skip link, switcher. */
import { expect, test } from '@playwright/test';
import { LANGS, LOCALES } from '../../site/i18n/locales';
import { uiStrings } from '../../site/i18n/ui';

for (const lang of LANGS) {
  test(`shell: /${lang}/sporen-wissen/ has the right language, direction and safety bar`, async ({ page }) => {
    const strings = uiStrings(lang);
    await page.goto(`/${lang}/sporen-wissen/`);
    const html = page.locator('html');
    await expect(html).toHaveAttribute('lang', lang);
    await expect(html).toHaveAttribute('dir', LOCALES[lang].dir);
    for (const other of LANGS) {
      await expect(page.locator(`link[rel=alternate][hreflang="${LOCALES[other].hreflang}"]`)).toHaveAttribute(
        'href',
        new RegExp(`/${other}/sporen-wissen/$`),
      );
    }
    await expect(page.locator('a[href="tel:112"]').first()).toBeVisible();
    await expect(page.locator('a[href="tel:08002000"]').first()).toHaveText('0800-2000');
    await expect(page.getByText(strings['safety.danger']).first()).toBeVisible();
    await expect(page.getByRole('link', { name: strings['quickExit.label'] })).toBeVisible();
    await expect(page.locator('footer a[href$="/privacy/"]')).toHaveText(strings['footer.privacy']);
    await expect(page.locator('footer a[href$="/toegankelijkheid/"]')).toHaveText(strings['footer.accessibility']);
  });
}

test('shell: the skip link is the first stop and moves focus to the content', async ({ page }) => {
  await page.goto('/nl/privacy/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Ga naar de inhoud' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('shell: the language switcher keeps the page', async ({ page }) => {
  await page.goto('/nl/privacy/');
  const switcher = page.getByRole('navigation', { name: 'Taal' });
  await switcher.locator('summary').click();
  await switcher.getByRole('link', { name: 'العربية' }).click();
  await expect(page).toHaveURL(/\/ar\/privacy\/$/);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('shell: the quick exit stays in view when scrolling on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/nl/sporen-wissen/');
  await page.mouse.wheel(0, 3000);
  await page.waitForFunction(() => window.scrollY > 200);
  const button = page.getByRole('link', { name: 'Snel weg' });
  await expect(button).toBeInViewport();
});

test('shell: / leads to /nl/', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/nl\/$/);
});
