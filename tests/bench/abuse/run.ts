/**
 * Replays the six attacks of issue 19 against a real chat server process with the production
 * defaults (memory store, TRUST_PROXY=1 so each client can give its address in
 * X-Forwarded-For), and prints what happened as JSON. The figures in docs/security.md come
 * from here. Not a timed test.
 *
 *   npx tsx tests/bench/abuse/run.ts [--server-dir DIR] [--orphan-wait-seconds 100]
 *
 * --server-dir runs `chat-server/src/main.ts` of another checkout (e.g. the code before the fix,
 * extracted with `git archive`), so before and after are measured by the same script.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { hashPassword } from '../../../chat-server/src/auth/passwords';
import { freePort } from '../../support/redis-server';

const { values } = parseArgs({
  options: { 'server-dir': { type: 'string' }, 'orphan-wait-seconds': { type: 'string' } },
});
const serverDir = resolve(values['server-dir'] ?? '.');
const orphanWaitMs = Number(values['orphan-wait-seconds'] ?? 0) * 1000;
const PASSWORD = 'the right long password';
const OFFICE = '198.51.100.7';

type Ack = { ok: boolean; error?: string; message?: string; data?: Record<string, unknown> };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh server process (so one attack's backlog never colours the next one's figures). */
async function startServer() {
  const work = mkdtempSync(join(tmpdir(), 'ghnt-abuse-'));
  const operatorsFile = join(work, 'operators.json');
  const hash = await hashPassword(PASSWORD);
  const account = (username: string) => ({
    username,
    role: 'operator',
    region: 'national',
    displayName: `Alias ${username}`,
    passwordHash: hash,
    createdAt: new Date().toISOString(),
  });
  const names = ['duty', 'anna', 'race', 'rev', 'rem'];
  writeFileSync(operatorsFile, JSON.stringify(Object.fromEntries(names.map((n) => [n, account(n)]))));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('CHAT_') && !k.startsWith('LOGIN_') && k !== 'REDIS_URL'),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', join(serverDir, 'chat-server/src/main.ts')], {
    cwd: serverDir,
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      CHAT_ALWAYS_OPEN: 'true',
      TRUST_PROXY: '1',
      DIST_DIR: work,
      OPERATORS_FILE: operatorsFile,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += String(chunk);
      if (out.includes('Stop:')) ok();
    });
  });

  const login = (username: string, password: string, address: string, timeoutMs = 30_000) =>
    fetch(`${base}/api/operator/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, 'x-forwarded-for': address },
      body: JSON.stringify({ username, password }),
      signal: AbortSignal.timeout(timeoutMs),
    }).then(
      (r) => r.status,
      () => 0,
    );
  const cookieOf = async (username: string) => {
    const res = await fetch(`${base}/api/operator/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, 'x-forwarded-for': OFFICE },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  };
  const open = (namespace: string, headers: Record<string, string>) =>
    new Promise<Socket | string>((ok) => {
      const socket = connect(`${base}${namespace}`, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: headers,
      });
      socket.once('connect', () => ok(socket));
      socket.once('connect_error', (e) => ok(e.message));
    });
  const ack = (socket: Socket, event: string, payload: unknown) =>
    socket
      .timeout(10_000)
      .emitWithAck(event, payload)
      .catch(() => ({ ok: false, error: 'no answer' })) as Promise<Ack>;
  const operator = async (username: string) => {
    const socket = (await open('/operator', { origin: base, cookie: await cookieOf(username) })) as Socket;
    await ack(socket, 'operator:status', { status: 'available' });
    return socket;
  };
  const visitor = async (address: string, payload: Record<string, unknown> = {}, origin?: string) => {
    const socket = await open('/visitor', { 'x-forwarded-for': address, ...(origin ? { origin } : {}) });
    if (typeof socket === 'string')
      return { socket: undefined, ack: { ok: false, error: `connect: ${socket}` } as Ack };
    return {
      socket,
      ack: await ack(socket, 'visitor:start', { lang: 'nl', about: 'self', inDanger: false, ...payload }),
    };
  };
  const count = <T>(list: T[], pick: (t: T) => string | number) =>
    list.reduce<Record<string, number>>((acc, item) => ({ ...acc, [pick(item)]: (acc[pick(item)] ?? 0) + 1 }), {});
  const status = async () => (await fetch(`${base}/api/chat/status`)).json() as Promise<Record<string, unknown>>;
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((ok) => child.once('exit', ok));
    rmSync(work, { recursive: true, force: true });
  };
  return { base, operatorsFile, account, login, open, ack, operator, visitor, count, status, stop };
}

