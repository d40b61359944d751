/**
 * The operator console's state and every way it can change, as one pure reducer: the socket's
 * events and the operator's actions come in as actions, so the rules (exactly-once messages,
 * presence, an ended conversation kept until closed, events for conversations not held ignored)
 * are testable without a browser or a server. use-operator-console.ts owns the socket and
 * dispatches; this module never talks to the network.
 *
 * Adding state: one field in ConsoleState (and initialConsoleState), one action, one case.
 * A change that changes nothing returns the same state object, so Preact skips the render.
 */
import type {
  ChatMessage,
  Colleague,
  EndedBy,
  InternalNote,
  OperatorConversation,
  OperatorMe,
  QueueSnapshot,
  Sender,
  SupervisorStats,
  ToWrapUp,
  Handover,
  WaitingConversation,
} from '../../../chat-server/src/protocol';
import { confirmMessage, mergeMessage, replaceWithState, type ShownMessage } from '../chat/message-list';

export interface HeldConversation {
  conversation: OperatorConversation;
  messages: ShownMessage[];
  visitorTyping: boolean;
  endedBy: EndedBy | null;
  /** `away`: the visitor's connection is gone; `back`: it returned after being away. */
  visitorPresence: 'here' | 'away' | 'back';
  /** ISO 8601, since when the visitor is away (while `visitorPresence` is `away`). */
  awaySince: string | null;
}

export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized';

/** Issue 20: a conversation just handed over to this operator, with the note and who handed it over. */
export type HandoverAlert = Handover & { conversationId: string };

/** The protocol's default capacity, until /api/operator/me says this operator's; the server enforces it. */
export const DEFAULT_CAPACITY = 3;

export interface ConsoleState {
  connection: Connection;
  /** Who is logged in (GET /api/operator/me): null until known, and again at a new session. */
  me: OperatorMe | null;
  /** Available for new chats, as the server last acknowledged. */
  available: boolean;
  /** The head of the queue, in the server's order. */
  waiting: WaitingConversation[];
  /** The rows of the last snapshot that the one before did not have: what the new-chat alert is about. */
  arrived: WaitingConversation[];
  /** How many wait in all and how many of them in danger (`waiting` is the head of the queue). */
  waitingCount: { total: number; inDanger: number };
  /** The ids the server says this operator holds (some may not be in `held` yet, after a reload). */
  mine: string[];
  colleagues: Colleague[];
  /** The conversations on this page, by id, in the order they were taken (a change keeps the place). */
  held: Record<string, HeldConversation>;
  /** The conversation this operator took last (its message box gets the focus). */
  justAccepted: string | null;
  /** Supervisors only: null until the server sends the first figures. */
  stats: SupervisorStats | null;
  /** Issue 20: this operator's conversations that ended without an outcome (`queue:snapshot.toWrapUp`). */
  toWrapUp: ToWrapUp[];
  /** Issue 20: conversations just handed over to this operator, shown as an alert until read. */
  handovers: HandoverAlert[];
}

export const initialConsoleState: ConsoleState = {
  connection: 'connecting',
  me: null,
  available: false,
  waiting: [],
  arrived: [],
  waitingCount: { total: 0, inDanger: 0 },
  mine: [],
  colleagues: [],
  held: {},
  justAccepted: null,
  stats: null,
  toWrapUp: [],
  handovers: [],
};

export type ConsoleAction =
  // The connection.
  /**
   * A new socket, for a new session (first load, or logging in again, perhaps as someone else on
   * the same computer): nothing of the last session is kept; the server gives back what is held.
   */
  | { type: 'session-started' }
  | { type: 'connected' }
  | { type: 'disconnected' }
  /** The socket could not connect: `unauthorized` when the server refused the session. */
  | { type: 'connect-failed'; unauthorized: boolean }
  /** The answer of GET /api/operator/me (null: not known, e.g. the request failed). */
  | { type: 'me-loaded'; me: OperatorMe | null }
  // Server events.
  | { type: 'snapshot'; snapshot: QueueSnapshot }
  /**
   * `chat:assigned`: a conversation given to this operator (also every held one again after a
   * reconnect); `handover` only when a colleague handed it over just now (issue 20).
   */
  | { type: 'assigned'; conversation: OperatorConversation; handover?: Handover }
  | { type: 'note-added'; conversationId: string; note: InternalNote }
  | { type: 'message-received'; conversationId: string; message: ChatMessage }
  | { type: 'typing'; conversationId: string; from: Sender; typing: boolean }
  | { type: 'presence'; conversationId: string; present: boolean; since: string }
  | { type: 'ended'; conversationId: string; by: EndedBy }
  | { type: 'stats'; stats: SupervisorStats }
  // The operator's actions, once the server has answered (or, for a message, before: shown pending).
  | { type: 'availability-changed'; available: boolean }
  /** `operator:accept` acknowledged with the conversation taken. */
  | { type: 'accepted'; conversation: OperatorConversation }
  /** Shown at once, `pending`, until the acknowledgement. */
  | { type: 'message-sent'; conversationId: string; message: ShownMessage }
  | { type: 'message-confirmed'; conversationId: string; clientId: string; id: string; at: string }
  /** Refused or not answered: the pending copy goes (the console shows the error). */
  | { type: 'message-failed'; conversationId: string; clientId: string }
  /** Closed by the operator: after ending or transferring it, or closing an ended one. */
  | { type: 'closed'; conversationId: string }
  /** Issue 20: `operator:wrap-up` acknowledged (or answered `not-found`: done elsewhere or dropped). */
  | { type: 'wrapped-up'; conversationId: string }
  /** Issue 20: the operator read the handover alert. */
  | { type: 'handover-read'; conversationId: string };

