/**
 * Where the chat's code runs: only on /{lang}/chat/ and /medewerkers/. Every other page carries
 * the launcher as a plain link that loads nothing; the chat page itself opens no socket until
 * the visitor starts (or has a chat to resume in this tab).
 */
import { expect, test } from '@playwright/test';
import { uiStrings } from '../../site/i18n/ui';

for (const path of ['/nl/', '/nl/privacy/', '/ar/', '/uk/']) {
  test(`chat launcher: ${path} links to the chat and loads no chat code`, async ({ page }) => {
    const lang = path.split('/')[1] as 'nl' | 'ar' | 'uk';
    const scripts: string[] = [];
    const sockets: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      if (request.url().includes('/socket.io/') || request.url().includes('/api/chat/')) sockets.push(request.url());
    });
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await page.goto(path);
    const launcher = page.getByRole('link', { name: uiStrings(lang)['chat.launcher'] });
    await expect(launcher).toHaveAttribute('href', `/${lang}/chat/`);
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((script) => /ChatApp|ConsoleApp|preact|client\./.test(script))).toEqual([]);
    expect(sockets).toEqual([]);
  });
}

test('chat page: asks only for the status until the visitor starts, and has no launcher', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  page.on('websocket', (socket) => requests.push(socket.url()));
  await page.goto('/tr/chat/');
  await expect(page.locator('.chat-status')).not.toHaveText(uiStrings('tr')['chat.status.loading']);
  await page.waitForLoadState('networkidle');
  expect(requests.filter((path) => path.includes('socket.io'))).toEqual([]);
  expect(requests).toContain('/api/chat/status');
  await expect(page.getByRole('link', { name: uiStrings('tr')['chat.launcher'] })).toHaveCount(0);
});

test('console: /medewerkers/ is noindex, out of the sitemap, and without the chat launcher', async ({
  page,
  request,
}) => {
  await page.goto('/medewerkers/');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(page.locator('.chat-launcher')).toHaveCount(0);
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap).toContain('/nl/chat/');
  expect(sitemap).not.toContain('/medewerkers/');
});

test('chat page without JavaScript: the page itself carries the phone route', async ({ request }) => {
  // Chromium parses <noscript> as text even with scripts disabled, so read the HTML as sent.
  const html = await (await request.get('/nl/chat/')).text();
  const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? '';
  expect(noscript).toContain(uiStrings('nl')['chat.noscript']);
  expect(noscript).toContain('href="tel:08002000"');
  expect(noscript).toContain('href="tel:112"');
  // Without JavaScript the island shows no "checking…" message that would never change.
  expect(html).not.toContain('class="chat-status');
});
