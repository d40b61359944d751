/**
 * Privacy over a real conversation on Redis: no IP address, user agent or message text in any
 * log line or store field (texts only in the message list while the conversation lasts), and
 * nothing of the conversation's text left in Redis after the end.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { emitAck, sleep, startChat, startPayload } from '../support/chat-app';
import { redisUrl, testPrefix } from '../support/chat-stores';
import { connectRedis, createRedisStore, type RedisClient } from '../../chat-server/src/chat/store/redis-store';
import type { Logger } from '../../chat-server/src/logger';
import type { VisitorStarted } from '../../chat-server/src/protocol';

async function dump(client: RedisClient, prefix: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) {
    for (const key of keys) {
      const type = await client.type(key);
      if (type === 'string') out[key] = String(await client.get(key));
      else if (type === 'hash') out[key] = JSON.stringify(await client.hGetAll(key));
      else if (type === 'list') out[key] = JSON.stringify(await client.lRange(key, 0, -1));
      else if (type === 'set') out[key] = JSON.stringify(await client.sMembers(key));
      else if (type === 'zset') out[key] = JSON.stringify(await client.zRange(key, 0, -1));
    }
  }
  return out;
}

describe('privacy of a conversation', () => {
  let client: RedisClient;
  afterAll(async () => {
    if (client?.isOpen) await client.close();
  });

  it('keeps no IP address, user agent or text in logs or store fields, and no text after the end', async () => {
    client = await connectRedis(redisUrl(), () => {});
    const prefix = testPrefix();
    const lines: string[] = [];
    const log = (level: string) => (event: string, fields?: object) =>
      lines.push(JSON.stringify({ level, event, ...fields }));
    const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') };
    const chat = await startChat({ store: createRedisStore(client, { prefix }), redis: { client, prefix }, logger });
    try {
      const operator = await chat.operator('anna', { available: true });
      const visitor = await chat.visitor();
      const secret = `SECRET-${randomUUID()}`;
      const started = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload({ nickname: 'Nick' }));
      if (!started.ok) throw new Error(started.error);
      await emitAck(visitor, 'chat:send', { clientId: randomUUID(), text: secret });
      await emitAck(operator, 'operator:accept', {});
      await emitAck(operator, 'operator:note', { conversationId: started.data.conversationId, text: `NOTE-${secret}` });
      await sleep(100);

      const during = await dump(client, prefix);
      const textKeys = Object.keys(during).filter((key) => during[key]!.includes(secret));
      expect(textKeys.sort()).toEqual(
        [
          `${prefix}conv:${started.data.conversationId}:dedupe`,
          `${prefix}conv:${started.data.conversationId}:messages`,
          `${prefix}conv:${started.data.conversationId}:notes`,
        ].sort(),
      );
      const all = JSON.stringify(during);
      for (const forbidden of ['127.0.0.1', '::1', 'node-XMLHttpRequest', 'Mozilla', started.data.resumeToken])
        expect(all).not.toContain(forbidden);

      await emitAck(operator, 'chat:end', { conversationId: started.data.conversationId, outcome: 'advice' });
      await sleep(100);
      const after = JSON.stringify(await dump(client, prefix));
      expect(after).not.toContain(secret);
      expect(after).not.toContain('Nick');
      expect(after).not.toContain(started.data.conversationId);
      expect(after).toContain('outcome:advice');

      const logText = lines.join('\n');
      expect(lines.length).toBeGreaterThan(2);
      for (const forbidden of [secret, 'Nick', '127.0.0.1', started.data.resumeToken])
        expect(logText).not.toContain(forbidden);
    } finally {
      await chat.close();
    }
  });
});
