/**
 * After any change to the queue, operators or conversations: tells this process's waiting
 * visitors their position and estimate (`queue:updated`, only when it changed), every operator
 * their `queue:snapshot`, and supervisors the live figures (`stats:updated`). Changes close
 * together are folded into one refresh. Only local sockets are addressed, so with several
 * processes each refreshes its own clients from the shared store.
 */
import type { Colleague, Lang, QueueSnapshot, SupervisorStats, ToWrapUp, WaitingConversation } from '../protocol';
import { SUPERVISORS_ROOM, type ChatContext } from './chat-context';
import { RECENT_WAIT_SAMPLES } from './conversation-steps';
import { publicOperatorIds } from './operator-ids';
import { queueOrder } from './queue-policy';
import { availableForWork } from './operator-availability';
import type { ConversationRecord, WrapUpRecord } from './store/chat-store';
import { estimateWait } from './wait-estimate';
import { languageFigures } from './languages';

const DEBOUNCE_MS = 25;
/**
 * Operators see the head of the queue (and its length): a console cannot show thousands of
 * rows, and sending them all to every operator on every change was the main cost of a
 * refresh with 5,000 waiting (tests/bench/chat-load).
 */
export const SNAPSHOT_WAITING_LIMIT = 100;

export function waitingView(c: ConversationRecord): WaitingConversation {
  return {
    conversationId: c.id,
    waitingSince: new Date(c.queuedAt).toISOString(),
    lang: c.lang,
    about: c.about,
    inDanger: c.inDanger,
    ...(c.theme ? { theme: c.theme } : {}),
    ...(c.municipality ? { municipality: c.municipality } : {}),
    ...(c.region ? { region: c.region } : {}),
    ...(c.under18 ? { under18: true as const } : {}),
    visitorPresent: c.visitorAwaySince === undefined,
    ...(c.visitorAwaySince !== undefined ? { awaySince: new Date(c.visitorAwaySince).toISOString() } : {}),
    ...(c.handoverNoteId ? { handedOver: true as const } : {}),
  };
}

/** A wrap-up as the console sees it: the store's bookkeeping (owner, day, expiry) left out. */
export function toWrapUpView(w: WrapUpRecord): ToWrapUp {
  const { operatorId: _operatorId, day: _day, textsUntil: _textsUntil, expiresAt: _expiresAt, ...view } = w;
  return view;
}

export function createQueueNotifier(ctx: ChatContext) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  /** Last `queue:updated` sent per visitor socket, so unchanged figures are not resent. */
  const lastSent = new WeakMap<object, string>();

  async function refresh() {
    const now = ctx.now();
    const [queued, waits, online, active, today] = await Promise.all([
      ctx.store.listQueued(),
      ctx.store.recentWaits(RECENT_WAIT_SAMPLES),
      ctx.onlineOperators(),
      ctx.store.countActive(),
      ctx.store.dailyStats(ctx.schedule.localDay(new Date(now))),
    ]);
    const ordered = queueOrder(queued);
    const position = new Map(ordered.map((c, i) => [c.id, i + 1]));
    const operatorsAvailable = online.filter(availableForWork).length;
    const estimates = new Map<number, ReturnType<typeof estimateWait>>();
    const languageOf = new Map(queued.map((c) => [c.id, c.lang]));
    const languages = new Map<Lang, ReturnType<typeof languageFigures>>();

    for (const socket of ctx.visitors.sockets.values()) {
      const p = socket.data.conversationId ? position.get(socket.data.conversationId) : undefined;
      if (!p) {
        // Not (or no longer) waiting: the next time it waits, its first figures must go out.
        lastSent.delete(socket);
        continue;
      }
      let estimate = estimates.get(p);
      if (!estimate) estimates.set(p, (estimate = estimateWait(p, waits, now)));
      const lang = languageOf.get(socket.data.conversationId!) ?? 'nl';
      let served = languages.get(lang);
      if (!served) languages.set(lang, (served = languageFigures(online, lang)));
      const update = { position: p, ...estimate, operatorsAvailable, ...served };
      const key = JSON.stringify(update);
      if (lastSent.get(socket) === key) continue;
      lastSent.set(socket, key);
      socket.emit('queue:updated', update);
    }

    const operatorSockets = [...ctx.operators.sockets.values()];
    if (operatorSockets.length === 0) return;
    const heldBy = new Map<string, string[]>();
    for (const id of new Set([...online.map((o) => o.operatorId), ...operatorSockets.map((s) => s.data.operatorId)]))
      heldBy.set(id, await ctx.store.listHeldBy(id));
    const toWrapUp = new Map<string, ToWrapUp[]>();
    for (const id of new Set(operatorSockets.map((s) => s.data.operatorId)))
      toWrapUp.set(id, (await ctx.store.listToWrapUp(id, now)).map(toWrapUpView));
    // Consoles see colleagues by an opaque id, never by login username (operator-ids.ts).
    const publicId = await publicOperatorIds(ctx.store);
    const colleagues: Colleague[] = online.map((o) => ({
      operatorId: publicId(o.operatorId),
      name: o.name,
      region: o.region,
      // Nobody offers work to a colleague whose console is gone for a moment.
      status: availableForWork(o) ? 'available' : 'away',
      load: heldBy.get(o.operatorId)?.length ?? 0,
      capacity: o.capacity,
      ...(o.reconnectingSince === undefined ? {} : { reconnecting: true as const }),
    }));
    const waiting = ordered.slice(0, SNAPSHOT_WAITING_LIMIT).map(waitingView);
    const waitingInDanger = ordered.filter((c) => c.inDanger).length;
    for (const socket of operatorSockets) {
      const snapshot: QueueSnapshot = {
        waiting,
        waitingTotal: ordered.length,
        waitingInDanger,
        mine: heldBy.get(socket.data.operatorId) ?? [],
        colleagues,
        toWrapUp: toWrapUp.get(socket.data.operatorId) ?? [],
      };
      socket.emit('queue:snapshot', snapshot);
    }
    const stats: SupervisorStats = {
      waiting: queued.length,
      active,
      operatorsAvailable,
      longestWaitSeconds: queued.length ? Math.round((now - Math.min(...queued.map((c) => c.queuedAt))) / 1000) : 0,
      endedToday: today.ended,
      abandonedToday: today.abandoned,
    };
    ctx.operators.local.to(SUPERVISORS_ROOM).emit('stats:updated', stats);
  }

  function run() {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    const startedAt = performance.now();
    running = refresh()
      .catch(() => ctx.logger.warn('chat.refresh-failed'))
      .finally(() => {
        running = undefined;
        if (again && !closed) {
          again = false;
          // Under load a refresh gets expensive: wait as long as it took, so refreshing never
          // takes more than about half the process (messages keep flowing meanwhile).
          schedule(Math.max(DEBOUNCE_MS, performance.now() - startedAt));
        }
      });
  }

  function schedule(delayMs = DEBOUNCE_MS) {
    if (closed || timer) return;
    timer = setTimeout(run, delayMs);
    timer.unref();
  }

  return {
    schedule: () => schedule(),
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
