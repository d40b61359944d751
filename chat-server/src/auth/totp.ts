/**
 * Two-factor login with an authenticator app: TOTP (RFC 6238) by `otpauth`, the QR code for the
 * app drawn here as SVG by `@paulmillr/qr` (docs/decisions.md, 2026-12-05), so the secret never
 * goes to a third-party image service. SHA-1, six digits, 30 seconds: the parameters every
 * authenticator app supports (others silently ignore a different algorithm or period).
 */
import encodeQR from '@paulmillr/qr';
import { Secret, TOTP } from 'otpauth';
import type { TwoFactorSetup } from '../protocol';

const PERIOD_SECONDS = 30;
/** A code of the step before or after the current one is accepted too (a phone's clock drifts; typing takes time). */
const WINDOW = 1;
/** What the authenticator app shows above the code. */
const ISSUER = 'Veilig Thuis chat';

/**
 * How long a used step must be remembered: a code of step s is accepted until step s + WINDOW
 * ends. Two periods more than that, so a clock edge never frees a step too early.
 */
export const TOTP_STEP_MEMORY_MS = (2 * WINDOW + 2) * PERIOD_SECONDS * 1000;

const totpFor = (secretBase32: string, username: string) =>
  new TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });

/** A new random secret (160 bits, RFC 4226's recommendation) as base32, with its URI and QR code. */
export function newTwoFactorSecret(username: string): { secret: string } & TwoFactorSetup {
  const secret = new Secret({ size: 20 }).base32;
  const otpauthUri = totpFor(secret, username).toString();
  // Crisp edges: without them a browser draws hairlines between the modules (one rect each).
  const qrSvg = encodeQR(otpauthUri, 'svg').replace(/^<svg /, '<svg shape-rendering="crispEdges" ');
  return { secret, otpauthUri, qrSvg };
}

/**
 * The time step a code belongs to, if it is the secret's code within the window around `nowMs`;
 * null otherwise. The caller claims the step (ChatStore.claimTotpStep) so the code works once.
 */
export function codeStep(secretBase32: string, code: string, nowMs: number): number | null {
  const totp = totpFor(secretBase32, '');
  const delta = totp.validate({ token: code, timestamp: nowMs, window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp: nowMs }) + delta;
}
