/**
 * Vitest global setup: compiles the chat server once (tests that start a server process run the
 * compiled build, as production does), and starts one real redis-server for the whole run, on a
 * free port. Tests read its address from TEST_REDIS_URL. Tests that stop or restart Redis start
 * their own with startRedis().
 */
import type { TestProject } from 'vitest/node';
import { buildServer } from '../../chat-server/build-server.mjs';
import { startRedis, removeRedisDir, type TestRedis } from './redis-server';

let redis: TestRedis | undefined;

export async function setup(project: TestProject): Promise<void> {
  await buildServer();
  redis = await startRedis();
  project.provide('redisUrl', redis.url);
  process.env.TEST_REDIS_URL = redis.url;
}

export async function teardown(): Promise<void> {
  if (!redis) return;
  await redis.stop();
  removeRedisDir(redis);
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}
