/**
 * The two numbers every page shows: 112 and Veilig Thuis 0800-2000. They are read from the
 * imported helplines data (content/data/helplines.json, from shared/data/helplines.csv), never
 * typed here, and the build fails if either row is missing or not verified.
 */
import helplines from '../../content/data/helplines.json' with { type: 'json' };

export interface SafetyNumber {
  /** As published, e.g. "0800-2000". */
  display: string;
  /** For `tel:` links: digits only, e.g. "08002000". */
  tel: string;
  source: string;
  sourceDate: string;
}

function verifiedNumber(id: string): SafetyNumber {
  const row = helplines.find((candidate) => candidate.id === id);
  if (!row || row.confidence !== 'verified' || !row.phone) {
    throw new Error(`content/data/helplines.json: "${id}" must exist, be verified and have a phone number`);
  }
  return {
    display: row.phone,
    tel: row.phone.replace(/[^0-9+]/g, ''),
    source: row.source_url.split(' | ')[0] ?? '',
    sourceDate: row.source_date,
  };
}

export const EMERGENCY = verifiedNumber('alarmnummer-112');
export const VEILIG_THUIS = verifiedNumber('veilig-thuis');
