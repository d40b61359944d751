/**
 * Help facts never stand typed in page text: a page writes `{{tel:veilig-thuis}}` (the number, as
 * a left-to-right `tel:` link) or `{{org:kindertelefoon}}` (the name), and the page template puts
 * the fact from the help facts module (content/facts/) there. So a number changes in one file and
 * stays left-to-right in Arabic. An unknown token stops the build with the file named.
 */
import { FACTS, type Phone } from '../../../content/facts';

export type Segment = { html: string } | { phone: Phone } | { name: string };

/** Splits rendered page HTML at the tokens; an unknown id throws with the file named. */
export function splitPhoneTokens(html: string, file: string): Segment[] {
  return FACTS.tokens.split(html, file).map((segment) => {
    if ('text' in segment) return { html: segment.text };
    return segment.token.kind === 'tel' ? { phone: segment.token.phone } : { name: segment.token.name };
  });
}