/**
 * A conversation as the console holds it when it is given to this operator. Given again (after a
 * reconnect) it is the server's copy, plus the operator's messages still being sent: they stay
 * pending on screen until their acknowledgement, instead of vanishing at the reconnect.
 */
export function heldFrom(conversation: OperatorConversation, before?: HeldConversation): HeldConversation {
  const away = conversation.visitorPresent === false;
  return {
    conversation,
    messages: replaceWithState(before?.messages ?? [], conversation.messages),
    visitorTyping: false,
    endedBy: null,
    visitorPresence: away ? 'away' : 'here',
    awaySince: away ? (conversation.awaySince ?? null) : null,
  };
}

/**
 * Changes one held conversation. A conversation not held (closed already, transferred, or
 * someone else's) is ignored, and a change that changes nothing keeps the same state object.
 */
function updateHeld(
  state: ConsoleState,
  conversationId: string,
  change: (held: HeldConversation) => HeldConversation,
): ConsoleState {
  const current = state.held[conversationId];
  if (!current) return state;
  const next = change(current);
  if (next === current) return state;
  // Spreading keeps the key where it was: the conversations stay in the order they were taken.
  return { ...state, held: { ...state.held, [conversationId]: next } };
}

/** Holds a conversation; given again (a reconnect), the server's copy replaces this page's, in the same place. */
function hold(state: ConsoleState, conversation: OperatorConversation): ConsoleState {
  const id = conversation.conversationId;
  return { ...state, held: { ...state.held, [id]: heldFrom(conversation, state.held[id]) } };
}

/** A handover alert for a conversation (replacing an older one for the same conversation). */
function alerted(state: ConsoleState, conversationId: string, handover: Handover | undefined): ConsoleState {
  if (!handover) return state;
  const others = state.handovers.filter((alert) => alert.conversationId !== conversationId);
  return { ...state, handovers: [...others, { conversationId, ...handover }] };
}

function withoutAlert(state: ConsoleState, conversationId: string): ConsoleState {
  const handovers = state.handovers.filter((alert) => alert.conversationId !== conversationId);
  return handovers.length === state.handovers.length ? state : { ...state, handovers };
}

function withNote(held: HeldConversation, note: InternalNote): HeldConversation {
  if (held.conversation.notes.some((known) => known.id === note.id)) return held;
  return { ...held, conversation: { ...held.conversation, notes: [...held.conversation.notes, note] } };
}

function withMessages(held: HeldConversation, messages: ShownMessage[]): HeldConversation {
  return messages === held.messages ? held : { ...held, messages };
}

