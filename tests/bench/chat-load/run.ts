/**
 * Chat load benchmark (not part of `npm test`): prints JSON and writes it to
 * tests/bench/out/chat-load.json.
 *
 *   npm run -s bench:chat-load -- [--waiting 5000] [--relay-connections 2000] [--conversations 100]
 *     [--cluster-conversations 200] [--cluster-waiting 1000] [--duration 300] [--relay-seconds 30]
 *     [--interval-ms 1000] [--workers 3] [--phases bare,single,cluster]
 *
 * Phases, each in fresh processes on 127.0.0.1:
 * - bare: a Socket.IO relay with no application logic, `relay-connections` sockets of which
 *   `conversations` visitor/operator pairs talk for `relay-seconds`: the baseline relay latency.
 * - single: one chat process (memory store) with the same connections and talk (our latency,
 *   and its ratio to the baseline); then `waiting` queued visitors in all: memory per
 *   connection, and the time until a queue change reaches every waiting visitor.
 * - cluster: two chat processes on one Redis, `cluster-conversations` conversations with the
 *   visitor on one process and the operator on the other, talking for `duration` seconds, plus
 *   `cluster-waiting` queued visitors on both: messages lost, latency, queue fan-out.
 * Every talking side sends one message per `interval-ms`.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { io as connect, type Socket } from 'socket.io-client';
import { createOperators, loginOperator, startChatProcess, type ChatProcess } from '../../support/chat-process';
import { freePort, removeRedisDir, startRedis } from '../../support/redis-server';
import { clock, summarize } from './stats';
import type { WorkerCommand } from './worker';

const { values } = parseArgs({
  options: {
    waiting: { type: 'string', default: '5000' },
    'relay-connections': { type: 'string', default: '2000' },
    conversations: { type: 'string', default: '100' },
    'cluster-conversations': { type: 'string', default: '200' },
    'cluster-waiting': { type: 'string', default: '1000' },
    duration: { type: 'string', default: '300' },
    'relay-seconds': { type: 'string', default: '30' },
    'interval-ms': { type: 'string', default: '1000' },
    workers: { type: 'string', default: '3' },
    phases: { type: 'string', default: 'bare,single,cluster' },
  },
});
const n = (name: keyof typeof values) => Number(values[name]);
const settings = {
  waiting: n('waiting'),
  relayConnections: n('relay-connections'),
  conversations: n('conversations'),
  clusterConversations: n('cluster-conversations'),
  clusterWaiting: n('cluster-waiting'),
  durationSeconds: n('duration'),
  relaySeconds: n('relay-seconds'),
  intervalMs: n('interval-ms'),
  workers: n('workers'),
  phases: String(values.phases).split(','),
  /** Operators hold this many conversations each (the most CHAT_OPERATOR_CAPACITY allows). */
  capacity: 20,
};
const DRAIN_MS = 3_000;
/** Through config, not by weakening defaults: a benchmark sends more than a person types. */
const SERVER_ENV = {
  CHAT_MAX_QUEUE: '20000',
  CHAT_RATE_BURST: '1000',
  CHAT_RATE_PER_SECOND: '1000',
  CHAT_OPERATOR_CAPACITY: String(settings.capacity),
};

const log = (...parts: unknown[]) => console.error(new Date().toISOString().slice(11, 19), ...parts);

// ---- client workers ------------------------------------------------------------------------
interface Worker {
  child: ChildProcess;
  call<T = Record<string, unknown>>(request: WorkerCommand): Promise<T>;
}

function startWorker(): Worker {
  const child = fork(new URL('./worker.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=2048'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  let next = 0;
  child.on('message', (m: { id: number; result?: unknown; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error) p?.reject(new Error(m.error));
    else p?.resolve(m.result as never);
  });
  child.once('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`worker exited (${code})`));
  });
  return {
    child,
    call: (request) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        child.send({ ...request, id });
      }),
  };
}

const split = (total: number, parts: number) =>
  Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));

