/**
 * The default chat store: plain maps in this process. Each method runs to completion without
 * awaiting, so every check-then-change (queue limit, accept, transfer, end) is atomic.
 */
import { randomBytes } from 'node:crypto';
import type { InternalNote, OperatorChatMessage, Outcome } from '../../protocol';
import { createWindowCounters } from '../../limits/window-counters';
import type {
  AcceptResult,
  ChatStore,
  ConversationRecord,
  DailyStats,
  EndRequest,
  HandoverRecord,
  OperatorPresence,
  OperatorSession,
  RecentWait,
  TransferResult,
  WrapUpRecord,
  WrapUpResult,
} from './chat-store';
import { WRAP_UP_KEEP_MS } from './chat-store';

const MAX_RECENT_WAITS = 100;

interface Texts {
  messages: OperatorChatMessage[];
  /** `${from}:${clientId}` → message, for de-duplication. */
  byClientKey: Map<string, OperatorChatMessage>;
  notes: InternalNote[];
}

export function createMemoryStore(options: { now?: () => number } = {}): ChatStore {
  const now = options.now ?? Date.now;
  const conversations = new Map<string, ConversationRecord>();
  const tokens = new Map<string, string>();
  const texts = new Map<string, Texts>();
  const held = new Map<string, Set<string>>();
  const waits: RecentWait[] = [];
  const stats = new Map<string, DailyStats>();
  const presence = new Map<string, { presence: OperatorPresence; expiresAt: number }>();
  const sessions = new Map<string, OperatorSession>();
  /** Conversation id → its wrap-up (`done` once wrapped up, kept until `expiresAt` to refuse a second one). */
  const wrapUps = new Map<string, { record: WrapUpRecord; done: boolean }>();
  const operatorsGone = new Map<string, number>();
  const attempts = createWindowCounters(now);
  const totpSteps = new Map<string, { step: number; expiresAt: number }>();
  // One process: the secret never needs to leave it.
  const secret = randomBytes(32).toString('base64url');
  const idSecret = randomBytes(32).toString('base64url');
  const timers = new Set<NodeJS.Timeout>();

  const copy = (c: ConversationRecord): ConversationRecord => ({ ...c });
  const heldSet = (operatorId: string) => {
    let set = held.get(operatorId);
    if (!set) held.set(operatorId, (set = new Set()));
    return set;
  };
  const open = (id: string) => {
    const c = conversations.get(id);
    return c && c.status !== 'ended' ? c : undefined;
  };
  const dayStats = (day: string) => {
    let d = stats.get(day);
    if (!d) stats.set(day, (d = { ended: 0, abandoned: 0, outcomes: {} }));
    return d;
  };
  /** The one place outcomes are counted (after `end` with an outcome, and after a wrap-up). */
  const countOutcome = (day: string, outcome: Outcome) => {
    const d = dayStats(day);
    d.outcomes[outcome] = (d.outcomes[outcome] ?? 0) + 1;
  };
  const handOver = (c: ConversationRecord, handover: HandoverRecord | undefined) => {
    if (!handover) return;
    texts.get(c.id)?.notes.push({ ...handover.note });
    c.handoverFrom = handover.from;
    c.handoverNoteId = handover.note.id;
  };
  const dropExpiredWrapUps = (t: number) => {
    for (const [id, entry] of wrapUps) if (entry.record.expiresAt <= t) wrapUps.delete(id);
  };

  return {
    async ping() {},
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },

    async createConversation(conversation, maxQueue) {
      let queued = 0;
      for (const c of conversations.values()) if (c.status === 'queued') queued++;
      if (queued >= maxQueue) return 'queue-full';
      conversations.set(conversation.id, copy(conversation));
      tokens.set(conversation.tokenHash, conversation.id);
      texts.set(conversation.id, { messages: [], byClientKey: new Map(), notes: [] });
      return 'ok';
    },
    async getConversation(id) {
      const c = conversations.get(id);
      return c ? copy(c) : null;
    },
    async conversationIdForToken(tokenHash) {
      return tokens.get(tokenHash) ?? null;
    },
    async listQueued() {
      return [...conversations.values()].filter((c) => c.status === 'queued').map(copy);
    },
    async listHeldBy(operatorId) {
      return [...(held.get(operatorId) ?? [])];
    },
    async countActive() {
      let active = 0;
      for (const c of conversations.values()) if (c.status === 'active') active++;
      return active;
    },

    async addMessage(conversationId, message) {
      const t = texts.get(conversationId);
      if (!open(conversationId) || !t) return null;
      const key = message.clientId ? `${message.from}:${message.clientId}` : undefined;
      const existing = key ? t.byClientKey.get(key) : undefined;
      if (existing) return { message: { ...existing }, duplicate: true };
      const stored = { ...message };
      t.messages.push(stored);
      if (key) t.byClientKey.set(key, stored);
      return { message: { ...stored }, duplicate: false };
    },
    async listMessages(conversationId) {
      return (texts.get(conversationId)?.messages ?? []).map((m) => ({ ...m }));
    },
    async addNote(conversationId, note) {
      const t = texts.get(conversationId);
      if (!open(conversationId) || !t) return null;
      t.notes.push({ ...note });
      return { ...note };
    },
    async listNotes(conversationId) {
      return (texts.get(conversationId)?.notes ?? []).map((n) => ({ ...n }));
    },

    async accept(conversationId, operator, at): Promise<AcceptResult> {
      const c = open(conversationId);
      if (!c) return { ok: false, error: 'not-found' };
      if (c.status !== 'queued') return { ok: false, error: 'already-taken' };
      const mine = heldSet(operator.id);
      if (mine.size >= operator.capacity) return { ok: false, error: 'capacity' };
      Object.assign(c, { status: 'active', operatorId: operator.id, operatorName: operator.name, acceptedAt: at });
      c.firstAcceptedAt ??= at;
      mine.add(conversationId);
      return { ok: true, conversation: copy(c) };
    },
    async requeue(conversationId, operatorId, handover) {
      const c = open(conversationId);
      if (!c || c.status !== 'active' || c.operatorId !== operatorId) return null;
      handOver(c, handover);
      heldSet(operatorId).delete(conversationId);
      c.status = 'queued';
      delete c.operatorId;
      delete c.operatorName;
      delete c.acceptedAt;
      return copy(c);
    },
    async transfer(conversationId, fromOperatorId, to, handover): Promise<TransferResult> {
      const c = open(conversationId);
      if (!c) return { ok: false, error: 'not-found' };
      if (c.status !== 'active' || c.operatorId !== fromOperatorId) return { ok: false, error: 'forbidden' };
      const target = heldSet(to.id);
      if (target.size >= to.capacity) return { ok: false, error: 'capacity' };
      handOver(c, handover);
      heldSet(fromOperatorId).delete(conversationId);
      target.add(conversationId);
      c.operatorId = to.id;
      c.operatorName = to.name;
      return { ok: true, conversation: copy(c) };
    },
    async end(conversationId, request: EndRequest) {
      const c = open(conversationId);
      if (!c) return null;
      const before = copy(c);
      conversations.delete(conversationId);
      tokens.delete(c.tokenHash);
      if (c.operatorId) heldSet(c.operatorId).delete(conversationId);
      const day = dayStats(request.day);
      day.ended++;
      if (before.status === 'queued') day.abandoned++;
      if (request.outcome) countOutcome(request.day, request.outcome);
      const at = request.at ?? now();
      dropExpiredWrapUps(at);
      if (before.status === 'active' && before.operatorId && !request.outcome && request.endedBy !== 'operator') {
        const record: WrapUpRecord = {
          conversationId,
          operatorId: before.operatorId,
          endedBy: request.endedBy,
          endedAt: new Date(at).toISOString(),
          lang: before.lang,
          about: before.about,
          inDanger: before.inDanger,
          ...(before.under18 ? { under18: true as const } : {}),
          ...(before.theme ? { theme: before.theme } : {}),
          ...(before.municipality ? { municipality: before.municipality } : {}),
          ...(before.region ? { region: before.region } : {}),
          day: request.day,
          textsUntil: at + Math.max(0, request.retentionMs),
          expiresAt: at + (request.wrapUpKeepMs ?? WRAP_UP_KEEP_MS),
        };
        wrapUps.set(conversationId, { record, done: false });
      }
      if (request.retentionMs <= 0) texts.delete(conversationId);
      else {
        const timer = setTimeout(() => {
          texts.delete(conversationId);
          timers.delete(timer);
        }, request.retentionMs);
        timer.unref();
        timers.add(timer);
      }
      return { ...before, status: 'ended' };
    },

    async listToWrapUp(operatorId, t) {
      dropExpiredWrapUps(t);
      return [...wrapUps.values()]
        .filter((entry) => !entry.done && entry.record.operatorId === operatorId)
        .map((entry) => ({ ...entry.record }))
        .sort((a, b) => a.endedAt.localeCompare(b.endedAt));
    },
    async wrapUp(conversationId, operatorId, request): Promise<WrapUpResult> {
      const c = open(conversationId);
      if (c) return { ok: false, reason: c.operatorId === operatorId ? 'not-ended' : 'not-held' };
      dropExpiredWrapUps(request.now);
      const entry = wrapUps.get(conversationId);
      if (!entry) return { ok: false, reason: 'unknown' };
      if (entry.record.operatorId !== operatorId) return { ok: false, reason: 'not-held' };
      if (entry.done) return { ok: false, reason: 'already-wrapped-up' };
      entry.done = true;
      countOutcome(entry.record.day, request.outcome);
      // The note stays only as long as the conversation's texts (end + retention).
      if (request.note && entry.record.textsUntil > request.now)
        texts.get(conversationId)?.notes.push({ ...request.note });
      return { ok: true };
    },

    async setVisitorAway(conversationId, since) {
      const c = open(conversationId);
      if (!c) return;
      if (since === undefined) delete c.visitorAwaySince;
      else c.visitorAwaySince = since;
    },
    async listAwaySince(before) {
      return [...conversations.values()]
        .filter((c) => c.status !== 'ended' && c.visitorAwaySince !== undefined && c.visitorAwaySince < before)
        .map((c) => c.id);
    },

    async recordWait(wait) {
      waits.unshift({ ...wait });
      waits.length = Math.min(waits.length, MAX_RECENT_WAITS);
    },
    async recentWaits(limit) {
      return waits.slice(0, limit).map((w) => ({ ...w }));
    },
    async dailyStats(day) {
      const d = stats.get(day);
      return d
        ? { ended: d.ended, abandoned: d.abandoned, outcomes: { ...d.outcomes } }
        : { ended: 0, abandoned: 0, outcomes: {} };
    },

    async setOperatorPresence(p, ttlMs) {
      presence.set(p.operatorId, { presence: { ...p, languages: [...p.languages] }, expiresAt: now() + ttlMs });
    },
    async removeOperatorPresence(operatorId) {
      presence.delete(operatorId);
    },
    async listOperatorPresence() {
      const t = now();
      const live: OperatorPresence[] = [];
      for (const [id, entry] of presence) {
        if (entry.expiresAt <= t) presence.delete(id);
        else live.push({ ...entry.presence, languages: [...entry.presence.languages] });
      }
      return live;
    },
    async markOperatorGone(operatorId, at) {
      if (!operatorsGone.has(operatorId)) operatorsGone.set(operatorId, at);
    },
    async clearOperatorGone(operatorId) {
      operatorsGone.delete(operatorId);
    },
    async listOperatorsGoneSince(before) {
      return [...operatorsGone].filter(([, since]) => since < before).map(([id]) => id);
    },
    async listHolders() {
      return [...held].filter(([, ids]) => ids.size > 0).map(([id]) => id);
    },

    async createSession(id, session) {
      // Expired sessions are otherwise only dropped when read: sweep them at each login.
      const t = now();
      for (const [key, s] of sessions) if (s.expiresAt <= t) sessions.delete(key);
      sessions.set(id, { ...session });
    },
    async getSession(id) {
      const s = sessions.get(id);
      if (!s) return null;
      if (s.expiresAt <= now()) {
        sessions.delete(id);
        return null;
      }
      return { ...s };
    },
    async deleteSession(id) {
      sessions.delete(id);
    },

    async takeAttempt(counters, windowMs) {
      return attempts.take(counters, windowMs);
    },
    async returnAttempt(key) {
      attempts.giveBack(key);
    },
    async clearAttempts(key) {
      attempts.clear(key);
    },
    async claimTotpStep(username, step, ttlMs) {
      const last = totpSteps.get(username);
      if (last && last.expiresAt > now() && last.step >= step) return false;
      totpSteps.set(username, { step, expiresAt: now() + ttlMs });
      return true;
    },
    async addressSecret() {
      return secret;
    },
    async operatorIdSecret() {
      return idSecret;
    },
  };
}
