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
  /** Number of reverse proxies in front of this server (Express `trust proxy`). @default 0 */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** The site's public origin (e.g. https://example.nl) for the operator Origin check; unset = the request's Host. @default unset */
  PUBLIC_ORIGIN: z.string().url().optional(),
  /** A visitor who is gone longer than this is ended with `timeout`. @default 600 */
  CHAT_RESUME_WINDOW_SECONDS: z.coerce.number().int().min(5).max(86_400).default(600),
  /** After this wait a regional visitor may be taken by any operator. @default 120 */
  CHAT_OVERFLOW_SECONDS: z.coerce.number().int().min(0).max(86_400).default(120),
  /** Longest queue; more visitors get `queue-full`. @default 50 */
  CHAT_MAX_QUEUE: z.coerce.number().int().min(1).max(100_000).default(50),
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
  /** Failed logins for one username before it is locked. @default 5 */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Lockout after the last failed login. @default 15 */
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().min(0.01).max(1440).default(15),
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
  publicOrigin: string | undefined;
  operatorsFile: string;
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
}

/** Reads and checks the environment; throws one error listing every bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
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
    publicOrigin: e.PUBLIC_ORIGIN ? new URL(e.PUBLIC_ORIGIN).origin : undefined,
    operatorsFile: resolve(e.OPERATORS_FILE),
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
    },
  };
}
