/**
 * The chat's public contract in code (docs/chat-protocol.md in words): event names, payload
 * types and the zod schemas that check every incoming payload at runtime. The site's islands
 * import types (and the constants) from here; nothing here may import server code.
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
export const ABOUT = ['self', 'child', 'someone-else', 'professional'] as const;
export const OUTCOMES = ['advice', 'referral', 'report-advised', 'no-reply', 'other'] as const;
export const ENDED_BY = ['visitor', 'operator', 'timeout', 'quick-exit'] as const;
export const SENDERS = ['visitor', 'operator', 'system'] as const;

export const MAX_MESSAGE_LENGTH = 2000;
export const MAX_NICKNAME_LENGTH = 30;
export const MAX_NOTE_LENGTH = 4000;

export type Lang = (typeof LANG_CODES)[number];
export type About = (typeof ABOUT)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type EndedBy = (typeof ENDED_BY)[number];
export type Sender = (typeof SENDERS)[number];
export type ConversationStatus = 'queued' | 'active' | 'ended';

// ---- shared building blocks -------------------------------------------------------------

const id = z.string().min(1).max(100);
const clientId = z.string().uuid();
/** Text from people: trimmed, not empty, at most `max` characters, no NUL or other C0 controls but newline and tab. */
const humanText = (max: number) =>
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
const themeId = z.string().regex(/^[a-z0-9-]{1,60}$/);
const municipalityCode = z.string().regex(/^GM\d{4}$/);

export interface ChatMessage {
  id: string;
  clientId?: string;
  from: Sender;
  text: string;
  /** ISO 8601 time the server stored it. */
  at: string;
}

// ---- visitor namespace `/visitor` --------------------------------------------------------

export const visitorStartSchema = z
  .object({
    lang: z.enum(LANG_CODES),
    about: z.enum(ABOUT),
    inDanger: z.boolean(),
    theme: themeId.optional(),
    municipality: municipalityCode.optional(),
    nickname: humanText(MAX_NICKNAME_LENGTH).optional(),
    /** Addition: the visitor said "I am younger than 18" (true); absent or false = not said. */
    under18: z.boolean().optional(),
  })
  .strict();
export const visitorSendSchema = z.object({ clientId, text: humanText(MAX_MESSAGE_LENGTH) }).strict();
export const visitorTypingSchema = z.object({ typing: z.boolean() }).strict();
export const emptySchema = z.object({}).strict();

export type VisitorStart = z.infer<typeof visitorStartSchema>;
export type VisitorSend = z.infer<typeof visitorSendSchema>;

/** An honest waiting-time range from recent waits; null when there is too little data. */
export interface WaitRange {
  minSeconds: number;
  maxSeconds: number;
}

export interface VisitorStarted {
  conversationId: string;
  resumeToken: string;
  status: 'queued';
  position: number;
  estimatedWaitSeconds: number | null;
  /** Addition: the range behind `estimatedWaitSeconds` (null when unknown). */
  estimatedWaitRange: WaitRange | null;
}

export interface QueueUpdate {
  position: number;
  estimatedWaitSeconds: number | null;
  /** Addition: the range behind `estimatedWaitSeconds` (null when unknown). */
  estimatedWaitRange: WaitRange | null;
  operatorsAvailable: number;
}

export interface ChatState {
  conversationId: string;
  status: ConversationStatus;
  position?: number;
  messages: ChatMessage[];
  /** Addition: the operator's alias when active. */
  operatorName?: string;
  /** Addition: when queued, as in `queue:updated`. */
  estimatedWaitSeconds?: number | null;
  estimatedWaitRange?: WaitRange | null;
  operatorsAvailable?: number;
}

export interface VisitorClientEvents {
  'visitor:start': (payload: VisitorStart, ack: AckCallback<VisitorStarted>) => void;
  'chat:send': (payload: VisitorSend, ack: AckCallback<{ id: string; at: string }>) => void;
  'chat:typing': (payload: { typing: boolean }, ack?: AckCallback<Record<string, never>>) => void;
  'chat:end': (payload: Record<string, never>, ack: AckCallback<Record<string, never>>) => void;
  'visitor:quick-exit': (payload: Record<string, never>, ack: AckCallback<Record<string, never>>) => void;
}

export interface VisitorServerEvents {
  'queue:updated': (payload: QueueUpdate) => void;
  'chat:accepted': (payload: { operatorName: string }) => void;
  'chat:message': (payload: ChatMessage) => void;
  'chat:typing': (payload: { from: Sender; typing: boolean }) => void;
  'chat:ended': (payload: { by: EndedBy }) => void;
  'chat:state': (payload: ChatState) => void;
  /** Addition: the `resumeToken` given at connect is unknown or expired; start a new chat. */
  'chat:resume-failed': (payload: { error: 'not-found' }) => void;
}

// ---- operator namespace `/operator` ------------------------------------------------------

export const operatorStatusSchema = z.object({ status: z.enum(['available', 'away']) }).strict();
export const operatorAcceptSchema = z.object({ conversationId: id.optional() }).strict();
export const operatorSendSchema = z
  .object({ conversationId: id, clientId, text: humanText(MAX_MESSAGE_LENGTH) })
  .strict();
export const operatorTypingSchema = z.object({ conversationId: id, typing: z.boolean() }).strict();
export const operatorEndSchema = z.object({ conversationId: id, outcome: z.enum(OUTCOMES) }).strict();
export const operatorTransferSchema = z.object({ conversationId: id, to: z.union([z.literal('queue'), id]) }).strict();
export const operatorNoteSchema = z.object({ conversationId: id, text: humanText(MAX_NOTE_LENGTH) }).strict();

