/**
 * A client process of the chat load benchmark, driven by run.ts over IPC. It holds waiting
 * visitors (recording when each hears its queue position change) or conversations (a visitor
 * and an operator exchanging timestamped messages), against the chat (`app`) or the bare relay
 * (`bare`). It reports raw figures; run.ts summarises them.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { clock } from './stats';

type Kind = 'app' | 'bare';
export type WorkerCommand =
  | { type: 'waiting'; kind: Kind; url: string; count: number }
  | {
      type: 'conversations';
      kind: Kind;
      visitorUrl: string;
      operatorUrl: string;
      count: number;
      capacity: number;
      /** One session cookie per operator (app); bare operators need none. */
      cookies: string[];
      tag: string;
    }
  | { type: 'talk'; intervalMs: number; durationMs: number; drainMs: number }
  | { type: 'updates'; since: number }
  | { type: 'count' }
  | { type: 'close' };
export type WorkerRequest = WorkerCommand & { id: number };

interface Ack {
  ok: boolean;
  error?: string;
  data?: { conversationId?: string; position?: number; resumeToken?: string };
}

const sockets: Socket[] = [];
const BATCH = 25;

function open(url: string, extra: Parameters<typeof connect>[1] = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    // A generous handshake limit: on a loaded 2-core machine the server may be slow to answer.
    const socket = connect(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 120_000,
      ...extra,
    });
    sockets.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function inBatches<T>(count: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += BATCH)
    out.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => make(i + j)))));
  return out;
}

const start = async (socket: Socket) => {
  const ack = (await socket
    .timeout(60_000)
    .emitWithAck('visitor:start', { lang: 'nl', about: 'self', inDanger: false })) as Ack;
  if (!ack.ok) throw new Error(`visitor:start: ${ack.error}`);
  return ack.data!;
};

// ---- waiting visitors ----------------------------------------------------------------------
const waiting: { updates: { t: number; position: number }[]; position: number }[] = [];

let failedWaiting = 0;
async function addWaiting(kind: Kind, url: string, count: number) {
  await inBatches(count, async () => {
    try {
      await addOneWaiting(kind, url);
    } catch {
      // Counted and reported: a visitor the server could not take is a result, not a crash.
      failedWaiting++;
    }
  });
}

async function addOneWaiting(kind: Kind, url: string) {
  {
    const socket = await open(kind === 'app' ? `${url}/visitor` : `${url}/bare`);
    const record = { updates: [] as { t: number; position: number }[], position: 0 };
    socket.on('queue:updated', (u: { position: number }) => record.updates.push({ t: clock(), position: u.position }));
    if (kind === 'app') record.position = (await start(socket)).position ?? 0;
    waiting.push(record);
  }
}

/** For each waiting visitor: ms from `since` until it heard that it moved up, or null. */
function updatesSince(since: number) {
  const missed: { before: number; after: number[] }[] = [];
  const delays = waiting.map((w) => {
    const before = w.updates.filter((u) => u.t < since).at(-1)?.position ?? w.position;
    const after = w.updates.filter((u) => u.t >= since);
    const moved = after.find((u) => u.position < before);
    if (!moved) missed.push({ before, after: after.map((u) => u.position) });
    return moved ? moved.t - since : null;
  });
  return { delays, missed: missed.slice(0, 3) };
}

// ---- conversations -------------------------------------------------------------------------
interface Side {
  send(conversation: number, text: string): Promise<boolean>;
}
const conversations: { visitor: Side; operator: Side; count: number; tag: string }[] = [];
const received = new Map<string, number>();
const latencies: number[] = [];

function onText(text: string) {
  const at = Number(text.split(':')[3]);
  received.set(text, (received.get(text) ?? 0) + 1);
  if (received.get(text) === 1) latencies.push(clock() - at);
}

