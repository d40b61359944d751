/**
 * The visitor's socket: opened only when a chat starts (or a resume token says one is running),
 * reconnecting by itself, resuming with the token from sessionStorage, resending what was typed
 * while the line was down (same clientId, so the server stores it once), and ending the chat when
 * the quick exit fires.
 */
import { useCallback, useEffect, useReducer, useRef } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ErrorCode,
  VisitorClientEvents,
  VisitorServerEvents,
  VisitorStart,
  VisitorStarted,
} from '../../../chat-server/src/protocol';
import { QUICK_EXIT_EVENT } from '../../scripts/quick-exit';
import { chatReducer, initialChat, type Problem } from './chat-state';
import { newClientId } from './client-id';
import { pendingMessages } from './message-list';
import { forgetResumeToken, readResumeToken, saveResumeToken } from './resume-token';

type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;

const ACK_TIMEOUT_MS = 10_000;
/** How long a resumed connection may take to send `chat:state` before the token counts as stale. */
const RESUME_GRACE_MS = 8_000;
const TYPING_IDLE_MS = 3_000;
/**
 * A message refused for a passing reason (`unavailable`, `rate-limited`) is not thrown away: what a
 * person typed, perhaps at great risk, stays on screen as "sending" and goes again after this
 * long, a few times; after that on the next reconnect. The same clientId makes the server keep
 * it once (docs/chat-protocol.md).
 */
const RETRY_AFTER_MS = 5_000;
const RETRIES = 6;
const PASSING: readonly ErrorCode[] = ['unavailable', 'rate-limited'];

function problemFor(error: ErrorCode): Problem {
  if (error === 'rate-limited' || error === 'closed' || error === 'queue-full' || error === 'unavailable') return error;
  return 'generic';
}

