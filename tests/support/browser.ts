/** Helpers shared by the Playwright tests. */
import type { Page, Request, Response } from '@playwright/test';

/** Records every request that leaves the page's origin and every Set-Cookie header. */
export function watchPrivacy(page: Page, origin: string) {
  const offOrigin: string[] = [];
  const cookies: string[] = [];
  page.on('request', (request: Request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return;
    if (new URL(url).origin !== origin) offOrigin.push(url);
  });
  page.on('response', async (response: Response) => {
    const header = await response.headerValue('set-cookie');
    if (header) cookies.push(`${response.url()}: ${header}`);
  });
  return { offOrigin, cookies };
}

/** Collects Content-Security-Policy violations and script errors reported in the console. */
export function watchConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
