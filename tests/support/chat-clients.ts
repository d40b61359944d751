/**
 * Chat clients as the islands behave (docs/chat-protocol.md): a visitor that reconnects by
 * itself with its resume token, merges `chat:state` with what it already shows (by message id),
 * and retries an unacknowledged message with the same clientId; and a logged-in operator.
 * They record every raw delivery so tests can check "exactly once, in order".
 */
import { randomUUID } from 'node:crypto';
import { io as connect, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { Ack, ChatMessage, ChatState, VisitorStarted } from '../../chat-server/src/protocol';

export interface QueueUpdate {
  position: number;
  estimatedWaitSeconds: number | null;
  operatorsAvailable: number;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function connected(socket: Socket, ms: number): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('connect', onConnect);
      reject(new Error(`not connected within ${ms} ms`));
    }, ms);
    const onConnect = () => {
      clearTimeout(timer);
      resolve();
    };
    socket.once('connect', onConnect);
  });
}

/** Emits until acknowledged with ok (same payload each time: retries are safe by clientId). */
async function emitUntilOk<T>(socket: Socket, event: string, payload: unknown, deadlineMs = 30_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let last = 'no answer';
  // Back off between tries (the server's per-socket rate limit counts every try).
  for (let pause = 200; Date.now() < deadline; pause = Math.min(pause * 2, 2_000)) {
    try {
      await connected(socket, Math.max(1, deadline - Date.now()));
      const ack = (await socket.timeout(4_000).emitWithAck(event, payload)) as Ack<T>;
      if (ack.ok) return ack.data;
      last = ack.error;
      // unavailable / rate-limited: the client waits a little and tries again; anything else is final.
      if (ack.error !== 'unavailable' && ack.error !== 'rate-limited' && ack.error !== 'not-found')
        throw new Error(`${event}: ${ack.error}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith(`${event}:`)) throw error;
      last = error instanceof Error ? error.message : String(error);
    }
    await delay(pause);
  }
  throw new Error(`${event} not acknowledged: ${last}`);
}

export class Visitor {
  readonly socket: Socket;
  resumeToken: string | undefined;
  conversationId: string | undefined;
  /** What the visitor sees: every message once, in the conversation's order. */
  readonly shown: ChatMessage[] = [];
  /** Ids of messages delivered live (`chat:message`), in arrival order, duplicates kept (retries are relayed again). */
  readonly live: string[] = [];
  readonly states: ChatState[] = [];
  readonly queueUpdates: QueueUpdate[] = [];
  accepted = 0;
  connects = 0;

  /** `options` override the connection's (e.g. `transports: ['polling']`, an `agent`). */
  constructor(url: string, options: Partial<ManagerOptions & SocketOptions> = {}) {
    this.socket = connect(`${url}/visitor`, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      randomizationFactor: 0,
      auth: (cb) => cb(this.resumeToken ? { resumeToken: this.resumeToken } : {}),
      ...options,
    });
    this.socket.on('connect', () => void this.connects++);
    this.socket.on('chat:message', (m: ChatMessage) => {
      this.live.push(m.id);
      if (!this.shown.some((s) => s.id === m.id)) this.shown.push(m);
    });
    this.socket.on('chat:state', (state: ChatState) => {
      this.states.push(state);
      // The state is the conversation so far; keep live messages it does not have yet after it.
      const fromState = new Set(state.messages.map((m) => m.id));
      const newer = this.shown.filter((m) => !fromState.has(m.id));
      this.shown.splice(0, this.shown.length, ...state.messages, ...newer);
    });
    this.socket.on('queue:updated', (update: QueueUpdate) => this.queueUpdates.push(update));
    this.socket.on('chat:accepted', () => void this.accepted++);
  }

  ready(ms = 20_000) {
    return connected(this.socket, ms);
  }

  async start(payload: Record<string, unknown> = {}): Promise<VisitorStarted> {
    await this.ready();
    const ack = (await this.socket
      .timeout(10_000)
      .emitWithAck('visitor:start', { lang: 'nl', about: 'self', inDanger: false, ...payload })) as Ack<VisitorStarted>;
    if (!ack.ok) throw new Error(`visitor:start: ${ack.error}`);
    this.resumeToken = ack.data.resumeToken;
    this.conversationId = ack.data.conversationId;
    return ack.data;
  }

  /** Sends one message, retrying with the same clientId until acknowledged; shows it then, by time. */
  async send(text: string): Promise<{ id: string; at: string }> {
    const clientId = randomUUID();
    const ack = await emitUntilOk<{ id: string; at: string }>(this.socket, 'chat:send', { clientId, text });
    if (!this.shown.some((m) => m.id === ack.id)) {
      const after = this.shown.findLastIndex((m) => m.at <= ack.at);
      this.shown.splice(after + 1, 0, { id: ack.id, clientId, from: 'visitor', text, at: ack.at });
    }
    return ack;
  }

  /** Resolves once a `chat:state` arrived after `count` earlier ones (a resumed connection). */
  async nextState(count: number, ms = 30_000): Promise<ChatState> {
    const deadline = Date.now() + ms;
    while (this.states.length <= count) {
      if (Date.now() > deadline) throw new Error('no chat:state after reconnect');
      await delay(20);
    }
    return this.states[count]!;
  }

  close() {
    this.socket.disconnect();
  }
}

export class Operator {
  readonly socket: Socket;
  /** Messages shown per conversation: each id once, in arrival order (as the console shows them). */
  readonly received = new Map<string, ChatMessage[]>();
  /** Live deliveries, duplicates kept (a retried message is relayed again with the same id). */
  deliveries = 0;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('chat:message', (m: ChatMessage & { conversationId: string }) => {
      this.deliveries++;
      const list = this.received.get(m.conversationId) ?? [];
      if (!list.some((seen) => seen.id === m.id)) list.push(m);
      this.received.set(m.conversationId, list);
    });
  }

  /** Connects with a session cookie to `base` (the Origin check wants the same origin). */
  static async connect(base: string, cookie: string, options: { available?: boolean } = {}): Promise<Operator> {
    const socket = connect(`${base}/operator`, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { cookie, origin: base },
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    const operator = new Operator(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    if (options.available !== false) await operator.request('operator:status', { status: 'available' });
    return operator;
  }

  /** One request with its acknowledgement (no retry). */
  async request<T = unknown>(event: string, payload: unknown, ms = 10_000): Promise<Ack<T>> {
    return (await this.socket.timeout(ms).emitWithAck(event, payload)) as Ack<T>;
  }

  send(conversationId: string, text: string): Promise<{ id: string; at: string }> {
    return emitUntilOk(this.socket, 'chat:send', { conversationId, clientId: randomUUID(), text });
  }

  close() {
    this.socket.disconnect();
  }
}
