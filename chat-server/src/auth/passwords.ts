/**
 * Operator passwords: scrypt from node:crypto (memory-hard; no native add-on needed), stored as
 * `scrypt$N$r$p$salt$hash` so the cost can be raised later without breaking old hashes.
 */
import { randomBytes, randomInt, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { PASSWORD_MIN_LENGTH } from '../protocol';

const scrypt = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** OWASP's scrypt minimum is N=2^17 with r=8, p=1; 2^15 with p=1 keeps a login near 50 ms on 2 cores. */
const DEFAULT = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = PASSWORD_MIN_LENGTH;

/** `cost` is for tests only (a cheap hash keeps them fast); accounts always use the default. */
export async function hashPassword(
  password: string,
  cost: { N: number; r: number; p: number } = DEFAULT,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem: 256 * cost.N * cost.r });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const N = Number(n);
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * N * Number(r),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password: verifying against it costs the same as a real one, so an unknown username is not revealed by timing. */
export const DUMMY_HASH_PROMISE = hashPassword(randomBytes(16).toString('hex'));

/** Letters and digits that cannot be mistaken for each other when read out or typed (no 0/O, 1/l/I). */
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789';

/**
 * A temporary password a supervisor hands over (shown once; the account must change it at its
 * first login): 20 characters from a 50-character alphabet by node:crypto's randomInt (≈ 113 bits),
 * in groups of five for reading out: `abcde-fghij-kmnpq-rstuv`.
 */
export function temporaryPassword(): string {
  const chars = Array.from({ length: 20 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]);
  return [0, 5, 10, 15].map((at) => chars.slice(at, at + 5).join('')).join('-');
}