async function addConversations(r: Extract<WorkerCommand, { type: 'conversations' }>) {
  const operatorCount = Math.ceil(r.count / r.capacity);
  if (r.kind === 'bare') {
    const room = (i: number) => `${r.tag}-${i}`;
    const visitors = await inBatches(r.count, async (i) => {
      const socket = await open(`${r.visitorUrl}/bare`);
      socket.on('msg', (p: { text: string }) => p.text.startsWith('o:') && onText(p.text));
      await socket.timeout(30_000).emitWithAck('join', room(i));
      return socket;
    });
    const operators = await inBatches(operatorCount, async (o) => {
      const socket = await open(`${r.operatorUrl}/bare`);
      socket.on('msg', (p: { text: string }) => p.text.startsWith('v:') && onText(p.text));
      for (let i = o * r.capacity; i < Math.min(r.count, (o + 1) * r.capacity); i++)
        await socket.timeout(30_000).emitWithAck('join', room(i));
      return socket;
    });
    const relay = (socket: Socket, i: number, text: string) =>
      socket
        .timeout(10_000)
        .emitWithAck('relay', { room: room(i), text })
        .then(
          (a: Ack) => a.ok,
          () => false,
        );
    conversations.push({
      count: r.count,
      tag: r.tag,
      visitor: { send: (i, text) => relay(visitors[i]!, i, text) },
      operator: { send: (i, text) => relay(operators[Math.floor(i / r.capacity)]!, i, text) },
    });
    return;
  }

  const ids: string[] = [];
  const visitors = await inBatches(r.count, async (i) => {
    const socket = await open(`${r.visitorUrl}/visitor`);
    socket.on('chat:message', (m: { from: string; text: string }) => m.from === 'operator' && onText(m.text));
    ids[i] = (await start(socket)).conversationId!;
    return socket;
  });
  const operators = await inBatches(operatorCount, async (o) => {
    const origin = r.operatorUrl;
    const socket = await open(`${origin}/operator`, { extraHeaders: { cookie: r.cookies[o]!, origin } });
    socket.on('chat:message', (m: { from: string; text: string }) => m.from === 'visitor' && onText(m.text));
    const status = (await socket.timeout(30_000).emitWithAck('operator:status', { status: 'available' })) as Ack;
    if (!status.ok) throw new Error(`operator:status: ${status.error}`);
    for (let i = o * r.capacity; i < Math.min(r.count, (o + 1) * r.capacity); i++) {
      const ack = (await socket.timeout(30_000).emitWithAck('operator:accept', { conversationId: ids[i] })) as Ack;
      if (!ack.ok) throw new Error(`operator:accept: ${ack.error}`);
    }
    return socket;
  });
  const send = (socket: Socket, payload: Record<string, unknown>) =>
    socket
      .timeout(10_000)
      .emitWithAck('chat:send', { clientId: crypto.randomUUID(), ...payload })
      .then(
        (a: Ack) => a.ok,
        () => false,
      );
  conversations.push({
    count: r.count,
    tag: r.tag,
    visitor: { send: (i, text) => send(visitors[i]!, { text }) },
    operator: { send: (i, text) => send(operators[Math.floor(i / r.capacity)]!, { conversationId: ids[i], text }) },
  });
}

async function talk(intervalMs: number, durationMs: number, drainMs: number) {
  received.clear();
  latencies.length = 0;
  const acked: string[] = [];
  let sent = 0;
  let failed = 0;
  const until = clock() + durationMs;
  const loops: Promise<void>[] = [];
  for (const group of conversations)
    for (let i = 0; i < group.count; i++)
      for (const [prefix, side] of [
        ['v', group.visitor],
        ['o', group.operator],
      ] as const)
        loops.push(
          (async () => {
            // Spread the senders over the interval so the load is even.
            await new Promise((resolve) => setTimeout(resolve, Math.random() * intervalMs));
            for (let seq = 0; clock() < until; seq++) {
              const next = clock() + intervalMs;
              const text = `${prefix}:${group.tag}-${i}:${seq}:${clock()}`;
              sent++;
              if (await side.send(i, text)) acked.push(text);
              else failed++;
              await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - clock())));
            }
          })(),
        );
  await Promise.all(loops);
  await new Promise((resolve) => setTimeout(resolve, drainMs));
  const lost = acked.filter((text) => !received.has(text));
  let duplicates = 0;
  for (const n of received.values()) duplicates += n - 1;
  return {
    sent,
    acked: acked.length,
    failed,
    received: received.size,
    duplicates,
    lost: lost.length,
    lostSamples: lost.slice(0, 5),
    latencies,
  };
}

// ---- IPC -----------------------------------------------------------------------------------
process.on('message', (request: WorkerRequest) => {
  const reply = (result: unknown) => process.send!({ id: request.id, result });
  const fail = (error: unknown) => process.send!({ id: request.id, error: String(error) });
  const run = async () => {
    switch (request.type) {
      case 'waiting':
        await addWaiting(request.kind, request.url, request.count);
        return { waiting: waiting.length, failed: failedWaiting };
      case 'conversations':
        await addConversations(request);
        return { conversations: conversations.reduce((n, g) => n + g.count, 0) };
      case 'talk':
        return talk(request.intervalMs, request.durationMs, request.drainMs);
      case 'updates':
        return updatesSince(request.since);
      case 'count':
        return { connected: sockets.filter((s) => s.connected).length, opened: sockets.length, failedWaiting };
      case 'close':
        for (const socket of sockets) socket.disconnect();
        setTimeout(() => process.exit(0), 100);
        return {};
    }
  };
  run().then(reply, fail);
});
