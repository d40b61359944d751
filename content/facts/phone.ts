/**
 * Phone numbers from the data: parsed with libphonenumber-js, stored in E.164, shown the Dutch
 * way ("0800-2000", "020-261 5275") and dialled as the national digits ("tel:08002000"): the
 * same digits a caller in the Netherlands reads on the page (an 0800 number is not reachable from
 * abroad anyway). The short numbers 112 and 113 are not E.164 numbers; they are accepted only as
 * themselves. A service people call from abroad (the Foreign Ministry's 24/7 line) is the one
 * exception: parseInternationalPhone keeps the +31 form its source publishes.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export interface Phone {
  /** "+318002000"; for a short number the number itself ("112"). */
  e164: string;
  /** "0800-2000": the national format with a hyphen after the prefix. */
  display: string;
  /** For `tel:` links: the national digits, e.g. "08002000"; a short number as itself ("112"). */
  tel: string;
}

const SHORT_NUMBERS = new Set(['112', '113']);

/** Every phone-number-like run in a free-text cell, with its position. */
export function phoneMatches(cell: string): RegExpMatchArray[] {
  return [...cell.matchAll(/\+?\d[\d \-–]{1,16}\d/g)];
}

/** Every phone-number-like run in a free-text cell, in order ("113 / 0800-0113" → two). */
export function phoneCandidates(cell: string): string[] {
  return phoneMatches(cell).map((m) => m[0].trim());
}

/** Parses one number; null when it is not a valid Dutch number (or one of the short numbers). */
export function parseDutchPhone(text: string): Phone | null {
  // Only digits and separators: libphonenumber would read "x" as an extension, letters as a vanity number.
  if (/[^\d\s\-–+()]/.test(text)) return null;
  const compact = text.replace(/[\s\-–]/g, '');
  if (SHORT_NUMBERS.has(compact)) return { e164: compact, display: compact, tel: compact };
  const parsed = parsePhoneNumberFromString(text.replace(/–/g, '-'), 'NL');
  if (!parsed || !parsed.isValid() || parsed.country !== 'NL') return null;
  const national = parsed.formatNational();
  return { e164: parsed.number, display: national.replace(' ', '-'), tel: national.replace(/\D/g, '') };
}

/**
 * A Dutch number to be dialled from abroad ("+31 247 247 247"): it must be written with +31 and be
 * valid. It is shown as the source groups it (people recognise the published form) and dialled in
 * E.164, which works from any country.
 */
export function parseInternationalPhone(text: string): Phone | null {
  const written = text.replace(/[\s\u00a0]+/g, ' ').trim();
  if (!written.startsWith('+31') || /[^\d +\-–]/.test(written)) return null;
  const parsed = parsePhoneNumberFromString(written.replace(/–/g, '-'));
  if (!parsed || !parsed.isValid() || parsed.country !== 'NL') return null;
  return { e164: parsed.number, display: written, tel: parsed.number };
}
