/**
 * The visitor's chat journey on a phone (issue 18, items 2 and 5), in real Chromium against the
 * real server: the live "open now / closed, opens …" beside chat links (driven by page.clock), a
 * closed chat (its own server process with a closed schedule) that offers help open now from the
 * facts, and the under-18 choice, the silent title badge and the away/back cue reaching the
 * operator's console.
 */
import { expect, test, type Browser } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import scheduleJson from '../../content/chat/opening-hours.json' with { type: 'json' };
import { FACTS } from '../../content/facts';
import { uiStrings } from '../../site/i18n/ui';
import { startChatProcess, type ChatProcess } from '../support/chat-process';
import { availableOperator, consoleAvailable, createOperator } from './chat-support';

const nl = uiStrings('nl');
const PHONE = { viewport: { width: 390, height: 844 } };
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);

test.describe('chat availability beside chat links (schedule, browser clock)', () => {
  const monday = scheduleJson.weekly.monday[0]!;

  test('Saturday: "closed now, opens on Monday at …"', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-12-05T12:00:00+01:00'));
    await page.goto('/nl/');
    const live = page.locator('.chat-launcher [data-chat-live]');
    await expect(live).toHaveText(
      fill(nl['chatAvailability.opens'], {
        day: fill(nl['chat.day.weekday'], { weekday: 'maandag' }),
        time: monday.from,
      }),
    );
    await expect(page.locator('.chat-launcher')).toContainText(`${monday.from}–${monday.to}`);
  });

  test('Wednesday during the hours: "open now"', async ({ page }) => {
    await page.clock.setFixedTime(new Date(`2026-12-09T${scheduleJson.weekly.wednesday[0]!.from}:00+01:00`));
    await page.goto('/nl/ik-zit-klem/');
    await expect(page.locator('.route-box [data-chat-live]')).toHaveText(nl['chatAvailability.open']);
    await page.goto('/nl/hulp/zaanstad/');
    await expect(page.locator('.vt-block [data-chat-live]')).toHaveText(nl['chatAvailability.open']);
  });
});

test.describe('closed chat', () => {
  let server: ChatProcess | undefined;
  let dir: string;

  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ghnt-closed-'));
  });
  test.afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A server whose chat is closed now and opens once, at `opensAt` (Amsterdam wall clock). */
  async function closedServer(opensAt: Date): Promise<ChatProcess> {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Europe/Amsterdam',
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(opensAt)
        .map((p) => [p.type, p.value]),
    );
    const from = `${parts.hour}:${parts.minute}`;
    const schedule = {
      timeZone: 'Europe/Amsterdam',
      weekly: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
      extraOpenings: [{ date: `${parts.year}-${parts.month}-${parts.day}`, from, to: '24:00' }],
    };
    const file = join(dir, `schedule-${opensAt.getTime()}.json`);
    writeFileSync(file, JSON.stringify(schedule));
    await server?.stop();
    server = await startChatProcess({
      env: {
        CHAT_ALWAYS_OPEN: 'false',
        CHAT_SCHEDULE: file,
        DIST_DIR: resolve('dist'),
        OPERATORS_FILE: join(dir, 'operators.json'),
      },
    });
    return server;
  }

  test('says when it opens, offers 112, Veilig Thuis and help open now; no "look again"', async ({ browser }) => {
    // Three days ahead at 10:00: far from "within the hour".
    const opens = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    const s = await closedServer(opens);
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(`${s.base}/nl/chat/`);
    const closed = page.getByTestId('chat-closed');
    await expect(closed).toContainText(nl['chat.status.closed']);
    const weekday = new Intl.DateTimeFormat('nl', { timeZone: 'Europe/Amsterdam', weekday: 'long' }).format(opens);
    await expect(closed).toContainText(fill(nl['chat.day.weekday'], { weekday }));
    // The in-danger advice first, then Veilig Thuis by phone.
    await expect(closed.locator('.chat-numbers li').first()).toHaveAttribute('data-testid', 'chat-call-112');
    await expect(closed.locator(`a[href="tel:${FACTS.phone('veilig-thuis').tel}"]`)).toBeVisible();
    // Help open now, from the facts: a service whose hours say it is open at this moment.
    const openNow = closed.getByTestId('chat-open-now');
    const always = FACTS.services.find((s) => s.id === 'centrum-seksueel-geweld')!;
    await expect(openNow.locator(`[data-service="${always.id}"]`)).toContainText(always.name);
    await expect(openNow.locator(`a[href="tel:${always.phone!.tel}"]`)).toBeVisible();
    // A service without verified hours is not called "open": it says the hours are not confirmed.
    const kt = closed.getByTestId('chat-hours-unknown').locator('[data-service="kindertelefoon"]');
    await expect(kt).toContainText(nl['chat.closed.hoursUnknown']);
    await expect(kt).toContainText(fill(nl['chat.closed.for'], { audience: 'Jongeren' }));
    await expect(page.getByRole('button', { name: nl['chat.status.retry'] })).toHaveCount(0);
    await expect(page.getByRole('button', { name: nl['chat.start'] })).toHaveCount(0);
    if (process.env.CHATCUES_SHOTS) await page.screenshot({ path: '/tmp/chatcues-closed-nl.png', fullPage: true });
    await page.goto(`${s.base}/ar/chat/`);
    await expect(page.getByTestId('chat-closed')).toBeVisible();
    if (process.env.CHATCUES_SHOTS) await page.screenshot({ path: '/tmp/chatcues-closed-ar.png', fullPage: true });
  });

  test('opening within the hour: "look again" is offered', async ({ browser }) => {
    const s = await closedServer(new Date(Date.now() + 30 * 60 * 1000));
    test.skip(
      !(await (await fetch(`${s.base}/api/chat/status`)).json()).opensAt,
      'the opening falls after midnight (Amsterdam)',
    );
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(`${s.base}/nl/chat/`);
    await expect(page.getByTestId('chat-closed')).toBeVisible();
    await expect(page.getByRole('button', { name: nl['chat.status.retry'] })).toBeVisible();
  });
});

