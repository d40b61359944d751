/**
 * The operator's socket and everything it reports: the queue, the conversations this operator
 * holds, the supervisor's figures. Actions return the server's error code (or null) so the
 * console can say what went wrong.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ChatMessage,
  Colleague,
  EndedBy,
  ErrorCode,
  Handover,
  OperatorClientEvents,
  OperatorConversation,
  OperatorServerEvents,
  Outcome,
  SupervisorStats,
  ToWrapUp,
  WaitingConversation,
} from '../../../chat-server/src/protocol';
import { newClientId } from '../chat/client-id';
import { confirmMessage, mergeMessage, type ShownMessage } from '../chat/message-list';

type OperatorSocket = Socket<OperatorServerEvents, OperatorClientEvents>;

/** A handover alert: which conversation, the note, and who handed it over. */
export type Handed = Handover & { conversationId: string };

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
  const [connection, setConnection] = useState<Connection>('connecting');
  const [waiting, setWaiting] = useState<WaitingConversation[]>([]);
  /** How many wait in all and how many of them in danger (`waiting` is the head of the queue). */
  const [waitingCount, setWaitingCount] = useState({ total: 0, inDanger: 0 });
  const [mine, setMine] = useState<string[]>([]);
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const [held, setHeld] = useState<Record<string, HeldConversation>>({});
  const [stats, setStats] = useState<SupervisorStats | null>(null);
  const [available, setAvailable] = useState(false);
  const availableRef = useRef(false);
  availableRef.current = available;
  /** Issue 20: this operator's conversations that ended without an outcome. */
  const [toWrapUp, setToWrapUp] = useState<ToWrapUp[]>([]);
  /** Issue 20: conversations just handed over to this operator, until read. */
  const [handovers, setHandovers] = useState<Handed[]>([]);
  const handedOver = useCallback((conversation: OperatorConversation, handover: Handover | undefined) => {
    if (handover)
      setHandovers((all) => [
        ...all.filter((known) => known.conversationId !== conversation.conversationId),
        { conversationId: conversation.conversationId, ...handover },
      ]);
  }, []);

  const hold = useCallback((conversation: OperatorConversation) => {
    setHeld((all) => ({
      ...all,
      [conversation.conversationId]: {
        conversation,
        messages: conversation.messages.map((m) => ({ ...m })),
        visitorTyping: false,
        endedBy: null,
        visitorPresence: conversation.visitorPresent === false ? 'away' : 'here',
        awaySince: conversation.visitorPresent === false ? (conversation.awaySince ?? null) : null,
      },
    }));
  }, []);

  const update = useCallback((id: string, change: (held: HeldConversation) => HeldConversation) => {
    setHeld((all) => (all[id] ? { ...all, [id]: change(all[id]) } : all));
  }, []);

  useEffect(() => {
    // WebSocket only: its handshake always carries Origin, which the server checks for operators
    // (a same-origin long-polling GET has none).
    const socket: OperatorSocket = io('/operator', { path: '/socket.io', transports: ['websocket'] });
    socketRef.current = socket;
    setConnection('connecting');
    socket.on('connect', () => {
      setConnection('connected');
      // The server counts a (re)connected operator as away until told otherwise: say it again.
      if (availableRef.current) socket.emit('operator:status', { status: 'available' }, () => undefined);
    });
    socket.on('disconnect', (reason) => {
      setConnection('reconnecting');
      // Cut off by the server (account disabled or reset, session revoked): Socket.IO does not
      // retry by itself then. Try once: a live session comes back, a dead one gets the login form.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      // Refused by the server (no or expired session): log in again.
      setConnection(!socket.active || /unauthori[sz]ed/i.test(error.message) ? 'unauthorized' : 'reconnecting');
    });
    socket.on('queue:snapshot', (snapshot) => {
      setWaiting(snapshot.waiting);
      setWaitingCount({
        total: snapshot.waitingTotal ?? snapshot.waiting.length,
        inDanger: snapshot.waitingInDanger ?? snapshot.waiting.filter((row) => row.inDanger).length,
      });
      setMine(snapshot.mine);
      setColleagues(snapshot.colleagues ?? []);
      setToWrapUp(snapshot.toWrapUp ?? []);
    });
    socket.on('chat:assigned', ({ conversation, handover }) => {
      hold(conversation);
      handedOver(conversation, handover);
    });
    socket.on('chat:note', ({ conversationId, ...note }) =>
      update(conversationId, (h) =>
        h.conversation.notes.some((known) => known.id === note.id)
          ? h
          : { ...h, conversation: { ...h.conversation, notes: [...h.conversation.notes, note] } },
      ),
    );
    socket.on('chat:message', ({ conversationId, ...message }) =>
      update(conversationId, (h) => ({
        ...h,
        messages: mergeMessage(h.messages, message as ChatMessage),
        visitorTyping: message.from === 'visitor' ? false : h.visitorTyping,
      })),
    );
    socket.on('chat:typing', ({ conversationId, from, typing }) => {
      if (from === 'visitor') update(conversationId, (h) => ({ ...h, visitorTyping: typing }));
    });
    socket.on('chat:presence', ({ conversationId, present, since }) =>
      update(conversationId, (h) => ({
        ...h,
        visitorPresence: present ? 'back' : 'away',
        awaySince: present ? null : since,
        visitorTyping: present ? h.visitorTyping : false,
      })),
    );
    socket.on('chat:ended', ({ conversationId, by }) =>
      update(conversationId, (h) => ({ ...h, endedBy: by, visitorTyping: false })),
    );
    socket.on('stats:updated', setStats);
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [session, update, hold, handedOver]);

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
      if (ack.ok) setAvailable(status === 'available');
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
      hold(ack.data.conversation);
      // Taken from the queue after a colleague handed it back with a note: alert as for a transfer.
      handedOver(ack.data.conversation, ack.data.conversation.handover);
      return ack.data.conversation.conversationId;
    },
    [emit, hold, handedOver],
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
      update(conversationId, (h) => ({ ...h, messages: [...h.messages, local] }));
      const ack = (await emit('chat:send', { conversationId, clientId, text })) as Ack<{ id: string; at: string }>;
      if (ack.ok) {
        update(conversationId, (h) => ({
          ...h,
          messages: confirmMessage(h.messages, clientId, ack.data.id, ack.data.at),
        }));
        return null;
      }
      update(conversationId, (h) => ({
        ...h,
        messages: h.messages.filter((m) => m.clientId !== clientId || !m.pending),
      }));
      return ack.error;
    },
    [emit, update],
  );

  const typing = useCallback((conversationId: string, isTyping: boolean) => {
    socketRef.current?.emit('chat:typing', { conversationId, typing: isTyping });
  }, []);

  const note = useCallback(
    async (conversationId: string, text: string): Promise<ErrorCode | null> => {
      const ack = (await emit('operator:note', { conversationId, text })) as Ack<{ id: string; at: string }>;
      if (!ack.ok) return ack.error;
      const note = { id: ack.data.id, at: ack.data.at, text, by: '' };
      update(conversationId, (h) =>
        h.conversation.notes.some((known) => known.id === note.id)
          ? h
          : { ...h, conversation: { ...h.conversation, notes: [...h.conversation.notes, note] } },
      );
      return null;
    },
    [emit, update],
  );

  const forget = useCallback((conversationId: string) => {
    setHeld((all) => {
      const { [conversationId]: _gone, ...rest } = all;
      return rest;
    });
  }, []);

  const transfer = useCallback(
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

  /** Issue 20: records the outcome; gone from the list at once (the next snapshot agrees). */
  const wrapUp = useCallback(
    async (conversationId: string, outcome: Outcome, note: string): Promise<ErrorCode | null> => {
      const ack = await emit('operator:wrap-up', { conversationId, outcome, ...(note ? { note } : {}) });
      // `not-found`: wrapped up already (another tab) or dropped: not in the list any more either.
      if (ack.ok || ack.error === 'not-found')
        setToWrapUp((all) => all.filter((item) => item.conversationId !== conversationId));
      return ack.ok ? null : ack.error;
    },
    [emit],
  );

  const dismissHandover = useCallback((conversationId: string) => {
    setHandovers((all) => all.filter((known) => known.conversationId !== conversationId));
  }, []);

  return {
    toWrapUp,
    handovers,
    wrapUp,
    dismissHandover,
    connection,
    available,
    waiting,
    waitingCount,
    mine,
    colleagues,
    held,
    stats,
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
