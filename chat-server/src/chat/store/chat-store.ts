/**
 * The chat's storage contract. Handlers only talk to this interface; the memory store (one
 * process) and the Redis store (several processes) implement it and pass one contract suite
 * (tests/integration/chat-store.test.ts). Every method that decides between two racing callers
 * (create with a queue limit, accept, transfer, end, wrap-up) is atomic in both implementations.
 *
 * Privacy: no record holds an IP address, a user agent or a resume token in clear (only its
 * SHA-256). Message texts and notes live only until the conversation ends plus the retention.
 */
import type {
  About,
  ConversationStatus,
  EndedBy,
  InternalNote,
  Lang,
  OperatorChatMessage,
  OperatorRole,
  Outcome,
  ToWrapUp,
} from '../../protocol';

export interface ConversationRecord {
  id: string;
  status: ConversationStatus;
  lang: Lang;
  about: About;
  inDanger: boolean;
  theme?: string;
  /** CBS code GMxxxx. */
  municipality?: string;
  /** Veilig Thuis region VTxx of the municipality. */
  region?: string;
  /** Safety region VRxx of the municipality (operators may be assigned by either). */
  safetyRegion?: string;
  nickname?: string;
  /** The visitor said they are younger than 18 (absent otherwise). */
  under18?: true;
  /** SHA-256 (base64url) of the resume token; the token itself is never stored. */
  tokenHash: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms the visitor joined the queue (kept when a conversation goes back to the queue). */
  queuedAt: number;
  /** Queue position when the visitor joined (for the waiting-time estimate). */
  positionAtJoin: number;
  acceptedAt?: number;
  /** Epoch ms an operator first accepted it (kept when it goes back to the queue). */
  firstAcceptedAt?: number;
  operatorId?: string;
  operatorName?: string;
  /** Epoch ms since when no visitor socket is connected; undefined while connected. */
  visitorAwaySince?: number;
  /** The alias of the operator who last handed it over with a note (issue 20). */
  handoverFrom?: string;
  /** The id of that handover note among the conversation's notes (the text lives only there). */
  handoverNoteId?: string;
}

/** A handover with `operator:transfer` (issue 20): the note joins the conversation's notes. */
export interface HandoverRecord {
  note: InternalNote;
  /** The handing-over operator's alias. */
  from: string;
}

/**
 * How long a conversation that ended without an outcome waits for its operator's wrap-up: a
 * working day and a night (sessions last at most OPERATOR_SESSION_HOURS, default 9). After that
 * it is dropped: its outcome is never counted (docs/chat-protocol.md "Wrap-up").
 */
export const WRAP_UP_KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * A conversation an operator held that ended without an outcome (by the visitor, Snel weg or a
 * timeout), until that operator wraps it up or it is dropped. Metadata only, never text.
 */
export interface WrapUpRecord extends ToWrapUp {
  operatorId: string;
  /** Amsterdam day of the end: the outcome is counted on it, as the end was. */
  day: string;
  /** Epoch ms the conversation's texts are deleted (end + retention): a wrap-up note lives until then. */
  textsUntil: number;
  /** Epoch ms it is dropped if not wrapped up. */
  expiresAt: number;
}

export interface WrapUpRequest {
  outcome: Outcome;
  /** Internal; kept with the conversation's notes until `textsUntil`, not at all after it. */
  note?: InternalNote;
  /** Epoch ms. */
  now: number;
}

/**
 * Why a wrap-up was refused: `unknown` (no such conversation waits for a wrap-up: never, ended
 * with an outcome, or dropped), `not-held` (another operator's), `not-ended` (still open),
 * `already-wrapped-up`.
 */
export type WrapUpResult =
  { ok: true } | { ok: false; reason: 'unknown' | 'not-held' | 'not-ended' | 'already-wrapped-up' };

export interface OperatorAccount {
  /** Lowercase username; also the operator id. */
  username: string;
  role: OperatorRole;
  /** VTxx, VRxx or 'national'. */
  region: string;
  /** The alias visitors see. */
  displayName: string;
  /** `scrypt$N$r$p$salt$hash` (base64url parts). */
  passwordHash: string;
  createdAt: string;
  /** A disabled account cannot log in, and its sessions and sockets end at once. */
  disabled?: boolean;
  /** Languages this operator chats in (addition; accounts made before it count as `['nl']`). */
  languages?: Lang[];
  /**
   * Set by a supervisor's create or reset (a temporary password): a session of this account may
   * only change the password until it has (docs/chat-protocol.md "Accounts").
   */
  mustChangePassword?: boolean;
  /**
   * Addition (issue 14): two-factor login (TOTP, auth/totp.ts), confirmed by the operator with a
   * code: the base32 secret and when it was confirmed. Never sent to any client after setup.
   */
  twoFactor?: { secret: string; since: string };
  /** Addition (issue 14): a secret set up but not yet confirmed (a new setup replaces it). */
  twoFactorPending?: string;
  /**
   * Addition (issue 14): raised to end every session of the account without a new password
   * (a supervisor turning two-factor login off); part of the session credential (session-check.ts).
   */
  sessionGeneration?: number;
}

