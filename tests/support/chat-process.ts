/**
 * Runs the real chat server as a child process (`node build/chat-server/main.js`, as compiled),
 * the way `npm start` does, so tests can kill it with SIGKILL. Also creates operator accounts
 * in Redis the way operator:add does, and logs operators in over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../../chat-server/src/auth/passwords';
import { connectRedis, createRedisAccountStore } from '../../chat-server/src/chat/store/redis-store';
import { createFileAccountStore } from '../../chat-server/src/chat/store/file-account-store';
import type { OperatorAccount } from '../../chat-server/src/chat/store/chat-store';
import { freePort } from './redis-server';
import { SERVER_MAIN } from './server-build';

export const OPERATOR_PASSWORD = 'a long test password for the cluster';

const withoutRedis = ({ REDIS_URL: _unused, ...env }: NodeJS.ProcessEnv) => env;

export interface ChatProcess {
  port: number;
  base: string;
  child: ChildProcess;
  /** Resolves with the exit code or signal when the process has ended. */
  exited: Promise<string>;
  /** SIGKILL: no clean-up of any kind. */
  kill9(): Promise<string>;
  /** SIGTERM and wait. */
  stop(): Promise<string>;
  /** What the process wrote to stderr (warnings, errors), for failure messages. */
  stderr(): string;
}

/**
 * Starts a chat process on a free port and resolves once it listens (its start banner), i.e.
 * after it joined the cluster. `env` overrides the defaults (e.g. rate limits for a benchmark).
 */
export async function startChatProcess(options: {
  /** Unset = the memory store (one process); give OPERATORS_FILE in `env` then. */
  redisUrl?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<ChatProcess> {
  const port = await freePort();
  const dist = mkdtempSync(join(tmpdir(), 'ghnt-dist-'));
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: {
      ...withoutRedis(process.env),
      PORT: String(port),
      HOST: '127.0.0.1',
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      CHAT_ALWAYS_OPEN: 'true',
      NODE_ENV: 'test',
      // An empty site: these processes serve the chat; the pages are tested elsewhere.
      DIST_DIR: dist,
      // Every test client comes from 127.0.0.1; the abuse tests check the per-address limits.
      CHAT_VISITOR_SOCKETS_PER_ADDRESS: '100000',
      CHAT_STARTS_PER_ADDRESS: '100000',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '10000',
      LOGIN_HASH_QUEUE_PER_ADDRESS: '1000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      rmSync(dist, { recursive: true, force: true });
      resolve(signal ?? String(code));
    });
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`chat process on ${port} did not start:\n${stderr}`)),
      options.timeoutMs ?? 60_000,
    );
    const onData = (chunk: string) => {
      stdout += chunk;
      if (!stdout.includes('Stop:')) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      resolve();
    };
    child.stdout!.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`chat process exited (${how}) at start:\n${stderr}`));
    });
  });
  const signal = (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    return exited;
  };
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    child,
    exited,
    kill9: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
    stderr: () => stderr,
  };
}

/**
 * Creates operator accounts as `npm run operator:add` does: in Redis (a redis:// URL) or in an
 * operators file (a path, for the memory store).
 */
export async function createOperators(
  redisUrlOrFile: string,
  accounts: (Partial<OperatorAccount> & { username: string })[],
): Promise<void> {
  const client = redisUrlOrFile.startsWith('redis://') ? await connectRedis(redisUrlOrFile, () => {}) : undefined;
  try {
    const store = client ? createRedisAccountStore(client) : createFileAccountStore(redisUrlOrFile);
    const passwordHash = await hashPassword(OPERATOR_PASSWORD);
    for (const account of accounts)
      await store.put({
        role: 'operator',
        region: 'national',
        displayName: `Alias ${account.username}`,
        passwordHash,
        createdAt: new Date().toISOString(),
        ...account,
      });
  } finally {
    await client?.close();
  }
}

/** Logs in over HTTP at `base` and returns the session cookie (valid on every process). */
export async function loginOperator(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/operator/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username, password: OPERATOR_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Polls `url` until `accept(status)` (for readiness flips, which no event announces). */
export async function waitForStatus(
  url: string,
  accept: (status: number) => boolean,
  timeoutMs = 30_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = 0;
  while (Date.now() < deadline) {
    last = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (res) => res.status,
      () => 0,
    );
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} still answered ${last} after ${timeoutMs} ms`);
}
