/**
 * A reload keeps the place (issue 20 item 7): an operator types a message and a note, chooses
 * the alerts, reloads: the drafts are back, the alert choices too, and they are still available
 * without the console asking (the server keeps the status within OPERATOR_RECONNECT_GRACE_SECONDS).
 * Away, a banner at the top of the work area says so, with a button to become available.
 * Logout leaves no drafts and no alert choices on the device; a conversation that leaves the page
 * takes its drafts with it.
 */
import { expect, test } from '@playwright/test';
import { uiStrings } from '../../site/i18n/ui';
import { adminStrings } from '../../site/islands/console/admin-strings';
import { consoleAvailable, consoleLogIn, createOperator } from './chat-support';

const nl = uiStrings('nl');
const en = uiStrings('en');

test('console reload: drafts, alert choices and being available survive; logout clears them', async ({ browser }) => {
  test.setTimeout(180_000);
  const account = createOperator('e2e-reload', 'operator', 'Noor');
  const operatorContext = await browser.newContext();
  const page = await operatorContext.newPage();
  const toggle = await consoleAvailable(page, account);

  const visitorContext = await browser.newContext();
  try {
    const visitor = await visitorContext.newPage();
    await visitor.goto('/en/chat/');
    await visitor.getByLabel(en['chat.about.self']).check();
    await visitor.locator('#chat-danger-no').check();
    await visitor.getByLabel(en['chat.municipality.label']).selectOption('GM0448');
    await visitor.getByRole('button', { name: en['chat.start'] }).click();
    await expect(visitor.getByRole('heading', { name: en['chat.waiting.title'] })).toBeVisible();

    const row = page.locator('.console-table tbody tr').filter({ hasText: 'Texel' });
    await row.getByRole('button', { name: nl['chat.console.queue.accept'] }).click();
    const panel = page.locator('.console-conversation').filter({ hasText: 'Texel' });
    const box = panel.getByLabel(nl['chat.console.conversation.message']);
    await expect(box).toBeFocused();
    await box.fill('Nog niet verstuurd');
    await panel.getByText(nl['chat.console.notes.title'].replace('{count}', '0')).click();
    await panel.getByLabel(nl['chat.console.notes.label']).fill('Notitie in wording');
    await page.getByLabel(nl['chat.console.alert.sound']).check();
    await page.getByLabel(nl['chat.console.danger.sound']).uncheck();

    // The reloaded console must not ask to be available: the server keeps the status.
    const statusSent: string[] = [];
    page.on('websocket', (socket) =>
      socket.on('framesent', (frame) => {
        if (String(frame.payload).includes('"operator:status"')) statusSent.push(String(frame.payload));
      }),
    );
    await page.reload();
    await expect(panel).toBeVisible();
    await expect(box).toHaveValue('Nog niet verstuurd');
    await panel.getByText(nl['chat.console.notes.title'].replace('{count}', '0')).click();
    await expect(panel.getByLabel(nl['chat.console.notes.label'])).toHaveValue('Notitie in wording');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel(nl['chat.console.alert.sound'])).toBeChecked();
    await expect(page.getByLabel(nl['chat.console.danger.sound'])).not.toBeChecked();
    expect(statusSent).toEqual([]);

    // Away: the banner says so, and its button makes the operator available again.
    const banner = page.getByTestId('console-away-banner');
    await expect(banner).toHaveCount(0);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(banner).toBeVisible();
    await banner.getByRole('button', { name: adminStrings['away.becomeAvailable'] }).click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(banner).toHaveCount(0);

    // Logout: nothing of the work stays on the device.
    await page.getByRole('button', { name: nl['chat.console.logout'] }).click();
    await expect(page.getByRole('heading', { name: nl['chat.console.login.title'] })).toBeVisible();
    const left = await page.evaluate(() => ({
      session: Object.keys(sessionStorage).filter((key) => key.startsWith('ghnt-console')),
      local: Object.keys(localStorage).filter((key) => key.startsWith('ghnt-console')),
    }));
    expect(left).toEqual({ session: [], local: [] });

    // Back in: the conversation is given back by the server, without the old draft.
    await consoleLogIn(page, account);
    await expect(panel).toBeVisible();
    await expect(box).toHaveValue('');
    await expect(page.getByLabel(nl['chat.console.danger.sound'])).toBeChecked();

    // Ended (so no other test finds this visitor waiting later): the conversation leaves the
    // page and takes its draft with it.
    await box.fill('Nog een concept');
    await expect
      .poll(() => page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.includes('draft'))))
      .toHaveLength(1);
    await panel.getByLabel(nl['chat.console.end.outcome']).selectOption('advice');
    await panel.getByRole('button', { name: nl['chat.console.end.submit'] }).click();
    await expect(panel).toHaveCount(0);
    expect(
      await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('ghnt-console-draft'))),
    ).toEqual([]);
  } finally {
    await visitorContext.close();
    await operatorContext.close();
  }
});
