/**
 * The one way an incoming event reaches a handler: rate limit, exactly one payload checked by
 * its zod schema, a time limit on the store, and an acknowledgement in every case. Anything
 * wrong gets a clean `{ ok: false, error }` and changes nothing; nothing a client sends can
 * throw out of here. Events this namespace does not know get `invalid-payload` too.
 */
import type { Socket } from 'socket.io';
import type { ZodType } from 'zod';
import type { Logger } from '../logger';
import type { Ack, ErrorCode } from '../protocol';

export type HandlerResult<T> = Ack<T>;
export const fail = (error: ErrorCode, message?: string): { ok: false; error: ErrorCode; message?: string } =>
  message ? { ok: false, error, message } : { ok: false, error };
export const ok = <T>(data: T): { ok: true; data: T } => ({ ok: true, data });

/** Store calls slower than this answer `unavailable` rather than leave the client hanging. */
export const STORE_TIME_LIMIT_MS = 3_000;

/** Lets a handler run work after its acknowledgement went out (e.g. system messages after `visitor:start`). */
export type Defer = (work: () => Promise<void>) => void;

export interface EventRouter {
  on<I, T>(
    event: string,
    schema: ZodType<I, unknown>,
    handler: (payload: I, defer: Defer) => Promise<HandlerResult<T>>,
  ): void;
}

function timeLimit<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('store time limit')), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
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
        const deferred: (() => Promise<void>)[] = [];
        try {
          await options.ready;
          if (options.authorized && !(await timeLimit(options.authorized(), STORE_TIME_LIMIT_MS)))
            return reply(ack, fail('unauthorized'));
          reply(
            ack,
            await timeLimit(
              handler(parsed.data, (work) => deferred.push(work)),
              STORE_TIME_LIMIT_MS,
            ),
          );
          for (const work of deferred) await work();
        } catch (error) {
          // Never the payload or the error text (it could quote a message): the event name only.
          options.logger.error('chat.handler-failed', {
            namespace: options.namespace,
            event,
            kind: error instanceof Error ? error.name : typeof error,
          });
          if (deferred.length === 0) reply(ack, fail('unavailable'));
        }
      });
    },
  };
}
