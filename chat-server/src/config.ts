/**
 * The chat server's one environment reader. Every variable has a documented default (see
 * .env.example); a bad value stops the process at start with a message naming the variable.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const envSchema = z.object({
  /** TCP port. @default 3000 */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. @default all interfaces */
  HOST: z.string().optional(),
  /** `production` turns on Secure cookies and HSTS. @default development */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** The built site. @default ./dist */
  DIST_DIR: z.string().default('dist'),
  /** Redis for the chat store and Socket.IO adapter; unset = in-memory. @default unset */
  REDIS_URL: z.string().url().optional(),
  /** Weekly opening hours file. @default content/chat/opening-hours.json */
  CHAT_SCHEDULE: z.string().default('content/chat/opening-hours.json'),
  /** Open the chat around the clock (tests, demos, a 24/7 pilot). @default false */
  CHAT_ALWAYS_OPEN: booleanFlag,
  /** Meilisearch for the site's search (build-time setting, read here only to allow it in the CSP). @default unset */
  PUBLIC_MEILI_URL: z.string().url().optional(),
  /** Number of reverse proxies in front of this server (Express `trust proxy`). @default 0 */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** The site's public origin (e.g. https://example.nl) for the Origin checks; unset = the request's Host. @default unset */
  PUBLIC_ORIGIN: z.string().url().optional(),
  /** Comma-separated origins of partner sites that embed the visitor chat (https://partner.nl,…). @default none */
  CHAT_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().url())),
  /** A visitor who is gone longer than this is ended with `timeout`. @default 600 */
  CHAT_RESUME_WINDOW_SECONDS: z.coerce.number().int().min(5).max(86_400).default(600),
  /** After this wait a regional visitor may be taken by any operator. @default 120 */
  CHAT_OVERFLOW_SECONDS: z.coerce.number().int().min(0).max(86_400).default(120),
  /** Longest queue; more visitors get `queue-full`. @default 50 */
  CHAT_MAX_QUEUE: z.coerce.number().int().min(1).max(100_000).default(50),
  /** Places in that queue only visitors in danger may take (a flood of others cannot fill them). @default 10 */
  CHAT_QUEUE_RESERVED_IN_DANGER: z.coerce.number().int().min(0).max(100_000).default(10),
  /** A queued conversation never accepted whose visitor is gone this long is ended (not the full resume window). @default 90 */
  CHAT_UNACCEPTED_AWAY_SECONDS: z.coerce.number().int().min(5).max(86_400).default(90),
  /** Open visitor sockets per client address (per process). @default 10 */
  CHAT_VISITOR_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(10),
  /** `visitor:start` per client address per CHAT_START_WINDOW_SECONDS (per process). @default 6 */
  CHAT_STARTS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(6),
  /** The window of CHAT_STARTS_PER_ADDRESS. @default 600 */
  CHAT_START_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** Conversations one operator holds at most. @default 3 */
  CHAT_OPERATOR_CAPACITY: z.coerce.number().int().min(1).max(20).default(3),
  /** Message texts and notes are deleted this long after the end (the privacy notice says 0). @default 0 */
  CHAT_RETENTION_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30 * 86_400)
    .default(0),
  /** Per-socket rate limit: events at once. @default 20 */
  CHAT_RATE_BURST: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Per-socket rate limit: events per second after the burst. @default 2 */
  CHAT_RATE_PER_SECOND: z.coerce.number().min(0.1).max(100_000).default(2),
  /** Operator accounts when no Redis is used. @default .data/operators.json */
  OPERATORS_FILE: z.string().default('.data/operators.json'),
  /** An operator session ends this long after login. @default 9 */
  OPERATOR_SESSION_HOURS: z.coerce.number().min(0.01).max(24).default(9),
  /** Failed logins for one username from one client address before that pair is locked. @default 5 */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Failed logins from one client address, whatever the username, before that address is locked. @default 20 */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Lockout after the last failed login. @default 15 */
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().min(0.01).max(1440).default(15),
  /** Password checks running at once (scrypt is CPU-bound: about the number of cores). @default 2 */
  LOGIN_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Logins waiting for a password check, in all; more get 429. @default 32 */
  LOGIN_HASH_QUEUE: z.coerce.number().int().min(0).max(10_000).default(32),
  /** Logins waiting for a password check from one client address; more get 429. @default 2 */
  LOGIN_HASH_QUEUE_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000).default(2),
  /** Open operator sockets are checked against their account this often (a revoked account is cut off). @default 2 */
  OPERATOR_RECHECK_SECONDS: z.coerce.number().min(0.1).max(300).default(2),
  /** Addition (issue 14): audit log entries (staff actions, docs/chat-protocol.md "Audit log") are kept this many days. @default 180 */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** With REDIS_URL: a socket that comes back within this many seconds gets the packets it missed (Socket.IO connection state recovery). @default 30 */
  SOCKET_RECOVERY_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** With REDIS_URL: most entries kept in the Redis stream between processes (it also holds chat texts, at most SOCKET_RECOVERY_SECONDS). @default 2000 */
  SOCKET_STREAM_MAX_LEN: z.coerce.number().int().min(100).max(1_000_000).default(2000),
});

