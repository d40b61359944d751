/**
 * Phone numbers never stand typed in page text: a page writes `{{tel:alarmnummer-112}}` or
 * `{{tel:veilig-thuis}}`, and the page template puts a PhoneLink with the number from data there.
 * So a number changes in one file (content/data/helplines.json) and stays left-to-right in Arabic.
 */
import { EMERGENCY, VEILIG_THUIS, type SafetyNumber } from '../../lib/safety-numbers';

/** The helplines a page may name, by their id in content/data/helplines.json. */
export const PHONE_TOKENS: Record<string, SafetyNumber> = {
  'alarmnummer-112': EMERGENCY,
  'veilig-thuis': VEILIG_THUIS,
};

export const TOKEN_PATTERN = /\{\{\s*tel:([a-z0-9-]+)\s*\}\}/g;

export type Segment = { html: string } | { phone: SafetyNumber };

/** Splits rendered page HTML at the phone tokens; an unknown id throws with the file named. */
export function splitPhoneTokens(html: string, file: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of html.matchAll(TOKEN_PATTERN)) {
    const phone = PHONE_TOKENS[match[1]!];
    if (!phone) {
      throw new Error(
        `${file}: unknown phone token {{tel:${match[1]}}}; use one of ${Object.keys(PHONE_TOKENS).join(', ')}`,
      );
    }
    segments.push({ html: html.slice(last, match.index) }, { phone });
    last = match.index + match[0].length;
  }
  segments.push({ html: html.slice(last) });
  return segments;
}
