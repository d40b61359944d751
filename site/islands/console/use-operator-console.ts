/**
 * The operator's socket and everything it reports: the queue, the conversations this operator
 * holds, the supervisor's figures. Actions return the server's error code (or null) so the
 * console can say what went wrong. The state and its rules live in console-state.ts (a pure
 * reducer); this hook owns the socket, turns its events and the acknowledgements into actions,
 * and exposes the state with the actions.
 */
import { useCallback, useEffect, useReducer, useRef } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ChatMessage,
  ErrorCode,
  OperatorClientEvents,
  OperatorConversation,
  OperatorServerEvents,
  Outcome,
} from '../../../chat-server/src/protocol';
import { newClientId } from '../chat/client-id';
import type { ShownMessage } from '../chat/message-list';
import { consoleReducer, initialConsoleState } from './console-state';
import { fetchMe } from './operator-api';

export type { Connection, HeldConversation } from './console-state';

type OperatorSocket = Socket<OperatorServerEvents, OperatorClientEvents>;

const ACK_TIMEOUT_MS = 10_000;

async function ask<T>(run: () => Promise<Ack<T>>): Promise<Ack<T>> {
  try {
    return await run();
  } catch {
    return { ok: false, error: 'unavailable' };
  }
}

export function useOperatorConsole(session: number) {
  const socketRef = useRef<OperatorSocket | null>(null);
  const [state, dispatch] = useReducer(consoleReducer, initialConsoleState);
  const availableRef = useRef(false);
  availableRef.current = state.available;

  useEffect(() => {
    // WebSocket only: its handshake always carries Origin, which the server checks for operators
    // (a same-origin long-polling GET has none).
    const socket: OperatorSocket = io('/operator', { path: '/socket.io', transports: ['websocket'] });
    socketRef.current = socket;
    dispatch({ type: 'session-started' });
    socket.on('connect', () => {
      dispatch({ type: 'connected' });
      // The server counts a (re)connected operator as away until told otherwise: say it again.
      if (availableRef.current) socket.emit('operator:status', { status: 'available' }, () => undefined);
    });
    socket.on('disconnect', (reason) => {
      dispatch({ type: 'disconnected' });
      // Cut off by the server (account disabled or reset, session revoked): Socket.IO does not
      // retry by itself then. Try once: a live session comes back, a dead one gets the login form.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      // Refused by the server (no or expired session): log in again.
      dispatch({ type: 'connect-failed', unauthorized: !socket.active || /unauthori[sz]ed/i.test(error.message) });
    });
    socket.on('queue:snapshot', (snapshot) => dispatch({ type: 'snapshot', snapshot }));
    socket.on('chat:assigned', ({ conversation, handover }) =>
      dispatch({ type: 'assigned', conversation, ...(handover ? { handover } : {}) }),
    );
    socket.on('chat:note', ({ conversationId, ...note }) => dispatch({ type: 'note-added', conversationId, note }));
    socket.on('chat:message', ({ conversationId, ...message }) =>
      dispatch({ type: 'message-received', conversationId, message: message as ChatMessage }),
    );
    socket.on('chat:typing', ({ conversationId, from, typing }) =>
      dispatch({ type: 'typing', conversationId, from, typing }),
    );
    socket.on('chat:presence', ({ conversationId, present, since }) =>
      dispatch({ type: 'presence', conversationId, present, since }),
    );
    socket.on('chat:ended', ({ conversationId, by }) => dispatch({ type: 'ended', conversationId, by }));
    socket.on('stats:updated', (stats) => dispatch({ type: 'stats', stats }));
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [session]);

  // Who is logged in, asked again at every (re)connect; an answer for a session gone is dropped.
  useEffect(() => {
    if (state.connection !== 'connected') return;
    let current = true;
    void fetchMe().then((me) => {
      if (current) dispatch({ type: 'me-loaded', me });
    });
    return () => {
      current = false;
    };
  }, [state.connection, session]);

  const emit = useCallback(
    <E extends keyof OperatorClientEvents>(event: E, payload: Parameters<OperatorClientEvents[E]>[0]) => {
      const socket = socketRef.current;
      if (!socket) return Promise.resolve({ ok: false, error: 'unavailable' } as const);
      // Socket.IO's typed emitWithAck cannot infer through the generic event name; the payload type is checked above.
      const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
        emitWithAck(event: string, payload: unknown): Promise<Ack<unknown>>;
      };
      return ask(() => timed.emitWithAck(event, payload));
    },
    [],
  );

  const setStatus = useCallback(
    async (status: 'available' | 'away'): Promise<ErrorCode | null> => {
      const ack = await emit('operator:status', { status });
      if (ack.ok) dispatch({ type: 'availability-changed', available: status === 'available' });
      return ack.ok ? null : ack.error;
    },
    [emit],
  );

  const accept = useCallback(
    /** The id of the conversation taken, or the error. */
    async (conversationId?: string): Promise<string | { error: ErrorCode }> => {
      const ack = (await emit('operator:accept', conversationId ? { conversationId } : {})) as Ack<{
        conversation: OperatorConversation;
      }>;
      if (!ack.ok) return { error: ack.error };
      dispatch({ type: 'accepted', conversation: ack.data.conversation });
      return ack.data.conversation.conversationId;
    },
    [emit],
  );

  const send = useCallback(
    async (conversationId: string, text: string): Promise<ErrorCode | null> => {
      const clientId = newClientId();
      const local: ShownMessage = {
        id: `local:${clientId}`,
        clientId,
        from: 'operator',
        text,
        at: new Date().toISOString(),
        pending: true,
      };
      dispatch({ type: 'message-sent', conversationId, message: local });
      const ack = (await emit('chat:send', { conversationId, clientId, text })) as Ack<{ id: string; at: string }>;
      if (ack.ok) {
        dispatch({ type: 'message-confirmed', conversationId, clientId, id: ack.data.id, at: ack.data.at });
        return null;
      }
      dispatch({ type: 'message-failed', conversationId, clientId });
      return ack.error;
    },
    [emit],
  );

  const typing = useCallback((conversationId: string, isTyping: boolean) => {
    socketRef.current?.emit('chat:typing', { conversationId, typing: isTyping });
  }, []);

  const note = useCallback(
    async (conversationId: string, text: string): Promise<ErrorCode | null> => {
      const ack = (await emit('operator:note', { conversationId, text })) as Ack<{ id: string; at: string }>;
      if (!ack.ok) return ack.error;
      dispatch({ type: 'note-added', conversationId, note: { id: ack.data.id, at: ack.data.at, text, by: '' } });
      return null;
    },
    [emit],
  );

  const forget = useCallback((conversationId: string) => dispatch({ type: 'closed', conversationId }), []);

  const transfer = useCallback(
    /** `note`: the handover note the server requires (issue 20). */
    async (conversationId: string, to: string, note: string): Promise<ErrorCode | null> => {
      const ack = await emit('operator:transfer', { conversationId, to, note });
      if (!ack.ok) return ack.error;
      forget(conversationId);
      return null;
    },
    [emit, forget],
  );

  const end = useCallback(
    async (conversationId: string, outcome: Outcome): Promise<ErrorCode | null> => {
      const ack = await emit('chat:end', { conversationId, outcome });
      if (!ack.ok) return ack.error;
      forget(conversationId);
      return null;
    },
    [emit, forget],
  );

  /** Issue 20: records the outcome; gone from "Af te ronden" at once (the next snapshot agrees). */
  const wrapUp = useCallback(
    async (conversationId: string, outcome: Outcome, note: string): Promise<ErrorCode | null> => {
      const ack = await emit('operator:wrap-up', { conversationId, outcome, ...(note ? { note } : {}) });
      // `not-found`: wrapped up already (another tab) or dropped: not to be done any more either.
      if (ack.ok || ack.error === 'not-found') dispatch({ type: 'wrapped-up', conversationId });
      return ack.ok ? null : ack.error;
    },
    [emit],
  );

  const dismissHandover = useCallback(
    (conversationId: string) => dispatch({ type: 'handover-read', conversationId }),
    [],
  );

  return {
    ...state,
    wrapUp,
    dismissHandover,
    setStatus,
    accept,
    send,
    typing,
    note,
    transfer,
    end,
    forget,
  };
}
