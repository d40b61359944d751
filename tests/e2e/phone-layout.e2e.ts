/**
 * Phone first (390×844): on every template in every language the page's own heading starts in
 * the top 250 px, 112 and 0800-2000 are on the first screen, the quick exit is in view, and the
 * chat's start form begins on the first screen of the chat page. A municipality page is at most
 * 6000 px tall (issue 18: it was about 15,000), its themes open from the keyboard, and a link to
 * a source inside the collapsed list opens it.
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
/** Issue 18: a municipality page on a phone; measured 15,097 px (nl/zaanstad) before the themes were collapsed. */
const MUNICIPALITY_PAGE_LIMIT_PX = 6000;
/** Zaanstad (Ik zit klem), Amsterdam (two local facts) and Nijmegen (Moviera, a verified Veilig Thuis). */
const MUNICIPALITY_PATHS = ['hulp/zaanstad/', 'hulp/amsterdam/', 'hulp/nijmegen/'];
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

test(`phone: a municipality page is at most ${MUNICIPALITY_PAGE_LIMIT_PX} px tall, in every language`, async ({
  page,
}) => {
  const heights: Record<string, number> = {};
  for (const lang of LANGS) {
    for (const path of MUNICIPALITY_PATHS) {
      await page.goto(`/${lang}/${path}`);
      heights[`/${lang}/${path}`] = await page.evaluate(() => document.documentElement.scrollHeight);
    }
  }
  const tooTall = Object.entries(heights).filter(([, height]) => height > MUNICIPALITY_PAGE_LIMIT_PX);
  expect(tooTall, JSON.stringify(heights)).toEqual([]);
});

test('phone: on a municipality page the local block comes before the themes, which open from the keyboard', async ({
  page,
}) => {
  await page.goto('/nl/hulp/nijmegen/');
  const local = await page.locator('#in-je-gemeente').boundingBox();
  const themes = await page.locator('#per-onderwerp').boundingBox();
  expect(local!.y).toBeLessThan(themes!.y);
  await expect(page.locator('[data-local-fact="moviera"]')).toBeVisible();
  await expect(page.locator('[data-municipality-website] a').first()).toHaveAttribute(
    'href',
    'https://www.nijmegen.nl/',
  );

  const theme = page.locator('details#thema-partnergeweld');
  await expect(theme).not.toHaveAttribute('open');
  await expect(theme.locator('.services').first()).toBeHidden();
  await theme.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(theme).toHaveAttribute('open');
  await expect(theme.locator('.services').first()).toBeVisible();

  // A link to a source opens the collapsed list of sources (the browser reveals the fragment).
  await page.goto('/nl/hulp/nijmegen/#bron-veilig-thuis');
  await expect(page.locator('#bron-veilig-thuis')).toBeInViewport();
});

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
