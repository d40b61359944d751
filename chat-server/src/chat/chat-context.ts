/**
 * What every chat handler gets: the store and content, the settings, the clock, the two
 * Socket.IO namespaces (to tell the other party), and the process's view of operators online.
 */
import type { Namespace } from 'socket.io';
import type { ChatSettings } from '../config';
import type { Logger } from '../logger';
import type {
  Lang,
  OperatorClientEvents,
  OperatorRole,
  OperatorServerEvents,
  VisitorClientEvents,
  VisitorServerEvents,
} from '../protocol';
import type { ChatContent } from './chat-content';
import type { Regions } from './regions';
import type { Schedule } from './schedule';
import type { AccountStore, ChatStore, OperatorPresence } from './store/chat-store';
import type { ChatCluster } from '../scaling/chat-cluster';
import type { AuditLog } from '../admin/audit-log';
import type { StatsStore } from '../admin/stats-store';

export interface ChatDeps {
  store: ChatStore;
  accounts: AccountStore;
  schedule: Schedule;
  regions: Regions;
  content: ChatContent;
  logger: Logger;
  /** Staff actions for supervisors (issue 14); written through `recordAudit` only. */
  audit: AuditLog;
  /** The chat's figures per hour (issue 14); written through `recordStats` only. */
  stats: StatsStore;
  settings: ChatSettings;
  /** Secure cookies. */
  production: boolean;
  /** For the Origin checks; unset = the request's Host. */
  publicOrigin?: string;
  /** Partner sites that may open the visitor chat (CHAT_ALLOWED_ORIGINS). */
  allowedOrigins?: string[];
  /** Reverse proxies in front (TRUST_PROXY): where the client address is read for the limits. */
  trustProxy?: number;
  now?: () => number;
  /** Several processes on one Redis (chat-server/src/scaling/); unset = this process alone. */
  cluster?: ChatCluster;
  /** How long an event may take before it answers `unavailable` (default STORE_TIME_LIMIT_MS, 3 s); read at each event, tests change it. */
  eventTimeLimitMs?: number;
}

export interface VisitorSocketData {
  conversationId?: string;
  lang?: Lang;
}

export interface OperatorSocketData {
  operatorId: string;
  name: string;
  role: OperatorRole;
  region: string;
  /** Addition (issue 14): the account's languages at connect (languages.ts `accountLanguages`). */
  languages: Lang[];
  sessionKey: string;
}

export type VisitorNamespace = Namespace<
  VisitorClientEvents,
  VisitorServerEvents,
  Record<string, never>,
  VisitorSocketData
>;
export type OperatorNamespace = Namespace<
  OperatorClientEvents,
  OperatorServerEvents,
  Record<string, never>,
  OperatorSocketData
>;

export interface ChatContext extends Required<Pick<ChatDeps, 'now'>>, Omit<ChatDeps, 'now'> {
  visitors: VisitorNamespace;
  operators: OperatorNamespace;
  /** Resolves once what was emitted so far has reached the other processes (at once with one process). */
  relayed(): Promise<void>;
  /** Schedules a refresh of queue positions, operator snapshots and supervisor figures. */
  queueChanged(): void;
  /** Operators online now, across processes (from the store's presence). */
  onlineOperators(): Promise<OperatorPresence[]>;
}

export const visitorRoom = (conversationId: string) => `visitor:${conversationId}`;
export const operatorRoom = (operatorId: string) => `operator:${operatorId}`;
export const SUPERVISORS_ROOM = 'supervisors';
export const sessionRoom = (sessionKey: string) => `session:${sessionKey}`;