export interface WaitingConversation {
  conversationId: string;
  /** ISO 8601. */
  waitingSince: string;
  lang: Lang;
  about: About;
  inDanger: boolean;
  theme?: string;
  municipality?: string;
  /** Addition: the Veilig Thuis region (VTxx) of the municipality, when given. */
  region?: string;
  /** Addition: present (true) only when the visitor said they are younger than 18. */
  under18?: true;
  /**
   * Addition (issue 20): false once none of the visitor's sockets is connected (marked at the
   * socket's disconnect, so within seconds of closing the page); true again when they resume.
   */
  visitorPresent: boolean;
  /** Addition (issue 20): ISO 8601, since when the visitor is not present (only when `visitorPresent` is false). */
  awaySince?: string;
}

export interface OperatorConversation extends WaitingConversation {
  status: ConversationStatus;
  nickname?: string;
  messages: ChatMessage[];
  notes: InternalNote[];
  /** Addition: the alias the visitor sees for the operator who holds it. */
  operatorName?: string;
}

/** Addition (issue 20): `chat:presence`. */
export interface VisitorPresence {
  conversationId: string;
  present: boolean;
  /** ISO 8601: when the visitor left (present false) or came back (present true). */
  since: string;
}

export interface InternalNote {
  id: string;
  text: string;
  /** ISO 8601. */
  at: string;
  /** The author's opaque operator id (as `Colleague.operatorId`; never the login username). */
  by: string;
}

/** Addition: a colleague shown in the console, e.g. as a transfer target. */
export interface Colleague {
  /**
   * An opaque id, stable for the account, that is not the login username and cannot be used to
   * log in ("op-" + 22 characters). It is what `operator:transfer { to }` takes. Consoles show `name`.
   */
  operatorId: string;
  name: string;
  region: string;
  status: 'available' | 'away';
  load: number;
  capacity: number;
}

export interface QueueSnapshot {
  /** The head of the queue, in order (at most 100; see `waitingTotal`). */
  waiting: WaitingConversation[];
  /** Addition: how many are waiting in all. */
  waitingTotal?: number;
  /** Addition: how many of them said they are in danger (they are first in `waiting`). */
  waitingInDanger?: number;
  mine: string[];
  /** Addition: operators online now (for transfers). */
  colleagues?: Colleague[];
}

export interface SupervisorStats {
  waiting: number;
  active: number;
  operatorsAvailable: number;
  longestWaitSeconds: number;
  endedToday: number;
  abandonedToday: number;
}

export interface OperatorClientEvents {
  'operator:status': (payload: { status: 'available' | 'away' }, ack: AckCallback<Record<string, never>>) => void;
  'operator:accept': (
    payload: { conversationId?: string },
    ack: AckCallback<{ conversation: OperatorConversation }>,
  ) => void;
  'chat:send': (payload: z.input<typeof operatorSendSchema>, ack: AckCallback<{ id: string; at: string }>) => void;
  'chat:typing': (
    payload: { conversationId: string; typing: boolean },
    ack?: AckCallback<Record<string, never>>,
  ) => void;
  'chat:end': (payload: { conversationId: string; outcome: Outcome }, ack: AckCallback<Record<string, never>>) => void;
  'operator:transfer': (
    payload: { conversationId: string; to: string },
    ack: AckCallback<Record<string, never>>,
  ) => void;
  'operator:note': (
    payload: { conversationId: string; text: string },
    ack: AckCallback<{ id: string; at: string }>,
  ) => void;
}

export interface OperatorServerEvents {
  'queue:snapshot': (payload: QueueSnapshot) => void;
  'chat:message': (payload: ChatMessage & { conversationId: string }) => void;
  'chat:typing': (payload: { conversationId: string; from: Sender; typing: boolean }) => void;
  'chat:ended': (payload: { conversationId: string; by: EndedBy }) => void;
  'stats:updated': (payload: SupervisorStats) => void;
  /** Addition: a conversation was transferred to this operator by a colleague. */
  'chat:assigned': (payload: { conversation: OperatorConversation }) => void;
  /** Addition: an internal note was added (to every socket of the operator holding it). */
  'chat:note': (payload: InternalNote & { conversationId: string }) => void;
  /**
   * Addition (issue 20): the visitor of a conversation this operator holds lost their last
   * connection (`present: false`, `since` = when) or came back within the resume window
   * (`present: true`, `since` = when they came back).
   */
  'chat:presence': (payload: VisitorPresence) => void;
}

// ---- HTTP --------------------------------------------------------------------------------

export interface ChatStatusResponse {
  open: boolean;
  /** `unavailable` (addition): the store (Redis) cannot be reached; call 0800-2000. */
  reason?: 'closed' | 'no-operators' | 'queue-full' | 'unavailable';
  /** ISO 8601, when closed and the next opening is known. */
  opensAt?: string;
  waiting: number;
  operatorsAvailable: number;
}

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

export const operatorLoginSchema = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();

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
  /** Two-factor login is not built yet: always false. */
  twoFactor: boolean;
  /** The account still has a temporary password (set by a supervisor) that must be changed at login. */
  mustChangePassword: boolean;
}

/** `POST /api/admin/operators` (201) and `POST /api/admin/operators/:id/reset-password` carry the temporary password once. */
export interface AdminCreated {
  operator: AdminOperator;
  temporaryPassword: string;
}
