/**
 * The shared core of the chat's contract: version, error codes, the closed value sets and the
 * building blocks both namespaces' schemas are made of (protocol/index.ts says how it is split).
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;

/** Closed set of error codes in a failed acknowledgement. */
export const ERROR_CODES = [
  'invalid-payload',
  'rate-limited',
  'not-found',
  'forbidden',
  'closed',
  'queue-full',
  'already-taken',
  'capacity',
  'unavailable',
  'unauthorized',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorCode; message?: string };
export type AckCallback<T> = (response: Ack<T>) => void;

export const LANG_CODES = ['nl', 'en', 'tr', 'ar', 'pl', 'uk'] as const;
/**
 * Addition (issue 14): the languages a visitor whose own language nobody online reads may
 * chat in anyway (`fallbackLanguages`), in this order: Dutch, English.
 */
export const FALLBACK_LANGS = ['nl', 'en'] as const satisfies readonly (typeof LANG_CODES)[number][];
export const ABOUT = ['self', 'child', 'someone-else', 'professional'] as const;
export const OUTCOMES = ['advice', 'referral', 'report-advised', 'no-reply', 'other'] as const;
export const ENDED_BY = ['visitor', 'operator', 'timeout', 'quick-exit'] as const;
export const SENDERS = ['visitor', 'operator', 'system'] as const;

export const MAX_MESSAGE_LENGTH = 2000;
export const MAX_NICKNAME_LENGTH = 30;
export const MAX_NOTE_LENGTH = 4000;
/** Addition (issue 20): the note an operator hands over with `operator:transfer`. */
export const MAX_HANDOVER_NOTE_LENGTH = 500;

export type Lang = (typeof LANG_CODES)[number];
export type FallbackLang = (typeof FALLBACK_LANGS)[number];
export type About = (typeof ABOUT)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type EndedBy = (typeof ENDED_BY)[number];
export type Sender = (typeof SENDERS)[number];
export type ConversationStatus = 'queued' | 'active' | 'ended';

// ---- shared building blocks -------------------------------------------------------------

export const id = z.string().min(1).max(100);
export const clientId = z.string().uuid();
/** Text from people: trimmed, not empty, at most `max` characters, no NUL or other C0 controls but newline and tab. */
export const humanText = (max: number) =>
  z
    .string()
    .transform((text) => text.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1)
        .max(max)
        .refine((text) => !/(?![\n\t])\p{Cc}/u.test(text), 'contains control characters'),
    );
export const themeId = z.string().regex(/^[a-z0-9-]{1,60}$/);
export const municipalityCode = z.string().regex(/^GM\d{4}$/, 'expected a municipality code GMxxxx');
/** Addition (issue 14): a Veilig Thuis region code as in content/data (VT01 … VT27). */
export const veiligThuisRegionCode = z.string().regex(/^VT\d{2}$/, 'expected a Veilig Thuis region code VTxx');

/**
 * Addition (issue 14): whether the visitor's language is read by some available operator now
 * (`languageServed`), and which of Dutch and English are (`fallbackLanguages`, in that order):
 * the visitor may chat in one of those anyway. In the `visitor:start` ack, `queue:updated`,
 * `chat:state` (queued) and `GET /api/chat/status?lang=`.
 */
export interface LanguageFigures {
  languageServed: boolean;
  fallbackLanguages: FallbackLang[];
}

export interface ChatMessage {
  id: string;
  clientId?: string;
  from: Sender;
  text: string;
  /** ISO 8601 time the server stored it. */
  at: string;
  /**
   * Addition (issue 20): on `from: 'operator'` messages, the writer's alias (display name), as
   * the visitor saw it in `chat:accepted`; after a transfer each message keeps its own writer.
   */
  operatorName?: string;
}
