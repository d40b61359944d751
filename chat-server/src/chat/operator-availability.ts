/**
 * Who may be offered work: one rule for the queue order, the visitor's "no operators", the
 * figures, the chat status and transfers (docs/chat-protocol.md "A reload keeps the place").
 */
import type { OperatorPresence } from './store/chat-store';

/** Available, and not gone for a moment (an operator in their reconnect grace keeps only their conversations). */
export const availableForWork = (p: Pick<OperatorPresence, 'status' | 'reconnectingSince'>) =>
  p.status === 'available' && p.reconnectingSince === undefined;
