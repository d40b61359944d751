/**
 * The console never lets a person go unseen (issue 20, items 1 and 2), with a real server, real
 * sockets and Chromium at 1366×768: six visitors waiting (one in danger) are all on the console
 * with its default settings (calm view on, status away); the count and the number in danger are
 * shown; the visitor in danger is pinned in the upper half of the screen with their waiting time,
 * which turns into an alarm after a minute; their alarm sound is on by default and can be
 * switched off on this device; the supervisor's view lists them after two minutes; and inside
 * the conversation a banner gives the emergency number with its source. axe finds nothing in
 * the alarm state or beside the banner; the conversation goes to a colleague chosen by display
 * name. Screenshots go to /tmp/console20-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import type { Ack, VisitorStarted } from '../../chat-server/src/protocol';
import { uiStrings } from '../../site/i18n/ui';
import { adminStrings } from '../../site/islands/console/admin-strings';
import { axeViolations } from '../support/axe';
import {
  availableOperator,
  createOperator,
  type OperatorSocket,
  consoleLogIn,
  type OperatorAccount,
} from './chat-support';

const nl = uiStrings('nl');

/** Municipalities no other browser test uses, so these rows are this test's own. */
const VISITORS = [
  { lang: 'nl', about: 'self', inDanger: false, municipality: 'GM0363', name: 'Amsterdam' },
  { lang: 'en', about: 'someone-else', inDanger: false, municipality: 'GM0599', name: 'Rotterdam' },
  { lang: 'tr', about: 'self', inDanger: false, municipality: 'GM0518', name: "'s-Gravenhage" },
  { lang: 'ar', about: 'child', inDanger: false, municipality: 'GM0772', name: 'Eindhoven' },
  { lang: 'uk', about: 'self', inDanger: false, municipality: 'GM0193', name: 'Zwolle' },
  { lang: 'pl', about: 'self', inDanger: true, municipality: 'GM0080', name: 'Leeuwarden' },
] as const;

