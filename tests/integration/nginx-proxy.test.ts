/**
 * The shipped proxy config works (issue 15 item 3): Debian's nginx with deploy/nginx/chat.conf
 * (only the ports and the error log path filled in) in front of two chat processes on one
 * Redis. Visitors that can only long-poll (`transports: ['polling']`, as behind a network that
 * blocks WebSocket), each from its own loopback address, talk with an operator on WebSocket,
 * all through nginx: every message arrives, once, in order, both ways. Before the config was
 * sticky by address, such a visitor got "xhr post error" (its polls reached both processes).
 *
 * Needs /usr/sbin/nginx (Debian package `nginx`; tests/system-deps.sh installs it as root):
 * skipped with a message naming it otherwise.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Operator, Visitor } from '../support/chat-clients';
import { createOperators, loginOperator, startChatProcess, type ChatProcess } from '../support/chat-process';
import { freePort, removeRedisDir, startRedis, type TestRedis } from '../support/redis-server';

const NGINX = '/usr/sbin/nginx';
const SHIPPED = resolve('deploy/nginx/chat.conf');
const haveNginx = existsSync(NGINX);
if (!haveNginx)
  console.warn(
    `nginx-proxy.test.ts skipped: ${NGINX} is missing (Debian package "nginx"; as root, tests/system-deps.sh installs it).`,
  );

/** The shipped config with this run's ports and a writable error log; nothing else changed. */
export function fillIn(conf: string, options: { listen: number; upstreams: number[]; errorLog: string }): string {
  const serverLine = /^(\s*)server 127\.0\.0\.1:\d+(.*);$/;
  let upstreamsWritten = false;
  const lines = conf.split('\n').flatMap((line) => {
    const match = serverLine.exec(line);
    if (!match) return [line];
    if (upstreamsWritten) return [];
    upstreamsWritten = true;
    return options.upstreams.map((port) => `${match[1]}server 127.0.0.1:${port}${match[2]};`);
  });
  const filled = lines
    .join('\n')
    .replace(/^(\s*)listen \d+;$/m, `$1listen 127.0.0.1:${options.listen};`)
    .replace(/^(\s*)error_log \S+ (\w+);$/m, `$1error_log ${options.errorLog} $2;`);
  if (
    !upstreamsWritten ||
    !filled.includes(`listen 127.0.0.1:${options.listen};`) ||
    !filled.includes(options.errorLog)
  )
    throw new Error('deploy/nginx/chat.conf no longer has the upstream, listen or error_log lines this test fills in');
  return filled;
}