export interface OperatorPresence {
  operatorId: string;
  name: string;
  role: OperatorRole;
  region: string;
  status: 'available' | 'away';
  capacity: number;
  /**
   * Addition (issue 14): the languages this operator chats in (from the account; see
   * languages.ts). Read with `presenceLanguages`: a presence of an older process has none.
   */
  languages: Lang[];
  /**
   * Epoch ms the operator's last socket went, while they may still come back within
   * OPERATOR_RECONNECT_GRACE_SECONDS and keep `status` (the entry then lives only for the grace).
   * Such an operator is not available for new work (operator-presence.ts `availableForWork`).
   */
  reconnectingSince?: number;
  /**
   * A digest of the session whose socket connected last (never the session key): only a socket
   * of that session takes the kept status back; a new login starts away.
   */
  session?: string;
}

export interface OperatorSession {
  operatorId: string;
  /**
   * The account's credential when the session began (auth/session-check.ts): a password change
   * or reset, a disabled or removed account no longer matches, which ends the session.
   */
  credential: string;
  /** Epoch ms. */
  expiresAt: number;
}

export interface RecentWait {
  seconds: number;
  positionAtJoin: number;
  /** Epoch ms the wait ended. */
  at: number;
}

export interface DailyStats {
  ended: number;
  /** Ended by the visitor, a timeout or a quick exit before an operator accepted. */
  abandoned: number;
  outcomes: Partial<Record<Outcome, number>>;
}

export type AcceptResult =
  { ok: true; conversation: ConversationRecord } | { ok: false; error: 'not-found' | 'already-taken' | 'capacity' };

export type TransferResult =
  { ok: true; conversation: ConversationRecord } | { ok: false; error: 'not-found' | 'forbidden' | 'capacity' };

export interface EndRequest {
  endedBy: EndedBy;
  outcome?: Outcome;
  /** Amsterdam calendar day (YYYY-MM-DD) the statistics are counted on. */
  day: string;
  /** How long message texts and notes stay after the end (0 = deleted at once). */
  retentionMs: number;
  /** Addition (issue 20): epoch ms of the end (default: now). */
  at?: number;
  /** Addition (issue 20): how long a conversation ended without an outcome waits for a wrap-up (default WRAP_UP_KEEP_MS). */
  wrapUpKeepMs?: number;
}

export interface ChatStore {
  /** Throws when the store cannot be used (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;

  /** Adds a queued conversation unless the queue already holds `maxQueue`. */
  createConversation(conversation: ConversationRecord, maxQueue: number): Promise<'ok' | 'queue-full'>;
  getConversation(id: string): Promise<ConversationRecord | null>;
  conversationIdForToken(tokenHash: string): Promise<string | null>;
  /** Every queued conversation, in no particular order (the queue policy orders them). */
  listQueued(): Promise<ConversationRecord[]>;
  /** Ids of the conversations an operator holds. */
  listHeldBy(operatorId: string): Promise<string[]>;
  countActive(): Promise<number>;

  /**
   * Appends a message unless one with the same sender and clientId exists (then returns that
   * one with `duplicate: true`). Null when the conversation does not exist or has ended.
   */
  addMessage(
    conversationId: string,
    message: OperatorChatMessage,
  ): Promise<{ message: OperatorChatMessage; duplicate: boolean } | null>;
  /** With operator authorship (`operatorName`, `operatorId`): strip it for visitors (conversation-steps.ts). */
  listMessages(conversationId: string): Promise<OperatorChatMessage[]>;
  /** Null when the conversation does not exist or has ended. */
  addNote(conversationId: string, note: InternalNote): Promise<InternalNote | null>;
  listNotes(conversationId: string): Promise<InternalNote[]>;