export function useVisitorChat() {
  const [chat, dispatch] = useReducer(chatReducer, initialChat);
  const socketRef = useRef<VisitorSocket | null>(null);
  const chatRef = useRef(chat);
  chatRef.current = chat;
  const resumeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typingSent = useRef(false);

  const closeSocket = useCallback(() => {
    clearTimeout(resumeTimer.current);
    socketRef.current?.removeAllListeners();
    socketRef.current?.disconnect();
    socketRef.current = null;
  }, []);

  const deliver = useCallback(async (clientId: string, text: string, attempt = 0): Promise<void> => {
    const socket = socketRef.current;
    // Not connected: the message stays pending and goes out on the next `connect`.
    if (!socket?.connected) return;
    let ack: Ack<{ id: string; at: string }>;
    try {
      ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('chat:send', { clientId, text });
    } catch {
      return;
    }
    if (ack.ok) return dispatch({ type: 'confirmed', clientId, id: ack.data.id, at: ack.data.at });
    if (PASSING.includes(ack.error)) {
      dispatch({ type: 'held', clientId, problem: problemFor(ack.error) });
      if (attempt < RETRIES) setTimeout(() => void deliverRef.current(clientId, text, attempt + 1), RETRY_AFTER_MS);
      return;
    }
    dispatch({ type: 'dropped', clientId, problem: problemFor(ack.error) });
  }, []);
  const deliverRef = useRef(deliver);

  const openSocket = useCallback((): VisitorSocket => {
    if (socketRef.current) return socketRef.current;
    const socket: VisitorSocket = io('/visitor', {
      path: '/socket.io',
      // A function, so every reconnect sends the token saved since the first connect.
      auth: (send) => {
        const resumeToken = readResumeToken();
        send(resumeToken ? { resumeToken } : {});
      },
      reconnectionDelay: 500,
      reconnectionDelayMax: 4_000,
    });
    socket.on('connect', () => {
      dispatch({ type: 'connection', connected: true });
      for (const message of pendingMessages(chatRef.current.messages)) {
        if (message.clientId) void deliver(message.clientId, message.text);
      }
    });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') dispatch({ type: 'connection', connected: false });
    });
    socket.on('connect_error', () => {
      // An inactive socket after an error was refused by the server (a stale token): start over.
      if (!socket.active) {
        forgetResumeToken();
        closeSocket();
        dispatch(
          chatRef.current.phase === 'resuming' ? { type: 'forgotten' } : { type: 'failed', problem: 'unavailable' },
        );
        return;
      }
      dispatch({ type: 'connection', connected: false });
    });
    socket.on('chat:state', (state) => {
      clearTimeout(resumeTimer.current);
      if (state.status === 'ended') {
        forgetResumeToken();
        closeSocket();
      }
      dispatch({ type: 'state', state });
    });
    socket.on('chat:resume-failed', () => {
      // The conversation is gone (ended, or the resume window passed): start fresh.
      forgetResumeToken();
      closeSocket();
      dispatch({ type: 'forgotten' });
    });
    socket.on('queue:updated', (update) => dispatch({ type: 'queue', update }));
    socket.on('chat:accepted', ({ operatorName }) => dispatch({ type: 'accepted', operatorName }));
    socket.on('chat:message', (message) => dispatch({ type: 'message', message }));
    socket.on('chat:typing', ({ from, typing }) => {
      if (from === 'operator') dispatch({ type: 'typing', typing });
    });
    socket.on('chat:ended', ({ by }) => {
      forgetResumeToken();
      closeSocket();
      dispatch({ type: 'ended', by });
    });
    socketRef.current = socket;
    return socket;
  }, [closeSocket, deliver]);

  // A token in this tab means a chat is running: resume it at once.
  useEffect(() => {
    if (!readResumeToken()) return;
    dispatch({ type: 'resume' });
    const socket = openSocket();
    resumeTimer.current = setTimeout(() => {
      if (chatRef.current.phase !== 'resuming') return;
      forgetResumeToken();
      closeSocket();
      dispatch({ type: 'forgotten' });
    }, RESUME_GRACE_MS);
    if (!socket.connected) socket.connect();
  }, [openSocket, closeSocket]);

  // The quick exit ends the chat on the server; it does not wait for an answer (the page is leaving).
  useEffect(() => {
    const onQuickExit = () => {
      socketRef.current?.emit('visitor:quick-exit', {}, () => undefined);
      forgetResumeToken();
    };
    window.addEventListener(QUICK_EXIT_EVENT, onQuickExit);
    return () => window.removeEventListener(QUICK_EXIT_EVENT, onQuickExit);
  }, []);

  // The browser knows sooner than a ping timeout that the network is gone: drop the transport so
  // Socket.IO starts reconnecting, and try again at once when the network returns.
  useEffect(() => {
    const onOffline = () => socketRef.current?.io.engine?.close();
    const onOnline = () => {
      const socket = socketRef.current;
      if (socket && !socket.connected) {
        socket.disconnect();
        socket.connect();
      }
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
    };
  }, []);

  useEffect(() => closeSocket, [closeSocket]);

  const start = useCallback(
    async (details: VisitorStart) => {
      dispatch({ type: 'start' });
      const socket = openSocket();
      let ack: Ack<VisitorStarted>;
      try {
        ack = await socket.timeout(ACK_TIMEOUT_MS * 2).emitWithAck('visitor:start', details);
      } catch {
        closeSocket();
        dispatch({ type: 'failed', problem: 'unavailable' });
        return;
      }
      if (!ack.ok) {
        closeSocket();
        dispatch({ type: 'failed', problem: problemFor(ack.error) });
        return;
      }
      saveResumeToken(ack.data.resumeToken);
      dispatch({
        type: 'started',
        position: ack.data.position,
        estimatedWaitSeconds: ack.data.estimatedWaitSeconds,
        estimatedWaitRange: ack.data.estimatedWaitRange ?? null,
        language:
          typeof ack.data.languageServed === 'boolean'
            ? { languageServed: ack.data.languageServed, fallbackLanguages: ack.data.fallbackLanguages ?? [] }
            : null,
      });
    },
    [openSocket, closeSocket],
  );

  const send = useCallback(
    (text: string) => {
      const clientId = newClientId();
      dispatch({
        type: 'local',
        message: {
          id: `local:${clientId}`,
          clientId,
          from: 'visitor',
          text,
          at: new Date().toISOString(),
          pending: true,
        },
      });
      if (typingSent.current) {
        typingSent.current = false;
        clearTimeout(typingTimer.current);
        socketRef.current?.emit('chat:typing', { typing: false });
      }
      void deliver(clientId, text);
    },
    [deliver],
  );

  /** Call on every keystroke in the composer: tells the operator "typing" and, after a pause, "stopped". */
  const typing = useCallback(() => {
    const socket = socketRef.current;
    if (!socket?.connected) return;
    if (!typingSent.current) {
      typingSent.current = true;
      socket.emit('chat:typing', { typing: true });
    }
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => {
      typingSent.current = false;
      socketRef.current?.emit('chat:typing', { typing: false });
    }, TYPING_IDLE_MS);
  }, []);

  const end = useCallback(async () => {
    const socket = socketRef.current;
    if (socket?.connected) {
      try {
        await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('chat:end', {});
      } catch {
        // The server ends it by timeout if this never arrives; locally it is over either way.
      }
    }
    forgetResumeToken();
    closeSocket();
    dispatch({ type: 'ended', by: 'visitor' });
  }, [closeSocket]);

  const startOver = useCallback(() => dispatch({ type: 'reset' }), []);

  return { chat, start, send, typing, end, startOver };
}
