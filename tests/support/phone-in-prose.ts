/**
 * Finds phone numbers typed in content text (pages, chat texts, campaign texts). Helpline numbers
 * must come from the help facts (a `{{tel:<id>}}` token), so a changed number is changed in one
 * file and never goes stale in prose.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js/max';

/** Dutch short numbers and free/shared-cost numbers that libphonenumber may not see in running text. */
const SHORT_OR_SERVICE = /(?<![\d.,])(?:112|144|0800[\s-]?\d{4,7}|0900[\s-]?\d{4,7}|116\s?\d{3})(?![\d.,]*\d)/g;

/** Phone numbers in text (`{{tel:…}}` / `{{org:…}}` tokens removed first), as typed. */
export function phoneNumbersIn(text: string): string[] {
  const prose = text.replace(/\{\{\s*(?:tel|org):[a-z0-9-]+\s*\}\}/g, ' ');
  const found = new Set<string>();
  for (const match of prose.matchAll(SHORT_OR_SERVICE)) found.add(match[0]);
  for (const match of findPhoneNumbersInText(prose, 'NL')) found.add(prose.slice(match.startsAt, match.endsAt));
  return [...found];
}
