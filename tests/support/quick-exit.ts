/** The quick exit's neutral site, answered in the browser so that no request leaves this machine. */
import type { Page } from '@playwright/test';

export const EXIT = 'https://www.buienradar.nl/';

export async function interceptExit(page: Page): Promise<void> {
  await page
    .context()
    .route('https://www.buienradar.nl/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>neutral</title><p>neutral</p>' }),
    );
}
