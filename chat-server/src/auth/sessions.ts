/**
 * Operator sessions: a random id in an httpOnly, SameSite=Strict cookie (Secure in production);
 * the store keeps only the SHA-256 of the id, so a leaked store does not leak live sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parse, serialize } from 'cookie';

export const SESSION_COOKIE = 'ghnt_operator';

export const sessionKey = (cookieValue: string) => createHash('sha256').update(cookieValue).digest('base64url');

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** The session cookie's value from a Cookie header, if any. */
export function sessionIdFrom(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const value = parse(cookieHeader)[SESSION_COOKIE];
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}

export function sessionCookie(id: string, options: { maxAgeMs: number; secure: boolean }): string {
  return serialize(SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'strict',
    secure: options.secure,
    path: '/',
    maxAge: Math.floor(options.maxAgeMs / 1000),
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: 0 });
}
