/**
 * A process that dies (SIGKILL, out of memory, a lost machine) takes its timers and disconnect
 * handlers with it: its visitors are never marked as gone, so a visitor who does not come back
 * would wait in the queue (or in a conversation) forever. Every process therefore, every few
 * seconds:
 *
 * 1. records the conversations of the visitors connected to it in `visitorSeen` (and clears an
 *    away mark on any of them: a disconnect elsewhere may have raced their reconnect here);
 * 2. marks as away, from now, every queued or active conversation nobody has seen for a while;
 *    the normal sweep then ends it after the resume window, unless the visitor comes back;
 *
 * Operators need nothing here: their liveness goes through the chat store, the same with one
 * process or several (chat/operator-requeue.ts).
 *
 * Both steps are idempotent and safe to run on every process at once (the store's changes are
 * atomic). Nothing runs while Redis is unreachable, and the check of step 2 waits until this
 * process has been connected for a while, so an outage does not look like dead visitors.
 */
import type { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { ChatStore } from '../chat/store/chat-store';
import type { RedisKeys } from '../chat/store/redis-keys';
import type { Logger } from '../logger';

type Client = ReturnType<typeof createClient>;

export interface LivenessOptions {
  client: Client;
  keys: RedisKeys;
  io: Server;
  store: ChatStore;
  resumeWindowMs: number;
  /** A visitor was marked away or present again here: tell the operators (chat:presence, snapshot). */
  presenceChanged?: (conversationId: string, present: boolean, since: number) => void;
  logger: Logger;
}

export function livenessTimings(resumeWindowMs: number) {
  const everyMs = Math.max(500, Math.min(10_000, Math.floor(resumeWindowMs / 4)));
  return { everyMs, staleMs: 3 * everyMs };
}

export function startLiveness(options: LivenessOptions) {
  const { client, keys, io, store } = options;
  const { everyMs, staleMs } = livenessTimings(options.resumeWindowMs);
  const visitors = io.of('/visitor');
  let connectedSince: number | undefined;
  let running = false;

  const localConversations = () => {
    const ids = new Set<string>();
    for (const socket of visitors.sockets.values()) {
      const id = (socket.data as { conversationId?: string }).conversationId;
      if (id) ids.add(id);
    }
    return [...ids];
  };

  // A visitor joining their conversation's room (start or resume) is seen at once.
  const onJoin = (room: string) => {
    if (!room.startsWith('visitor:') || !client.isReady) return;
    // With its expiry at once: a process that dies before its next heartbeat must not leave the
    // key (conversation ids and times) behind for ever.
    client
      .zAdd(keys.visitorSeen, { score: Date.now(), value: room.slice('visitor:'.length) })
      .then(() => client.pExpire(keys.visitorSeen, 10 * staleMs))
      .catch(() => {});
  };
  visitors.adapter.on('join-room', onJoin);

  async function heartbeat(now: number) {
    const mine = localConversations();
    if (mine.length === 0) return;
    await client.zAdd(
      keys.visitorSeen,
      mine.map((value) => ({ score: now, value })),
    );
    await client.pExpire(keys.visitorSeen, 10 * staleMs);
    const away = await client.zmScore(keys.away, mine);
    for (const [i, since] of away.entries()) {
      if (since === null) continue;
      await store.setVisitorAway(mine[i]!, undefined);
      options.presenceChanged?.(mine[i]!, true, now);
    }
  }

  async function markUnseenVisitors(now: number) {
    const ids = [...new Set([...(await client.zRange(keys.queue, 0, -1)), ...(await client.sMembers(keys.active))])];
    if (ids.length === 0) return;
    const [seen, away] = await Promise.all([client.zmScore(keys.visitorSeen, ids), client.zmScore(keys.away, ids)]);
    for (const [i, id] of ids.entries()) {
      if (away[i] !== null) continue;
      const lastSeen = seen[i] ?? Number((await client.hGet(keys.conversation(id), 'createdAt')) ?? now);
      // The resume window starts now, not when last seen: a wrong guess costs nothing.
      if (lastSeen < now - staleMs) {
        await store.setVisitorAway(id, now);
        options.presenceChanged?.(id, false, now);
      }
    }
  }

  async function tick() {
    if (!client.isReady) {
      connectedSince = undefined;
      return;
    }
    const now = Date.now();
    connectedSince ??= now;
    await heartbeat(now);
    // Old entries are of conversations that ended (or of visitors gone: step 2 has them).
    await client.zRemRangeByScore(keys.visitorSeen, '-inf', now - 10 * staleMs);
    if (now - connectedSince < staleMs) return;
    await markUnseenVisitors(now);
  }

  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tick()
      .catch(() => options.logger.warn('cluster.liveness-failed'))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();

  return {
    stop() {
      clearInterval(timer);
      visitors.adapter.off('join-room', onJoin);
    },
  };
}