export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'session-started':
      return initialConsoleState;
    case 'connected':
      return state.connection === 'connected' ? state : { ...state, connection: 'connected' };
    case 'disconnected':
      return state.connection === 'reconnecting' ? state : { ...state, connection: 'reconnecting' };
    case 'connect-failed': {
      const connection = action.unauthorized ? 'unauthorized' : 'reconnecting';
      return state.connection === connection ? state : { ...state, connection };
    }
    case 'me-loaded':
      return { ...state, me: action.me };
    case 'snapshot': {
      const { snapshot } = action;
      const before = new Set(state.waiting.map((row) => row.conversationId));
      return {
        ...state,
        waiting: snapshot.waiting,
        arrived: snapshot.waiting.filter((row) => !before.has(row.conversationId)),
        waitingCount: {
          total: snapshot.waitingTotal ?? snapshot.waiting.length,
          inDanger: snapshot.waitingInDanger ?? snapshot.waiting.filter((row) => row.inDanger).length,
        },
        mine: snapshot.mine,
        colleagues: snapshot.colleagues ?? [],
        toWrapUp: snapshot.toWrapUp ?? [],
      };
    }
    case 'assigned':
      return alerted(hold(state, action.conversation), action.conversation.conversationId, action.handover);
    case 'accepted': {
      // Taken from the queue after a colleague put it back with a note: alerted as for a transfer.
      const taken = { ...hold(state, action.conversation), justAccepted: action.conversation.conversationId };
      return alerted(taken, action.conversation.conversationId, action.conversation.handover);
    }
    case 'note-added':
      return updateHeld(state, action.conversationId, (held) => withNote(held, action.note));
    case 'message-received':
      return updateHeld(state, action.conversationId, (held) => {
        const messages = mergeMessage(held.messages, action.message);
        // The visitor's message ends their typing.
        const visitorTyping = action.message.from === 'visitor' ? false : held.visitorTyping;
        if (messages === held.messages && visitorTyping === held.visitorTyping) return held;
        return { ...held, messages, visitorTyping };
      });
    case 'typing':
      // Only the visitor's typing is shown; the operator's own is an echo.
      if (action.from !== 'visitor') return state;
      return updateHeld(state, action.conversationId, (held) =>
        held.visitorTyping === action.typing ? held : { ...held, visitorTyping: action.typing },
      );
    case 'presence':
      return updateHeld(state, action.conversationId, (held) => ({
        ...held,
        visitorPresence: action.present ? 'back' : 'away',
        awaySince: action.present ? null : action.since,
        // Gone means not typing any more.
        visitorTyping: action.present ? held.visitorTyping : false,
      }));
    case 'ended':
      // Kept on screen, marked ended, until the operator closes it.
      return updateHeld(state, action.conversationId, (held) => ({
        ...held,
        endedBy: action.by,
        visitorTyping: false,
      }));
    case 'stats':
      return { ...state, stats: action.stats };
    case 'availability-changed':
      return state.available === action.available ? state : { ...state, available: action.available };
    case 'message-sent':
      return updateHeld(state, action.conversationId, (held) => ({
        ...held,
        messages: [...held.messages, action.message],
      }));
    case 'message-confirmed':
      return updateHeld(state, action.conversationId, (held) =>
        withMessages(held, confirmMessage(held.messages, action.clientId, action.id, action.at)),
      );
    case 'message-failed':
      return updateHeld(state, action.conversationId, (held) => {
        const messages = held.messages.filter((shown) => !(shown.pending && shown.clientId === action.clientId));
        return messages.length === held.messages.length ? held : { ...held, messages };
      });
    case 'closed': {
      const quiet = withoutAlert(state, action.conversationId);
      if (!quiet.held[action.conversationId]) return quiet;
      const { [action.conversationId]: _closed, ...rest } = quiet.held;
      return { ...quiet, held: rest };
    }
    case 'wrapped-up': {
      const toWrapUp = state.toWrapUp.filter((item) => item.conversationId !== action.conversationId);
      return toWrapUp.length === state.toWrapUp.length ? state : { ...state, toWrapUp };
    }
    case 'handover-read':
      return withoutAlert(state, action.conversationId);
    default:
      return unknownAction(action, state);
  }
}

/** Compile time: every action has a case. At run time an unknown action changes nothing. */
function unknownAction(_action: never, state: ConsoleState): ConsoleState {
  return state;
}

// What the console shows, derived from the state (pure, so the rules are tested with the reducer).

/** The conversations held, in the order they were taken. */
export function heldList(state: ConsoleState): HeldConversation[] {
  return Object.values(state.held);
}

/**
 * Conversations the server says this operator holds but this page has not got (after a reload):
 * they can at least go back to the queue, so no visitor is left waiting on a closed tab.
 */
export function orphanIds(state: ConsoleState): string[] {
  return state.mine.filter((id) => !state.held[id]);
}

export function capacityOf(state: ConsoleState): number {
  return state.me?.capacity ?? DEFAULT_CAPACITY;
}

/** Room for one more: the conversations still open (an ended one waiting to be closed does not count) below capacity. */
export function canAcceptMore(state: ConsoleState): boolean {
  return heldList(state).filter((held) => !held.endedBy).length < capacityOf(state);
}

/** Colleagues a conversation can go to: someone else, available, with room. */
export function transferTargets(state: ConsoleState): Colleague[] {
  return state.colleagues.filter(
    (colleague) =>
      colleague.operatorId !== state.me?.operatorId &&
      colleague.status === 'available' &&
      colleague.load < colleague.capacity,
  );
}
