/**
 * The whole chat in two browsers: a visitor in Arabic and an operator in the console. Pre-chat,
 * queue position, accept, messages both ways, the visitor's network dropped and restored (every
 * message shown exactly once on both sides), and a quick exit that ends the chat for the
 * operator and leaves nothing in the visitor's storage.
 */
import { expect, test, type Page } from '@playwright/test';
import { uiStrings } from '../../site/i18n/ui';
import { createOperator } from './chat-support';

const ar = uiStrings('ar');
const nl = uiStrings('nl');
const EXIT = 'https://www.buienradar.nl/';

test.describe.configure({ mode: 'serial' });

async function messageCount(page: Page, text: string): Promise<number> {
  return page.locator('.chat-log .chat-message__text').filter({ hasText: text }).count();
}

test('chat journey: Arabic visitor and operator, dropped network, quick exit', async ({ browser }) => {
  test.setTimeout(240_000);
  const account = createOperator('e2e-journey', 'supervisor', 'Sanne');

  // The operator logs in and becomes available.
  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  await operator.goto('/medewerkers/');
  await operator.getByLabel(nl['chat.console.login.username']).fill(account.username);
  await operator.getByLabel(nl['chat.console.login.password']).fill(account.password);
  await operator.getByRole('button', { name: nl['chat.console.login.submit'] }).click();
  const availableToggle = operator.getByRole('button', { name: nl['chat.console.status.toggle'] });
  await availableToggle.click();
  await expect(availableToggle).toHaveAttribute('aria-pressed', 'true');
  await operator.getByLabel(nl['chat.console.calm']).uncheck();

  // The visitor, in Arabic, answers the pre-chat questions.
  const visitorContext = await browser.newContext();
  await visitorContext.route('https://www.buienradar.nl/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>neutral</title>' }),
  );
  const visitor = await visitorContext.newPage();
  await visitor.goto('/ar/chat/');
  await expect(visitor.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(visitor.getByText(ar['chat.status.open']).or(visitor.getByText(ar['chat.status.busy']))).toBeVisible();
  await expect(visitor.getByText(ar['chat.privacy'])).toBeVisible();
  await visitor.getByLabel(ar['chat.about.self']).check();
  await visitor.getByRole('group', { name: ar['chat.danger.legend'] }).getByLabel(ar['chat.danger.no']).check();
  await visitor.getByLabel(ar['chat.municipality.label']).selectOption('GM0479');
  await visitor.getByLabel(ar['chat.nickname.label']).fill('Noor');
  await visitor.getByRole('button', { name: ar['chat.start'] }).click();

  // Waiting: the place in the queue, an estimate, and the phone route.
  await expect(visitor.getByRole('heading', { name: ar['chat.waiting.title'] })).toBeFocused();
  await expect(visitor.getByTestId('chat-position')).toBeVisible();
  // The safety numbers at the top (the language notice may name 0800-2000 again: issue 14).
  await expect(visitor.locator('.chat-waiting .chat-numbers a[href="tel:08002000"]')).toBeVisible();
  await expect(visitor.locator('.chat-waiting .chat-numbers a[href="tel:112"]')).toBeVisible();

  // The operator takes exactly this conversation (Zaanstad), whatever else waits.
  const row = operator.locator('.console-table tbody tr').filter({ hasText: 'Zaanstad' });
  await expect(row).toContainText('العربية');
  await row.getByRole('button', { name: nl['chat.console.queue.accept'] }).click();
  const panel = operator.locator('.console-conversation').filter({ hasText: 'Noor' });
  await expect(panel).toBeVisible();
  await expect(panel.locator('.console-route')).toContainText('Zaanstad');

  // Messages both ways.
  await expect(visitor.getByLabel(ar['chat.composer.label'])).toBeFocused();
  await visitor.getByLabel(ar['chat.composer.label']).fill('مرحبا، أحتاج مساعدة');
  await visitor.keyboard.press('Enter');
  await expect(panel.locator('.chat-message[data-from="visitor"]')).toContainText('مرحبا، أحتاج مساعدة');
  await panel.getByLabel(nl['chat.console.conversation.message']).fill('Hallo, lees ook https://www.veiligthuis.nl/');
  await panel.getByRole('button', { name: nl['chat.console.conversation.send'] }).click();
  const operatorMessage = visitor.locator('.chat-message[data-from="operator"]').filter({ hasText: 'Hallo' });
  await expect(operatorMessage).toBeVisible();
  await expect(operatorMessage.getByRole('link')).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(visitor.getByTestId('chat-announcer')).toContainText('Hallo');

  // The network drops: the visitor types on, the operator writes too; then it comes back.
  await visitorContext.setOffline(true);
  await expect(visitor.getByTestId('chat-connection-lost')).toBeVisible();
  await visitor.getByLabel(ar['chat.composer.label']).fill('رسالة أثناء الانقطاع');
  await visitor.keyboard.press('Enter');
  await expect(visitor.locator('.chat-message--pending')).toHaveCount(1);
  await panel.getByLabel(nl['chat.console.conversation.message']).fill('Ben je er nog?');
  await panel.getByRole('button', { name: nl['chat.console.conversation.send'] }).click();
  await visitorContext.setOffline(false);
  await expect(visitor.getByTestId('chat-connection-lost')).toBeHidden({ timeout: 15_000 });
  await expect(visitor.locator('.chat-message--pending')).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(() => messageCount(visitor, 'Ben je er nog?')).toBe(1);
  await expect(
    panel.locator('.chat-message[data-from="visitor"]').filter({ hasText: 'رسالة أثناء الانقطاع' }),
  ).toHaveCount(1);
  for (const text of ['مرحبا، أحتاج مساعدة', 'Hallo, lees ook', 'رسالة أثناء الانقطاع', 'Ben je er nog?']) {
    expect(await messageCount(visitor, text), text).toBe(1);
  }

  // Quick exit: Esc twice. The operator sees the chat ended; the visitor's storage is empty.
  await visitor.locator('body').press('Escape');
  await visitor.locator('body').press('Escape');
  await expect(visitor).toHaveURL(EXIT);
  await expect(panel).toContainText(nl['chat.console.ended.quickExit']);
  await visitor.goto('/ar/chat/');
  expect(await visitor.evaluate(() => [sessionStorage.length, localStorage.length])).toEqual([0, 0]);
  await expect(visitor.getByRole('button', { name: ar['chat.start'] })).toBeVisible();

  await visitorContext.close();
  await operatorContext.close();
});
