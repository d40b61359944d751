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
};

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
  };
}
