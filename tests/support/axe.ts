/** The one axe check the browser tests use: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Every violation on the page as one readable line: rule, help and the elements it found. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    // Details for violations only: the same rules run, but axe skips collecting every passing
    // node, which is most of its time on a long page. options() replaces all options, so it
    // comes before withTags(), which adds the rule selection.
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_TAGS)
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
