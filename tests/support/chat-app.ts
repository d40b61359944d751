/**
 * Starts the real app with the chat on port 0 (memory or Redis store), and gives tests real
 * socket.io-client visitors and operators (logged in over HTTP with a real session cookie).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { createApp, type App } from '../../chat-server/src/app';
import type { ChatSettings } from '../../chat-server/src/config';
import { hashPassword } from '../../chat-server/src/auth/passwords';
import { loadChatContent } from '../../chat-server/src/chat/chat-content';
import type { ChatDeps } from '../../chat-server/src/chat/chat-context';
import { loadRegions } from '../../chat-server/src/chat/regions';
import { alwaysOpen, type Schedule } from '../../chat-server/src/chat/schedule';
import { createFileAccountStore } from '../../chat-server/src/chat/store/file-account-store';
import { createRedisAccountStore, type RedisClient } from '../../chat-server/src/chat/store/redis-store';
import type { AccountStore, ChatStore, OperatorAccount } from '../../chat-server/src/chat/store/chat-store';
import { createLogger, type Logger } from '../../chat-server/src/logger';
import { createMemoryAuditLog, type AuditLog } from '../../chat-server/src/admin/audit-log';
import { createRedisAuditLog } from '../../chat-server/src/admin/audit-log-redis';
import { createMemoryStatsStore, type StatsStore } from '../../chat-server/src/admin/stats-store';
import { createRedisStatsStore } from '../../chat-server/src/admin/stats-store-redis';
import type { Ack } from '../../chat-server/src/protocol';

export const CONTENT_DIR = resolve('content');
export const regions = loadRegions(join(CONTENT_DIR, 'data', 'gemeente-veiligthuisregio.json'));
export const content = loadChatContent({ contentDir: CONTENT_DIR, regions });

export const TEST_PASSWORD = 'a long test password';
let passwordHash: Promise<string> | undefined;

export const defaultSettings: ChatSettings = {
  resumeWindowMs: 10 * 60_000,
  // As in production (config.ts): a reload keeps the operator's status.
  operatorReconnectGraceMs: 60_000,
  overflowMs: 120_000,
  maxQueue: 50,
  capacity: 3,
  retentionMs: 0,
  rateLimit: { burst: 1_000, perSecond: 1_000 },
  sessionTtlMs: 60 * 60_000,
  requireTwoFactor: false,
  loginMaxFailures: 5,
  lockoutMs: 60_000,
  // Generous per-address limits: every test client comes from 127.0.0.1. The abuse tests
  // (chat-abuse-*.test.ts) set small ones and give each client its own address.
  login: { maxFailuresPerAddress: 1_000, hashConcurrency: 2, hashQueue: 1_000, hashQueuePerAddress: 1_000 },
  admission: {
    reservedInDanger: 0,
    unacceptedAwayMs: 10 * 60_000,
    socketsPerAddress: 10_000,
    startsPerAddress: 10_000,
    startWindowMs: 60_000,
  },
  operatorRecheckMs: 2_000,
};

/** Headers a test client sends: its client address (with `trustProxy`), its Origin. */
export interface ClientOptions {
  /** Sent as X-Forwarded-For; start the chat with `trustProxy: 1` for it to count. */
  address?: string;
  origin?: string;
}

const clientHeaders = (options: ClientOptions = {}): Record<string, string> => ({
  ...(options.address ? { 'x-forwarded-for': options.address } : {}),
  ...(options.origin ? { origin: options.origin } : {}),
});

export interface TestChat {
  app: App;
  base: string;
  store: ChatStore;
  accounts: AccountStore;
  deps: ChatDeps;
  visitor(auth?: Record<string, unknown>, client?: ClientOptions): Promise<Socket>;
  /** Creates the account if needed, logs in over HTTP and returns the session cookie. */
  login(
    username: string,
    options?: Partial<Pick<OperatorAccount, 'role' | 'region' | 'displayName' | 'languages'>> & { address?: string },
  ): Promise<string>;
  /** A logged-in operator socket; `available` sets status available and waits for the ack. */
  operator(
    username: string,
    options?: Partial<Pick<OperatorAccount, 'role' | 'region' | 'displayName' | 'languages'>> & {
      available?: boolean;
      cookie?: string;
      address?: string;
    },
  ): Promise<Socket>;
  close(): Promise<void>;
}

