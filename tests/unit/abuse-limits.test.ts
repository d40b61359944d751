/**
 * The pieces of the abuse limits that need no server: the client address as limits count it,
 * the fair password-check gate, and the self-forgetting counters.
 */
import { describe, expect, it } from 'vitest';
import { addressBucket, forwardedAddress } from '../../chat-server/src/auth/client-address';
import { originAllowedBy } from '../../chat-server/src/auth/origin';
import { createFairGate, GateFull } from '../../chat-server/src/limits/fair-gate';
import { createWindowCounters } from '../../chat-server/src/limits/window-counters';

describe('client address', () => {
  it('reads the address TRUST_PROXY hops in, as Express does', () => {
    expect(forwardedAddress('10.0.0.1', undefined, 0)).toBe('10.0.0.1');
    expect(forwardedAddress('10.0.0.1', '203.0.113.9', 0)).toBe('10.0.0.1');
    expect(forwardedAddress('10.0.0.1', '203.0.113.9', 1)).toBe('203.0.113.9');
    // A client cannot push its own guess past the trusted proxies: the spoofed entry is leftmost.
    expect(forwardedAddress('10.0.0.1', 'spoofed, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(forwardedAddress('10.0.0.1', '203.0.113.9', 5)).toBe('203.0.113.9');
  });

  it('counts IPv4-mapped addresses as IPv4 and an IPv6 address as its /64', () => {
    expect(addressBucket('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });
});

describe('origin policy', () => {
  const policy = { publicOrigin: 'https://site.nl', allowed: ['https://partner.nl'], allowMissing: true };
  it('allows the site, partners and a missing Origin (visitors); nothing else', () => {
    expect(originAllowedBy({ origin: 'https://site.nl' }, policy)).toBe(true);
    expect(originAllowedBy({ origin: 'https://partner.nl' }, policy)).toBe(true);
    expect(originAllowedBy({}, policy)).toBe(true);
    expect(originAllowedBy({ origin: 'https://evil.example' }, policy)).toBe(false);
    expect(originAllowedBy({ origin: 'null' }, policy)).toBe(false);
    expect(originAllowedBy({}, { publicOrigin: 'https://site.nl' })).toBe(false);
  });
});

describe('fair gate', () => {
  const deferred = () => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('runs at most `concurrency`, refuses beyond its queues, and starts the key with the fewest running first', async () => {
    const gate = createFairGate({ concurrency: 2, maxQueued: 4, maxQueuedPerKey: 2 });
    const order: string[] = [];
    const [b1, b2] = [deferred(), deferred()];
    const running = [gate.run('flood', () => b1.promise), gate.run('flood', () => b2.promise)];
    const task = (name: string) => async () => void order.push(name);
    const flood1 = gate.run('flood', task('flood1'));
    const flood2 = gate.run('flood', task('flood2'));
    await expect(gate.run('flood', task('flood3'))).rejects.toBeInstanceOf(GateFull);
    const staff = gate.run('staff', task('staff'));
    expect(gate.stats()).toEqual({ running: 2, queued: 3 });
    b1.resolve();
    await staff;
    // The staff login went ahead of the flood's queue: the flood still had a check running.
    expect(order[0]).toBe('staff');
    b2.resolve();
    await Promise.all([...running, flood1, flood2]);
    expect(order).toEqual(['staff', 'flood1', 'flood2']);
    expect(gate.stats()).toEqual({ running: 0, queued: 0 });
  });

  it('frees its slot when a task fails', async () => {
    const gate = createFairGate({ concurrency: 1, maxQueued: 0, maxQueuedPerKey: 1 });
    await expect(gate.run('a', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await gate.run('a', async () => 42)).toBe(42);
  });
});

describe('window counters', () => {
  it('count to the limit, refuse with the time left, and forget after the window', () => {
    let t = 0;
    const counters = createWindowCounters(() => t);
    const take = () => counters.take([{ key: 'k', limit: 2 }], 1_000);
    expect(take()).toEqual({ ok: true });
    t = 100;
    expect(take()).toEqual({ ok: true });
    t = 300;
    expect(take()).toEqual({ ok: false, retryAfterMs: 800 });
    t = 1_100;
    expect(take()).toEqual({ ok: true });
    expect(counters.size()).toBe(1);
    t = 5_000;
    expect(counters.size()).toBe(0);
  });
});
