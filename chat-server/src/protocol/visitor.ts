/** The visitor namespace `/visitor`: what a visitor's browser sends and receives. */
import { z } from 'zod';
import {
  clientId,
  humanText,
  themeId,
  municipalityCode,
  LANG_CODES,
  ABOUT,
  MAX_MESSAGE_LENGTH,
  MAX_NICKNAME_LENGTH,
  type AckCallback,
  type ChatMessage,
  type ConversationStatus,
  type EndedBy,
  type LanguageFigures,
  type Sender,
} from './core';

// ---- visitor namespace `/visitor` --------------------------------------------------------

export const visitorStartSchema = z
  .object({
    lang: z.enum(LANG_CODES),
    about: z.enum(ABOUT),
    inDanger: z.boolean(),
    theme: themeId.optional(),
    municipality: municipalityCode.optional(),
    nickname: humanText(MAX_NICKNAME_LENGTH).optional(),
    /** Addition: the visitor said "I am younger than 18" (true); absent or false = not said. */
    under18: z.boolean().optional(),
  })
  .strict();
export const visitorSendSchema = z.object({ clientId, text: humanText(MAX_MESSAGE_LENGTH) }).strict();
export const visitorTypingSchema = z.object({ typing: z.boolean() }).strict();
export const emptySchema = z.object({}).strict();

export type VisitorStart = z.infer<typeof visitorStartSchema>;
export type VisitorSend = z.infer<typeof visitorSendSchema>;

/** An honest waiting-time range from recent waits; null when there is too little data. */
export interface WaitRange {
  minSeconds: number;
  maxSeconds: number;
}

/** Addition (issue 14): `languageServed` and `fallbackLanguages` (core.ts `LanguageFigures`). */
export interface VisitorStarted extends LanguageFigures {
  conversationId: string;
  resumeToken: string;
  status: 'queued';
  position: number;
  estimatedWaitSeconds: number | null;
  /** Addition: the range behind `estimatedWaitSeconds` (null when unknown). */
  estimatedWaitRange: WaitRange | null;
}

/** Addition (issue 14): `languageServed` and `fallbackLanguages`, for the conversation's language. */
export interface QueueUpdate extends LanguageFigures {
  position: number;
  estimatedWaitSeconds: number | null;
  /** Addition: the range behind `estimatedWaitSeconds` (null when unknown). */
  estimatedWaitRange: WaitRange | null;
  operatorsAvailable: number;
}

export interface ChatState {
  conversationId: string;
  status: ConversationStatus;
  position?: number;
  messages: ChatMessage[];
  /** Addition: the operator's alias when active. */
  operatorName?: string;
  /** Addition: when queued, as in `queue:updated`. */
  estimatedWaitSeconds?: number | null;
  estimatedWaitRange?: WaitRange | null;
  operatorsAvailable?: number;
  /** Addition (issue 14): when queued, as in `queue:updated`. */
  languageServed?: boolean;
  fallbackLanguages?: LanguageFigures['fallbackLanguages'];
}

export interface VisitorClientEvents {
  'visitor:start': (payload: VisitorStart, ack: AckCallback<VisitorStarted>) => void;
  'chat:send': (payload: VisitorSend, ack: AckCallback<{ id: string; at: string }>) => void;
  'chat:typing': (payload: { typing: boolean }, ack?: AckCallback<Record<string, never>>) => void;
  'chat:end': (payload: Record<string, never>, ack: AckCallback<Record<string, never>>) => void;
  'visitor:quick-exit': (payload: Record<string, never>, ack: AckCallback<Record<string, never>>) => void;
}

export interface VisitorServerEvents {
  'queue:updated': (payload: QueueUpdate) => void;
  'chat:accepted': (payload: { operatorName: string }) => void;
  'chat:message': (payload: ChatMessage) => void;
  'chat:typing': (payload: { from: Sender; typing: boolean }) => void;
  'chat:ended': (payload: { by: EndedBy }) => void;
  'chat:state': (payload: ChatState) => void;
  /** Addition: the `resumeToken` given at connect is unknown or expired; start a new chat. */
  'chat:resume-failed': (payload: { error: 'not-found' }) => void;
}