  /** Atomically gives a queued conversation to an operator within their capacity. */
  accept(
    conversationId: string,
    operator: { id: string; name: string; capacity: number },
    now: number,
  ): Promise<AcceptResult>;
  /**
   * Puts a conversation the operator holds back in the queue at its original place; with a
   * handover, in the same step the note joins its notes and the record points at it.
   */
  requeue(conversationId: string, operatorId: string, handover?: HandoverRecord): Promise<ConversationRecord | null>;
  /** Atomically moves a held conversation (and the handover, as `requeue`) to a colleague within the colleague's capacity. */
  transfer(
    conversationId: string,
    fromOperatorId: string,
    to: { id: string; name: string; capacity: number },
    handover?: HandoverRecord,
  ): Promise<TransferResult>;
  /**
   * Ends a conversation once (null if unknown or already ended): forgets the resume token,
   * removes it from the queue and the operator, counts the outcome, and deletes message texts
   * and notes now or after the retention. An active conversation ended without an outcome
   * waits for its operator's wrap-up (`listToWrapUp`, `wrapUp`) for `wrapUpKeepMs`.
   */
  end(conversationId: string, request: EndRequest): Promise<ConversationRecord | null>;
  /** Addition (issue 20): the operator's conversations waiting for a wrap-up, oldest first (expired ones dropped). */
  listToWrapUp(operatorId: string, now: number): Promise<WrapUpRecord[]>;
  /**
   * Addition (issue 20): records the outcome of a conversation waiting for this operator's
   * wrap-up, once (two sockets at once: one ok), counting it on the day of the end.
   *
   * Outcomes are counted in exactly one place per store (memory-store `countOutcome`,
   * redis-scripts `COUNT_OUTCOME`), used by `end` (operator ended with an outcome) and `wrapUp`.
   */
  wrapUp(conversationId: string, operatorId: string, request: WrapUpRequest): Promise<WrapUpResult>;

  /** Records whether a visitor socket is connected (undefined = connected). */
  setVisitorAway(conversationId: string, since: number | undefined): Promise<void>;
  /** Conversations whose visitor has been away since before `before` (epoch ms). */
  listAwaySince(before: number): Promise<string[]>;

  recordWait(wait: RecentWait): Promise<void>;
  /** The most recent waits, newest first (at most `limit`). */
  recentWaits(limit: number): Promise<RecentWait[]>;
  dailyStats(day: string): Promise<DailyStats>;

  /** Presence expires after `ttlMs` unless set again (a process that dies stops counting). */
  setOperatorPresence(presence: OperatorPresence, ttlMs: number): Promise<void>;
  removeOperatorPresence(operatorId: string): Promise<void>;
  listOperatorPresence(): Promise<OperatorPresence[]>;
  /**
   * Operator liveness (chat/operator-requeue.ts): records that since `at` (epoch ms) the operator
   * has no socket on any process. An earlier mark is kept, so the resume window runs from the
   * first moment they went.
   */
  markOperatorGone(operatorId: string, at: number): Promise<void>;
  /** The operator is back (a socket connected), or their conversations went back to the queue. */
  clearOperatorGone(operatorId: string): Promise<void>;
  /** Operators marked gone since before `before` (epoch ms). */
  listOperatorsGoneSince(before: number): Promise<string[]>;
  /** Ids of the operators who hold at least one conversation (a process that died cannot mark its operators gone). */
  listHolders(): Promise<string[]>;

  createSession(id: string, session: OperatorSession): Promise<void>;
  getSession(id: string): Promise<OperatorSession | null>;
  deleteSession(id: string): Promise<void>;

  /**
   * Counts one login attempt on every counter, unless one of them already reached its limit
   * (then nothing is counted and the answer says how long until it is forgotten). Atomic: N
   * parallel callers get at most `limit` ok answers. A counter is forgotten `windowMs` after its
   * last counted attempt. Counter names are HMACs (auth/address-keys.ts), never an address.
   */
  takeAttempt(
    counters: { key: string; limit: number }[],
    windowMs: number,
  ): Promise<{ ok: true } | { ok: false; retryAfterMs: number }>;
  /** Gives one attempt back to a counter (a login that succeeded, or was never checked). */
  returnAttempt(key: string): Promise<void>;
  clearAttempts(key: string): Promise<void>;
  /**
   * Addition (issue 14): records that an account used the TOTP code of time step `step`, unless
   * it already used that step or a later one (then false: a replayed code). Atomic: of two
   * logins with one code at once, one gets true. Forgotten `ttlMs` after, when no code of that
   * step can be valid any more.
   */
  claimTotpStep(username: string, step: number, ttlMs: number): Promise<boolean>;
  /** A random secret shared by every process on this store (renewed daily), for address HMACs. */
  addressSecret(): Promise<string>;
  /**
   * A random secret shared by every process on this store and kept (no TTL), for the opaque
   * operator ids consoles see for colleagues (chat/operator-ids.ts); never sent to a client.
   */
  operatorIdSecret(): Promise<string>;
}

/** Operator accounts: a JSON file next to the memory store, a Redis hash with the Redis store. */
export interface AccountStore {
  get(username: string): Promise<OperatorAccount | null>;
  put(account: OperatorAccount): Promise<void>;
  /** Writes a new account only if its username is free, atomically (two supervisors at once): false if taken. */
  create(account: OperatorAccount): Promise<boolean>;
  remove(username: string): Promise<void>;
  list(): Promise<OperatorAccount[]>;
}