describe.skipIf(!haveNginx)('nginx with deploy/nginx/chat.conf in front of two processes', () => {
  let redis: TestRedis;
  let processes: ChatProcess[] = [];
  let nginx: ChildProcess | undefined;
  let dir: string;
  let base: string;
  let nginxOutput = '';
  const clients: { close(): void }[] = [];
  const agents: Agent[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ghnt-nginx-'));
    // nginx's workers run as an unprivileged user when the tests run as root.
    chmodSync(dir, 0o755);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    redis = await startRedis();
    await createOperators(redis.url, [{ username: 'olga' }]);
    processes = await Promise.all(
      [0, 1].map(() => startChatProcess({ redisUrl: redis.url, env: { TRUST_PROXY: '1', PUBLIC_ORIGIN: base } })),
    );
    const chatConf = fillIn(readFileSync(SHIPPED, 'utf8'), {
      listen: port,
      upstreams: processes.map((p) => p.port),
      errorLog: join(dir, 'chat-error.log'),
    });
    writeFileSync(join(dir, 'chat.conf'), chatConf);
    writeFileSync(
      join(dir, 'nginx.conf'),
      [
        'daemon off;',
        'worker_processes 1;',
        `pid ${join(dir, 'nginx.pid')};`,
        `error_log ${join(dir, 'error.log')} error;`,
        'events { worker_connections 1024; }',
        'http {',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
          (kind) => `  ${kind}_temp_path ${join(dir, `${kind}-temp`)};`,
        ),
        // The shipped server block switches its own access log off; none at the http level either.
        '  access_log off;',
        `  include ${join(dir, 'chat.conf')};`,
        '}',
      ].join('\n'),
    );
    const args = ['-p', `${dir}/`, '-e', join(dir, 'startup-error.log'), '-c', join(dir, 'nginx.conf')];
    const test = spawn(NGINX, [...args, '-t'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let testOutput = '';
    test.stderr!.on('data', (chunk: Buffer) => (testOutput += chunk.toString()));
    const code = await new Promise<number | null>((done) => test.once('exit', done));
    if (code !== 0) throw new Error(`nginx -t refused the config:\n${testOutput}`);
    nginx = spawn(NGINX, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stderr!.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString()));
    // Listening once /healthz answers through it.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const status = await fetch(`${base}/healthz`).then(
        (res) => res.status,
        () => 0,
      );
      if (status === 200) break;
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${base}:\n${nginxOutput}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const agent of agents) agent.destroy();
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((done) => nginx!.once('exit', done));
      // Fast shutdown (a graceful one waits for WebSocket connections to end by themselves).
      nginx.kill('SIGTERM');
      await exited;
    }
    await Promise.all(processes.map((p) => p.stop()));
    await redis?.stop();
    if (redis) removeRedisDir(redis);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('polling-only visitors and a WebSocket operator: every message once, in order, both ways', async () => {
    const operator = await Operator.connect(base, await loginOperator(base, 'olga'));
    clients.push(operator);
    expect(operator.socket.io.engine.transport.name).toBe('websocket');

    // Three visitors (the operator's capacity), each from its own address: nginx hashes them
    // across the two processes; all their polls stay on one process each.
    const visitors = [2, 3, 4].map((n) => {
      const agent = new Agent({ keepAlive: true, localAddress: `127.0.0.${n}` });
      agents.push(agent);
      const visitor = new Visitor(base, { transports: ['polling'], agent: agent as never });
      clients.push(visitor);
      return visitor;
    });
    for (const visitor of visitors) {
      await visitor.start();
      const accepted = await operator.request('operator:accept', { conversationId: visitor.conversationId });
      expect(accepted.ok).toBe(true);
    }
    await Promise.all(visitors.map((v) => expect.poll(() => v.accepted, { timeout: 15_000 }).toBe(1)));

    const ROUNDS = 8;
    await Promise.all(
      visitors.map(async (visitor, i) => {
        for (let round = 1; round <= ROUNDS; round++) {
          await visitor.send(`visitor ${i} says ${round}`);
          await operator.send(visitor.conversationId!, `operator to ${i}: ${round}`);
        }
      }),
    );

    for (const [i, visitor] of visitors.entries()) {
      const id = visitor.conversationId!;
      const fromVisitor = Array.from({ length: ROUNDS }, (_, r) => `visitor ${i} says ${r + 1}`);
      const toVisitor = Array.from({ length: ROUNDS }, (_, r) => `operator to ${i}: ${r + 1}`);
      await expect
        .poll(() => (operator.received.get(id) ?? []).filter((m) => m.from === 'visitor').map((m) => m.text), {
          timeout: 15_000,
        })
        .toEqual(fromVisitor);
      await expect
        .poll(() => visitor.shown.filter((m) => m.from === 'operator').map((m) => m.text), { timeout: 15_000 })
        .toEqual(toVisitor);
      // Each delivered once (no retry was needed through the proxy), and still on long-polling.
      expect(new Set(visitor.live).size).toBe(visitor.live.length);
      expect(visitor.connects).toBe(1);
      expect(visitor.socket.io.engine.transport.name).toBe('polling');
    }
    expect(operator.deliveries).toBe(visitors.length * ROUNDS);

    // nginx wrote no client address anywhere (no access log; error lines only at crit).
    for (const log of ['chat-error.log', 'error.log']) {
      const path = join(dir, log);
      if (existsSync(path)) expect(readFileSync(path, 'utf8')).not.toMatch(/127\.0\.0\.[234]/);
    }
    expect(existsSync(join(dir, 'logs', 'access.log'))).toBe(false);
  }, 90_000);
});
