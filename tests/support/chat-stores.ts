/**
 * The two chat store implementations, for suites that must pass against both: memory, and
 * Redis on the test server from the global setup with a unique key prefix per store.
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createMemoryStore } from '../../chat-server/src/chat/store/memory-store';
import { connectRedis, createRedisStore, type RedisClient } from '../../chat-server/src/chat/store/redis-store';
import type { ChatStore } from '../../chat-server/src/chat/store/chat-store';

export interface StoreKind {
  name: 'memory' | 'redis';
  /** A fresh, empty store. */
  create(): Promise<ChatStore>;
  /** A fresh store plus what startChat needs to keep accounts beside it. */
  createWithRedis(): Promise<{ store: ChatStore; redis?: { client: RedisClient; prefix: string } }>;
  /** Closes shared connections (afterAll). */
  dispose(): Promise<void>;
}

export function redisUrl(): string {
  return process.env.TEST_REDIS_URL ?? inject('redisUrl');
}

/** A unique key prefix so tests never see each other's data. */
export const testPrefix = () => `test:${randomUUID().slice(0, 8)}:`;

export function storeKinds(): StoreKind[] {
  let client: RedisClient | undefined;
  return [
    {
      name: 'memory',
      create: async () => createMemoryStore(),
      createWithRedis: async () => ({ store: createMemoryStore() }),
      dispose: async () => {},
    },
    {
      name: 'redis',
      async create() {
        client ??= await connectRedis(redisUrl(), () => {});
        return createRedisStore(client, { prefix: testPrefix() });
      },
      async createWithRedis() {
        client ??= await connectRedis(redisUrl(), () => {});
        const prefix = testPrefix();
        return { store: createRedisStore(client, { prefix }), redis: { client, prefix } };
      },
      async dispose() {
        if (client?.isOpen) await client.close();
        client = undefined;
      },
    },
  ];
}
