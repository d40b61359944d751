/** Account administration by a supervisor (docs/chat-protocol.md "Accounts"). */
import { z } from 'zod';
import { LANG_CODES, type Lang } from './core';
import type { OperatorRole } from './http';

// ---- Account administration (addition; docs/chat-protocol.md "Accounts") ------------------

/** 2–32 lowercase letters, digits, dot, dash or underscore, starting with a letter or digit; also the operator id. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const USERNAME_RULE = 'use 2–32 letters, digits, dot, dash or underscore (starting with a letter or digit)';
/** Operator passwords: this many characters at least, 256 at most (chat-server/src/auth/passwords.ts). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const operatorLanguages = z
  .array(z.enum(LANG_CODES))
  .min(1, 'name at least one language')
  .max(LANG_CODES.length)
  .refine((list) => new Set(list).size === list.length, 'each language once');
const displayName = z.string().trim().min(1, 'the alias is empty').max(40, 'at most 40 characters');
/** VTxx, VRxx or national; whether the region exists is checked against content/data by the server. */
const operatorRegion = z.string().regex(/^(VT\d{2}|VR\d{2}|national)$/, 'VTxx, VRxx or national');

/** `POST /api/admin/operators`. */
export const adminCreateOperatorSchema = z
  .object({
    username: z
      .string()
      .trim()
      .transform((value) => value.toLowerCase())
      .pipe(z.string().regex(USERNAME_PATTERN, USERNAME_RULE)),
    displayName: displayName.optional(),
    role: z.enum(['operator', 'supervisor']),
    languages: operatorLanguages,
    region: operatorRegion.optional(),
  })
  .strict();

/** `PATCH /api/admin/operators/:id`: at least one field. */
export const adminUpdateOperatorSchema = z
  .object({
    disabled: z.boolean().optional(),
    role: z.enum(['operator', 'supervisor']).optional(),
    languages: operatorLanguages.optional(),
    displayName: displayName.optional(),
    region: operatorRegion.optional(),
    /**
     * Addition (issue 14): `false` turns the account's two-factor login off (a lost phone) and
     * ends its sessions; only the operator can turn it on (`POST /api/operator/2fa/setup`).
     */
    twoFactor: z.literal(false, 'only false: the operator turns two-factor login on').optional(),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, 'nothing to change');

/** `POST /api/operator/password`. */
export const operatorPasswordSchema = z
  .object({
    current: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    next: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(PASSWORD_MAX_LENGTH, `at most ${PASSWORD_MAX_LENGTH} characters`),
  })
  .strict()
  .refine((body) => body.next !== body.current, { message: 'the new password must differ', path: ['next'] });

/** One account as `GET /api/admin/operators` shows it: never a hash or a secret. */
export interface AdminOperator {
  id: string;
  username: string;
  displayName: string;
  role: OperatorRole;
  languages: Lang[];
  region?: string;
  disabled: boolean;
  /** Two-factor login (TOTP) is on: set up and confirmed by the operator (issue 14; was always false before). */
  twoFactor: boolean;
  /** The account still has a temporary password (set by a supervisor) that must be changed at login. */
  mustChangePassword: boolean;
}

/** `POST /api/admin/operators` (201) and `POST /api/admin/operators/:id/reset-password` carry the temporary password once. */
export interface AdminCreated {
  operator: AdminOperator;
  temporaryPassword: string;
}
