/**
 * Keeping the place: a waiting visitor reads another page in the same tab and comes back through
 * the launcher, still in the queue; in the conversation, a reload brings every message back
 * exactly once. The token lives in sessionStorage only: a new tab starts fresh.
 */
import { expect, test } from '@playwright/test';
import { uiStrings } from '../../site/i18n/ui';
import { acceptWhere, availableOperator, createOperator } from './chat-support';

const uk = uiStrings('uk');

test('chat resume: leave to read, come back, reload: same chat, messages once', async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  const operator = await availableOperator(baseURL!, createOperator('resume-op'));
  try {
    await page.goto('/uk/chat/');
    await page.getByLabel(uk['chat.about.self']).check();
    await page.locator('#chat-danger-no').check();
    await page.getByLabel(uk['chat.municipality.label']).selectOption('GM0268');
    await page.getByRole('button', { name: uk['chat.start'] }).click();
    await expect(page.getByRole('heading', { name: uk['chat.waiting.title'] })).toBeVisible();
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['ghnt.chat.resumeToken']);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    // Read another page in this tab, come back by the launcher: still waiting.
    await page.goto('/uk/');
    await page.getByRole('link', { name: uk['chat.launcher'] }).click();
    await expect(page.getByRole('heading', { name: uk['chat.waiting.title'] })).toBeVisible();

    const conversationId = await acceptWhere(operator, (w) => w.municipality === 'GM0268');
    await expect(page.getByLabel(uk['chat.composer.label'])).toBeVisible();
    await page.getByLabel(uk['chat.composer.label']).fill('Привіт');
    await page.keyboard.press('Enter');
    await operator
      .timeout(5000)
      .emitWithAck('chat:send', { conversationId, clientId: crypto.randomUUID(), text: 'Добрий день' });
    await expect(page.locator('.chat-message[data-from="operator"]')).toHaveCount(1);

    await page.reload();
    await expect(page.getByLabel(uk['chat.composer.label'])).toBeVisible();
    await expect(page.locator('.chat-message[data-from="visitor"]').filter({ hasText: 'Привіт' })).toHaveCount(1);
    await expect(page.locator('.chat-message[data-from="operator"]').filter({ hasText: 'Добрий день' })).toHaveCount(1);

    // Another tab has its own sessionStorage: it does not join this conversation.
    const other = await context.newPage();
    await other.goto('/uk/chat/');
    await expect(other.getByRole('button', { name: uk['chat.start'] })).toBeVisible();
    await other.close();
  } finally {
    operator.disconnect();
  }
});
