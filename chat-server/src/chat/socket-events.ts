/**
 * The one way an incoming event reaches a handler: rate limit, exactly one payload checked by
 * its zod schema, a time limit, and exactly one acknowledgement in every case. Anything wrong
 * gets a clean `{ ok: false, error }`; nothing a client sends can throw out of here. Events this
 * namespace does not know get `invalid-payload` too.
 *
 * Failure after work has begun (docs/chat-protocol.md, "Acknowledgements and errors"): a
 * handler that throws, or is still running at the time limit, answers `unavailable` once. A
 * timed-out handler is cancelled: its AbortSignal fires and no store call of that event starts
 * any more (the store given to handlers is wrapped by `guardedStore`). What it already did is
 * either taken back (`undo`) or, once the handler has `commit`ted to a step that must stand (a
 * stored message, an accepted conversation), finished and announced by event (`late`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Socket } from 'socket.io';
import type { ZodType } from 'zod';
import type { Logger } from '../logger';
import type { Ack, ErrorCode } from '../protocol';

export type HandlerResult<T> = Ack<T>;
export const fail = (error: ErrorCode, message?: string): { ok: false; error: ErrorCode; message?: string } =>
  message ? { ok: false, error, message } : { ok: false, error };
export const ok = <T>(data: T): { ok: true; data: T } => ({ ok: true, data });

/** Events still running after this answer `unavailable` rather than leave the client hanging. */
export const STORE_TIME_LIMIT_MS = 3_000;

/** Lets a handler run work after its acknowledgement went out (e.g. system messages after `visitor:start`). */
export type Defer = (work: () => Promise<void>) => void;

/** What a handler gets besides its payload. */
export interface EventControl {
  /** Aborted at the time limit, when the client has been answered `unavailable`. */
  signal: AbortSignal;
  /** Work that runs after a successful acknowledgement (not after a failed one). */
  defer: Defer;
  /** Takes back a step if the client is answered with a failure (a throw or the time limit) before `commit`. */
  undo(work: () => Promise<void>): void;
  /**
   * From here on the event's effect stands: the handler finishes even after the time limit (store
   * calls are allowed again), nothing is undone, and if the client was answered with a failure
   * anyway, `late` tells it by event what happened.
   */
  commit(late?: () => Promise<void>): void;
}

export interface EventRouter {
  on<I, T>(
    event: string,
    schema: ZodType<I, unknown>,
    handler: (payload: I, control: EventControl) => Promise<HandlerResult<T>>,
  ): void;
}

interface EventScope {
  namespace: string;
  event: string;
  signal: AbortSignal;
  committed: boolean;
  /** Deferred work, after the acknowledgement went out. */
  answered: boolean;
}

const eventScope = new AsyncLocalStorage<EventScope>();

/** Thrown by a store call started after its event's time limit. */
export class EventCancelled extends Error {
  override name = 'EventCancelled';
}

/** The event whose handler (or deferred work, `answered`) is running here, if any; for logs and tests. */
export function currentEvent(): { namespace: string; event: string; answered: boolean } | undefined {
  const scope = eventScope.getStore();
  return scope ? { namespace: scope.namespace, event: scope.event, answered: scope.answered } : undefined;
}

/** Runs `work` outside any event, so timers it creates do not belong to a cancelled event. */
export const outsideEvent = <T>(work: () => T): T => eventScope.exit(work);

/**
 * The store as handlers see it: a call started by an event that passed its time limit (and did
 * not commit) throws `EventCancelled` instead of reaching the store. Calls outside events
 * (sweeper, heartbeat, queue refreshes) pass unchanged.
 */
export function guardedStore<S extends object>(store: S): S {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const scope = eventScope.getStore();
        if (scope?.signal.aborted && !scope.committed) return Promise.reject(new EventCancelled());
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

export function eventRouter(
  socket: Socket,
  options: {
    allow: () => boolean;
    logger: Logger;
    namespace: string;
    ready?: Promise<unknown>;
    /** Checked before every event (operators: is the session still valid?); false answers `unauthorized`. */
    authorized?: () => Promise<boolean>;
    /** The time limit, read at each event (default STORE_TIME_LIMIT_MS). */
    timeLimitMs?: () => number | undefined;
  },
): EventRouter {
  const known = new Set<string>();
  const reply = (ack: unknown, response: Ack<unknown>) => {
    if (typeof ack === 'function') (ack as (r: Ack<unknown>) => void)(response);
  };
  const splitArgs = (args: unknown[]) => {
    const ack = typeof args[args.length - 1] === 'function' ? args[args.length - 1] : undefined;
    return { ack, payloads: ack ? args.slice(0, -1) : args };
  };
  // Never the payload or the error text (it could quote a message): names only.
  const logFailure = (what: string, event: string, error?: unknown) =>
    options.logger.error(what, {
      namespace: options.namespace,
      event,
      ...(error === undefined ? {} : { kind: error instanceof Error ? error.name : typeof error }),
    });

  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && known.has(event)) return;
    const { ack } = splitArgs(args);
    if (!options.allow()) return reply(ack, fail('rate-limited'));
    reply(ack, fail('invalid-payload', 'unknown-event'));
  });

  return {
    on(event, schema, handler) {
      known.add(event);
      socket.on(event, async (...args: unknown[]) => {
        const { ack, payloads } = splitArgs(args);
        if (!options.allow()) return reply(ack, fail('rate-limited'));
        const parsed = payloads.length === 1 ? schema.safeParse(payloads[0]) : undefined;
        if (!parsed?.success) return reply(ack, fail('invalid-payload'));

        let answered = false;
        const answer = (response: Ack<unknown>) => {
          if (answered) return;
          answered = true;
          reply(ack, response);
        };
        const abort = new AbortController();
        const scope: EventScope = {
          namespace: options.namespace,
          event,
          signal: abort.signal,
          committed: false,
          answered: false,
        };
        const deferred: (() => Promise<void>)[] = [];
        const undos: (() => Promise<void>)[] = [];
        let late: (() => Promise<void>) | undefined;
        const control: EventControl = {
          signal: abort.signal,
          defer: (work) => deferred.push(work),
          undo: (work) => undos.push(work),
          commit(announce) {
            scope.committed = true;
            late = announce;
          },
        };
        const timer = setTimeout(() => {
          logFailure('chat.handler-timeout', event);
          abort.abort();
          answer(fail('unavailable'));
        }, options.timeLimitMs?.() ?? STORE_TIME_LIMIT_MS);

        let result: Ack<unknown> | undefined;
        try {
          result = await eventScope.run(scope, async () => {
            await options.ready;
            if (options.authorized && !(await options.authorized())) return fail('unauthorized');
            return handler(parsed.data, control);
          });
        } catch (error) {
          if (!(error instanceof EventCancelled)) logFailure('chat.handler-failed', event, error);
        } finally {
          clearTimeout(timer);
        }

        if (result && !answered) {
          answer(result);
          if (!result.ok) return;
          // Still this event's work (logs, tests), but past its answer: no time limit, nothing cancelled.
          const after: EventScope = { ...scope, signal: new AbortController().signal, committed: true, answered: true };
          for (const work of deferred)
            await eventScope
              .run(after, work)
              .catch((error: unknown) => logFailure('chat.deferred-failed', event, error));
          return;
        }
        // Threw, or the time limit answered already: the client was told `unavailable`.
        answer(fail('unavailable'));
        if (scope.committed) {
          await late?.().catch((error) => logFailure('chat.late-failed', event, error));
          return;
        }
        for (const work of undos.reverse()) await work().catch((error) => logFailure('chat.undo-failed', event, error));
      });
    },
  };
}
