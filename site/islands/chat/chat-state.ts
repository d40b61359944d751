/**
 * The visitor chat's state and every way it can change, as one pure reducer: socket events and
 * the visitor's actions come in as actions, so the rules (exactly-once messages, what each phase
 * shows) are testable without a browser.
 */
import type {
  ChatMessage,
  ChatState,
  EndedBy,
  LanguageFigures,
  QueueUpdate,
  WaitRange,
} from '../../../chat-server/src/protocol';
import { confirmMessage, mergeMessage, replaceWithState, type ShownMessage } from './message-list';

export type Phase = 'prechat' | 'starting' | 'resuming' | 'waiting' | 'active' | 'ended';
export type Problem = 'rate-limited' | 'closed' | 'queue-full' | 'unavailable' | 'generic';

export interface VisitorChat {
  phase: Phase;
  messages: ShownMessage[];
  position: number | null;
  estimatedWaitSeconds: number | null;
  estimatedWaitRange: WaitRange | null;
  operatorsAvailable: number | null;
  /** Issue 14: whether someone available reads the visitor's language (null: not told yet). */
  language: LanguageFigures | null;
  operatorName: string | null;
  operatorTyping: boolean;
  /** False while the socket is down after having been up. */
  connected: boolean;
  endedBy: EndedBy | null;
  problem: Problem | null;
}

export type Action =
  | { type: 'resume' }
  | { type: 'start' }
  | {
      type: 'started';
      position: number;
      estimatedWaitSeconds: number | null;
      estimatedWaitRange: WaitRange | null;
      /** Issue 14: absent when the server did not say (an older server). */
      language?: LanguageFigures | null;
    }
  | { type: 'failed'; problem: Problem }
  | { type: 'state'; state: ChatState }
  | { type: 'queue'; update: QueueUpdate }
  | { type: 'accepted'; operatorName: string }
  | { type: 'message'; message: ChatMessage }
  | { type: 'local'; message: ShownMessage }
  | { type: 'confirmed'; clientId: string; id: string; at: string }
  | { type: 'dropped'; clientId: string; problem: Problem }
  /** A refusal that may pass (unavailable, rate-limited): the message stays, pending, and is sent again. */
  | { type: 'held'; clientId: string; problem: Problem }
  | { type: 'typing'; typing: boolean }
  | { type: 'ended'; by: EndedBy }
  | { type: 'connection'; connected: boolean }
  | { type: 'forgotten' }
  | { type: 'reset' };

export const initialChat: VisitorChat = {
  phase: 'prechat',
  messages: [],
  position: null,
  estimatedWaitSeconds: null,
  estimatedWaitRange: null,
  operatorsAvailable: null,
  language: null,
  operatorName: null,
  operatorTyping: false,
  connected: true,
  endedBy: null,
  problem: null,
};

/** The language figures of a server message, when it carries them (an older server does not). */
function languageOf(from: Partial<LanguageFigures>): LanguageFigures | null {
  return typeof from.languageServed === 'boolean'
    ? { languageServed: from.languageServed, fallbackLanguages: from.fallbackLanguages ?? [] }
    : null;
}

export function chatReducer(chat: VisitorChat, action: Action): VisitorChat {
  switch (action.type) {
    case 'resume':
      return { ...initialChat, phase: 'resuming' };
    case 'start':
      return { ...chat, phase: 'starting', problem: null };
    case 'started':
      return {
        ...chat,
        phase: chat.phase === 'starting' ? 'waiting' : chat.phase,
        position: action.position,
        estimatedWaitSeconds: action.estimatedWaitSeconds,
        estimatedWaitRange: action.estimatedWaitRange,
        language: action.language ?? null,
      };
    case 'failed':
      return { ...chat, phase: chat.phase === 'starting' ? 'prechat' : chat.phase, problem: action.problem };
    case 'state': {
      const { state } = action;
      if (state.status === 'ended') return { ...chat, phase: 'ended', endedBy: chat.endedBy, operatorTyping: false };
      return {
        ...chat,
        phase: state.status === 'queued' ? 'waiting' : 'active',
        position: state.position ?? chat.position,
        estimatedWaitSeconds: state.estimatedWaitSeconds ?? chat.estimatedWaitSeconds,
        estimatedWaitRange: state.estimatedWaitRange ?? chat.estimatedWaitRange,
        operatorsAvailable: state.operatorsAvailable ?? chat.operatorsAvailable,
        language: languageOf(state) ?? chat.language,
        operatorName: state.operatorName ?? chat.operatorName,
        messages: replaceWithState(chat.messages, state.messages),
        connected: true,
      };
    }
    case 'queue':
      return {
        ...chat,
        position: action.update.position,
        estimatedWaitSeconds: action.update.estimatedWaitSeconds,
        estimatedWaitRange: action.update.estimatedWaitRange ?? null,
        operatorsAvailable: action.update.operatorsAvailable,
        language: languageOf(action.update) ?? chat.language,
      };
    case 'accepted': {
      const accepted = {
        ...chat,
        phase: chat.phase === 'ended' ? 'ended' : 'active',
        operatorName: action.operatorName,
      } as const;
      if (chat.phase !== 'active') return accepted;
      // While chatting, `chat:accepted` means a colleague took over (docs/chat-protocol.md): say so.
      const notice: ShownMessage = {
        id: `notice-transferred-${chat.messages.length}`,
        from: 'system',
        text: '',
        at: '',
        notice: 'transferred',
        operatorName: action.operatorName,
      };
      const confirmed = chat.messages.filter((shown) => !shown.pending);
      const pending = chat.messages.filter((shown) => shown.pending);
      return { ...accepted, messages: [...confirmed, notice, ...pending] };
    }
    case 'message':
      return {
        ...chat,
        messages: mergeMessage(chat.messages, action.message),
        operatorTyping: action.message.from === 'operator' ? false : chat.operatorTyping,
      };
    case 'local':
      return { ...chat, messages: [...chat.messages, action.message], problem: null };
    case 'confirmed':
      return { ...chat, messages: confirmMessage(chat.messages, action.clientId, action.id, action.at) };
    case 'dropped':
      return {
        ...chat,
        messages: chat.messages.filter((shown) => !(shown.pending && shown.clientId === action.clientId)),
        problem: action.problem,
      };
    case 'held':
      return { ...chat, problem: action.problem };
    case 'typing':
      return { ...chat, operatorTyping: action.typing };
    case 'ended':
      return { ...chat, phase: 'ended', endedBy: action.by, operatorTyping: false, connected: true };
    case 'connection':
      return { ...chat, connected: action.connected };
    case 'forgotten':
      return { ...initialChat };
    case 'reset':
      return { ...initialChat };
  }
}
