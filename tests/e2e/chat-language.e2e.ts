/**
 * Issue 14 in the browser: with only a Dutch-speaking operator available, the Polish and the
 * Arabic chat say honestly, before and while waiting, that nobody reads their language now, offer
 * Dutch (the language someone does read) and the Veilig Thuis phone, and never an interpreter.
 * When a Polish-speaking operator becomes available the waiting visitor is told at once (the
 * notice goes); when they step away it comes back. Screenshots at 390×844 for a person to look at.
 */
import { expect, test, type Page } from '@playwright/test';
import { uiStrings } from '../../site/i18n/ui';
import { availableOperator, createOperator, type OperatorSocket } from './chat-support';

const pl = uiStrings('pl');
const ar = uiStrings('ar');

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 390, height: 844 } });

let dutch: OperatorSocket | undefined;
test.beforeAll(async ({ baseURL }) => {
  dutch = await availableOperator(baseURL!, createOperator('e2e-lang-nl', 'operator', 'Sanne', ['nl']));
});
test.afterAll(() => void dutch?.disconnect());

async function noticeSaysTheTruth(page: Page, strings: typeof pl) {
  const notice = page.getByTestId('chat-language-unserved');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(strings['chat.language.unserved']);
  // Dutch is read (the Dutch operator): offered, alone or with English (never the page's language).
  await expect(notice.getByTestId('chat-language-fallback')).toHaveText(
    new RegExp(`^(${[strings['chat.language.fallbackNl'], strings['chat.language.fallbackBoth']].join('|')})$`),
  );
  await expect(notice.locator('a[href="tel:08002000"]')).toBeVisible();
  await expect(notice).not.toContainText(/tłumacz|مترجم/);
}

test('the Polish chat says nobody reads Polish now, before and while waiting, and when that changes', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await page.goto('/pl/chat/');
  await expect(page.getByText(pl['chat.status.open']).or(page.getByText(pl['chat.status.busy']))).toBeVisible();
  await noticeSaysTheTruth(page, pl);
  await page.screenshot({ path: '/tmp/lang-pl.png', fullPage: true });

  // While waiting, too.
  await page.getByRole('radio', { name: pl['chat.about.self'], exact: true }).check();
  await page.getByRole('group', { name: pl['chat.danger.legend'] }).getByLabel(pl['chat.danger.no']).check();
  await page.getByRole('button', { name: pl['chat.start'] }).click();
  await expect(page.getByRole('heading', { name: pl['chat.waiting.title'] })).toBeFocused();
  await noticeSaysTheTruth(page, pl);

  // A Polish-speaking operator becomes available: the waiting visitor is told (queue:updated).
  const polish = await availableOperator(baseURL!, createOperator('e2e-lang-pl', 'operator', 'Ola', ['pl', 'nl']));
  try {
    await expect(page.getByTestId('chat-language-unserved')).toHaveCount(0);
    const away = await polish.timeout(5000).emitWithAck('operator:status', { status: 'away' });
    expect(away.ok).toBe(true);
    await noticeSaysTheTruth(page, pl);
  } finally {
    polish.disconnect();
  }
  await page.getByRole('button', { name: pl['chat.waiting.cancel'] }).click();
});

test('the Arabic chat says it too, right to left', async ({ page }) => {
  await page.goto('/ar/chat/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByText(ar['chat.status.open']).or(page.getByText(ar['chat.status.busy']))).toBeVisible();
  await noticeSaysTheTruth(page, ar);
  // The notice's bar is on the start side (border-inline-start): the right in Arabic.
  const notice = page.getByTestId('chat-language-unserved');
  expect(await notice.evaluate((element) => getComputedStyle(element).borderRightWidth)).toBe('4px');
  expect(await notice.evaluate((element) => getComputedStyle(element).borderLeftWidth)).toBe('0px');
  await page.screenshot({ path: '/tmp/lang-ar.png', fullPage: true });
});
