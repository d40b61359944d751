/**
 * The id a console sees for an operator (`queue:snapshot.colleagues[].operatorId`, the `to` of
 * `operator:transfer`, `InternalNote.by`, `GET /api/operator/me`): never the login username,
 * which is half of a credential. It is an HMAC of the username with a random secret the store
 * keeps for every process (`operatorIdSecret`), so it is stable across sessions, reloads and
 * processes, cannot be turned back into the username, and cannot be used to log in. Inside the
 * server (store keys, rooms, presence) the username stays the operator's id.
 */
import { createHmac } from 'node:crypto';
import type { ChatStore } from './store/chat-store';

/** "op-" and 22 base64url characters (132 bits of the HMAC). */
export function publicOperatorId(secret: string, username: string): string {
  return `op-${createHmac('sha256', secret).update(`operator-id\0${username}`).digest('base64url').slice(0, 22)}`;
}

/** Reads the secret once and returns username → public id. */
export async function publicOperatorIds(
  store: Pick<ChatStore, 'operatorIdSecret'>,
): Promise<(username: string) => string> {
  const secret = await store.operatorIdSecret();
  return (username) => publicOperatorId(secret, username);
}