export async function startChat(options: {
  store: ChatStore;
  redis?: { client: RedisClient; prefix: string };
  settings?: Partial<ChatSettings>;
  schedule?: Schedule;
  now?: () => number;
  logger?: Logger;
  /** Reverse proxies trusted (X-Forwarded-For from tests counts with 1). */
  trustProxy?: number;
  allowedOrigins?: string[];
  /** Another process's accounts on the same Redis prefix (two apps, one store). */
  accounts?: AccountStore;
  /** The events' time limit (default 3 s). */
  eventTimeLimitMs?: number;
  /** The audit log and the figures; default: in Redis beside the store with `redis`, else in memory. */
  audit?: AuditLog;
  stats?: StatsStore;
}): Promise<TestChat> {
  const dist = mkdtempSync(join(tmpdir(), 'ghnt-dist-'));
  const accountsFile = join(dist, 'operators.json');
  const accounts =
    options.accounts ??
    (options.redis
      ? createRedisAccountStore(options.redis.client, { prefix: options.redis.prefix })
      : createFileAccountStore(accountsFile));
  const retentionMs = 180 * 86_400_000;
  const audit =
    options.audit ??
    (options.redis
      ? createRedisAuditLog(options.redis.client, { prefix: options.redis.prefix, retentionMs })
      : createMemoryAuditLog({ retentionMs }));
  const stats =
    options.stats ??
    (options.redis
      ? createRedisStatsStore(options.redis.client, { prefix: options.redis.prefix })
      : createMemoryStatsStore());
  const deps: ChatDeps = {
    store: options.store,
    accounts,
    audit,
    stats,
    schedule: options.schedule ?? alwaysOpen(),
    regions,
    content,
    logger: options.logger ?? createLogger({ silent: true }),
    settings: { ...defaultSettings, ...options.settings },
    production: false,
    trustProxy: options.trustProxy ?? 0,
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.eventTimeLimitMs ? { eventTimeLimitMs: options.eventTimeLimitMs } : {}),
  };
  const app = createApp({
    config: { production: false, distDir: dist, trustProxy: options.trustProxy ?? 0 },
    logger: deps.logger,
    isReady: () =>
      options.store.ping().then(
        () => true,
        () => false,
      ),
    chat: deps,
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;
  const sockets: Socket[] = [];

  const open = (namespace: string, extra: Parameters<typeof connect>[1] = {}) =>
    new Promise<Socket>((resolve, reject) => {
      // forceNew: one connection per socket (no multiplexing, which would share the operator's cookie).
      const socket = connect(`${base}${namespace}`, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        ...extra,
      });
      sockets.push(socket);
      const log: { event: string; args: unknown[] }[] = [];
      socket.onAny((event: string, ...args: unknown[]) => log.push({ event, args }));
      logs.set(socket, log);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });

  const chat: TestChat = {
    app,
    base,
    store: options.store,
    accounts,
    deps,
    visitor: (auth, client) =>
      open('/visitor', { ...(auth ? { auth } : {}), ...(client ? { extraHeaders: clientHeaders(client) } : {}) }),
    async login(username, account = {}) {
      if (!(await accounts.get(username))) {
        // A cheap scrypt cost keeps the many logins in tests fast; the format is the same.
        passwordHash ??= hashPassword(TEST_PASSWORD, { N: 1024, r: 8, p: 1 });
        await accounts.put({
          username,
          role: account.role ?? 'operator',
          region: account.region ?? 'national',
          displayName: account.displayName ?? `Alias ${username}`,
          ...(account.languages ? { languages: account.languages } : {}),
          passwordHash: await passwordHash,
          createdAt: new Date().toISOString(),
        });
      }
      const res = await fetch(`${base}/api/operator/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base, ...clientHeaders({ address: account.address }) },
        body: JSON.stringify({ username, password: TEST_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
      return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    },
    async operator(username, account = {}) {
      const cookie = account.cookie ?? (await chat.login(username, account));
      const socket = await open('/operator', { extraHeaders: { cookie, origin: base } });
      if (account.available) {
        const ack = await emitAck(socket, 'operator:status', { status: 'available' });
        if (!ack.ok) throw new Error(`status failed: ${ack.error}`);
      }
      return socket;
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      await app.close();
      await options.store.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
  return chat;
}

/** Emits with an acknowledgement and resolves with it (fails the test after 5 s). */
export function emitAck<T = unknown>(socket: Socket, event: string, ...args: unknown[]): Promise<Ack<T>> {
  return socket.timeout(10_000).emitWithAck(event, ...args) as Promise<Ack<T>>;
}

const logs = new WeakMap<Socket, { event: string; args: unknown[] }[]>();

/** The first `event` this socket received since it was created (also one that came with the connect). */
export async function firstEvent<T = unknown>(socket: Socket, event: string, ms = 10_000): Promise<T> {
  const seen = logs.get(socket)?.find((entry) => entry.event === event);
  if (seen) return seen.args[0] as T;
  return nextEvent<T>(socket, event, () => true, ms);
}

/** Every event this socket received since it was created, in order (with its arguments). */
export function received(socket: Socket): readonly { event: string; args: unknown[] }[] {
  return logs.get(socket) ?? [];
}

/** The next `event` on `socket` that matches, or a rejection after `ms`. */
export function nextEvent<T = unknown>(
  socket: Socket,
  event: string,
  match: (payload: T) => boolean = () => true,
  ms = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Collects every `event` on `socket` from now on. */
export function record<T = unknown>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

/** A JSON answer of the server's HTTP routes: `{ ok: true, data }` or `{ ok: false, error, message? }`. */
export type ApiBody<T = unknown> = { ok: boolean; data: T; error?: string; message?: string };

/**
 * One HTTP call to a test chat server as the console makes it: this site's Origin (another one
 * given, or none with `null`), JSON in and out, the session cookie given and the one set.
 */
export async function callApi<T = unknown>(
  c: TestChat,
  method: string,
  path: string,
  options: { cookie?: string; body?: unknown; origin?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: ApiBody<T>; cookie: string | undefined }> {
  const origin = options.origin === undefined ? c.base : options.origin;
  const res = await fetch(`${c.base}${path}`, {
    method,
    headers: {
      ...options.headers,
      ...(origin ? { origin } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text.startsWith('{') ? JSON.parse(text) : { ok: false, data: text }) as ApiBody<T>,
    cookie: res.headers.get('set-cookie')?.split(';')[0],
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const startPayload = (overrides: Record<string, unknown> = {}) => ({
  lang: 'nl',
  about: 'self',
  inDanger: false,
  ...overrides,
});
