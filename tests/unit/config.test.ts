import { describe, expect, it } from 'vitest';
import { readConfig } from '../../chat-server/src/config';

describe('readConfig', () => {
  it('has embedded defaults: port 3000, no Redis, no extra origin', () => {
    const config = readConfig({});
    expect(config.port).toBe(3000);
    expect(config.redisUrl).toBeUndefined();
    expect(config.connectOrigins).toEqual([]);
  });

  it('treats an empty variable as unset', () => {
    expect(readConfig({ REDIS_URL: '' }).redisUrl).toBeUndefined();
  });

  it('allows only the origin of a configured Meilisearch server', () => {
    expect(readConfig({ PUBLIC_MEILI_URL: 'https://search.example.nl/path?x=1' }).connectOrigins).toEqual([
      'https://search.example.nl',
    ]);
  });

  it('reads partner origins for the visitor chat, and refuses a bad one', () => {
    expect(readConfig({}).allowedOrigins).toEqual([]);
    expect(readConfig({ CHAT_ALLOWED_ORIGINS: 'https://a.nl/x, https://b.nl' }).allowedOrigins).toEqual([
      'https://a.nl',
      'https://b.nl',
    ]);
    expect(() => readConfig({ CHAT_ALLOWED_ORIGINS: 'a.nl' })).toThrow(/CHAT_ALLOWED_ORIGINS/);
  });

  it('never reserves the whole queue for visitors in danger', () => {
    const config = readConfig({ CHAT_MAX_QUEUE: '5', CHAT_QUEUE_RESERVED_IN_DANGER: '9' });
    expect(config.chat.admission.reservedInDanger).toBe(4);
  });

  it('keeps audit log entries 180 days unless AUDIT_RETENTION_DAYS says otherwise (1–3650)', () => {
    expect(readConfig({}).auditRetentionMs).toBe(180 * 86_400_000);
    expect(readConfig({ AUDIT_RETENTION_DAYS: '30' }).auditRetentionMs).toBe(30 * 86_400_000);
    expect(() => readConfig({ AUDIT_RETENTION_DAYS: '0' })).toThrow(/AUDIT_RETENTION_DAYS/);
  });

  it('names every bad variable at once', () => {
    expect(() => readConfig({ PORT: 'abc', REDIS_URL: 'not a url' })).toThrow(/PORT[\s\S]*REDIS_URL/);
  });
});
