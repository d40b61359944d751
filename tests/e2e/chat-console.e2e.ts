/**
 * A shift in the operator console: calm mode keeps the count, the supervisor's figures, a quick
 * reply, an internal note the visitor never sees, transfer back to the queue, and ending with an
 * outcome, which the visitor sees as ended by the operator.
 */
import { expect, test } from '@playwright/test';
import { uiStrings } from '../../site/i18n/ui';
import { adminStrings } from '../../site/islands/console/admin-strings';
import { consoleAvailable, createOperator } from './chat-support';

const nl = uiStrings('nl');
const en = uiStrings('en');

test('chat console: quick reply, note, transfer to the queue, end with an outcome', async ({ browser }) => {
  test.setTimeout(180_000);
  const account = createOperator('e2e-console', 'supervisor', 'Mila');
  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  await consoleAvailable(operator, account);
  await expect(operator.getByRole('heading', { name: nl['chat.console.stats.title'] })).toBeVisible();

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto('/en/chat/');
  await visitor.getByLabel(en['chat.about.someoneElse']).check();
  await visitor.locator('#chat-danger-no').check();
  await visitor.getByLabel(en['chat.municipality.label']).selectOption('GM0344');
  await visitor.getByRole('button', { name: en['chat.start'] }).click();
  await expect(visitor.getByRole('heading', { name: en['chat.waiting.title'] })).toBeVisible();

  // Calm mode (on by default) still gives the number waiting (issue 20), and every row.
  const summary = operator.getByTestId('console-queue-summary');
  await expect(summary).toHaveText(/\d+/);
  await operator.getByLabel(nl['chat.console.calm']).uncheck();
  await expect(summary).toHaveText(/\d+/);

  const row = operator.locator('.console-table tbody tr').filter({ hasText: 'Utrecht' });
  await row.getByRole('button', { name: nl['chat.console.queue.accept'] }).click();
  let panel = operator.locator('.console-conversation').filter({ hasText: 'Utrecht' });
  await expect(panel.getByLabel(nl['chat.console.conversation.message'])).toBeFocused();

  // A quick reply in the visitor's language goes into the box, then out.
  const replies = panel.getByLabel(nl['chat.console.quickReplies']);
  await expect(replies.locator('option')).not.toHaveCount(1);
  await replies.selectOption({ index: 1 });
  await panel.getByRole('button', { name: nl['chat.console.quickReplies.insert'] }).click();
  const box = panel.getByLabel(nl['chat.console.conversation.message']);
  await expect(box).not.toHaveValue('');
  const replyText = await box.inputValue();
  await panel.getByRole('button', { name: nl['chat.console.conversation.send'] }).click();
  await expect(visitor.locator('.chat-message[data-from="operator"]')).toContainText(replyText.slice(0, 20));

  // An internal note stays internal.
  await panel.getByText(nl['chat.console.notes.title'].replace('{count}', '0')).click();
  await panel.getByLabel(nl['chat.console.notes.label']).fill('Interne notitie: terugbellen niet nodig');
  await panel.getByRole('button', { name: nl['chat.console.notes.add'] }).click();
  await expect(panel.getByText(nl['chat.console.notes.title'].replace('{count}', '1'))).toBeVisible();
  await expect(visitor.getByText('Interne notitie')).toHaveCount(0);

  // Back to the queue, and taken again.
  await panel.getByText(nl['chat.console.transfer.title'], { exact: true }).click();
  // A transfer needs a handover note (issue 20).
  await panel.getByLabel(adminStrings['handover.note.label']).fill('Terug in de wachtrij, graag verder helpen.');
  await panel.getByRole('button', { name: nl['chat.console.transfer.queue'] }).click();
  await expect(panel).toHaveCount(0);
  await operator
    .locator('.console-table tbody tr')
    .filter({ hasText: 'Utrecht' })
    .getByRole('button', { name: nl['chat.console.queue.accept'] })
    .click();
  panel = operator.locator('.console-conversation').filter({ hasText: 'Utrecht' });
  await expect(panel).toBeVisible();

  // Ending needs an outcome.
  await panel.getByRole('button', { name: nl['chat.console.end.submit'] }).click();
  await expect(panel.getByRole('alert')).toHaveText(nl['chat.console.end.chooseOutcome']);
  await panel.getByLabel(nl['chat.console.end.outcome']).selectOption('advice');
  await panel.getByRole('button', { name: nl['chat.console.end.submit'] }).click();
  await expect(panel).toHaveCount(0);
  await expect(visitor.getByRole('heading', { name: en['chat.ended.title'] })).toBeVisible();
  await expect(visitor.getByText(en['chat.ended.operator'])).toBeVisible();
  expect(await visitor.evaluate(() => sessionStorage.length)).toBe(0);

  await visitorContext.close();
  await operatorContext.close();
});
