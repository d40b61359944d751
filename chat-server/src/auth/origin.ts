/**
 * Which pages may open a chat socket or post to the operator API, by the Origin header.
 * - Operators (sockets and state-changing requests): this site only. Browsers always send Origin
 *   on POST and on WebSocket handshakes, so a missing one means "not our page" (CSRF defence in
 *   depth with SameSite=Strict).
 * - Visitors: this site and the partner sites in CHAT_ALLOWED_ORIGINS. A handshake WITHOUT Origin
 *   is allowed: browsers omit it on same-origin long-polling GETs (the island starts on polling),
 *   and native apps and monitoring send none. The check exists to stop other web pages from
 *   making their readers' browsers open chats; a script that sends no Origin is met by the
 *   per-address limits instead (docs/security.md).
 */
export interface OriginPolicy {
  /** The site's origin (PUBLIC_ORIGIN); unset = the request's Host. */
  publicOrigin: string | undefined;
  /** Further allowed origins (partner sites). */
  allowed?: readonly string[];
  /** Whether a request without Origin passes. */
  allowMissing?: boolean;
}

type Headers = { origin?: string | string[]; host?: string | string[] };

export function originAllowedBy(headers: Headers, policy: OriginPolicy): boolean {
  const origin = typeof headers.origin === 'string' ? headers.origin : undefined;
  if (origin === undefined) return policy.allowMissing === true;
  if (origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (policy.allowed?.includes(parsed.origin)) return true;
  if (policy.publicOrigin) return parsed.origin === policy.publicOrigin;
  return typeof headers.host === 'string' && parsed.host === headers.host;
}

/** The operator rule: this site's origin only, Origin required. */
export function originAllowed(headers: Headers, publicOrigin: string | undefined): boolean {
  return originAllowedBy(headers, { publicOrigin });
}
