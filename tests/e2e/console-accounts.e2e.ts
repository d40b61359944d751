/**
 * The console as a work tool (issue 14 items 1 and 2), in Chromium against the real server:
 * its own layout without the public site's parts; a supervisor creates an account in the
 * Accounts view (axe-clean), the new colleague logs in with the temporary password, must choose
 * their own and then sees the queue; disabling that account sends its console back to the login.
 * And the keyboard shortcuts (Alt+Shift+letter) plus a reload that keeps the console's place.
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { uiStrings } from '../../site/i18n/ui';
import { adminStrings } from '../../site/islands/console/admin-strings';
import { axeViolations } from '../support/axe';
import { watchConsoleErrors, watchPrivacy } from '../support/browser';
import { createOperator, type OperatorAccount, consoleLogIn } from './chat-support';

const nl = uiStrings('nl');
const a = adminStrings;

async function logIn(page: Page, account: OperatorAccount): Promise<void> {
  await consoleLogIn(page, account);
}

/** A visitor on a real socket, waiting in the queue (the browser tests of the visitor are elsewhere). */
async function waitingVisitor(baseURL: string, municipality: string): Promise<Socket> {
  const socket = io(new URL('/visitor', baseURL).href, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
  });
  const ack = (await socket
    .timeout(10_000)
    .emitWithAck('visitor:start', { lang: 'nl', about: 'self', inDanger: false, municipality })) as { ok: boolean };
  if (!ack.ok) throw new Error('visitor:start refused');
  return socket;
}

test('console layout: a full-screen work tool without the public site around it', async ({ page, baseURL }) => {
  const errors = watchConsoleErrors(page);
  const privacy = watchPrivacy(page, new URL(baseURL!).origin);
  await page.goto('/medewerkers/');
  await expect(page.getByRole('heading', { name: nl['chat.console.login.title'] })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: nl['chat.console.pageTitle'] })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  // No safety bar / quick exit, no site header or navigation, no language switcher, no footer, no launcher.
  await expect(page.locator('[data-quick-exit]')).toHaveCount(0);
  await expect(page.locator('header.site-header, .site-footer, .main-nav, .language-switcher')).toHaveCount(0);
  await expect(page.locator('.chat-launcher')).toHaveCount(0);
  const response = await page.request.get('/medewerkers/');
  expect(response.headers()['content-security-policy']).toMatch(/default-src 'self'/);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  // Nothing from another origin, no CSP violation or script error, the island running.
  expect(privacy.offOrigin).toEqual([]);
  expect(errors).toEqual([]);
  expect(await axeViolations(page), 'login').toEqual([]);
});

