/** HTTP: the public chat status and the operator's own routes (login, me, quick replies, help route). */
import { z } from 'zod';
import { LANG_CODES, municipalityCode, veiligThuisRegionCode, type Lang, type LanguageFigures } from './core';

// ---- HTTP --------------------------------------------------------------------------------

export interface ChatStatusResponse {
  open: boolean;
  /** `unavailable` (addition): the store (Redis) cannot be reached; call 0800-2000. */
  reason?: 'closed' | 'no-operators' | 'queue-full' | 'unavailable';
  /** ISO 8601, when closed and the next opening is known. */
  opensAt?: string;
  waiting: number;
  operatorsAvailable: number;
  /** Addition (issue 14): only with `?lang=`: some available operator reads that language. */
  languageServed?: boolean;
  /** Addition (issue 14): only with `?lang=`: which of Dutch and English are read now. */
  fallbackLanguages?: LanguageFigures['fallbackLanguages'];
  /**
   * Addition (issue 14): only with `?region=` or `?municipality=`: whose opening hours `open`,
   * `reason: 'closed'` and `opensAt` follow. `ownHours` false: the region has no verified
   * timetable of its own and the default (of one other region, `hoursSourceRegion`) is used.
   */
  hours?: ChatHoursInfo;
}

/** Addition (issue 14): the region a status answer's opening hours belong to. */
export interface ChatHoursInfo {
  /** VTxx. */
  region: string;
  regionName: string;
  ownHours: boolean;
  /** The Veilig Thuis region whose published hours were used (absent when the file names none). */
  hoursSourceRegion?: string;
}

/**
 * Addition (issue 14): the query of `GET /api/chat/status`. All optional; `region` and
 * `municipality` exclude each other. Anything else, or a bad value → 400 `invalid-payload`.
 */
export const chatStatusQuerySchema = z
  .object({
    lang: z.enum(LANG_CODES, { message: `lang must be one of ${LANG_CODES.join(', ')}` }).optional(),
    region: veiligThuisRegionCode.optional(),
    municipality: municipalityCode.optional(),
  })
  .strict()
  .refine((q) => !(q.region && q.municipality), 'give region or municipality, not both');

export type ChatStatusQuery = z.infer<typeof chatStatusQuerySchema>;

export type OperatorRole = 'operator' | 'supervisor';

/** Addition: `GET /api/operator/me` (operator session required). */
export interface OperatorMe {
  /** The opaque id colleagues see for this operator (as `Colleague.operatorId`), not the username. */
  operatorId: string;
  name: string;
  role: OperatorRole;
  /** VTxx, VRxx or 'national'. */
  region: string;
  capacity: number;
  /** Addition (issue 14): two-factor login (TOTP) is on for this account. */
  twoFactor: boolean;
  /**
   * Addition (issue 14): the languages this operator chats in (absent on the account = `['nl']`).
   * Always sent by this server; optional for clients of an older one.
   */
  languages?: Lang[];
}

/** Addition: `GET /api/operator/quick-replies?lang=xx`. `html` is rendered from markdown with html off. */
export interface QuickReply {
  id: string;
  title: string;
  /** Plain text to put in the message box (what is sent to the visitor). */
  text: string;
  /** Safe HTML preview (markdown-it, html off, linkify on). */
  html: string;
}

/** Addition: `GET /api/operator/help-route?municipality=GMxxxx`. */
export interface HelpRoute {
  municipality: { code: string; name: string };
  veiligThuis: { region: string; name: string; website: string | null };
  phones: { id: string; name: string; phone: string }[];
}

/**
 * Addition (issue 14): a code from an authenticator app (TOTP, RFC 6238): six digits; spaces
 * (`123 456`, as apps show it) are left out before the check.
 */
export const totpCodeSchema = z
  .string()
  .max(20)
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'six digits'));

/** `POST /api/operator/login`. */
export const operatorLoginSchema = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
    /** Addition (issue 14): the authenticator app's code, needed once two-factor login is on. */
    code: totpCodeSchema.optional(),
  })
  .strict();

/**
 * Addition (issue 14): `POST /api/operator/2fa/setup`. `code` (the current app's code) is needed
 * only when two-factor login is already on (moving to a new phone); the body may be empty.
 */
export const operatorTwoFactorSetupSchema = z.object({ code: totpCodeSchema.optional() }).strict();

/** Addition (issue 14): `POST /api/operator/2fa/confirm`. */
export const operatorTwoFactorConfirmSchema = z.object({ code: totpCodeSchema }).strict();

/**
 * Addition (issue 14): the answer of `POST /api/operator/2fa/setup`: the new, not yet confirmed
 * secret as an `otpauth://totp/…` URI (its `secret` parameter is the base32 text for typing in)
 * and as a QR code drawn on the server (an SVG document of rects only).
 */
export interface TwoFactorSetup {
  otpauthUri: string;
  qrSvg: string;
}

/**
 * Addition (issue 14): what a login (or a password change) answers instead of `OperatorMe` while
 * the session may only do one thing first: change the temporary password, or (with
 * OPERATOR_REQUIRE_2FA) set up two-factor login.
 */
export type OperatorLoginStep = { mustChangePassword: true } | { twoFactorSetupRequired: true };