async function startVisitor(baseURL: string, payload: Record<string, unknown>): Promise<Socket> {
  const socket = io(new URL('/visitor', baseURL).href, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack = (await socket.timeout(10_000).emitWithAck('visitor:start', payload)) as Ack<VisitorStarted>;
  if (!ack.ok) throw new Error(`visitor:start: ${ack.error}`);
  return socket;
}

async function logIn(page: Page, account: OperatorAccount): Promise<void> {
  await consoleLogIn(page, account);
  await expect(page.getByRole('button', { name: nl['chat.console.status.toggle'] })).toBeVisible();
}

test.describe.configure({ timeout: 180_000 });

test('six waiting with default settings are all on the console; the one in danger is an alarm at the top', async ({
  browser,
  baseURL,
}) => {
  // Someone available keeps the chat open; the console under test keeps its defaults (away, calm).
  const helper: OperatorSocket = await availableOperator(
    baseURL!,
    createOperator('e2e-danger-helper', 'operator', 'Ravi'),
  );
  const account = createOperator('e2e-danger-lead', 'supervisor', 'Noor');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  // Counts the AudioContexts the page makes: the new-chat tone is off by default, so each is the alarm.
  await page.addInitScript(() => {
    const Original = window.AudioContext;
    const counter = window as unknown as { alarms: number };
    counter.alarms = 0;
    window.AudioContext = class extends Original {
      constructor(options?: AudioContextOptions) {
        super(options);
        counter.alarms++;
      }
    };
  });
  await page.clock.install();
  const visitors: Socket[] = [];
  try {
    await logIn(page, account);
    await expect(page.getByRole('button', { name: nl['chat.console.status.toggle'] })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await expect(page.getByLabel(nl['chat.console.calm'])).toBeChecked();
    await expect(page.getByLabel(nl['chat.console.danger.sound'])).toBeChecked();

    for (const { name: _name, ...payload } of VISITORS) visitors.push(await startVisitor(baseURL!, payload));

    // Every one of the six is on screen: the five in the queue table, the one in danger pinned above.
    const table = page.locator('.console-table tbody');
    for (const visitor of VISITORS.filter((v) => !v.inDanger))
      await expect(table.locator('tr').filter({ hasText: visitor.name })).toBeVisible();
    const pinned = page.getByTestId('console-danger');
    const dangerRow = pinned.locator('li').filter({ hasText: 'Leeuwarden' });
    await expect(dangerRow).toBeVisible();
    await expect(dangerRow).toContainText(/\d+ min \d+ s/);
    await expect(table.locator('tr').filter({ hasText: 'Leeuwarden' })).toHaveCount(0);
    await expect(page.getByTestId('console-danger-news')).toHaveText(nl['chat.console.danger.alert']);

    // The count and how many are in danger, in calm view too (other tests may add their own).
    const summary = page.getByTestId('console-queue-summary');
    await expect(summary).toHaveText(/^Wachtend: \d+, van wie \d+ in gevaar$/);
    // The tab's title carries the count too (issue 14 item 1: seen from another tab); staff can switch it off.
    await expect(page).toHaveTitle(/^\(! \d+ wachtend, [1-9]\d* in gevaar\) /);
    await page.getByLabel(adminStrings['title.choice']).uncheck();
    await expect(page).not.toHaveTitle(/wachtend/);
    await page.getByLabel(adminStrings['title.choice']).check();
    const [count, danger] = ((await summary.textContent()) ?? '').match(/\d+/g)!.map(Number);
    expect(count).toBeGreaterThanOrEqual(6);
    expect(danger).toBeGreaterThanOrEqual(1);

    // Pinned in the upper half of a 1366×768 screen, without scrolling.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: '/tmp/console20-six-waiting.png' });
    const box = (await dangerRow.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(384);
    await expect.poll(() => page.evaluate(() => (window as unknown as { alarms: number }).alarms)).toBeGreaterThan(0);

    // Calm view off: the same rows, with running seconds.
    await page.getByLabel(nl['chat.console.calm']).uncheck();
    for (const visitor of VISITORS.filter((v) => !v.inDanger))
      await expect(table.locator('tr').filter({ hasText: visitor.name })).toContainText(/\d+ min \d+ s/);
    await page.getByLabel(nl['chat.console.calm']).check();

    // After a minute the wait is an alarm: white on the danger red, and said in words.
    await page.clock.setSystemTime(Date.now() + 65_000);
    await expect(dangerRow).toHaveClass(/console-danger__item--alarm/);
    await expect(dangerRow).toContainText(nl['chat.console.danger.long']);
    const colours = await dangerRow
      .locator('.console-danger__wait')
      .evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(176, 0, 32)']);
    // The supervisor's view: nobody in danger past two minutes yet, then this visitor.
    const lead = page.getByTestId('console-stats-danger');
    await expect(lead).not.toContainText('Leeuwarden');
    await page.clock.setSystemTime(Date.now() + 125_000);
    await expect(lead).toContainText('Leeuwarden');
    await page.screenshot({ path: '/tmp/console20-alarm.png', fullPage: true });
    // WCAG A and AA in the alarm state (contrast of the alarm colour included).
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await axeViolations(page), 'alarm').toEqual([]);

    // The alarm sound is a choice kept on this device: off stays off after a reload.
    await page.getByLabel(nl['chat.console.danger.sound']).uncheck();
    await page.reload();
    await expect(page.getByLabel(nl['chat.console.danger.sound'])).not.toBeChecked();
    const before = await page.evaluate(() => (window as unknown as { alarms: number }).alarms);
    visitors.push(await startVisitor(baseURL!, { lang: 'nl', about: 'self', inDanger: true, municipality: 'GM0153' }));
    await expect(pinned.locator('li').filter({ hasText: 'Enschede' })).toBeVisible();
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (window as unknown as { alarms: number }).alarms)).toBe(before);

    // Inside the conversation: what to do, with the number from content and its source.
    await pinned
      .locator('li')
      .filter({ hasText: 'Leeuwarden' })
      .getByRole('button', { name: nl['chat.console.queue.accept'] })
      .click();
    const panel = page.locator('.console-conversation').filter({ hasText: 'Leeuwarden' });
    const banner = panel.getByTestId('console-danger-banner');
    await expect(banner).toContainText('Direct gevaar: 112');
    await expect(banner.getByRole('link', { name: '112' })).toHaveAttribute('href', 'tel:112');
    await expect(banner.getByRole('link', { name: 'www.rijksoverheid.nl' })).toHaveAttribute('href', /^https:\/\//);
    await page.screenshot({ path: '/tmp/console20-conversation.png', fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await axeViolations(page), 'conversation with the banner').toEqual([]);

    // Handing over to a colleague, chosen by display name, still works (by the opaque id).
    await panel.getByText(nl['chat.console.transfer.title'], { exact: true }).click();
    const colleague = panel.getByLabel(nl['chat.console.transfer.colleague']);
    const option = colleague.locator('option').filter({ hasText: 'Ravi' });
    await expect(option).toHaveCount(1);
    expect(await option.getAttribute('value')).toMatch(/^op-[\w-]{22}$/);
    await expect(colleague).not.toContainText('e2e-danger');
    await colleague.selectOption({ label: (await option.textContent())! });
    await panel.getByLabel(adminStrings['handover.note.label']).fill('In gevaar; 112 is al genoemd.');
    const assigned = new Promise<string>((resolve) =>
      helper.once('chat:assigned', ({ conversation }) => resolve(conversation.municipality ?? '')),
    );
    await panel.getByRole('button', { name: nl['chat.console.transfer.submit'] }).click();
    expect(await assigned).toBe('GM0080');
    await expect(panel).toHaveCount(0);
  } finally {
    for (const visitor of visitors) {
      await visitor
        .timeout(5000)
        .emitWithAck('visitor:quick-exit', {})
        .catch(() => undefined);
      visitor.disconnect();
    }
    helper.disconnect();
    await context.close();
  }
});