test('accounts: a supervisor creates an account; the new colleague changes the temporary password and works', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const boss = createOperator('e2e-accounts-boss', 'supervisor', 'Dienst');
  const supervisorContext = await browser.newContext();
  const supervisor = await supervisorContext.newPage();
  supervisor.on('dialog', (dialog) => void dialog.accept());
  await logIn(supervisor, boss);
  await supervisor.getByRole('button', { name: a['nav.accounts'] }).click();
  await expect(supervisor.getByRole('heading', { name: a['accounts.title'], level: 2 })).toBeVisible();
  await expect(supervisor.getByRole('rowheader', { name: /e2e-accounts-boss/ })).toBeVisible();
  // The work view is hidden, not shown beside the accounts.
  await expect(supervisor.getByRole('heading', { name: nl['chat.console.queue.title'] })).toBeHidden();
  expect(await axeViolations(supervisor), 'accounts').toEqual([]);

  // Create, with the keyboard: fields in order, Enter submits.
  const username = `e2e-new-${randomBytes(3).toString('hex')}`;
  const create = supervisor.getByRole('form', { name: a['accounts.create'] });
  await create.getByLabel(a['accounts.username']).fill(username);
  await supervisor.keyboard.press('Tab');
  await expect(create.getByLabel(a['accounts.displayName'])).toBeFocused();
  await supervisor.keyboard.type('Noor');
  await create.getByLabel('English').check();
  await create.getByLabel(a['accounts.region']).fill('VT09');
  await create.getByLabel(a['accounts.region']).press('Enter');
  const secret = supervisor.getByTestId('temporary-password');
  await expect(secret).toHaveText(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
  await expect(supervisor.locator('.console-secret')).toBeFocused();
  const temporary = (await secret.textContent())!;
  const row = supervisor.locator(`tr[data-account="${username}"]`);
  await expect(row).toContainText('Noor');
  await expect(row).toContainText('Nederlands, English');
  await expect(row).toContainText(a['accounts.mustChange']);
  expect(await axeViolations(supervisor), 'accounts with a new password shown').toEqual([]);
  await supervisor.getByRole('button', { name: a['accounts.temporary.hide'] }).click();
  await expect(secret).toHaveCount(0);
  // Change the languages in the row's own form.
  await row.getByText(a['accounts.edit'], { exact: true }).click();
  const edit = row.getByRole('form', { name: a['accounts.edit.title'].replace('{username}', username) });
  await edit.getByLabel('English').uncheck();
  await edit.getByLabel('Polski').check();
  expect(await axeViolations(supervisor), 'accounts with a change open').toEqual([]);
  await edit.getByRole('button', { name: a['accounts.edit.submit'] }).click();
  await expect(row).toContainText('Nederlands, Polski');
  await expect(supervisor.getByRole('status').filter({ hasText: username })).toHaveText(
    a['accounts.updated'].replace('{username}', username),
  );
  // The same name again: 409, said in words.
  await create.getByLabel(a['accounts.username']).fill(username);
  await create.getByRole('button', { name: a['accounts.create.submit'] }).click();
  // The console also keeps an (empty) alert region for visitors in danger: match the message's own.
  await expect(supervisor.getByRole('alert').filter({ hasText: a['accounts.error.taken'] })).toBeVisible();
  expect(await axeViolations(supervisor), 'accounts with an error').toEqual([]);

  // The new colleague: temporary password → own password → the queue.
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await logIn(colleague, { username, password: temporary });
  await expect(colleague.getByRole('heading', { name: a['password.title'] })).toBeFocused();
  expect(await axeViolations(colleague), 'password change').toEqual([]);
  await colleague.getByLabel(a['password.next']).fill('kort');
  await colleague.getByLabel(a['password.repeat']).fill('kort');
  await colleague.getByRole('button', { name: a['password.submit'] }).click();
  await expect(colleague.getByRole('alert').filter({ hasText: a['password.tooShort'] })).toBeVisible();
  const own = `eigen wachtwoord ${randomBytes(4).toString('hex')}`;
  await colleague.getByLabel(a['password.next']).fill(own);
  await colleague.getByLabel(a['password.repeat']).fill(own);
  await colleague.getByRole('button', { name: a['password.submit'] }).click();
  await expect(colleague.getByRole('heading', { name: nl['chat.console.queue.title'] })).toBeVisible();
  await expect(colleague.getByText(nl['chat.console.signedInAs'].replace('{name}', 'Noor'))).toBeVisible();
  // An operator has no Accounts view.
  await expect(colleague.getByRole('button', { name: a['nav.accounts'] })).toHaveCount(0);

  // Disabled by the supervisor: the colleague's console is back at the login at once.
  await supervisor.reload();
  await expect(row).not.toContainText(a['accounts.mustChange']);
  await row.getByRole('button', { name: `${a['accounts.disable']}: ${username}` }).click();
  await expect(row).toContainText(a['accounts.disabled']);
  await expect(colleague.getByRole('heading', { name: nl['chat.console.login.title'] })).toBeVisible({
    timeout: 5_000,
  });
  await row.getByRole('button', { name: `${a['accounts.enable']}: ${username}` }).click();
  await expect(row).toContainText(a['accounts.active']);
  await supervisorContext.close();
  await colleagueContext.close();
});

