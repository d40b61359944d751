/**
 * Several chat processes on one Redis (docs/scaling.md): Socket.IO's Redis streams adapter
 * carries broadcasts between processes and supports connection state recovery (a socket that
 * drops and comes back, to any process, gets the packets it missed); a pub/sub signal tells the
 * other processes to refresh queue positions; a janitor keeps chat texts in the adapter's stream
 * no longer than the recovery window; liveness.ts covers for processes that die.
 *
 * The adapter gets its own Redis connection WITH an offline queue: while Redis is down its
 * commands wait instead of failing, because the adapter does not catch every failure (a failed
 * session write would be an unhandled rejection) and its stream reader would spin on errors.
 * The chat store's connection fails fast instead, so visitors get `unavailable` at once.
 */
import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Namespace, Server } from 'socket.io';
import type { Logger } from '../logger';
import { redisKeys } from '../chat/store/redis-keys';
import type { ChatCluster } from './chat-cluster';
import { startLiveness } from './liveness';
import { linkQueueSignal } from './queue-signal';
import { startStreamJanitor } from './stream-janitor';

export interface RedisClusterOptions {
  url: string;
  /** How long a dropped socket can come back and get what it missed (ms). */
  recoveryMs: number;
  /** Most entries the stream keeps (approximate trimming on every write). */
  streamMaxLen: number;
  logger: Logger;
  /** Key prefix (redis-keys.ts); tests use their own. */
  prefix?: string;
}

/** The adapter's stream reader blocks at most this long, so closing never waits longer. */
const BLOCK_TIME_MS = 1_000;
const READY_TIME_LIMIT_MS = 15_000;
const NAMESPACES = ['/', '/visitor', '/operator'];

type AdapterClient = ReturnType<typeof createClient>;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean>, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await delay(25);
  }
  return false;
}

export async function createRedisCluster(options: RedisClusterOptions): Promise<ChatCluster> {
  const { logger } = options;
  const keys = redisKeys(options.prefix);
  // Named connections, so readiness can see this process's stream reader blocked in XREAD.
  const connectionName = `ghnt-sio-${randomUUID().slice(0, 8)}`;
  const publisher: AdapterClient = createClient({
    url: options.url,
    name: `${connectionName}-pub`,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  });
  // The error text can name hosts; log the kind only, the first time and then once a minute
  // (node-redis retries every 2 s by itself while Redis is down).
  let lastLogged = 0;
  publisher.on('error', (error: Error) => {
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    logger.warn('redis.adapter-error', { kind: error.name });
  });
  const duplicates: AdapterClient[] = [];
  const duplicate = publisher.duplicate.bind(publisher);
  publisher.duplicate = ((overrides?: Parameters<typeof duplicate>[0]) => {
    const client = duplicate({ ...overrides, name: `${connectionName}-${duplicates.length}` });
    duplicates.push(client as unknown as AdapterClient);
    return client;
  }) as typeof publisher.duplicate;
  await publisher.connect();

  const adapter = createAdapter(publisher, {
    streamName: keys.socketStream,
    sessionKeyPrefix: keys.socketSessionPrefix,
    channelPrefix: keys.socketChannelPrefix,
    maxLen: options.streamMaxLen,
    blockTimeInMs: BLOCK_TIME_MS,
    // Chat payloads are JSON; skip the adapter's search for binary data in every packet.
    onlyPlaintext: true,
  });
  const janitor = startStreamJanitor(publisher, keys.socketStream, options.recoveryMs, logger);
  let liveness: ReturnType<typeof startLiveness> | undefined;

  async function ready(io: Server): Promise<void> {
    const deadline = Date.now() + READY_TIME_LIMIT_MS;
    const subscribed = async (nsp: Namespace) => {
      const uid = (nsp.adapter as unknown as { uid: string }).uid;
      const channel = `${keys.socketChannelPrefix}#${nsp.name}#${uid}#`;
      const counts = await publisher.pubSubNumSub(channel);
      return Number(counts[channel] ?? 0) > 0;
    };
    const readerBlocked = async () => {
      const list = await publisher.clientList();
      return list.some((c) => c.name?.startsWith(connectionName) && c.cmd === 'xread');
    };
    const checks = [...NAMESPACES.map((name) => () => subscribed(io.of(name))), readerBlocked];
    for (const check of checks) {
      if (!(await until(check, deadline))) {
        logger.warn('cluster.not-ready', { waitedMs: READY_TIME_LIMIT_MS });
        return;
      }
    }
  }

  return {
    serverOptions: {
      adapter,
      connectionStateRecovery: {
        maxDisconnectionDuration: options.recoveryMs,
        // Operator sockets pass the session check again when they come back (it may have ended).
        skipMiddlewares: false,
      },
    },
    link(io, link) {
      liveness = startLiveness({
        client: publisher,
        keys,
        io,
        store: link.store,
        resumeWindowMs: link.resumeWindowMs,
        ...(link.presenceChanged ? { presenceChanged: link.presenceChanged } : {}),
        logger,
      });
      return linkQueueSignal(io, link.refreshLocal);
    },
    ready,
    // The adapter writes a broadcast (XADD) on this connection synchronously within emit();
    // Redis answers a connection's commands in order, so this PING returns after it.
    flush: async () => {
      await publisher.ping();
    },
    async close() {
      janitor.stop();
      liveness?.stop();
      // io.close() told the adapter to stop; its reader lets go after the current XREAD.
      await until(async () => duplicates.every((client) => !client.isOpen), Date.now() + 3 * BLOCK_TIME_MS);
      for (const client of duplicates) if (client.isOpen) client.destroy();
      if (publisher.isOpen) await publisher.close().catch(() => publisher.destroy());
    },
  };
}
