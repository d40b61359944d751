/**
 * The chat store on Redis (node-redis), for one or several processes sharing the queue and the
 * conversations. Decisions between racing callers are Lua scripts (redis-scripts.ts); keys and
 * their TTLs are declared in redis-keys.ts. Commands fail at once while Redis is unreachable
 * (no offline queue), so callers can answer `unavailable` instead of hanging.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import type { InternalNote, OperatorChatMessage } from '../../protocol';
import {
  WRAP_UP_KEEP_MS,
  type AccountStore,
  type ChatStore,
  type ConversationRecord,
  type DailyStats,
  type HandoverRecord,
  type OperatorAccount,
  type OperatorPresence,
  type OperatorSession,
  type RecentWait,
  type WrapUpRecord,
  type WrapUpResult,
} from './chat-store';
import {
  ADDRESS_SECRET_TTL_SECONDS,
  CONVERSATION_SAFETY_TTL_SECONDS,
  MAX_RECENT_WAITS,
  STATS_TTL_SECONDS,
  WAITS_TTL_SECONDS,
  redisKeys,
} from './redis-keys';
import * as scripts from './redis-scripts';

function newClient(url: string) {
  return createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  });
}

export type RedisClient = ReturnType<typeof newClient>;

/** Connects a client that fails fast while Redis is down and reconnects by itself. */
export async function connectRedis(url: string, onError: (error: Error) => void): Promise<RedisClient> {
  const client = newClient(url);
  client.on('error', onError);
  await client.connect();
  return client;
}

const NUMBER_FIELDS = [
  'createdAt',
  'queuedAt',
  'positionAtJoin',
  'acceptedAt',
  'firstAcceptedAt',
  'visitorAwaySince',
] as const;
const STRING_FIELDS = [
  'id',
  'status',
  'lang',
  'about',
  'theme',
  'municipality',
  'region',
  'safetyRegion',
  'nickname',
  'tokenHash',
  'operatorId',
  'operatorName',
  'handoverFrom',
  'handoverNoteId',
] as const;

function encodeConversation(c: ConversationRecord): string[] {
  const pairs: string[] = ['inDanger', c.inDanger ? '1' : '0'];
  if (c.under18) pairs.push('under18', '1');
  for (const field of [...STRING_FIELDS, ...NUMBER_FIELDS]) {
    const value = c[field];
    if (value !== undefined) pairs.push(field, String(value));
  }
  return pairs;
}

function decodeConversation(hash: Record<string, string>): ConversationRecord | null {
  if (!hash.id || !hash.status) return null;
  const record: Record<string, unknown> = { inDanger: hash.inDanger === '1' };
  if (hash.under18 === '1') record.under18 = true;
  for (const field of STRING_FIELDS) if (hash[field] !== undefined) record[field] = hash[field];
  for (const field of NUMBER_FIELDS) if (hash[field] !== undefined) record[field] = Number(hash[field]);
  return record as unknown as ConversationRecord;
}

function decodeWrapUp(hash: Record<string, string>): WrapUpRecord | null {
  if (!hash.conversationId || !hash.operatorId || hash.done) return null;
  return {
    conversationId: hash.conversationId,
    operatorId: hash.operatorId,
    endedBy: hash.endedBy as WrapUpRecord['endedBy'],
    endedAt: hash.endedAt!,
    lang: hash.lang as WrapUpRecord['lang'],
    about: hash.about as WrapUpRecord['about'],
    inDanger: hash.inDanger === '1',
    ...(hash.under18 === '1' ? { under18: true as const } : {}),
    ...(hash.theme ? { theme: hash.theme } : {}),
    ...(hash.municipality ? { municipality: hash.municipality } : {}),
    ...(hash.region ? { region: hash.region } : {}),
    day: hash.day!,
    textsUntil: Number(hash.textsUntil),
    expiresAt: Number(hash.expiresAt),
  };
}

/** The script arguments of a handover ('' = none): note JSON, note id, from, TTL. */
function handoverArgs(handover: HandoverRecord | undefined, ttl: number): (string | number)[] {
  return handover ? [JSON.stringify(handover.note), handover.note.id, handover.from, ttl] : ['', '', '', ttl];
}

function pairsToHash(pairs: unknown): Record<string, string> {
  const list = Array.isArray(pairs) ? (pairs as string[]) : [];
  const hash: Record<string, string> = {};
  for (let i = 0; i + 1 < list.length; i += 2) hash[list[i]!] = list[i + 1]!;
  return hash;
}

