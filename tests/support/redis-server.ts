/**
 * Starts a real redis-server on a free port for tests (never the shared one on 6379, so tests
 * cannot touch anyone's data and can stop or restart their own server).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  process: ChildProcess;
  stop(): Promise<void>;
  /** Starts the server again on the same port and data folder (after stop). */
  restart(): Promise<TestRedis>;
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const { createConnection } = await import('node:net');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not listen on ${port}`);
}

/** Starts redis-server; `appendonly` keeps data across restart() (for the fault tests). */
export async function startRedis(
  options: { appendonly?: boolean; port?: number; dir?: string } = {},
): Promise<TestRedis> {
  const port = options.port ?? (await freePort());
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'ghnt-redis-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--dir',
    dir,
    '--appendonly',
    options.appendonly ? 'yes' : 'no',
  ];
  if (options.appendonly) args.push('--appendfsync', 'always');
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  await waitForPort(port, child);
  const handle: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        // A server killed by a signal has no exit code, only a signal code.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    restart: async () => {
      await handle.stop();
      return startRedis({ ...options, port, dir });
    },
  };
  return handle;
}

/** Removes a test server's data folder. */
export function removeRedisDir(redis: TestRedis): void {
  rmSync(redis.dir, { recursive: true, force: true });
}
