/**
 * CSRF defence in depth (with SameSite=Strict): state-changing operator requests and operator
 * sockets must carry an Origin header of this site. Browsers always send Origin on POST and on
 * WebSocket handshakes, so a missing one means "not our page".
 */
export function originAllowed(
  headers: { origin?: string | string[]; host?: string | string[] },
  publicOrigin: string | undefined,
): boolean {
  const origin = typeof headers.origin === 'string' ? headers.origin : undefined;
  if (!origin || origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (publicOrigin) return parsed.origin === publicOrigin;
  return typeof headers.host === 'string' && parsed.host === headers.host;
}
