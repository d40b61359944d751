/**
 * The client's address as the limits see it: the address the nearest trusted proxy reports
 * (TRUST_PROXY hops, as Express's `trust proxy` with a number), folded so that one client cannot
 * pose as many: an IPv4-mapped IPv6 address is its IPv4 address, and an IPv6 address counts as
 * its /64 network (one home or phone usually gets a whole /64). Used only to key counters; it is
 * never logged or stored (see address-keys.ts).
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** The address TRUST_PROXY hops in: the socket's peer, then X-Forwarded-For from right to left. */
export function forwardedAddress(
  remote: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: number,
) {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = [
    remote ?? '',
    ...header
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .reverse(),
  ];
  return hops[Math.min(trustProxy, hops.length - 1)] ?? '';
}

function expandIPv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const missing = 8 - headParts.length - tailParts.length;
  return [...headParts, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailParts];
}

/** The unit one client is counted as: an IPv4 address, or an IPv6 /64. */
export function addressBucket(address: string): string {
  const plain = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1]!;
  if (isIPv4(plain)) return plain;
  if (isIPv6(plain))
    return `${expandIPv6(plain)
      .slice(0, 4)
      .map((part) => part.replace(/^0+(?=.)/, ''))
      .join(':')}::/64`;
  // Not an address (a malformed X-Forwarded-For from a misconfigured proxy): still one bucket.
  return plain.slice(0, 100);
}

export function clientBucket(request: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxy: number): string {
  return addressBucket(forwardedAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trustProxy));
}