test('shortcuts and reload: accept next, switch, end with Alt+Shift; a reload keeps the conversations and the place', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const account = createOperator('e2e-shortcuts', 'operator', 'Mila');
  await logIn(page, account);
  const toggle = page.getByRole('button', { name: nl['chat.console.status.toggle'] });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // The shortcuts work once the console's socket is up (before that a key press does nothing).
  await expect(page.locator('.console[data-connection="connected"]')).toBeVisible();
  await page.keyboard.press('Alt+Shift+S');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // Documented on the page.
  await page.getByText(a['shortcuts.title'], { exact: true }).click();
  await expect(page.locator('.console-shortcuts dl')).toContainText(a['shortcuts.acceptNext']);
  expect(await axeViolations(page), 'shortcuts open').toEqual([]);
  await page.getByText(a['shortcuts.title'], { exact: true }).click();

  const visitors = [await waitingVisitor(baseURL!, 'GM0307'), await waitingVisitor(baseURL!, 'GM0202')];
  try {
    const panels = page.locator('.console-conversation');
    await expect(page.locator('.console-table tbody tr')).not.toHaveCount(0);
    // Accept next, twice: each time the new conversation's message box has the focus.
    await page.keyboard.press('Alt+Shift+N');
    await expect(panels).toHaveCount(1);
    await expect(panels.nth(0).locator('textarea').first()).toBeFocused();
    await page.keyboard.type('eerste');
    await page.keyboard.press('Alt+Shift+N');
    await expect(panels).toHaveCount(2);
    await expect(panels.nth(1).locator('textarea').first()).toBeFocused();
    // No letters typed into the box by the shortcut itself.
    await expect(panels.nth(0).locator('textarea').first()).toHaveValue('eerste');
    // Switch: next wraps round to the first, previous goes back.
    await page.keyboard.press('Alt+Shift+G');
    await expect(panels.nth(0).locator('textarea').first()).toBeFocused();
    await page.keyboard.press('Alt+Shift+V');
    await expect(panels.nth(1).locator('textarea').first()).toBeFocused();
    // End: to the outcome choice of the conversation in hand.
    await page.keyboard.press('Alt+Shift+E');
    const outcome = panels.nth(1).getByLabel(nl['chat.console.end.outcome']);
    await expect(outcome).toBeFocused();
    const secondId = await panels.nth(1).getAttribute('data-conversation');

    // Reload: both conversations are back (from the server), still available, back in the second one.
    await page.reload();
    await expect(panels).toHaveCount(2);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator(`#text-${secondId}`)).toBeFocused();

    // End it from the keyboard: Alt+Shift+E, choose, Tab to the button, Enter.
    await page.keyboard.press('Alt+Shift+E');
    await expect(page.locator(`#outcome-${secondId}`)).toBeFocused();
    await page.locator(`#outcome-${secondId}`).selectOption('advice');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(panels).toHaveCount(1);
  } finally {
    for (const visitor of visitors) visitor.disconnect();
  }
});

test('screenshots of the console at 1366×768 and 1920×1080', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const boss = createOperator('e2e-screens', 'supervisor', 'Dienst');
  const visitors: Socket[] = [];
  try {
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      const context = await browser.newContext({ viewport: size });
      const page = await context.newPage();
      await logIn(page, boss);
      const toggle = page.getByRole('button', { name: nl['chat.console.status.toggle'] });
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      visitors.push(await waitingVisitor(baseURL!, 'GM0307'), await waitingVisitor(baseURL!, 'GM0202'));
      visitors.push(await waitingVisitor(baseURL!, 'GM0200'));
      await page.keyboard.press('Alt+Shift+N');
      await page.keyboard.press('Alt+Shift+N');
      await expect(page.locator('.console-conversation')).toHaveCount(2);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `/tmp/accounts-console-${size.width}x${size.height}.png` });
      await page.getByRole('button', { name: a['nav.accounts'] }).click();
      await expect(page.locator('.console-accounts__table')).toBeVisible();
      await page.screenshot({ path: `/tmp/accounts-accounts-${size.width}x${size.height}.png` });
      await page.getByRole('button', { name: a['nav.work'] }).click();
      // Leave nothing held for the next run: back to the queue.
      for (const id of await page
        .locator('.console-conversation')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-conversation')))) {
        const panel = page.locator(`[data-conversation="${id}"]`);
        await panel.locator(`#outcome-${id}`).selectOption('other');
        await panel.getByRole('button', { name: nl['chat.console.end.submit'] }).click();
      }
      await context.close();
    }
  } finally {
    for (const visitor of visitors) visitor.disconnect();
  }
});