async function consoleOperator(browser: Browser) {
  const account = createOperator('e2e-cues', 'operator', 'Sanne');
  const context = await browser.newContext();
  const operator = await context.newPage();
  await consoleAvailable(operator, account);
  await operator.getByLabel(nl['chat.console.calm']).uncheck();
  return { operator, context };
}

test('under 18 reaches the operator; silent title badge; away and back in the console', async ({ browser }) => {
  test.setTimeout(120_000);
  const { operator, context: operatorContext } = await consoleOperator(browser);
  const visitorContext = await browser.newContext(PHONE);
  const visitor = await visitorContext.newPage();
  await visitor.goto('/nl/chat/');
  await expect(visitor.getByTestId('chat-language-note')).toHaveCount(0);
  await visitor.getByLabel(nl['chat.about.self']).check();
  await visitor.getByRole('group', { name: nl['chat.danger.legend'] }).getByLabel(nl['chat.danger.no']).check();
  await visitor.getByLabel(nl['chat.under18.label']).check();
  await visitor.getByLabel(nl['chat.nickname.label']).fill('Jonge Merel');
  await visitor.getByRole('button', { name: nl['chat.start'] }).click();

  // The wait screen: 112 first, and the truth about "Snel weg".
  const waiting = visitor.locator('.chat-waiting');
  await expect(waiting.locator('.chat-numbers li').first()).toHaveAttribute('data-testid', 'chat-call-112');
  await expect(visitor.getByTestId('chat-waiting-quick-exit')).toHaveText(nl['chat.waiting.quickExit']);

  // The console: the queue row says "Jonger dan 18"; so does the conversation.
  const row = operator.locator('.console-table tbody tr').filter({ has: operator.getByTestId('queue-under18') });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(nl['chat.console.queue.under18']);
  // While waiting, the visitor leaves the page: the row stays, marked "weg"; back: no longer.
  await expect(row.getByTestId('queue-away')).toHaveCount(0);
  await visitor.goto('/nl/');
  await expect(row.getByTestId('queue-away')).toHaveText(nl['chat.console.queue.away']);
  await visitor.goto('/nl/chat/');
  await expect(visitor.locator('.chat-waiting')).toBeVisible();
  await expect(row.getByTestId('queue-away')).toHaveCount(0);
  await visitor.getByLabel(nl['chat.notify.label']).check();
  const title = await visitor.title();
  await row.getByRole('button', { name: nl['chat.console.queue.accept'] }).click();
  const panel = operator.locator('.console-conversation').filter({ hasText: 'Jonge Merel' });
  await expect(panel.getByTestId('console-under18')).toHaveText(nl['chat.console.queue.under18']);

  // The visitor: one alias, never "Veilig Thuis van Veilig Thuis"; the silent badge in the title.
  await expect(visitor.locator('#chat-conversation-title')).toHaveText(fill(nl['chat.accepted'], { name: 'Sanne' }));
  await expect.poll(() => visitor.title()).toBe(`(1) ${title}`);
  await expect(visitor.locator('link[rel~="icon"]')).toHaveAttribute('href', '/favicon-badge.svg');
  await expect(visitor.locator('.chat-message[data-from="system"] .chat-message__from').first()).toHaveText(
    nl['chat.from.system'],
  );

  // The visitor leaves the page (the socket closes): "bezoeker weg sinds 0:01", a running clock;
  // back in the same tab: "terug".
  const presence = panel.getByTestId('console-visitor-presence');
  await visitor.goto('/nl/');
  await expect(presence).toHaveAttribute('data-presence', 'away');
  const [awayBefore = '', awayAfter = ''] = nl['chat.console.conversation.visitorAway'].split('{time}');
  expect(awayBefore).toContain('weg sinds');
  await expect(presence).toHaveText(new RegExp(`^${escapeRegExp(awayBefore)}\\d+:\\d\\d${escapeRegExp(awayAfter)}$`));
  const clock = presence.getByTestId('console-away-time');
  const firstTime = (await clock.textContent()) ?? '';
  await expect(clock).not.toHaveText(firstTime, { timeout: 5_000 });
  if (process.env.CHATCUES_SHOTS) await operator.screenshot({ path: '/tmp/chatcues-console-away.png', fullPage: true });
  await visitor.goto('/nl/chat/');
  await expect(visitor.locator('#chat-conversation-title')).toBeVisible();
  await expect(presence).toHaveAttribute('data-presence', 'back');
  await expect(presence).toHaveText(nl['chat.console.conversation.visitorBack']);

  await visitorContext.close();
  await operatorContext.close();
});

test('non-Dutch page: says in which language staff answer, before starting', async ({ page, baseURL }) => {
  // The form (and the note) shows while someone is available.
  const socket = await availableOperator(baseURL!, createOperator('e2e-cues-lang'));
  await page.goto('/ar/chat/');
  const ar = uiStrings('ar');
  await expect(page.getByTestId('chat-language-note')).toHaveText(ar['chat.language.note']);
  socket.disconnect();
});
