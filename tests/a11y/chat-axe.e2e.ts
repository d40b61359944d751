/**
 * axe (WCAG 2.0–2.2 A and AA) finds nothing on the chat in every state a visitor reaches with a
 * real server and operator: pre-chat (with the 112 advice open), waiting, the conversation, and its
 * end; and on the operator console, logged out and at work.
 * All four states in Dutch (left to right, the original) and Arabic (right to left); the states
 * are one template whose strings come from content/ui, so the other languages are checked in the
 * pre-chat state, where the most of their text is (tests/unit/ui-strings.test.ts checks that
 * every string exists in every language).
 */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../support/axe';
import { LANGS, type Lang } from '../../site/i18n/locales';
import { uiStrings } from '../../site/i18n/ui';
import { acceptWhere, availableOperator, createOperator, type OperatorSocket } from '../e2e/chat-support';

// Four axe runs and a real operator per test: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** A municipality no other chat test uses, so the operator here takes only its own visitor. */
const MUNICIPALITY = 'GM0014';

async function violations(page: Page): Promise<string[]> {
  // As the site-wide axe test does: from the top. Scrolled, axe counts links under the sticky
  // safety bar as overlapping targets (a property of the shared header, not of this page).
  await page.evaluate(() => window.scrollTo(0, 0));
  return axeViolations(page);
}

const EVERY_STATE: readonly Lang[] = ['nl', 'ar'];

/** The start form as a visitor in danger fills it in (the 112 advice opens); axe finds nothing. */
async function preChatInDanger(page: Page, lang: Lang) {
  const strings = uiStrings(lang);
  await page.goto(`/${lang}/chat/`);
  await expect(page.getByRole('button', { name: strings['chat.start'] })).toBeVisible();
  await page.getByLabel(strings['chat.about.self'], { exact: true }).check();
  await page.getByRole('group', { name: strings['chat.danger.legend'] }).getByLabel(strings['chat.danger.yes']).check();
  await expect(page.locator('.chat-advice--danger')).toBeVisible();
  expect(await violations(page), 'pre-chat').toEqual([]);
}

for (const lang of LANGS.filter((l) => !EVERY_STATE.includes(l))) {
  test(`axe: /${lang}/chat/ pre-chat with the 112 advice open`, async ({ page, baseURL }) => {
    // The form shows only while an operator is available: bring one, do not count on other tests.
    const operator = await availableOperator(baseURL!, createOperator(`a11y-pre-${lang}`));
    try {
      await preChatInDanger(page, lang);
    } finally {
      operator.disconnect();
    }
  });
}

for (const lang of EVERY_STATE) {
  test(`axe: /${lang}/chat/ pre-chat, waiting, conversation, ended`, async ({ page, baseURL }) => {
    const strings = uiStrings(lang);
    let operator: OperatorSocket | undefined;
    try {
      operator = await availableOperator(baseURL!, createOperator(`a11y-${lang}`));
      await preChatInDanger(page, lang);

      await page.getByLabel(strings['chat.municipality.label']).selectOption(MUNICIPALITY);
      await page.getByRole('button', { name: strings['chat.start'] }).click();
      await expect(page.getByRole('heading', { name: strings['chat.waiting.title'] })).toBeVisible();
      expect(await violations(page), 'waiting').toEqual([]);

      await acceptWhere(operator, (w) => w.lang === lang && w.municipality === MUNICIPALITY);
      await expect(page.getByLabel(strings['chat.composer.label'])).toBeVisible();
      await page.getByLabel(strings['chat.composer.label']).fill('Test https://www.example.org/');
      await page.keyboard.press('Enter');
      await expect(page.locator('.chat-message--pending')).toHaveCount(0);
      expect(await violations(page), 'conversation').toEqual([]);

      await page.getByRole('button', { name: strings['chat.end'] }).click();
      await page.getByRole('button', { name: strings['chat.end.yes'] }).click();
      await expect(page.getByRole('heading', { name: strings['chat.ended.title'] })).toBeFocused();
      expect(await violations(page), 'ended').toEqual([]);
    } finally {
      operator?.disconnect();
    }
  });
}

test('axe: /medewerkers/ logged out and at work with a conversation', async ({ page, browser }) => {
  const nl = uiStrings('nl');
  const account = createOperator('a11y-console', 'supervisor');
  await page.goto('/medewerkers/');
  await expect(page.getByRole('heading', { name: nl['chat.console.login.title'] })).toBeVisible();
  expect(await violations(page), 'login').toEqual([]);
  await page.getByLabel(nl['chat.console.login.username']).fill(account.username);
  await page.getByLabel(nl['chat.console.login.password']).fill('wrong password!');
  await page.getByRole('button', { name: nl['chat.console.login.submit'] }).click();
  await expect(page.getByRole('alert')).toHaveText(nl['chat.console.login.wrong']);
  expect(await violations(page), 'login error').toEqual([]);
  await page.getByLabel(nl['chat.console.login.password']).fill(account.password);
  await page.getByRole('button', { name: nl['chat.console.login.submit'] }).click();
  const toggle = page.getByRole('button', { name: nl['chat.console.status.toggle'] });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel(nl['chat.console.calm']).uncheck();

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto('/pl/chat/');
  await visitor.getByLabel(uiStrings('pl')['chat.about.child']).check();
  await visitor.locator('#chat-danger-no').check();
  await visitor.getByLabel(uiStrings('pl')['chat.municipality.label']).selectOption('GM0034');
  await visitor.getByRole('button', { name: uiStrings('pl')['chat.start'] }).click();

  const row = page.locator('.console-table tbody tr').filter({ hasText: 'Almere' });
  await expect(row).toBeVisible();
  expect(await violations(page), 'queue').toEqual([]);
  await row.getByRole('button', { name: nl['chat.console.queue.accept'] }).click();
  const panel = page.locator('.console-conversation').filter({ hasText: 'Almere' });
  await expect(panel).toBeVisible();
  await panel.getByText(nl['chat.console.notes.title'].replace('{count}', '0'), { exact: true }).click();
  // Exact: with a colleague online the panel also shows a "transfer to colleague" button.
  await panel.getByText(nl['chat.console.transfer.title'], { exact: true }).click();
  expect(await violations(page), 'working').toEqual([]);
  await visitorContext.close();
});
