/**
 * What the chat needs to run as several processes: Socket.IO server options (the adapter that
 * carries broadcasts between processes, connection state recovery) and a way to tell the other
 * processes that the queue changed, so each refreshes its own visitors and operators.
 * One process (no REDIS_URL) needs none of it; with Redis see redis-cluster.ts.
 */
import type { Server, ServerOptions } from 'socket.io';
import type { ChatStore } from '../chat/store/chat-store';

export interface ClusterLinkOptions {
  /** Refreshes this process's visitors and operators (another process announced a change). */
  refreshLocal: () => void;
  store: ChatStore;
  resumeWindowMs: number;
  /** A visitor was marked away (their process died) or present again by the liveness check. */
  presenceChanged?: (conversationId: string, present: boolean, since: number) => void;
}

export interface ClusterLink {
  /** Tells every other process that the queue, an operator or a conversation changed. */
  announce(): void;
}

export interface ChatCluster {
  /** Merged into `new Server(...)`. */
  serverOptions: Partial<ServerOptions>;
  /** Called once with the Socket.IO server, when the chat is attached. */
  link(io: Server, options: ClusterLinkOptions): ClusterLink;
  /**
   * Resolves once every broadcast emitted before the call has reached Redis, so other processes
   * will deliver it even if this one dies now.
   */
  flush(): Promise<void>;
  /** Resolves when this process receives what the others broadcast (call before listening). */
  ready(io: Server): Promise<void>;
  /** Closes the Redis connections; call after the Socket.IO server is closed. */
  close(): Promise<void>;
}
