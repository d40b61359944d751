/** The operator namespace `/operator`: what the console sends and receives. */
import { z } from 'zod';
import {
  id,
  clientId,
  humanText,
  OUTCOMES,
  MAX_MESSAGE_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_HANDOVER_NOTE_LENGTH,
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
/**
 * Addition (issue 20): `note` (1–500 characters) is required: what the colleague, or whoever
 * accepts it from the queue, needs to know (`handover`).
 */
export const operatorTransferSchema = z
  .object({
    conversationId: id,
    to: z.union([z.literal('queue'), id]),
    note: humanText(MAX_HANDOVER_NOTE_LENGTH),
  })
  .strict();
export const operatorNoteSchema = z.object({ conversationId: id, text: humanText(MAX_NOTE_LENGTH) }).strict();
/**
 * Addition (issue 20): `operator:wrap-up` records the outcome of a conversation this operator
 * held that ended without one (by the visitor, by Snel weg or by a timeout); `note` is internal.
 */
export const operatorWrapUpSchema = z
  .object({ conversationId: id, outcome: z.enum(OUTCOMES), note: humanText(MAX_NOTE_LENGTH).optional() })
  .strict();

/**
 * Addition (issue 20): a message as operators receive it. Operator messages carry who wrote
 * them (`operatorName`, and here also the opaque id), so a transcript handed over shows each
 * operator by name; visitors never get `operatorId`.
 */
export interface OperatorChatMessage extends ChatMessage {
  /** The writer's opaque operator id (as `Colleague.operatorId`), on `from: 'operator'` messages. */
  operatorId?: string;
}

/** Addition (issue 20): what the previous operator handed over with `operator:transfer`. */
export interface Handover {
  /** The handover note (internal; never sent to the visitor). */
  note: string;
  /** The display name of the operator who handed it over. */
  from: string;
}

/**
 * Addition (issue 20): a conversation this operator held that ended without an outcome and
 * waits for `operator:wrap-up`. Metadata only: never a message, nickname or anything the visitor typed.
 */
export interface ToWrapUp {
  conversationId: string;
  endedBy: Exclude<EndedBy, 'operator'>;
  /** ISO 8601. */
  endedAt: string;
  lang: Lang;
  about: About;
  inDanger: boolean;
  under18?: true;
  theme?: string;
  municipality?: string;
  region?: string;
}

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
  /**
   * Addition (issue 20): present (true) when a colleague handed this conversation over with a
   * note (it came back to the queue with one); the note itself comes with the accept (`handover`).
   */
  handedOver?: true;
}

export interface OperatorConversation extends WaitingConversation {
  status: ConversationStatus;
  nickname?: string;
  messages: OperatorChatMessage[];
  notes: InternalNote[];
  /** Addition: the alias the visitor sees for the operator who holds it. */
  operatorName?: string;
  /**
   * Addition (issue 20): the latest handover note and who wrote it, once the conversation was
   * transferred with one (also after it went through the queue); the note is also in `notes`.
   */
  handover?: Handover;
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
  /**
   * Addition (issue 20): this operator's conversations that ended without an outcome and wait
   * for `operator:wrap-up`, oldest first (dropped after 24 hours: docs/chat-protocol.md).
   */
  toWrapUp?: ToWrapUp[];
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
    payload: { conversationId: string; to: string; note: string },
    ack: AckCallback<Record<string, never>>,
  ) => void;
  /** Addition (issue 20). */
  'operator:wrap-up': (
    payload: { conversationId: string; outcome: Outcome; note?: string },
    ack: AckCallback<Record<string, never>>,
  ) => void;
  'operator:note': (
    payload: { conversationId: string; text: string },
    ack: AckCallback<{ id: string; at: string }>,
  ) => void;
}

export interface OperatorServerEvents {
  'queue:snapshot': (payload: QueueSnapshot) => void;
  'chat:message': (payload: OperatorChatMessage & { conversationId: string }) => void;
  'chat:typing': (payload: { conversationId: string; from: Sender; typing: boolean }) => void;
  'chat:ended': (payload: { conversationId: string; by: EndedBy }) => void;
  'stats:updated': (payload: SupervisorStats) => void;
  /**
   * Addition: a conversation was transferred to this operator by a colleague (or is given back
   * after a reload). Addition (issue 20): `handover` only when a colleague handed it over just
   * now (an alert in the console), not when it is given back after a reload.
   */
  'chat:assigned': (payload: { conversation: OperatorConversation; handover?: Handover }) => void;
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
