/**
 * The message list as the client holds it: server messages in server order, then the visitor's
 * own messages that the server has not confirmed yet. Every message appears exactly once, however
 * often it arrives (an echo, a retry, a resumed `chat:state`).
 */
import type { ChatMessage } from '../../../chat-server/src/protocol';

/** A message on screen; `pending` until the server has stored it. */
export interface ShownMessage extends ChatMessage {
  pending?: boolean;
  /**
   * A line the widget adds itself, not from the server (issue 20): `transferred` = a colleague
   * took over (`chat:accepted` while chatting), with the new alias in `operatorName`.
   */
  notice?: 'transferred';
}

function sameMessage(a: ChatMessage, b: ChatMessage): boolean {
  return a.id === b.id || (a.clientId !== undefined && a.clientId === b.clientId);
}

/** Adds one message from the server: replaces the pending copy with the same clientId, skips a duplicate. */
export function mergeMessage(list: readonly ShownMessage[], incoming: ChatMessage): ShownMessage[] {
  const index = list.findIndex((shown) => sameMessage(shown, incoming));
  if (index === -1) {
    const confirmed = list.filter((shown) => !shown.pending);
    const pending = list.filter((shown) => shown.pending);
    return [...confirmed, { ...incoming }, ...pending];
  }
  const existing = list[index]!;
  if (!existing.pending) return list as ShownMessage[];
  const confirmed = list.filter((shown, i) => i !== index && !shown.pending);
  const pending = list.filter((shown, i) => i !== index && shown.pending);
  return [...confirmed, { ...incoming }, ...pending];
}

/** Marks a pending message as stored, from the send acknowledgement. */
export function confirmMessage(
  list: readonly ShownMessage[],
  clientId: string,
  id: string,
  at: string,
): ShownMessage[] {
  const pendingCopy = list.find((shown) => shown.pending && shown.clientId === clientId);
  if (!pendingCopy) return list as ShownMessage[];
  return mergeMessage(list, { ...pendingCopy, id, at, pending: undefined } as ChatMessage);
}

/** The full conversation from the server (on every reconnect) plus what is still waiting to be sent. */
export function replaceWithState(list: readonly ShownMessage[], fromServer: readonly ChatMessage[]): ShownMessage[] {
  const unique: ShownMessage[] = [];
  for (const message of fromServer) {
    if (!unique.some((shown) => sameMessage(shown, message))) unique.push({ ...message });
  }
  const stillPending = list.filter((shown) => shown.pending && !unique.some((known) => sameMessage(known, shown)));
  return [...unique, ...stillPending];
}

/** Messages typed but not yet confirmed, oldest first: to send again after a reconnect. */
export function pendingMessages(list: readonly ShownMessage[]): ShownMessage[] {
  return list.filter((shown) => shown.pending);
}
