/**
 * "Cijfers" in the console (issue 14 items 5 and 6), in Chromium against the real server: one
 * conversation is answered and ended (a real visitor socket and a real operator socket), then a
 * supervisor opens the view: the totals count it (one more than the API said before) and the audit
 * log shows the accept and the end. axe-clean; a screenshot at 1366×768 goes to /tmp/stats-1366.png. In the whole-queue
 * project: it counts everything the server saw, so no other test may chat meanwhile.
 */
import { expect, test } from '@playwright/test';
import { io } from 'socket.io-client';
import type { Ack, AdminStats, VisitorStarted } from '../../chat-server/src/protocol';
import { adminStrings as a } from '../../site/islands/console/admin-strings';
import { axeViolations } from '../support/axe';
import { watchConsoleErrors, watchPrivacy } from '../support/browser';
import { availableOperator, consoleLogIn, createOperator } from './chat-support';

test('figures: a supervisor sees an answered chat counted, with the audit log, axe-clean', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const boss = createOperator('e2e-figures-boss', 'supervisor', 'Dienst');
  const worker = createOperator('e2e-figures-worker', 'operator', 'Sam');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = watchConsoleErrors(page);
  const privacy = watchPrivacy(page, new URL(baseURL!).origin);
  await consoleLogIn(page, boss);
  await expect(page.getByRole('button', { name: a['nav.figures'] })).toBeVisible();
  // What the server counted so far this week (the view's default period: the last 7 days).
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const weekAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
  const counted = await page.request.get(`/api/admin/stats?from=${weekAgo}&to=${today}`);
  expect(counted.status()).toBe(200);
  const before = ((await counted.json()) as { data: AdminStats }).data.totals.answered;

  // One conversation: a visitor starts, an operator accepts and ends it.
  const operator = await availableOperator(baseURL!, worker);
  const visitor = io(new URL('/visitor', baseURL).href, { transports: ['websocket'], forceNew: true });
  try {
    const started = (await visitor
      .timeout(10_000)
      .emitWithAck('visitor:start', { lang: 'nl', about: 'self', inDanger: false })) as Ack<VisitorStarted>;
    if (!started.ok) throw new Error(`visitor:start: ${started.error}`);
    const conversationId = started.data.conversationId;
    const accepted = (await operator
      .timeout(10_000)
      .emitWithAck('operator:accept', { conversationId })) as Ack<unknown>;
    expect(accepted.ok).toBe(true);
    const ended = (await operator
      .timeout(10_000)
      .emitWithAck('chat:end', { conversationId, outcome: 'advice' })) as Ack<unknown>;
    expect(ended.ok).toBe(true);
  } finally {
    visitor.disconnect();
    operator.disconnect();
  }

  await page.getByRole('button', { name: a['nav.figures'] }).click();
  await expect(page.getByRole('heading', { name: a['figures.title'], level: 2 })).toBeVisible();
  const answered = page.getByTestId('figures-totals').locator('[data-metric="answered"] dd');
  await expect(answered).toHaveText(String(before + 1));
  await expect(page.getByRole('table', { name: /per uur van de week/ })).toBeVisible();
  await expect(page.getByRole('link', { name: a['figures.csv'] })).toHaveAttribute('href', /format=csv/);
  // A reload keeps the view.
  await page.reload();
  await expect(answered).toHaveText(String(before + 1));
  // The audit log, newest first, has the accept and the end by the operator.
  await expect(page.getByRole('heading', { name: a['audit.title'], level: 2 })).toBeVisible();
  const auditRows = page.locator('.console-audit__table tbody tr');
  await expect(auditRows.filter({ hasText: a['audit.action.chat-accepted'] }).first()).toContainText(
    'e2e-figures-worker',
  );
  await expect(auditRows.filter({ hasText: a['audit.action.chat-ended'] }).first()).toContainText('e2e-figures-worker');
  // The work view is hidden while the figures are shown.
  await expect(page.locator('.console-queue')).toBeHidden();

  expect(await axeViolations(page), 'figures').toEqual([]);
  await page.getByLabel(a['figures.metric']).selectOption('answered');
  await page.screenshot({ path: '/tmp/stats-1366.png', fullPage: false });
  if (process.env.FIGURES_FULL_SCREENSHOT) await page.screenshot({ path: '/tmp/stats-1366-full.png', fullPage: true });
  // Another period (nothing counted then), asked for with the form.
  await page.getByLabel(a['figures.from'], { exact: true }).fill('2025-01-01');
  await page.getByLabel(a['figures.to'], { exact: true }).fill('2025-01-31');
  await page.getByRole('button', { name: a['figures.show'] }).click();
  await expect(answered).toHaveText('0');
  expect(privacy.offOrigin).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
