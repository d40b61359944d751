/**
 * Phone first (390×844): on every template in every language the page's own heading starts in
 * the top 250 px, 112 and 0800-2000 are on the first screen, the quick exit is in view, and the
 * chat's start form begins on the first screen of the chat page.
 */
import { expect, test } from '@playwright/test';
import { LANGS } from '../../site/i18n/locales';
import { availableOperator, createOperator } from './chat-support';

/** One page of every template (home, content kinds, help index and route, search, chat). */
const TEMPLATE_PATHS = [
  '',
  'thema/partnergeweld/',
  'voor/jongeren/',
  'ik-zit-klem/zaanstreek-waterland/',
  'uitleg/feiten-en-cijfers/',
  'sporen-wissen/',
  'hulp/',
  'hulp/zaanstad/',
  'zoeken/',
  'chat/',
];
const H1_LIMIT_PX = 250;
const SCREEN = { width: 390, height: 844 };

test.use({ viewport: SCREEN });

for (const lang of LANGS) {
  test(`phone: ${lang}: heading in the top ${H1_LIMIT_PX} px, 112 and 0800-2000 on the first screen`, async ({
    page,
  }) => {
    const problems: string[] = [];
    for (const path of TEMPLATE_PATHS) {
      await page.goto(`/${lang}/${path}`);
      const h1 = await page.locator('h1').first().boundingBox();
      if (!h1 || h1.y > H1_LIMIT_PX) problems.push(`/${lang}/${path}: h1 at ${h1?.y ?? 'nowhere'} px`);
      for (const tel of ['tel:112', 'tel:08002000']) {
        const box = await page.locator(`.safety-bar a[href="${tel}"]`).boundingBox();
        if (!box || box.y + box.height > SCREEN.height)
          problems.push(`/${lang}/${path}: ${tel} not on the first screen`);
      }
      await expect(page.locator('[data-quick-exit]')).toBeInViewport();
    }
    expect(problems).toEqual([]);
  });
}

test('phone: the chat start form begins on the first screen (nl and ar)', async ({ page, baseURL }) => {
  // The form shows when someone can answer: an operator is available.
  const operator = await availableOperator(baseURL!, createOperator('phone-layout'));
  try {
    for (const lang of ['nl', 'ar']) {
      await page.goto(`/${lang}/chat/`);
      const form = page.locator('form.chat-form');
      await expect(form).toBeVisible();
      const box = await form.boundingBox();
      expect(box!.y, lang).toBeLessThan(SCREEN.height);
    }
  } finally {
    operator.disconnect();
  }
});