export type Config = {
  port: number;
  host: string | undefined;
  production: boolean;
  distDir: string;
  redisUrl: string | undefined;
  chatSchedulePath: string;
  chatAlwaysOpen: boolean;
  trustProxy: number;
  /** Extra origins the browser may connect to (the Meilisearch server, when configured). */
  connectOrigins: string[];
  publicOrigin: string | undefined;
  /** Partner origins that may open the visitor chat (CHAT_ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  operatorsFile: string;
  /** How long audit log entries are kept (AUDIT_RETENTION_DAYS). */
  auditRetentionMs: number;
  /** Several processes on one Redis (docs/scaling.md). */
  cluster: { recoveryMs: number; streamMaxLen: number };
  /** content/ (chat texts, quick replies, region data). */
  contentDir: string;
  chat: ChatSettings;
};

/** The chat's tunables (all times in milliseconds). */
export interface ChatSettings {
  resumeWindowMs: number;
  overflowMs: number;
  maxQueue: number;
  capacity: number;
  retentionMs: number;
  rateLimit: { burst: number; perSecond: number };
  sessionTtlMs: number;
  loginMaxFailures: number;
  lockoutMs: number;
  login: LoginSettings;
  admission: AdmissionSettings;
  /** How often open operator sockets are checked against their account. */
  operatorRecheckMs: number;
}

/** Limits on logins (docs/security.md). `loginMaxFailures` and `lockoutMs` above complete them. */
export interface LoginSettings {
  maxFailuresPerAddress: number;
  hashConcurrency: number;
  hashQueue: number;
  hashQueuePerAddress: number;
}

/** Queue admission for visitors (docs/security.md). */
export interface AdmissionSettings {
  reservedInDanger: number;
  unacceptedAwayMs: number;
  socketsPerAddress: number;
  startsPerAddress: number;
  startWindowMs: number;
}

/** Reads and checks the environment; throws one error listing every bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`REDIS_URL=`) means unset, as in most shells' habits.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST || undefined,
    production: e.NODE_ENV === 'production',
    distDir: resolve(e.DIST_DIR),
    redisUrl: e.REDIS_URL || undefined,
    chatSchedulePath: resolve(e.CHAT_SCHEDULE),
    chatAlwaysOpen: e.CHAT_ALWAYS_OPEN,
    trustProxy: e.TRUST_PROXY,
    connectOrigins: e.PUBLIC_MEILI_URL ? [new URL(e.PUBLIC_MEILI_URL).origin] : [],
    publicOrigin: e.PUBLIC_ORIGIN ? new URL(e.PUBLIC_ORIGIN).origin : undefined,
    allowedOrigins: e.CHAT_ALLOWED_ORIGINS.map((origin) => new URL(origin).origin),
    operatorsFile: resolve(e.OPERATORS_FILE),
    auditRetentionMs: e.AUDIT_RETENTION_DAYS * 86_400_000,
    cluster: { recoveryMs: e.SOCKET_RECOVERY_SECONDS * 1000, streamMaxLen: e.SOCKET_STREAM_MAX_LEN },
    contentDir: resolve('content'),
    chat: {
      resumeWindowMs: e.CHAT_RESUME_WINDOW_SECONDS * 1000,
      overflowMs: e.CHAT_OVERFLOW_SECONDS * 1000,
      maxQueue: e.CHAT_MAX_QUEUE,
      capacity: e.CHAT_OPERATOR_CAPACITY,
      retentionMs: e.CHAT_RETENTION_SECONDS * 1000,
      rateLimit: { burst: e.CHAT_RATE_BURST, perSecond: e.CHAT_RATE_PER_SECOND },
      sessionTtlMs: e.OPERATOR_SESSION_HOURS * 3_600_000,
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      lockoutMs: e.LOGIN_LOCKOUT_MINUTES * 60_000,
      login: {
        maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
        hashConcurrency: e.LOGIN_HASH_CONCURRENCY,
        hashQueue: e.LOGIN_HASH_QUEUE,
        hashQueuePerAddress: e.LOGIN_HASH_QUEUE_PER_ADDRESS,
      },
      admission: {
        // Never all of the queue: someone not in danger must still be able to get in.
        reservedInDanger: Math.min(e.CHAT_QUEUE_RESERVED_IN_DANGER, e.CHAT_MAX_QUEUE - 1),
        unacceptedAwayMs: e.CHAT_UNACCEPTED_AWAY_SECONDS * 1000,
        socketsPerAddress: e.CHAT_VISITOR_SOCKETS_PER_ADDRESS,
        startsPerAddress: e.CHAT_STARTS_PER_ADDRESS,
        startWindowMs: e.CHAT_START_WINDOW_SECONDS * 1000,
      },
      operatorRecheckMs: e.OPERATOR_RECHECK_SECONDS * 1000,
    },
  };
}
