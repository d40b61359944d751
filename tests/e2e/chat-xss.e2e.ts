/**
 * Security pass (issue 15): markup in a visitor's nickname and messages, in an operator's alias
 * and replies, renders as text in the visitor widget and in the console (Chromium): no dialog
 * fires, no element is created from it, no javascript: link appears.
 */
import { expect, test, type Page } from '@playwright/test';
import { uiStrings } from '../../site/i18n/ui';
import { consoleAvailable, createOperator } from './chat-support';

const nl = uiStrings('nl');
const en = uiStrings('en');

const ALIAS = '<img src=x onerror=alert(1)>';
const NICKNAME = '<img src=x onerror=alert(2)>';
const ATTACKS = [
  '<img src=x onerror=alert(3)> plaatje',
  '<script>alert(4)</script> script',
  '<a href="javascript:alert(5)">klik hier</a> link',
  '[klik](javascript:alert(6)) markdown',
  '<svg onload=alert(7)></svg> svg',
];

/** Elements that only an injection would create. */
const injected = (page: Page) =>
  page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"], img[onerror]').length,
    svg: document.querySelectorAll('svg[onload]').length,
    scripts: [...document.querySelectorAll('script:not([src])')].filter((s) => s.textContent?.includes('alert('))
      .length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
      a.getAttribute('href')!.trim().toLowerCase().startsWith('javascript:'),
    ).length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))
      .length,
  }));

test('markup in nicknames, aliases and messages renders as text in the widget and the console', async ({ browser }) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  const account = createOperator('e2e-xss', 'operator', ALIAS);
  const operatorContext = await browser.newContext();
  const operator = await operatorContext.newPage();
  operator.on('dialog', (dialog) => {
    dialogs.push(`console: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await consoleAvailable(operator, account);

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  visitor.on('dialog', (dialog) => {
    dialogs.push(`widget: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await visitor.goto('/en/chat/');
  await visitor.getByLabel(en['chat.about.someoneElse']).check();
  await visitor.locator('#chat-danger-no').check();
  await visitor.getByLabel(en['chat.municipality.label']).selectOption('GM0307');
  await visitor.locator('#chat-nickname').fill(NICKNAME);
  await visitor.getByRole('button', { name: en['chat.start'] }).click();
  await expect(visitor.getByRole('heading', { name: en['chat.waiting.title'] })).toBeVisible();

  const row = operator.locator('.console-table tbody tr').filter({ hasText: 'Amersfoort' });
  await row.getByRole('button', { name: nl['chat.console.queue.accept'] }).click();
  const panel = operator.locator('.console-conversation').filter({ hasText: 'Amersfoort' });
  await expect(panel).toBeVisible();
  // The nickname is shown as text in the console.
  await expect(panel.getByText(NICKNAME, { exact: false }).first()).toBeVisible();

  // The visitor sends markup; the operator replies with markup.
  const visitorBox = visitor.getByLabel(en['chat.composer.label']);
  await expect(visitorBox).toBeVisible();
  for (const attack of ATTACKS) {
    await visitorBox.fill(`V ${attack}`);
    await visitor.getByRole('button', { name: en['chat.send'], exact: true }).click();
    await expect(panel.getByText(`V ${attack}`, { exact: true })).toBeVisible();
  }
  const operatorBox = panel.getByLabel(nl['chat.console.conversation.message']);
  for (const attack of ATTACKS) {
    await operatorBox.fill(`O ${attack}`);
    await panel.getByRole('button', { name: nl['chat.console.conversation.send'] }).click();
    await expect(visitor.getByText(`O ${attack}`, { exact: true })).toBeVisible();
  }
  // The operator's alias reaches the visitor as text too.
  await expect(visitor.getByText(ALIAS, { exact: false }).first()).toBeVisible();
  // Both sides show every message as text (their own too).
  for (const attack of ATTACKS) {
    await expect(visitor.getByText(`V ${attack}`, { exact: true })).toBeVisible();
    await expect(panel.getByText(`O ${attack}`, { exact: true })).toBeVisible();
  }

  await visitor.waitForTimeout(500);
  for (const [name, page] of [
    ['widget', visitor],
    ['console', operator],
  ] as const)
    expect(await injected(page), name).toEqual({ img: 0, svg: 0, scripts: 0, jsLinks: 0, handlers: 0 });
  expect(dialogs).toEqual([]);

  await visitorContext.close();
  await operatorContext.close();
});
