/** The operator namespace `/operator`: what the console sends and receives. */
import { z } from 'zod';
import {
  id,
  clientId,
  humanText,
  OUTCOMES,
  MAX_MESSAGE_LENGTH,
  MAX_NOTE_LENGTH,
  type AckCallback,
  type ChatMessage,
  type ConversationStatus,
  type EndedBy,
  type Lang,
  type About,
  type Outcome,
  type Sender,
} from './core';

// ---- operator namespace `/operator` ------------------------------------------------------

export const operatorStatusSchema = z.object({ status: z.enum(['available', 'away']) }).strict();
export const operatorAcceptSchema = z.object({ conversationId: id.optional() }).strict();
export const operatorSendSchema = z
  .object({ conversationId: id, clientId, text: humanText(MAX_MESSAGE_LENGTH) })
  .strict();
export const operatorTypingSchema = z.object({ conversationId: id, typing: z.boolean() }).strict();
export const operatorEndSchema = z.object({ conversationId: id, outcome: z.enum(OUTCOMES) }).strict();
export const operatorTransferSchema = z.object({ conversationId: id, to: z.union([z.literal('queue'), id]) }).strict();
export const operatorNoteSchema = z.object({ conversationId: id, text: humanText(MAX_NOTE_LENGTH) }).strict();

export interface WaitingConversation {
  conversationId: string;
  /** ISO 8601. */
  waitingSince: string;
  lang: Lang;
  about: About;
  inDanger: boolean;
  theme?: string;
  municipality?: string;
  /** Addition: the Veilig Thuis region (VTxx) of the municipality, when given. */
  region?: string;
  /** Addition: present (true) only when the visitor said they are younger than 18. */
  under18?: true;
  /**
   * Addition (issue 20): false once none of the visitor's sockets is connected (marked at the
   * socket's disconnect, so within seconds of closing the page); true again when they resume.
   */
  visitorPresent: boolean;
  /** Addition (issue 20): ISO 8601, since when the visitor is not present (only when `visitorPresent` is false). */
  awaySince?: string;
}

export interface OperatorConversation extends WaitingConversation {
  status: ConversationStatus;
  nickname?: string;
  messages: ChatMessage[];
  notes: InternalNote[];
  /** Addition: the alias the visitor sees for the operator who holds it. */
  operatorName?: string;
}

/** Addition (issue 20): `chat:presence`. */
export interface VisitorPresence {
  conversationId: string;
  present: boolean;
  /** ISO 8601: when the visitor left (present false) or came back (present true). */
  since: string;
}

export interface InternalNote {
  id: string;
  text: string;
  /** ISO 8601. */
  at: string;
  /** The author's opaque operator id (as `Colleague.operatorId`; never the login username). */
  by: string;
}

/** Addition: a colleague shown in the console, e.g. as a transfer target. */
export interface Colleague {
  /**
   * An opaque id, stable for the account, that is not the login username and cannot be used to
   * log in ("op-" + 22 characters). It is what `operator:transfer { to }` takes. Consoles show `name`.
   */
  operatorId: string;
  name: string;
  region: string;
  /** `away` while `reconnecting`, whatever they chose: nobody is offered to them then. */
  status: 'available' | 'away';
  load: number;
  capacity: number;
  /**
   * Addition (issue 20): true while the colleague's console is gone but may come back within
   * OPERATOR_RECONNECT_GRACE_SECONDS (a reload); they keep their conversations meanwhile.
   */
  reconnecting?: true;
}

/** Addition (issue 20): `operator:state`. */
export interface OperatorState {
  /** The status the server holds for this operator (kept over a reload within the grace). */
  status: 'available' | 'away';
}

export interface QueueSnapshot {
  /** The head of the queue, in order (at most 100; see `waitingTotal`). */
  waiting: WaitingConversation[];
  /** Addition: how many are waiting in all. */
  waitingTotal?: number;
  /** Addition: how many of them said they are in danger (they are first in `waiting`). */
  waitingInDanger?: number;
  mine: string[];
  /** Addition: operators online now (for transfers). */
  colleagues?: Colleague[];
}

export interface SupervisorStats {
  waiting: number;
  active: number;
  operatorsAvailable: number;
  longestWaitSeconds: number;
  endedToday: number;
  abandonedToday: number;
}

export interface OperatorClientEvents {
  'operator:status': (payload: { status: 'available' | 'away' }, ack: AckCallback<Record<string, never>>) => void;
  'operator:accept': (
    payload: { conversationId?: string },
    ack: AckCallback<{ conversation: OperatorConversation }>,
  ) => void;
  'chat:send': (payload: z.input<typeof operatorSendSchema>, ack: AckCallback<{ id: string; at: string }>) => void;
  'chat:typing': (
    payload: { conversationId: string; typing: boolean },
    ack?: AckCallback<Record<string, never>>,
  ) => void;
  'chat:end': (payload: { conversationId: string; outcome: Outcome }, ack: AckCallback<Record<string, never>>) => void;
  'operator:transfer': (
    payload: { conversationId: string; to: string },
    ack: AckCallback<Record<string, never>>,
  ) => void;
  'operator:note': (
    payload: { conversationId: string; text: string },
    ack: AckCallback<{ id: string; at: string }>,
  ) => void;
}

export interface OperatorServerEvents {
  'queue:snapshot': (payload: QueueSnapshot) => void;
  'chat:message': (payload: ChatMessage & { conversationId: string }) => void;
  'chat:typing': (payload: { conversationId: string; from: Sender; typing: boolean }) => void;
  'chat:ended': (payload: { conversationId: string; by: EndedBy }) => void;
  'stats:updated': (payload: SupervisorStats) => void;
  /** Addition: a conversation was transferred to this operator by a colleague. */
  'chat:assigned': (payload: { conversation: OperatorConversation }) => void;
  /** Addition: an internal note was added (to every socket of the operator holding it). */
  'chat:note': (payload: InternalNote & { conversationId: string }) => void;
  /**
   * Addition (issue 20): the visitor of a conversation this operator holds lost their last
   * connection (`present: false`, `since` = when) or came back within the resume window
   * (`present: true`, `since` = when they came back).
   */
  'chat:presence': (payload: VisitorPresence) => void;
  /**
   * Addition (issue 20): this operator's status, to a socket when it connects (after a reload
   * within OPERATOR_RECONNECT_GRACE_SECONDS it is the status they had) and to all their
   * sockets when it changes.
   */
  'operator:state': (payload: OperatorState) => void;
}
