/**
 * Two-factor login in the console (issue 14 item 3), a whole shift in Chromium against the real
 * server: a supervisor creates an account in the Accounts view; the new colleague logs in with
 * the temporary password, chooses their own, sets up two-factor login (the key read from the
 * page, the code computed with otpauth as a phone's app would), logs out, logs in with password
 * and code, becomes available, and works two conversations at once: a Dutch visitor from
 * /nl/chat/ and a Polish one from /pl/chat/, a message each way in each, both ended with an
 * outcome. Then a lost phone: the supervisor turns it off and the colleague's console is logged
 * out. The 2FA screens are axe-clean and free of CSP errors; a screenshot of the setup at
 * 1366×768 goes to /tmp/2fa-1366.png.
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import { uiStrings } from '../../site/i18n/ui';
import { adminStrings as a } from '../../site/islands/console/admin-strings';
import { axeViolations } from '../support/axe';
import { watchConsoleErrors } from '../support/browser';
import { consoleLogIn, createOperator } from './chat-support';

const nl = uiStrings('nl');

/** A visitor on the public chat page in their language, waiting after the pre-chat questions. */
async function visitorWaiting(browser: Browser, lang: 'nl' | 'pl', municipality: string, nickname: string) {
  const t = uiStrings(lang);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/${lang}/chat/`);
  await page.getByRole('radio', { name: t['chat.about.self'], exact: true }).check();
  await page.getByRole('group', { name: t['chat.danger.legend'] }).getByLabel(t['chat.danger.no']).check();
  await page.getByLabel(t['chat.municipality.label']).selectOption(municipality);
  await page.getByLabel(t['chat.nickname.label']).fill(nickname);
  await page.getByRole('button', { name: t['chat.start'] }).click();
  await expect(page.getByRole('heading', { name: t['chat.waiting.title'] })).toBeFocused();
  return { page, context, t };
}

/** One conversation worked in the console: accept by its row, a message each way, end with an outcome. */
async function work(
  operator: Page,
  visitor: Awaited<ReturnType<typeof visitorWaiting>>,
  place: string,
  nickname: string,
  texts: { visitor: string; operator: string },
  outcome: string,
) {
  const row = operator.locator('.console-table tbody tr').filter({ hasText: place });
  await row.getByRole('button', { name: nl['chat.console.queue.accept'] }).click();
  const panel = operator.locator('.console-conversation').filter({ hasText: nickname });
  await expect(panel).toBeVisible();
  const { page, t } = visitor;
  await expect(page.getByLabel(t['chat.composer.label'])).toBeFocused();
  await page.getByLabel(t['chat.composer.label']).fill(texts.visitor);
  await page.keyboard.press('Enter');
  await expect(panel.locator('.chat-message[data-from="visitor"]')).toContainText(texts.visitor);
  await panel.getByLabel(nl['chat.console.conversation.message']).fill(texts.operator);
  await panel.getByRole('button', { name: nl['chat.console.conversation.send'] }).click();
  await expect(page.locator('.chat-message[data-from="operator"]').filter({ hasText: texts.operator })).toBeVisible();
  return async () => {
    await panel.getByLabel(nl['chat.console.end.outcome']).selectOption(outcome);
    await panel.getByRole('button', { name: nl['chat.console.end.submit'] }).click();
    await expect(page.getByRole('heading', { name: t['chat.ended.title'] })).toBeVisible();
    await expect(page.getByText(t['chat.ended.operator'])).toBeVisible();
  };
}

test('two-factor login: new account, own password, 2FA set up, log in with a code, a shift in two languages', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const boss = createOperator('e2e-2fa-boss', 'supervisor', 'Dienst');
  const supervisorContext = await browser.newContext();
  const supervisor = await supervisorContext.newPage();
  supervisor.on('dialog', (dialog) => void dialog.accept());
  await consoleLogIn(supervisor, boss);
  await supervisor.getByRole('button', { name: a['nav.accounts'] }).click();
  const username = `e2e-2fa-${randomBytes(3).toString('hex')}`;
  const create = supervisor.getByRole('form', { name: a['accounts.create'] });
  await create.getByLabel(a['accounts.username']).fill(username);
  await create.getByLabel(a['accounts.displayName']).fill('Ilse');
  await create.getByLabel('Polski').check();
  await create.getByRole('button', { name: a['accounts.create.submit'] }).click();
  const temporary = (await supervisor.getByTestId('temporary-password').textContent())!;
  expect(temporary).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
  const row = supervisor.locator(`tr[data-account="${username}"]`);
  await expect(row).not.toContainText(a['accounts.twoFactorOn']);

  // The colleague, on a laptop screen: temporary password → own password → the console.
  const colleagueContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const colleague = await colleagueContext.newPage();
  const errors = watchConsoleErrors(colleague);
  await consoleLogIn(colleague, { username, password: temporary });
  const own = `eigen wachtwoord ${randomBytes(4).toString('hex')}`;
  await colleague.getByLabel(a['password.next']).fill(own);
  await colleague.getByLabel(a['password.repeat']).fill(own);
  await colleague.getByRole('button', { name: a['password.submit'] }).click();
  await expect(colleague.locator('.console[data-connection="connected"]')).toBeVisible();

  // Two-factor login: the view, the QR code and the key, a wrong code refused, the right one.
  await colleague.getByRole('button', { name: a['nav.twoFactor'] }).click();
  await expect(colleague.getByRole('heading', { name: a['twoFactor.title'], level: 2 })).toBeVisible();
  await expect(colleague.getByText(a['twoFactor.off'])).toBeVisible();
  expect(await axeViolations(colleague), '2FA off').toEqual([]);
  await colleague.getByRole('button', { name: a['twoFactor.start'] }).click();
  const qr = colleague.getByRole('img', { name: a['twoFactor.qrAlt'] });
  await expect(qr).toBeVisible();
  await expect(colleague.getByText(a['twoFactor.scan'])).toBeFocused();
  // The image really drew (a CSP refusal would leave it without size).
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const key = (await colleague.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await colleague.screenshot({ path: '/tmp/2fa-1366.png' });
  expect(await axeViolations(colleague), '2FA setup with QR code').toEqual([]);
  const app = new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(key) });
  const codeField = colleague.getByLabel(a['twoFactor.confirmCode']);
  await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(codeField).toHaveAttribute('inputmode', 'numeric');
  const confirmedAt = Date.now();
  const code = app.generate({ timestamp: confirmedAt });
  await codeField.fill(code === '000000' ? '000001' : '000000');
  await colleague.getByRole('button', { name: a['twoFactor.confirm'] }).click();
  await expect(colleague.getByRole('alert').filter({ hasText: a['twoFactor.wrongCode'] })).toBeVisible();
  expect(await axeViolations(colleague), '2FA setup with an error').toEqual([]);
  await codeField.fill(code);
  await colleague.getByRole('button', { name: a['twoFactor.confirm'] }).click();
  await expect(colleague.getByText(a['twoFactor.done'])).toBeVisible();
  await expect(colleague.getByRole('button', { name: a['twoFactor.newPhone'] })).toBeVisible();
  await supervisor.reload();
  await expect(row).toContainText(a['accounts.twoFactorOn']);

  // Log out, and in again: the password first, then the app's code (the next step's: this one is used).
  await colleague.getByRole('button', { name: nl['chat.console.logout'] }).click();
  await consoleLogIn(colleague, { username, password: own });
  const loginCode = colleague.getByLabel(a['login.code']);
  await expect(loginCode).toBeFocused();
  await expect(loginCode).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(loginCode).toHaveAttribute('inputmode', 'numeric');
  expect(await axeViolations(colleague), 'login asking for the code').toEqual([]);
  const nextStep = (Math.floor(confirmedAt / 30_000) + 1) * 30_000;
  await loginCode.fill(app.generate({ timestamp: Math.max(Date.now(), nextStep) }));
  await colleague.getByRole('button', { name: nl['chat.console.login.submit'] }).click();
  await expect(colleague.locator('.console[data-connection="connected"]')).toBeVisible();
  await expect(colleague.getByText(nl['chat.console.signedInAs'].replace('{name}', 'Ilse'))).toBeVisible();
  const toggle = colleague.getByRole('button', { name: nl['chat.console.status.toggle'] });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await colleague.getByLabel(nl['chat.console.calm']).uncheck();

  // The shift: a Dutch visitor (Utrecht) and a Polish one (Zaanstad), both at once.
  const dutch = await visitorWaiting(browser, 'nl', 'GM0344', 'Sam');
  const polish = await visitorWaiting(browser, 'pl', 'GM0479', 'Kasia');
  const endDutch = await work(
    colleague,
    dutch,
    'Utrecht',
    'Sam',
    { visitor: 'Ik wil graag iets vragen', operator: 'Fijn dat je er bent, vertel maar' },
    'advice',
  );
  const endPolish = await work(
    colleague,
    polish,
    'Zaanstad',
    'Kasia',
    { visitor: 'Dzień dobry, potrzebuję pomocy', operator: 'Dzień dobry, jestem tutaj' },
    'referral',
  );
  await expect(colleague.locator('.console-conversation')).toHaveCount(2);
  await endDutch();
  await endPolish();

  // A lost phone: the supervisor turns two-factor login off; the colleague is logged out at once.
  await supervisor.reload();
  await row.getByRole('button', { name: `${a['accounts.twoFactorOff']}: ${username}` }).click();
  await expect(row).not.toContainText(a['accounts.twoFactorOn']);
  expect(await axeViolations(supervisor), 'accounts after 2FA off').toEqual([]);
  await expect(colleague.getByRole('heading', { name: nl['chat.console.login.title'] })).toBeVisible({
    timeout: 5_000,
  });

  // No CSP violation or script error; the browser reports the refusals the walk asked for (the
  // wrong confirm code, 400; the login without its code, 401) and nothing else, except that the
  // console cut off by the supervisor may have a request in flight that gets its 401 too (seen
  // once in a clean run: it depends on timing).
  expect(errors.filter((text) => !/^Failed to load resource: .* status of 40[01] /.test(text))).toEqual([]);
  expect(errors.filter((text) => / status of 400 /.test(text))).toHaveLength(1);
  const unauthorized = errors.filter((text) => / status of 401 /.test(text)).length;
  expect(unauthorized).toBeGreaterThanOrEqual(1);
  expect(unauthorized).toBeLessThanOrEqual(2);
  for (const context of [dutch.context, polish.context, colleagueContext, supervisorContext]) await context.close();
});

test('compulsory setup: after the login the console asks for two-factor login before anything else', async ({
  browser,
}) => {
  // The browser suite's server does not set OPERATOR_REQUIRE_2FA, so the login's answer for an
  // account without 2FA under it is stood in for here (the real cookie kept); what the server
  // refuses meanwhile is proven in tests/integration/chat-2fa.test.ts.
  const account = createOperator(`e2e-2fa-req-${randomBytes(3).toString('hex')}`, 'operator', 'Eva');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/api/operator/login', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ok: true, data: { twoFactorSetupRequired: true } } });
  });
  await consoleLogIn(page, account);
  await expect(page.getByRole('heading', { name: a['twoFactor.title'] })).toBeFocused();
  await expect(page.getByText(a['twoFactor.required'])).toBeVisible();
  await expect(page.locator('.console')).toHaveCount(0);
  expect(await axeViolations(page), 'compulsory setup').toEqual([]);
  await page.getByRole('button', { name: a['twoFactor.start'] }).click();
  const key = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  expect(await axeViolations(page), 'compulsory setup with QR code').toEqual([]);
  const app = new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(key) });
  await page.getByLabel(a['twoFactor.confirmCode']).fill(app.generate());
  await page.getByRole('button', { name: a['twoFactor.confirm'] }).click();
  await expect(page.locator('.console[data-connection="connected"]')).toBeVisible();
  await context.close();
});