function rssMiB(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function connected(workers: Worker[]) {
  const counts = await Promise.all(
    workers.map((w) => w.call<{ connected: number; opened: number; failedWaiting: number }>({ type: 'count' })),
  );
  return {
    held: counts.reduce((s, c) => s + c.connected, 0),
    opened: counts.reduce((s, c) => s + c.opened, 0),
    visitorsRefused: counts.reduce((s, c) => s + c.failedWaiting, 0),
  };
}

type TalkResult = {
  sent: number;
  acked: number;
  failed: number;
  received: number;
  duplicates: number;
  lost: number;
  lostSamples: string[];
  latencies: number[];
};

async function talk(workers: Worker[], seconds: number) {
  const results = await Promise.all(
    workers.map((w) =>
      w.call<TalkResult>({
        type: 'talk',
        intervalMs: settings.intervalMs,
        durationMs: seconds * 1000,
        drainMs: DRAIN_MS,
      }),
    ),
  );
  const sum = (key: 'sent' | 'acked' | 'failed' | 'received' | 'duplicates' | 'lost') =>
    results.reduce((s, r) => s + r[key], 0);
  return {
    seconds,
    messagesSent: sum('sent'),
    acknowledged: sum('acked'),
    failedSends: sum('failed'),
    delivered: sum('received'),
    duplicateDeliveries: sum('duplicates'),
    lost: sum('lost'),
    lostSamples: results.flatMap((r) => r.lostSamples).slice(0, 5),
    relayLatencyMs: summarize(results.flatMap((r) => r.latencies)),
  };
}

/** Accepts the next visitor and measures until every waiting visitor heard it moved up. */
async function queueFanOut(trigger: Socket, workers: Worker[], rounds = 3) {
  const out = [];
  for (let round = 0; round < rounds; round++) {
    const since = clock();
    const ack = (await trigger.timeout(30_000).emitWithAck('operator:accept', {})) as { ok: boolean; error?: string };
    if (!ack.ok) throw new Error(`trigger accept: ${ack.error}`);
    let delays: (number | null)[];
    let missed: unknown[];
    const deadline = Date.now() + 15_000;
    for (;;) {
      const replies = await Promise.all(
        workers.map((w) => w.call<{ delays: (number | null)[]; missed: unknown[] }>({ type: 'updates', since })),
      );
      delays = replies.flatMap((r) => r.delays);
      missed = replies.flatMap((r) => r.missed);
      // Everyone but the visitor just accepted (who hears chat:accepted instead).
      const reached = delays.filter((d) => d !== null).length;
      if (reached >= delays.length - 1 - round || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const reached = delays.filter((d): d is number => d !== null);
    out.push({
      waiting: delays.length - round - 1,
      reached: reached.length,
      ...summarize(reached),
      // Who did not hear it (position before, positions heard after), for diagnosis.
      missedSamples: missed.slice(0, 4),
    });
  }
  return out;
}

async function operatorSocket(base: string, cookie: string): Promise<Socket> {
  const socket = connect(`${base}/operator`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie, origin: base },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  await socket.timeout(30_000).emitWithAck('operator:status', { status: 'available' });
  return socket;
}

async function cookies(base: string, names: string[]) {
  const out: string[] = [];
  for (const name of names) out.push(await loginOperator(base, name));
  return out;
}

// ---- phases --------------------------------------------------------------------------------
async function barePhase() {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./bare-relay-server.ts', import.meta.url).pathname],
    {
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve) =>
    server.stdout!.on('data', (d: Buffer) => String(d).includes('Stop:') && resolve()),
  );
  const url = `http://127.0.0.1:${port}`;
  const workers = Array.from({ length: settings.workers }, startWorker);
  try {
    const rss0 = rssMiB(server.pid);
    const pairs = settings.conversations + Math.ceil(settings.conversations / settings.capacity);
    await workers[0]!.call({
      type: 'conversations',
      kind: 'bare',
      visitorUrl: url,
      operatorUrl: url,
      count: settings.conversations,
      capacity: settings.capacity,
      cookies: [],
      tag: 'bare',
    });
    const idle = split(settings.relayConnections - pairs, workers.length);
    await Promise.all(workers.map((w, i) => w.call({ type: 'waiting', kind: 'bare', url, count: idle[i]! })));
    const connections = await connected(workers);
    log('bare: talking', connections);
    const relay = await talk(workers, settings.relaySeconds);
    return { connections, relay, serverRssMiB: { before: rssMiB(server.pid), idle: rss0 } };
  } finally {
    await Promise.all(workers.map((w) => w.call({ type: 'close' }).catch(() => {})));
    server.kill('SIGTERM');
  }
}

async function singlePhase() {
  const dir = mkdtempSync(join(tmpdir(), 'ghnt-bench-'));
  const operatorsFile = join(dir, 'operators.json');
  const names = [
    'trigger',
    ...Array.from({ length: Math.ceil(settings.conversations / settings.capacity) }, (_, i) => `op${i}`),
  ];
  await createOperators(
    operatorsFile,
    names.map((username) => ({ username })),
  );
  const server = await startChatProcess({ env: { ...SERVER_ENV, OPERATORS_FILE: operatorsFile } });
  const workers = Array.from({ length: settings.workers }, startWorker);
  try {
    const [triggerCookie, ...operatorCookies] = await cookies(server.base, names);
    const trigger = await operatorSocket(server.base, triggerCookie!);
    const rssIdle = rssMiB(server.child.pid);
    await workers[0]!.call({
      type: 'conversations',
      kind: 'app',
      visitorUrl: server.base,
      operatorUrl: server.base,
      count: settings.conversations,
      capacity: settings.capacity,
      cookies: operatorCookies,
      tag: 'single',
    });
    const talking = settings.conversations + operatorCookies.length + 1;
    const firstWaiting = split(settings.relayConnections - talking, workers.length);
    await Promise.all(
      workers.map((w, i) => w.call({ type: 'waiting', kind: 'app', url: server.base, count: firstWaiting[i]! })),
    );
    const atRelay = await connected(workers);
    log('single: talking', atRelay);
    const relay = await talk(workers, settings.relaySeconds);

    const more = split(settings.waiting - (settings.relayConnections - talking), workers.length);
    log('single: adding waiting visitors', more);
    await Promise.all(
      workers.map((w, i) => w.call({ type: 'waiting', kind: 'app', url: server.base, count: more[i]! })),
    );
    const atPeak = await connected(workers);
    const rssPeak = rssMiB(server.child.pid);
    log('single: queue fan-out', atPeak);
    const fanOut = await queueFanOut(trigger, workers);
    trigger.disconnect();
    return {
      store: 'memory',
      relay: { connections: atRelay, ...relay },
      peak: {
        connections: atPeak,
        serverRssMiB: { idle: round(rssIdle), peak: round(rssPeak) },
        memoryPerConnectionKiB: round(((rssPeak - rssIdle) * 1024) / (atPeak.held + 1)),
        queueFanOutMs: fanOut,
      },
    };
  } finally {
    await Promise.all(workers.map((w) => w.call({ type: 'close' }).catch(() => {})));
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function clusterPhase() {
  const redis = await startRedis();
  const perSide = split(settings.clusterConversations, 2);
  const names = [
    'trigger',
    ...perSide.flatMap((count, side) =>
      Array.from({ length: Math.ceil(count / settings.capacity) }, (_, i) => `op${side}-${i}`),
    ),
  ];
  await createOperators(
    redis.url,
    names.map((username) => ({ username })),
  );
  const servers: ChatProcess[] = await Promise.all([
    startChatProcess({ redisUrl: redis.url, env: SERVER_ENV }),
    startChatProcess({ redisUrl: redis.url, env: SERVER_ENV }),
  ]);
  const [a, b] = servers as [ChatProcess, ChatProcess];
  const workers = Array.from({ length: Math.max(2, settings.workers) }, startWorker);
  try {
    const trigger = await operatorSocket(a.base, await loginOperator(a.base, 'trigger'));
    const rssIdle = servers.map((s) => rssMiB(s.child.pid));
    // Half the conversations: visitor on A, operator on B; the other half the other way round.
    for (const [side, count] of perSide.entries()) {
      const [visitorAt, operatorAt] = side === 0 ? [a, b] : [b, a];
      const sideNames = names.filter((name) => name.startsWith(`op${side}-`));
      await workers[side]!.call({
        type: 'conversations',
        kind: 'app',
        visitorUrl: visitorAt.base,
        operatorUrl: operatorAt.base,
        count,
        capacity: settings.capacity,
        cookies: await cookies(operatorAt.base, sideNames),
        tag: `cluster${side}`,
      });
    }
    const waitingCounts = split(settings.clusterWaiting, workers.length);
    await Promise.all(
      workers.map((w, i) =>
        w.call({ type: 'waiting', kind: 'app', url: servers[i % 2]!.base, count: waitingCounts[i]! }),
      ),
    );
    const connections = await connected(workers);
    log('cluster: talking', connections, `${settings.durationSeconds} s`);
    const relay = await talk(workers, settings.durationSeconds);
    const fanOut = await queueFanOut(trigger, workers);
    const rssPeak = servers.map((s) => rssMiB(s.child.pid));
    trigger.disconnect();
    return {
      store: 'redis',
      processes: 2,
      connections,
      relay,
      queueFanOutMs: fanOut,
      serverRssMiB: servers.map((_, i) => ({ idle: round(rssIdle[i]!), peak: round(rssPeak[i]!) })),
    };
  } finally {
    await Promise.all(workers.map((w) => w.call({ type: 'close' }).catch(() => {})));
    await Promise.all(servers.map((s) => s.stop()));
    await redis.stop();
    removeRedisDir(redis);
  }
}

const round = (x: number) => Math.round(x * 10) / 10;

async function main() {
  const startedAt = new Date().toISOString();
  const result: Record<string, unknown> = {
    benchmark: 'chat-load',
    startedAt,
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAverageAtStart: loadavg().map(round) },
    settings,
  };
  if (settings.phases.includes('bare')) result.bare = await barePhase();
  if (settings.phases.includes('single')) result.single = await singlePhase();
  if (settings.phases.includes('cluster')) result.cluster = await clusterPhase();
  const bare = result.bare as Awaited<ReturnType<typeof barePhase>> | undefined;
  const single = result.single as Awaited<ReturnType<typeof singlePhase>> | undefined;
  const cluster = result.cluster as Awaited<ReturnType<typeof clusterPhase>> | undefined;
  const ratio = (ours: number | null | undefined, base: number | null | undefined) =>
    ours && base ? Math.round((ours / base) * 100) / 100 : null;
  const worstFanOut = single ? Math.max(...single.peak.queueFanOutMs.map((f) => f.max ?? Infinity)) : null;
  result.targets = {
    singleHolds5000Waiting: single ? single.peak.connections.held >= settings.waiting : null,
    singleQueueChangeReachesAllWithin1s: worstFanOut === null ? null : worstFanOut <= 1000,
    relayP99RatioToBare: ratio(single?.relay.relayLatencyMs.p99, bare?.relay.relayLatencyMs.p99),
    relayP99WithinOneAndAHalfBare:
      ratio(single?.relay.relayLatencyMs.p99, bare?.relay.relayLatencyMs.p99) === null
        ? null
        : ratio(single?.relay.relayLatencyMs.p99, bare?.relay.relayLatencyMs.p99)! <= 1.5,
    clusterMessagesLost: cluster ? cluster.relay.lost : null,
  };
  result.finishedAt = new Date().toISOString();
  const json = JSON.stringify(result, null, 2);
  mkdirSync('tests/bench/out', { recursive: true });
  writeFileSync('tests/bench/out/chat-load.json', `${json}\n`);
  console.log(json);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
