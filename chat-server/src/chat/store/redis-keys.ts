/**
 * Every Redis key the chat uses, in one place, each with what it holds and how long it lives.
 * All keys start with a prefix (default `ghnt:`) so tests and several deployments can share a
 * server. Texts (messages, notes) live only in `messages`, `dedupe` and `notes`, which are
 * deleted when the conversation ends, or expire after the retention period.
 *
 * The Lua scripts in redis-scripts.ts build the per-operator and per-conversation keys from
 * the prefix themselves (single-instance Redis, not Redis Cluster; see docs/chat-protocol.md).
 */

/** Upper bound on any conversation's life in Redis, in case every clean-up path failed. */
export const CONVERSATION_SAFETY_TTL_SECONDS = 24 * 60 * 60;
/** Daily statistics (counts only) are kept for about 13 months (year-on-year comparison). */
export const STATS_TTL_SECONDS = 400 * 24 * 60 * 60;
/** Recent waits are only useful for the estimate; a day-old wait says nothing about today. */
export const WAITS_TTL_SECONDS = 24 * 60 * 60;
export const MAX_RECENT_WAITS = 100;
/** The address-HMAC secret is replaced daily: counters keyed with an old one simply expire. */
export const ADDRESS_SECRET_TTL_SECONDS = 24 * 60 * 60;

export function redisKeys(prefix = 'ghnt:') {
  return {
    prefix,
    /** Hash: one conversation's metadata, never text. TTL: CONVERSATION_SAFETY_TTL; deleted at end. */
    conversation: (id: string) => `${prefix}conv:${id}`,
    /** List of JSON messages (texts). TTL: CONVERSATION_SAFETY_TTL; deleted at end, or expires after the retention. */
    messages: (id: string) => `${prefix}conv:${id}:messages`,
    /** Hash `${from}:${clientId}` → JSON message, for retry de-duplication. TTL and end: as `messages`. */
    dedupe: (id: string) => `${prefix}conv:${id}:dedupe`,
    /** List of JSON internal notes (texts). TTL and end: as `messages`. */
    notes: (id: string) => `${prefix}conv:${id}:notes`,
    /** String: conversation id for SHA-256(resume token). TTL: CONVERSATION_SAFETY_TTL; deleted at end. */
    token: (tokenHash: string) => `${prefix}token:${tokenHash}`,
    /** Sorted set: queued conversation ids, score = queuedAt (ms). No TTL: members leave on accept or end. */
    queue: `${prefix}queue`,
    /** Set: ids of active conversations. No TTL: members leave on requeue or end. */
    active: `${prefix}active`,
    /** Set: conversation ids an operator holds. No TTL: members leave on requeue, transfer or end. */
    held: (operatorId: string) => `${prefix}held:${operatorId}`,
    /**
     * Hash (issue 20): a conversation that ended without an outcome, waiting for its operator's
     * wrap-up: metadata copied from the conversation (never text), `day`, `textsUntil`,
     * `expiresAt`, and `done` once wrapped up. TTL: the wrap-up keep time (WRAP_UP_KEEP_MS, 24 h).
     */
    wrapUp: (conversationId: string) => `${prefix}wrapup:${conversationId}`,
    /**
     * Sorted set (issue 20): conversation ids waiting for one operator's wrap-up, score = epoch ms
     * it is dropped. TTL: the keep time, renewed at each end; members leave on wrap-up or when
     * past their score (pruned on read). The END script builds this name from the prefix.
     */
    toWrapUp: (operatorId: string) => `${prefix}to-wrap-up:${operatorId}`,
    /** Sorted set: conversation id → ms since its visitor is disconnected. No TTL: members leave on reconnect or end. */
    away: `${prefix}away`,
    /** List of JSON recent waits (seconds, position, at), newest first, at most MAX_RECENT_WAITS. TTL: WAITS_TTL. */
    waits: `${prefix}waits`,
    /** Hash: counts for one Amsterdam day (ended, abandoned, outcome:<code>). TTL: STATS_TTL. The WRAP_UP script builds this name from the prefix. */
    stats: (day: string) => `${prefix}stats:${day}`,
    /**
     * Hash: chat figures for one Amsterdam day, a field per hour and metric (`<hour>:offered`,
     * `<hour>:wait:<bucket>`, `lang:<code>`; admin/chat-stats.ts), counts only. TTL: STATS_TTL.
     */
    hourlyStats: (day: string) => `${prefix}stats-hourly:${day}`,
    /**
     * Stream: the audit log of staff actions (admin/audit-log.ts): time, actor username, action,
     * target username or conversation id; never text or an IP address. Entries older than
     * AUDIT_RETENTION_DAYS are trimmed at every append, and at most AUDIT_MAX_ENTRIES are kept;
     * the key expires after the retention without appends.
     */
    audit: `${prefix}audit`,
    /** String: JSON presence of an operator online. TTL: the presence TTL, refreshed by a heartbeat. */
    presence: (operatorId: string) => `${prefix}presence:${operatorId}`,
    /** Set: operator ids that may have presence (members whose presence key expired are pruned on read). No TTL. */
    presenceIndex: `${prefix}presence`,
    /** String: JSON operator session. TTL: until the session expires. */
    session: (id: string) => `${prefix}session:${id}`,
    /**
     * String: login attempts counted on one counter (`account:<hmac>` of username + client
     * address, or `address:<hmac>` of the client address; never the address itself).
     * TTL: the lockout period after the last counted attempt.
     */
    loginAttempts: (counter: string) => `${prefix}login-attempts:${counter}`,
    /** String: random secret for those HMACs, shared by every process. TTL: ADDRESS_SECRET_TTL (renewed daily). */
    addressSecret: `${prefix}address-secret`,
    /** String: random secret for the opaque operator ids consoles see (chat/operator-ids.ts). No TTL. */
    operatorIdSecret: `${prefix}operator-id-secret`,
    /** Hash: username → JSON operator account (scrypt hash, role, region, alias). No TTL. */
    accounts: `${prefix}accounts`,
    /**
     * Stream: Socket.IO packets broadcast between processes (chat:message packets carry texts).
     * Entries older than the recovery window are trimmed every few seconds, and the stream never
     * holds more than SOCKET_STREAM_MAX_LEN entries (chat-server/src/scaling/).
     */
    socketStream: `${prefix}sio:stream`,
    /** String prefix: a dropped socket's recovery session (id, rooms, socket.data; no text). TTL: the recovery window. */
    socketSessionPrefix: `${prefix}sio:session:`,
    /** Pub/sub channel prefix between processes (nothing stored): requests, replies, queue-changed signals. */
    socketChannelPrefix: `${prefix}sio`,
    /** Sorted set: conversation id → ms its visitor was last seen connected (scaling/liveness.ts). TTL: refreshed; old members trimmed. */
    visitorSeen: `${prefix}visitor-seen`,
    /**
     * Sorted set: operator id → ms since they have no socket on any process (marked at their last
     * disconnect, or by the requeue sweeper for a holder without presence). No TTL: members leave
     * when the operator is back or when their conversations went back to the queue (chat/operator-requeue.ts).
     */
    operatorGone: `${prefix}operator-gone`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