/** Runs scripts by SHA (loaded once), falling back to EVAL after a Redis restart lost them. */
function scriptRunner(client: RedisClient) {
  const shas = new Map<string, string>();
  return async (script: string, keys: string[], args: (string | number)[]): Promise<unknown> => {
    const options = { keys, arguments: args.map(String) };
    let sha = shas.get(script);
    if (!sha) {
      sha = createHash('sha1').update(script).digest('hex');
      shas.set(script, sha);
    }
    try {
      return await client.evalSha(sha, options);
    } catch (error) {
      if (!String(error).includes('NOSCRIPT')) throw error;
      return client.eval(script, options);
    }
  };
}

export function createRedisStore(
  client: RedisClient,
  options: { prefix?: string; ownsClient?: boolean } = {},
): ChatStore {
  const keys = redisKeys(options.prefix);
  const run = scriptRunner(client);
  const ttl = CONVERSATION_SAFETY_TTL_SECONDS;

  const readList = async <T>(key: string): Promise<T[]> =>
    (await client.lRange(key, 0, -1)).map((item) => JSON.parse(item) as T);

  return {
    async ping() {
      await client.ping();
    },
    async close() {
      if (options.ownsClient && client.isOpen) await client.close();
    },

    async createConversation(c, maxQueue) {
      const result = await run(
        scripts.CREATE,
        [keys.queue, keys.conversation(c.id), keys.token(c.tokenHash)],
        [maxQueue, c.id, c.queuedAt, ttl, ...encodeConversation(c)],
      );
      return result === 'ok' ? 'ok' : 'queue-full';
    },
    async getConversation(id) {
      return decodeConversation(await client.hGetAll(keys.conversation(id)));
    },
    async conversationIdForToken(tokenHash) {
      return client.get(keys.token(tokenHash));
    },
    async listQueued() {
      const ids = await client.zRange(keys.queue, 0, -1);
      if (ids.length === 0) return [];
      const multi = client.multi();
      for (const id of ids) multi.hGetAll(keys.conversation(id));
      const hashes = (await multi.exec()) as unknown as Record<string, string>[];
      return hashes.map(decodeConversation).filter((c): c is ConversationRecord => c !== null && c.status === 'queued');
    },
    async listHeldBy(operatorId) {
      return client.sMembers(keys.held(operatorId));
    },
    async countActive() {
      return client.sCard(keys.active);
    },

    async addMessage(conversationId, message) {
      const clientKey = message.clientId ? `${message.from}:${message.clientId}` : '';
      const result = (await run(
        scripts.ADD_MESSAGE,
        [keys.conversation(conversationId), keys.messages(conversationId), keys.dedupe(conversationId)],
        [clientKey, JSON.stringify(message), ttl],
      )) as [number, string] | null;
      if (!result) return null;
      return { message: JSON.parse(result[1]) as OperatorChatMessage, duplicate: Number(result[0]) === 1 };
    },
    async listMessages(conversationId) {
      return readList<OperatorChatMessage>(keys.messages(conversationId));
    },
    async addNote(conversationId, note) {
      const result = await run(
        scripts.ADD_NOTE,
        [keys.conversation(conversationId), keys.notes(conversationId)],
        [JSON.stringify(note), ttl],
      );
      return result ? { ...note } : null;
    },
    async listNotes(conversationId) {
      return readList<InternalNote>(keys.notes(conversationId));
    },

    async accept(conversationId, operator, now) {
      const result = await run(
        scripts.ACCEPT,
        [keys.conversation(conversationId), keys.queue, keys.active, keys.held(operator.id)],
        [conversationId, operator.id, operator.name, operator.capacity, now],
      );
      if (result !== 'ok') return { ok: false, error: result as 'not-found' | 'already-taken' | 'capacity' };
      const conversation = await this.getConversation(conversationId);
      return conversation ? { ok: true, conversation } : { ok: false, error: 'not-found' };
    },
    async requeue(conversationId, operatorId, handover) {
      const moved = await run(
        scripts.REQUEUE,
        [keys.conversation(conversationId), keys.queue, keys.active, keys.held(operatorId), keys.notes(conversationId)],
        [conversationId, operatorId, ...handoverArgs(handover, ttl)],
      );
      return Number(moved) === 1 ? this.getConversation(conversationId) : null;
    },
    async transfer(conversationId, fromOperatorId, to, handover) {
      const result = await run(
        scripts.TRANSFER,
        [keys.conversation(conversationId), keys.held(fromOperatorId), keys.held(to.id), keys.notes(conversationId)],
        [conversationId, fromOperatorId, to.id, to.name, to.capacity, ...handoverArgs(handover, ttl)],
      );
      if (result !== 'ok') return { ok: false, error: result as 'not-found' | 'forbidden' | 'capacity' };
      const conversation = await this.getConversation(conversationId);
      return conversation ? { ok: true, conversation } : { ok: false, error: 'not-found' };
    },
    async end(conversationId, request) {
      const at = request.at ?? Date.now();
      const retentionMs = Math.max(0, Math.round(request.retentionMs));
      const keepMs = Math.max(1, Math.round(request.wrapUpKeepMs ?? WRAP_UP_KEEP_MS));
      const fields = await run(
        scripts.END,
        [
          keys.conversation(conversationId),
          keys.queue,
          keys.active,
          keys.away,
          keys.messages(conversationId),
          keys.dedupe(conversationId),
          keys.notes(conversationId),
          keys.stats(request.day),
          keys.wrapUp(conversationId),
        ],
        [
          conversationId,
          keys.prefix,
          request.outcome ?? '',
          retentionMs,
          STATS_TTL_SECONDS,
          request.endedBy,
          new Date(at).toISOString(),
          request.day,
          at + retentionMs,
          at + keepMs,
          keepMs,
        ],
      );
      if (!fields) return null;
      const before = decodeConversation(pairsToHash(fields));
      return before ? { ...before, status: 'ended' } : null;
    },

    async listToWrapUp(operatorId, now) {
      const setKey = keys.toWrapUp(operatorId);
      await client.zRemRangeByScore(setKey, '-inf', now);
      const ids = await client.zRange(setKey, 0, -1);
      if (ids.length === 0) return [];
      const multi = client.multi();
      for (const id of ids) multi.hGetAll(keys.wrapUp(id));
      const hashes = (await multi.exec()) as unknown as Record<string, string>[];
      return hashes
        .map(decodeWrapUp)
        .filter((w): w is WrapUpRecord => w !== null && w.operatorId === operatorId && w.expiresAt > now)
        .sort((a, b) => a.endedAt.localeCompare(b.endedAt));
    },
    async wrapUp(conversationId, operatorId, request): Promise<WrapUpResult> {
      const result = await run(
        scripts.WRAP_UP,
        [
          keys.conversation(conversationId),
          keys.wrapUp(conversationId),
          keys.toWrapUp(operatorId),
          keys.notes(conversationId),
        ],
        [
          conversationId,
          operatorId,
          request.outcome,
          request.note ? JSON.stringify(request.note) : '',
          request.now,
          keys.prefix,
          STATS_TTL_SECONDS,
        ],
      );
      if (result === 'ok') return { ok: true };
      return { ok: false, reason: result as Exclude<WrapUpResult, { ok: true }>['reason'] };
    },

    async setVisitorAway(conversationId, since) {
      await run(scripts.SET_AWAY, [keys.conversation(conversationId), keys.away], [conversationId, since ?? '']);
    },
    async listAwaySince(before) {
      return client.zRangeByScore(keys.away, '-inf', `(${before}`);
    },

    async recordWait(wait: RecentWait) {
      await client
        .multi()
        .lPush(keys.waits, JSON.stringify(wait))
        .lTrim(keys.waits, 0, MAX_RECENT_WAITS - 1)
        .expire(keys.waits, WAITS_TTL_SECONDS)
        .exec();
    },
    async recentWaits(limit) {
      return (await client.lRange(keys.waits, 0, limit - 1)).map((item) => JSON.parse(item) as RecentWait);
    },
    async dailyStats(day) {
      const hash = await client.hGetAll(keys.stats(day));
      const stats: DailyStats = {
        ended: Number(hash.ended ?? 0),
        abandoned: Number(hash.abandoned ?? 0),
        outcomes: {},
      };
      for (const [field, value] of Object.entries(hash)) {
        if (field.startsWith('outcome:')) (stats.outcomes as Record<string, number>)[field.slice(8)] = Number(value);
      }
      return stats;
    },

    async setOperatorPresence(presence: OperatorPresence, ttlMs) {
      await client
        .multi()
        .set(keys.presence(presence.operatorId), JSON.stringify(presence), { expiration: { type: 'PX', value: ttlMs } })
        .sAdd(keys.presenceIndex, presence.operatorId)
        .exec();
    },
    async removeOperatorPresence(operatorId) {
      await client.multi().del(keys.presence(operatorId)).sRem(keys.presenceIndex, operatorId).exec();
    },
    async listOperatorPresence() {
      const ids = await client.sMembers(keys.presenceIndex);
      if (ids.length === 0) return [];
      const values = await client.mGet(ids.map(keys.presence));
      const live: OperatorPresence[] = [];
      const gone: string[] = [];
      values.forEach((value, i) => {
        if (value) live.push(JSON.parse(value) as OperatorPresence);
        else gone.push(ids[i]!);
      });
      if (gone.length) await client.sRem(keys.presenceIndex, gone);
      return live;
    },
    async markOperatorGone(operatorId, at) {
      await client.zAdd(keys.operatorGone, { score: at, value: operatorId }, { condition: 'NX' });
    },
    async clearOperatorGone(operatorId) {
      await client.zRem(keys.operatorGone, operatorId);
    },
    async listOperatorsGoneSince(before) {
      return client.zRangeByScore(keys.operatorGone, '-inf', Number.isFinite(before) ? `(${before}` : '+inf');
    },
    async listHolders() {
      const active = await client.sMembers(keys.active);
      if (active.length === 0) return [];
      const multi = client.multi();
      for (const id of active) multi.hGet(keys.conversation(id), 'operatorId');
      const holders = (await multi.exec()) as unknown as (string | null)[];
      return [...new Set(holders.filter((id): id is string => typeof id === 'string' && id !== ''))];
    },

    async createSession(id, session: OperatorSession) {
      await client.set(keys.session(id), JSON.stringify(session), {
        expiration: { type: 'PXAT', value: session.expiresAt },
      });
    },
    async getSession(id) {
      const value = await client.get(keys.session(id));
      if (!value) return null;
      const session = JSON.parse(value) as OperatorSession;
      return session.expiresAt > Date.now() ? session : null;
    },
    async deleteSession(id) {
      await client.del(keys.session(id));
    },

    async takeAttempt(counters, windowMs) {
      const wait = await run(
        scripts.TAKE_ATTEMPT,
        counters.map((c) => keys.loginAttempts(c.key)),
        [Math.max(1, Math.round(windowMs)), ...counters.map((c) => c.limit)],
      );
      const retryAfterMs = Number(wait);
      return retryAfterMs > 0 ? { ok: false, retryAfterMs } : { ok: true };
    },
    async returnAttempt(key) {
      await run(scripts.RETURN_ATTEMPT, [keys.loginAttempts(key)], []);
    },
    async clearAttempts(key) {
      await client.del(keys.loginAttempts(key));
    },
    async addressSecret() {
      // The first process to ask sets it; the others read the same one.
      await client.set(keys.addressSecret, randomBytes(32).toString('base64url'), {
        condition: 'NX',
        expiration: { type: 'EX', value: ADDRESS_SECRET_TTL_SECONDS },
      });
      const secret = await client.get(keys.addressSecret);
      if (!secret) throw new Error('address secret missing');
      return secret;
    },
    async operatorIdSecret() {
      // As the address secret, but kept: an operator's id must not change during a shift. Read on
      // every use (one GET), so after a Redis loss every process moves to the new secret at once.
      const known = await client.get(keys.operatorIdSecret);
      if (known) return known;
      await client.set(keys.operatorIdSecret, randomBytes(32).toString('base64url'), { condition: 'NX' });
      const secret = await client.get(keys.operatorIdSecret);
      if (!secret) throw new Error('operator id secret missing');
      return secret;
    },
  };
}

/** Operator accounts in one Redis hash (see redis-keys.ts `accounts`). */
export function createRedisAccountStore(client: RedisClient, options: { prefix?: string } = {}): AccountStore {
  const keys = redisKeys(options.prefix);
  return {
    async get(username) {
      const value = await client.hGet(keys.accounts, username.toLowerCase());
      return value ? (JSON.parse(value) as OperatorAccount) : null;
    },
    async put(account) {
      await client.hSet(keys.accounts, account.username, JSON.stringify(account));
    },
    async create(account) {
      return (await client.hSetNX(keys.accounts, account.username, JSON.stringify(account))) === 1;
    },
    async remove(username) {
      await client.hDel(keys.accounts, username.toLowerCase());
    },
    async list() {
      return Object.values(await client.hGetAll(keys.accounts)).map((value) => JSON.parse(value) as OperatorAccount);
    },
  };
}