async function main() {
  const results: Record<string, unknown> = {};

  // 1. Queue flood: 60 sockets from one address, all claiming danger.
  {
    const { operator, visitor, count, status, stop } = await startServer();
    const duty = await operator('duty');
    const flood = await Promise.all(Array.from({ length: 60 }, () => visitor('203.0.113.66', { inDanger: true })));
    const honest = await visitor('192.0.2.10', { inDanger: true });
    const shelter = [await visitor('192.0.2.20'), await visitor('192.0.2.20')];
    const figures: Record<string, unknown> = {
      attackerStarts: count(flood, (f) =>
        f.ack.ok ? 'queued' : `${f.ack.error}${f.ack.message ? `/${f.ack.message}` : ''}`,
      ),
      honestInDanger: honest.ack.ok ? 'queued' : honest.ack.error,
      shelterVisitors: shelter.map((s) => (s.ack.ok ? 'queued' : s.ack.error)),
      statusDuringFlood: (await status()).reason ?? 'open',
    };
    for (const f of flood) f.socket?.disconnect();
    if (orphanWaitMs > 0) {
      await sleep(orphanWaitMs);
      figures[`waitingAfter${orphanWaitMs / 1000}sGone`] = (await status()).waiting;
    }
    for (const s of [honest, ...shelter]) s.socket?.disconnect();
    duty.disconnect();
    results['1-queue-flood'] = figures;
    await stop();
  }

  // 2. Another web page opens a chat.
  {
    const { operator, visitor, stop } = await startServer();
    const duty = await operator('duty');
    const evil = await visitor('192.0.2.11', {}, 'http://evil.example');
    results['2-foreign-origin'] = { visitorFromEvilOrigin: evil.ack.ok ? 'queued' : evil.ack.error };
    evil.socket?.disconnect();
    duty.disconnect();
    await stop();
  }

  // 3. Lockout race: parallel wrong passwords for one account (limit 5).
  {
    const figures: Record<string, unknown> = {};
    for (const n of [40, 100]) {
      const { login, count, stop } = await startServer();
      const began = Date.now();
      const answers = await Promise.all(
        Array.from({ length: n }, () => login('race', 'wrong password!', '203.0.113.40', 120_000)),
      );
      figures[`parallel${n}`] = { ...count(answers, (s) => s), seconds: (Date.now() - began) / 1000 };
      await stop();
    }
    figures.note = '401 = the password was checked; 429 = refused before any check';
    results['3-lockout-race'] = figures;
  }

  // 4. Lockout as denial of service.
  {
    const { login, stop } = await startServer();
    for (let i = 0; i < 5; i++) await login('anna', 'wrong password!', '203.0.113.6');
    results['4-lockout-dos'] = {
      ownerFromOwnAddress: await login('anna', PASSWORD, OFFICE),
      attackerRightPassword: await login('anna', PASSWORD, '203.0.113.6'),
    };
    await stop();
  }

  // 5. Spraying, and a login flood against a staff login.
  {
    const { login, count, stop } = await startServer();
    const spray: number[] = [];
    for (let i = 0; i < 30; i++) spray.push(await login(`user${i}`, 'Welkom2026!', '203.0.113.7'));
    await stop();
    // A fresh server for the flood: the spray's counters must not soften it.
    const fresh = await startServer();
    // What one password check costs on this machine now, for scale.
    const oneBegan = Date.now();
    await fresh.login('anna', PASSWORD, OFFICE, 60_000);
    const oneCheckMs = Date.now() - oneBegan;
    const began = Date.now();
    const floodLogins = Array.from({ length: 200 }, (_, i) =>
      fresh.login(`nobody${i}`, 'wrong password!', '203.0.113.8', 10_000),
    );
    await sleep(20);
    const staffBegan = Date.now();
    const staff = await fresh.login('anna', PASSWORD, OFFICE, 60_000);
    const staffMs = Date.now() - staffBegan;
    const floodAnswers = await Promise.all(floodLogins);
    results['5-spray-and-flood'] = {
      spray30Usernames: count(spray, (s) => s),
      flood200: count(floodAnswers, (s) => (s === 0 ? 'no answer in 10 s' : s)),
      floodSeconds: (Date.now() - began) / 1000,
      staffLogin: { status: staff, ms: staffMs },
      oneLoginAloneMs: oneCheckMs,
    };
    await fresh.stop();
  }

  // 6. Revocation: password reset, and a removed account.
  {
    const { base, operatorsFile, account, operator, visitor, ack, stop } = await startServer();
    const cookieOf = async (username: string) => {
      const res = await fetch(`${base}/api/operator/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base, 'x-forwarded-for': OFFICE },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    };
    const held = async (username: string, address: string) => {
      const socket = await operator(username);
      const v = await visitor(address);
      const conversationId = v.ack.data?.conversationId as string;
      const accepted = await ack(socket, 'operator:accept', { conversationId });
      if (!accepted.ok) throw new Error(`accept: ${accepted.error}`);
      return { socket, conversationId, visitor: v.socket };
    };
    const rewrite = (change: (accounts: Record<string, unknown>) => void) => {
      const accounts = JSON.parse(readFileSync(operatorsFile, 'utf8')) as Record<string, unknown>;
      change(accounts);
      writeFileSync(operatorsFile, JSON.stringify(accounts));
    };
    const say = (socket: Socket, conversationId: string) =>
      ack(socket, 'chat:send', { conversationId, clientId: randomUUID(), text: 'hallo' });
    const revCookie = await cookieOf('rev');
    const rev = await held('rev', '192.0.2.60');
    const newHash = await hashPassword('a brand new long password');
    rewrite((a) => (a.rev = { ...account('rev'), passwordHash: newHash }));
    const meAfterReset = (await fetch(`${base}/api/operator/me`, { headers: { cookie: revCookie } })).status;
    const sendAfterReset = await say(rev.socket, rev.conversationId);
    await sleep(3_000);
    const rem = await held('rem', '192.0.2.61');
    rewrite((a) => delete a.rem);
    const sendAfterRemoval = await say(rem.socket, rem.conversationId);
    await sleep(3_000);
    results['6-revocation'] = {
      passwordReset: {
        oldCookieMe: meAfterReset,
        chatSend: sendAfterReset.ok ? 'sent' : sendAfterReset.error,
        socketOpenAfter3s: rev.socket.connected,
      },
      removedAccount: {
        chatSend: sendAfterRemoval.ok ? 'sent' : sendAfterRemoval.error,
        socketOpenAfter3s: rem.socket.connected,
      },
    };
    for (const s of [rev.socket, rem.socket, rev.visitor, rem.visitor]) s?.disconnect();
    await stop();
  }

  console.log(JSON.stringify({ server: serverDir, results }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
