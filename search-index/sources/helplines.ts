/** Organisations from content/data/helplines.json: only verified rows with a plain phone number. */
import { readJson } from './read-json';

export interface HelplineRecord {
  id: string;
  name: string;
  phone: string;
  tel: string;
  themes: string;
}

interface HelplineRow {
  id: string;
  name: string;
  phone: string;
  themes: string;
  confidence: string;
}

// A number as published: digits, spaces and hyphens only. Rows with notes in the phone field
// ("NIET GEVONDEN", "112 / 0800-…") are left out: search must never show a doubtful number.
const PLAIN_PHONE = /^\d[\d -]{1,18}\d$/;

export function loadHelplines(contentDir: string): HelplineRecord[] {
  return readJson<HelplineRow[]>(contentDir, 'data/helplines.json')
    .filter((row) => row.confidence === 'verified' && PLAIN_PHONE.test(row.phone.trim()))
    .map((row) => ({
      id: row.id,
      name: row.name,
      phone: row.phone.trim(),
      tel: row.phone.replace(/[^0-9]/g, ''),
      themes: row.themes,
    }));
}
