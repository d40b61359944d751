/**
 * A shared computer: when one operator logs out and another logs in on the same page, the second
 * sees nothing of the first one's conversations (the console's state starts afresh per session).
 */
import { expect, test } from '@playwright/test';
import { uiStrings } from '../../site/i18n/ui';
import { format } from '../../site/islands/chat/fill';
import { consoleAvailable, createOperator } from './chat-support';

const nl = uiStrings('nl');
const en = uiStrings('en');

test("console: the next operator on the same page sees none of the last one's conversations", async ({ browser }) => {
  test.setTimeout(120_000);
  const first = createOperator('e2e-session-first', 'operator', 'Noor');
  const second = createOperator('e2e-session-second', 'operator', 'Daan');
  const operator = await (await browser.newContext()).newPage();
  await consoleAvailable(operator, first);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/en/chat/');
  await visitor.getByLabel(en['chat.about.someoneElse']).check();
  await visitor.locator('#chat-danger-no').check();
  await visitor.getByLabel(en['chat.municipality.label']).selectOption('GM0358');
  await visitor.getByRole('button', { name: en['chat.start'] }).click();
  await expect(visitor.getByRole('heading', { name: en['chat.waiting.title'] })).toBeVisible();

  await operator.getByLabel(nl['chat.console.calm']).uncheck();
  const row = operator.locator('.console-table tbody tr').filter({ hasText: 'Aalsmeer' });
  await row.getByRole('button', { name: nl['chat.console.queue.accept'] }).click();
  const panel = operator.locator('.console-conversation').filter({ hasText: 'Aalsmeer' });
  await expect(panel).toBeVisible();
  const secret = 'Alleen voor Noor bedoeld';
  await visitor.getByLabel(en['chat.composer.label']).fill(secret);
  await visitor.getByLabel(en['chat.composer.label']).press('Enter');
  await expect(panel.getByText(secret)).toBeVisible();

  await operator.getByRole('button', { name: nl['chat.console.logout'] }).click();
  await expect(operator.getByLabel(nl['chat.console.login.username'])).toBeVisible();
  // The second operator logs in on the same page, without a reload.
  await operator.getByLabel(nl['chat.console.login.username']).fill(second.username);
  await operator.getByLabel(nl['chat.console.login.password']).fill(second.password);
  await operator.getByRole('button', { name: nl['chat.console.login.submit'] }).click();
  await expect(operator.locator('.console[data-connection="connected"]')).toBeVisible();
  await expect(operator.getByText(format(nl['chat.console.signedInAs'], { name: 'Daan' }))).toBeVisible();
  await expect(operator.locator('.console-conversation')).toHaveCount(0);
  await expect(operator.getByText(secret)).toHaveCount(0);
});
