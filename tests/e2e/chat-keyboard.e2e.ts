/**
 * The visitor chat with the keyboard only: reach the form with Tab, answer with Space and the
 * arrow keys, start with Enter, follow the focus into the queue and the conversation, send with
 * Enter, and end the conversation, without ever touching the mouse.
 */
import { expect, test, type Page } from '@playwright/test';
import { uiStrings } from '../../site/i18n/ui';
import { acceptWhere, availableOperator, createOperator } from './chat-support';

const nl = uiStrings('nl');

async function tabTo(page: Page, selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${selector} was not reached with ${key}`);
}

test('chat keyboard: a visitor chats from start to end with the keyboard only', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const operator = await availableOperator(baseURL!, createOperator('keyboard-op'));
  try {
    await page.goto('/nl/chat/');
    await expect(page.getByRole('button', { name: nl['chat.start'] })).toBeVisible();

    // Submitting nothing lists what is missing and moves focus there.
    await tabTo(page, 'form.chat-form button[type=submit]');
    await page.keyboard.press('Enter');
    await expect(page.locator('.chat-error-summary')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('#chat-about-self')).toBeFocused();

    // About whom: Space picks the focused choice; arrows move within the group.
    await page.keyboard.press('Space');
    await expect(page.locator('#chat-about-self')).toBeChecked();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#chat-about-child')).toBeChecked();
    await tabTo(page, '#chat-danger-yes');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#chat-danger-no')).toBeChecked();
    await tabTo(page, '#chat-municipality');
    await page.keyboard.type('Hoorn');
    await expect(page.locator('#chat-municipality')).toHaveValue('GM0405');
    await tabTo(page, '#chat-nickname');
    await page.keyboard.type('Kim');
    await tabTo(page, 'form.chat-form button[type=submit]');
    await page.keyboard.press('Enter');

    // Focus follows the chat: the queue heading, then the message box.
    await expect(page.getByRole('heading', { name: nl['chat.waiting.title'] })).toBeFocused();
    await acceptWhere(operator, (w) => w.municipality === 'GM0405');
    await expect(page.getByLabel(nl['chat.composer.label'])).toBeFocused();
    await page.keyboard.type('Eerste regel');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('tweede regel');
    await page.keyboard.press('Enter');
    await expect(page.locator('.chat-message[data-from="visitor"] .chat-message__text')).toHaveText(
      'Eerste regel\ntweede regel',
    );
    await expect(page.getByLabel(nl['chat.composer.label'])).toHaveValue('');

    // Ending: the confirmation starts on "No", so Enter alone never ends a chat by accident.
    await tabTo(page, '.chat-end button');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: nl['chat.end.no'] })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('button', { name: nl['chat.end.yes'] })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: nl['chat.ended.title'] })).toBeFocused();
  } finally {
    operator.disconnect();
  }
});
