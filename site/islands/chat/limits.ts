/**
 * Limits from the protocol. Islands import only types from chat-server/src/protocol/, so the
 * values are repeated here and the type checker proves they equal the protocol's constants.
 */
import type * as Protocol from '../../../chat-server/src/protocol';

export const MAX_MESSAGE_LENGTH: typeof Protocol.MAX_MESSAGE_LENGTH = 2000;
export const MAX_NICKNAME_LENGTH: typeof Protocol.MAX_NICKNAME_LENGTH = 30;
export const MAX_NOTE_LENGTH: typeof Protocol.MAX_NOTE_LENGTH = 4000;
export const MAX_HANDOVER_NOTE_LENGTH: typeof Protocol.MAX_HANDOVER_NOTE_LENGTH = 500;

/** Every `About` value in the order the pre-chat form shows them; the type proves none is missing. */
export const ABOUT_CHOICES = [
  'self',
  'child',
  'someone-else',
  'professional',
] as const satisfies readonly Protocol.About[];
type MissingAbout = Exclude<Protocol.About, (typeof ABOUT_CHOICES)[number]>;
export const aboutComplete: MissingAbout extends never ? true : never = true;

export const OUTCOME_CHOICES = [
  'advice',
  'referral',
  'report-advised',
  'no-reply',
  'other',
] as const satisfies readonly Protocol.Outcome[];
type MissingOutcome = Exclude<Protocol.Outcome, (typeof OUTCOME_CHOICES)[number]>;
export const outcomesComplete: MissingOutcome extends never ? true : never = true;
