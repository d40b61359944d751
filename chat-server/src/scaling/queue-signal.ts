/**
 * Queue positions are per process: each process tells its own waiting visitors and operators
 * (chat/queue-notifier.ts). When something changes in one process, it announces that over the
 * Socket.IO adapter (Redis pub/sub, nothing stored), and every other process refreshes its own
 * clients from the shared store. Announcements close together are folded into one.
 */
import type { Server } from 'socket.io';
import type { ClusterLink } from './chat-cluster';

export const QUEUE_CHANGED_EVENT = 'ghnt:queue-changed';
const FOLD_MS = 20;

export function linkQueueSignal(io: Server, refreshLocal: () => void): ClusterLink {
  const main = io.of('/');
  main.on(QUEUE_CHANGED_EVENT, refreshLocal);
  let timer: NodeJS.Timeout | undefined;
  return {
    announce() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        main.serverSideEmit(QUEUE_CHANGED_EVENT);
      }, FOLD_MS);
      timer.unref();
    },
  };
}
