/**
 * Issue 20 items 4 and 5 in the console: the visitor ends, the operator wraps the conversation up
 * with an outcome using the keyboard only, and focus moves on; a transfer with a handover note
 * shows the note as an alert at the colleague, and the transcript names who wrote what.
 */
import { expect, test } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import type { Ack, VisitorStarted } from '../../chat-server/src/protocol';
import { uiStrings } from '../../site/i18n/ui';
import { adminStrings } from '../../site/islands/console/admin-strings';
import { axeViolations } from '../support/axe';
import { consoleAvailable, createOperator } from './chat-support';

const nl = uiStrings('nl');
const en = uiStrings('en');

async function startVisitor(baseURL: string, municipality: string): Promise<Socket> {
  const socket = io(new URL('/visitor', baseURL).href, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack = (await socket
    .timeout(10_000)
    .emitWithAck('visitor:start', { lang: 'nl', about: 'self', inDanger: false, municipality })) as Ack<VisitorStarted>;
  if (!ack.ok) throw new Error(`visitor:start: ${ack.error}`);
  return socket;
}

test.describe.configure({ timeout: 120_000 });

test('the visitor ends; the operator wraps up with an outcome by keyboard, and focus moves to the queue', async ({
  browser,
  baseURL,
}) => {
  const account = createOperator('e2e-wrapup', 'operator', 'Noor');
  const context = await browser.newContext();
  const page = await context.newPage();
  let visitor: Socket | undefined;
  try {
    // A visitor can start once an operator is available.
    await consoleAvailable(page, account);
    visitor = await startVisitor(baseURL!, 'GM0599');
    await page
      .locator('.console-table tbody tr')
      .filter({ hasText: 'Rotterdam' })
      .getByRole('button', { name: nl['chat.console.queue.accept'] })
      .click();
    const panel = page.locator('.console-conversation').filter({ hasText: 'Rotterdam' });
    await expect(panel).toBeVisible();

    // Working in the conversation when the visitor ends it: focus stays there, on what happened.
    await panel.getByLabel(nl['chat.console.conversation.message']).focus();
    await visitor.timeout(5000).emitWithAck('chat:end', {});
    await expect(panel.getByText(nl['chat.console.ended.visitor'])).toBeVisible();
    await expect(panel.locator('.console-ended p').first()).toBeFocused();
    await expect(panel).toContainText(adminStrings['wrapUp.pointer']);
    const wrapUp = page.getByTestId('console-wrap-up');
    await expect(
      wrapUp.getByRole('heading', { name: adminStrings['wrapUp.title'].replace('{count}', '1') }),
    ).toBeVisible();
    const item = wrapUp.locator('li').filter({ hasText: nl['chat.console.ended.visitor'] });
    await expect(item).toHaveCount(1);
    expect(await axeViolations(page), 'to wrap up').toEqual([]);

    // Keyboard only: into the outcome group, arrow to the second choice, Tab to the note, Tab to the button.
    await item.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    await expect(item.getByRole('radio', { name: nl['chat.console.outcome.advice'] })).toBeChecked();
    await page.keyboard.press('ArrowDown');
    await expect(item.getByRole('radio', { name: nl['chat.console.outcome.referral'] })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(item.getByLabel(adminStrings['wrapUp.note.label'])).toBeFocused();
    await page.keyboard.type('Verwezen naar de huisarts.');
    await page.keyboard.press('Tab');
    await expect(item.getByRole('button', { name: adminStrings['wrapUp.submit'] })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(wrapUp.getByRole('status')).toHaveText(
      adminStrings['wrapUp.done'].replace('{outcome}', nl['chat.console.outcome.referral']),
    );
    await expect(item).toHaveCount(0);
    // No open conversation left: focus goes to the queue.
    await expect(page.locator('#console-queue-title')).toBeFocused();
  } finally {
    visitor?.disconnect();
    await context.close();
  }
});

test('a transfer with a handover note: an alert at the colleague, who wrote what, and the visitor told in their language', async ({
  browser,
}) => {
  const first = createOperator('e2e-handover-a', 'operator', 'Noor');
  const second = createOperator('e2e-handover-b', 'operator', 'Ravi');
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const visitorContext = await browser.newContext();
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  const visitor = await visitorContext.newPage();
  try {
    await consoleAvailable(pageA, first);
    await consoleAvailable(pageB, second);
    await visitor.goto('/en/chat/');
    await visitor.getByLabel(en['chat.about.self']).check();
    await visitor.locator('#chat-danger-no').check();
    await visitor.getByLabel(en['chat.municipality.label']).selectOption('GM0518');
    await visitor.getByRole('button', { name: en['chat.start'] }).click();
    await expect(visitor.getByRole('heading', { name: en['chat.waiting.title'] })).toBeVisible();
    await pageA
      .locator('.console-table tbody tr')
      .filter({ hasText: "'s-Gravenhage" })
      .getByRole('button', { name: nl['chat.console.queue.accept'] })
      .click();
    const panelA = pageA.locator('.console-conversation').filter({ hasText: "'s-Gravenhage" });
    await panelA.getByLabel(nl['chat.console.conversation.message']).fill('Hallo, ik ben Noor.');
    await panelA.getByLabel(nl['chat.console.conversation.message']).press('Enter');
    await expect(panelA.locator('.chat-message[data-from="operator"]')).toContainText('Hallo, ik ben Noor.');
    await expect(panelA.locator('.chat-message[data-from="operator"] .chat-message__from')).toHaveText(
      nl['chat.console.from.operator'],
    );

    await panelA.getByText(nl['chat.console.transfer.title'], { exact: true }).click();
    const colleague = panelA.getByLabel(nl['chat.console.transfer.colleague']);
    const option = colleague.locator('option').filter({ hasText: 'Ravi' });
    await expect(option).toHaveCount(1);
    await colleague.selectOption({ label: (await option.textContent())! });
    // Without a note the transfer does not go.
    await panelA.getByRole('button', { name: nl['chat.console.transfer.submit'] }).click();
    await expect(panelA.getByRole('alert')).toHaveText(adminStrings['handover.note.missing']);
    const note = 'Zij wil om 15:00 teruggebeld worden.';
    await panelA.getByLabel(adminStrings['handover.note.label']).fill(note);
    await panelA.getByRole('button', { name: nl['chat.console.transfer.submit'] }).click();
    await expect(panelA).toHaveCount(0);

    const alert = pageB.getByTestId('console-handover');
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).toContainText(adminStrings['handover.alert'].replace('{from}', 'Noor').replace('{note}', note));
    const panelB = pageB.locator('.console-conversation').filter({ hasText: "'s-Gravenhage" });
    await expect(panelB).toContainText(note);
    // Noor's words are Noor's, not "Jij", at the colleague.
    await expect(panelB.locator('.chat-message[data-from="operator"] .chat-message__from')).toHaveText('Noor');
    expect(await axeViolations(pageB), 'handed over').toEqual([]);
    await alert.getByRole('button', { name: adminStrings['handover.dismiss'] }).click();
    await expect(alert).not.toContainText(note);

    // The visitor reads, in their language, that a colleague takes over; Noor's words stay Noor's.
    const log = visitor.locator('.chat-log');
    await expect(log).toContainText(en['chat.transferred'].replace('{name}', 'Ravi'));
    await expect(log.locator('.chat-message[data-from="operator"] .chat-message__from')).toHaveText('Noor');
    await expect(visitor.getByText('teruggebeld')).toHaveCount(0);
  } finally {
    await visitorContext.close();
    await contextA.close();
    await contextB.close();
  }
});
