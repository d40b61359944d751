/**
 * The operator console's state rules (site/islands/console/console-state.ts), without a browser:
 * every message exactly once, events for conversations not held ignored, presence, an ended
 * conversation kept until the operator closes it, the queue replaced by each snapshot, and the
 * held conversations in a stable order.
 */
import { describe, expect, it } from 'vitest';
import type {
  ChatMessage,
  OperatorConversation,
  QueueSnapshot,
  WaitingConversation,
} from '../../chat-server/src/protocol';
import {
  canAcceptMore,
  capacityOf,
  consoleReducer,
  DEFAULT_CAPACITY,
  heldList,
  initialConsoleState,
  orphanIds,
  transferTargets,
  type ConsoleAction,
  type ConsoleState,
} from '../../site/islands/console/console-state';
import type { ShownMessage } from '../../site/islands/chat/message-list';

const AT = '2026-12-05T03:00:00.000Z';
const ME = { operatorId: 'op-me', name: 'Noor', role: 'operator', region: 'VT01', capacity: 2 } as const;

function waitingRow(conversationId: string, inDanger = false): WaitingConversation {
  return { conversationId, waitingSince: AT, lang: 'nl', about: 'self', inDanger, visitorPresent: true };
}

function conversation(conversationId: string, extra: Partial<OperatorConversation> = {}): OperatorConversation {
  return { ...waitingRow(conversationId), status: 'active', messages: [], notes: [], ...extra };
}

function message(id: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id, from: 'visitor', text: `text ${id}`, at: AT, ...extra };
}

function pending(clientId: string, text = 'my reply'): ShownMessage {
  return { id: `local:${clientId}`, clientId, from: 'operator', text, at: AT, pending: true };
}

function snapshot(extra: Partial<QueueSnapshot> = {}): QueueSnapshot {
  return { waiting: [], mine: [], ...extra };
}

/** Freezes the whole state, so a reducer that changes its input throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The state after these actions, from the initial state; every step's input frozen. */
function run(...actions: ConsoleAction[]): ConsoleState {
  return actions.reduce((state, action) => consoleReducer(deepFreeze(state), action), initialConsoleState);
}

const holding = (...ids: string[]) =>
  run(...ids.map((id) => ({ type: 'assigned', conversation: conversation(id) }) as const));

describe('the connection', () => {
  it('starts connecting, away, with nothing held or waiting', () => {
    expect(initialConsoleState).toEqual({
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
      toWrapUp: [],
      handovers: [],
      stats: null,
    });
  });

  it('goes connected, then reconnecting on a disconnect, and keeps the conversations held meanwhile', () => {
    const before = run(
      { type: 'connected' },
      { type: 'assigned', conversation: conversation('c-1', { messages: [message('m-1')] }) },
    );
    expect(before.connection).toBe('connected');
    const down = consoleReducer(before, { type: 'disconnected' });
    expect(down.connection).toBe('reconnecting');
    const back = consoleReducer(down, { type: 'connected' });
    expect(back.connection).toBe('connected');
    expect(back.held['c-1']?.messages.map((m) => m.id)).toEqual(['m-1']);
  });

  it('asks for the login form only when the server refused the session', () => {
    expect(run({ type: 'connect-failed', unauthorized: true }).connection).toBe('unauthorized');
    expect(run({ type: 'connected' }, { type: 'connect-failed', unauthorized: false }).connection).toBe('reconnecting');
  });

  it('keeps the same state object when the connection does not change', () => {
    const connected = run({ type: 'connected' });
    expect(consoleReducer(connected, { type: 'connected' })).toBe(connected);
  });

  it('keeps nothing of the last session when a new one starts (another operator on the same computer)', () => {
    const busy = run(
      { type: 'connected' },
      { type: 'me-loaded', me: ME },
      { type: 'availability-changed', available: true },
      { type: 'snapshot', snapshot: snapshot({ waiting: [waitingRow('w-1')], mine: ['c-1'] }) },
      { type: 'accepted', conversation: conversation('c-2') },
      { type: 'assigned', conversation: conversation('c-1', { messages: [message('m-1')] }) },
      {
        type: 'stats',
        stats: {
          waiting: 1,
          active: 1,
          operatorsAvailable: 1,
          longestWaitSeconds: 5,
          endedToday: 0,
          abandonedToday: 0,
        },
      },
      { type: 'connect-failed', unauthorized: true },
    );
    expect(consoleReducer(busy, { type: 'session-started' })).toEqual(initialConsoleState);
  });
});

describe('the queue snapshot', () => {
  it('replaces the waiting list, the counts, mine and the colleagues (nothing merged from the last one)', () => {
    const colleague = {
      operatorId: 'op-1',
      name: 'Sam',
      region: 'VT01',
      status: 'available',
      load: 0,
      capacity: 3,
    } as const;
    const first = run({
      type: 'snapshot',
      snapshot: snapshot({
        waiting: [waitingRow('w-1', true), waitingRow('w-2')],
        waitingTotal: 150,
        waitingInDanger: 7,
        mine: ['c-1'],
        colleagues: [colleague],
      }),
    });
    expect(first.waiting.map((row) => row.conversationId)).toEqual(['w-1', 'w-2']);
    expect(first.waitingCount).toEqual({ total: 150, inDanger: 7 });
    expect(first.mine).toEqual(['c-1']);
    expect(first.colleagues).toEqual([colleague]);

    const second = consoleReducer(first, {
      type: 'snapshot',
      snapshot: snapshot({ waiting: [waitingRow('w-3')], waitingTotal: 1, waitingInDanger: 0, mine: [] }),
    });
    expect(second.waiting.map((row) => row.conversationId)).toEqual(['w-3']);
    expect(second.waitingCount).toEqual({ total: 1, inDanger: 0 });
    expect(second.mine).toEqual([]);
    // A snapshot without colleagues (an older server) means none, not the last ones.
    expect(second.colleagues).toEqual([]);
  });

  it('says which rows are new since the last snapshot (for the new-chat alert), in order', () => {
    const first = run({ type: 'snapshot', snapshot: snapshot({ waiting: [waitingRow('w-1'), waitingRow('w-2')] }) });
    expect(first.arrived.map((row) => row.conversationId)).toEqual(['w-1', 'w-2']);
    const second = consoleReducer(first, {
      type: 'snapshot',
      snapshot: snapshot({ waiting: [waitingRow('w-3', true), waitingRow('w-2'), waitingRow('w-4')] }),
    });
    expect(second.arrived.map((row) => row.conversationId)).toEqual(['w-3', 'w-4']);
    const same = consoleReducer(second, { type: 'snapshot', snapshot: snapshot({ waiting: second.waiting }) });
    expect(same.arrived).toEqual([]);
  });

  it('counts from the waiting list when the server gives no totals', () => {
    const state = run({
      type: 'snapshot',
      snapshot: snapshot({ waiting: [waitingRow('w-1', true), waitingRow('w-2'), waitingRow('w-3', true)] }),
    });
    expect(state.waitingCount).toEqual({ total: 3, inDanger: 2 });
  });

  it('leaves the conversations held alone', () => {
    const before = holding('c-1');
    const after = consoleReducer(before, { type: 'snapshot', snapshot: snapshot({ mine: [] }) });
    expect(after.held).toBe(before.held);
  });
});

describe('taking a conversation', () => {
  it('holds an assigned conversation with its messages, not typing, not ended, the visitor here', () => {
    const given = conversation('c-1', { messages: [message('m-1'), message('m-2', { from: 'operator' })] });
    const held = run({ type: 'assigned', conversation: given }).held['c-1'];
    expect(held).toEqual({
      conversation: given,
      messages: given.messages,
      visitorTyping: false,
      endedBy: null,
      visitorPresence: 'here',
      awaySince: null,
    });
    // Copies: the list on screen is not the server's payload.
    expect(held?.messages[0]).not.toBe(given.messages[0]);
  });

  it('holds a conversation whose visitor is already gone as away, since when the server says', () => {
    const away = run({ type: 'assigned', conversation: conversation('c-1', { visitorPresent: false, awaySince: AT }) });
    expect(away.held['c-1']).toMatchObject({ visitorPresence: 'away', awaySince: AT });
    const noTime = run({ type: 'assigned', conversation: conversation('c-1', { visitorPresent: false }) });
    expect(noTime.held['c-1']).toMatchObject({ visitorPresence: 'away', awaySince: null });
    // awaySince without visitorPresent false is not shown.
    const here = run({ type: 'assigned', conversation: conversation('c-1', { awaySince: AT }) });
    expect(here.held['c-1']).toMatchObject({ visitorPresence: 'here', awaySince: null });
  });

  it('holds an accepted conversation as an assigned one, and marks it the one just accepted', () => {
    const given = conversation('c-1', { messages: [message('m-1')] });
    const accepted = run({ type: 'accepted', conversation: given });
    const assigned = run({ type: 'assigned', conversation: given });
    expect(accepted.held).toEqual(assigned.held);
    expect(accepted.justAccepted).toBe('c-1');
    // Given by the server (a reload, a transfer) is not "just accepted": no focus is taken.
    expect(assigned.justAccepted).toBeNull();
    expect(consoleReducer(accepted, { type: 'assigned', conversation: conversation('c-2') }).justAccepted).toBe('c-1');
  });

  it('replaces a conversation given again (after a reconnect) with the server copy, in its place', () => {
    const before = run(
      { type: 'assigned', conversation: conversation('c-1') },
      { type: 'assigned', conversation: conversation('c-2') },
      { type: 'typing', conversationId: 'c-1', from: 'visitor', typing: true },
    );
    const again = consoleReducer(before, {
      type: 'assigned',
      conversation: conversation('c-1', { messages: [message('m-9')] }),
    });
    expect(Object.keys(again.held)).toEqual(['c-1', 'c-2']);
    expect(again.held['c-1']?.messages.map((m) => m.id)).toEqual(['m-9']);
    expect(again.held['c-1']?.visitorTyping).toBe(false);
  });
});

describe('a conversation given again after a reconnect', () => {
  it('keeps the messages still being sent, pending, after the server copy', () => {
    const state = run(
      { type: 'assigned', conversation: conversation('c-1', { messages: [message('m-1')] }) },
      { type: 'message-sent', conversationId: 'c-1', message: pending('k-1') },
      { type: 'assigned', conversation: conversation('c-1', { messages: [message('m-1'), message('m-2')] }) },
    );
    expect(state.held['c-1']?.messages).toEqual([message('m-1'), message('m-2'), pending('k-1')]);
    // Its acknowledgement still confirms it.
    const confirmed = consoleReducer(state, {
      type: 'message-confirmed',
      conversationId: 'c-1',
      clientId: 'k-1',
      id: 'm-3',
      at: AT,
    });
    expect(confirmed.held['c-1']?.messages.map((m) => [m.id, m.pending ?? false])).toEqual([
      ['m-1', false],
      ['m-2', false],
      ['m-3', false],
    ]);
  });

  it('shows a message once when the server copy already has the one being sent', () => {
    const stored = message('m-2', { clientId: 'k-1', from: 'operator', text: 'my reply' });
    const state = run(
      { type: 'assigned', conversation: conversation('c-1') },
      { type: 'message-sent', conversationId: 'c-1', message: pending('k-1') },
      { type: 'assigned', conversation: conversation('c-1', { messages: [stored] }) },
    );
    expect(state.held['c-1']?.messages).toEqual([stored]);
  });
});

describe('the order of the conversations held', () => {
  it('is the order they were taken, whatever happens in them', () => {
    let state = holding('c-b', 'c-a', 'c-c');
    state = consoleReducer(state, { type: 'message-received', conversationId: 'c-c', message: message('m-1') });
    state = consoleReducer(state, { type: 'ended', conversationId: 'c-b', by: 'visitor' });
    state = consoleReducer(state, { type: 'presence', conversationId: 'c-a', present: false, since: AT });
    state = consoleReducer(state, { type: 'message-sent', conversationId: 'c-b', message: pending('x') });
    expect(Object.keys(state.held)).toEqual(['c-b', 'c-a', 'c-c']);
    state = consoleReducer(state, { type: 'closed', conversationId: 'c-a' });
    state = consoleReducer(state, { type: 'accepted', conversation: conversation('c-d') });
    expect(Object.keys(state.held)).toEqual(['c-b', 'c-c', 'c-d']);
  });
});

describe('messages', () => {
  it('adds a message from the server after the ones there', () => {
    const state = run(
      { type: 'assigned', conversation: conversation('c-1', { messages: [message('m-1')] }) },
      { type: 'message-received', conversationId: 'c-1', message: message('m-2') },
    );
    expect(state.held['c-1']?.messages.map((m) => m.id)).toEqual(['m-1', 'm-2']);
  });

  it("ends the visitor's typing with the visitor's message, not with the operator's", () => {
    const typing = run(
      { type: 'assigned', conversation: conversation('c-1') },
      { type: 'typing', conversationId: 'c-1', from: 'visitor', typing: true },
    );
    const afterOperator = consoleReducer(typing, {
      type: 'message-received',
      conversationId: 'c-1',
      message: message('m-1', { from: 'operator' }),
    });
    expect(afterOperator.held['c-1']?.visitorTyping).toBe(true);
    const afterVisitor = consoleReducer(afterOperator, {
      type: 'message-received',
      conversationId: 'c-1',
      message: message('m-2'),
    });
    expect(afterVisitor.held['c-1']?.visitorTyping).toBe(false);
  });

  it('shows a sent message at once, pending, after the stored ones', () => {
    const state = run(
      { type: 'assigned', conversation: conversation('c-1', { messages: [message('m-1')] }) },
      { type: 'message-sent', conversationId: 'c-1', message: pending('k-1') },
    );
    expect(state.held['c-1']?.messages).toEqual([message('m-1'), pending('k-1')]);
  });

  it('keeps pending messages last when a server message arrives meanwhile', () => {
    const state = run(
      { type: 'assigned', conversation: conversation('c-1') },
      { type: 'message-sent', conversationId: 'c-1', message: pending('k-1') },
      { type: 'message-received', conversationId: 'c-1', message: message('m-1') },
    );
    expect(state.held['c-1']?.messages.map((m) => m.id)).toEqual(['m-1', 'local:k-1']);
  });

  it('confirms a pending message with the server id and time from the acknowledgement', () => {
    const state = run(
      { type: 'assigned', conversation: conversation('c-1') },
      { type: 'message-sent', conversationId: 'c-1', message: pending('k-1') },
      { type: 'message-confirmed', conversationId: 'c-1', clientId: 'k-1', id: 'm-5', at: '2026-12-05T03:01:00.000Z' },
    );
    const messages = state.held['c-1']?.messages ?? [];
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ id: 'm-5', clientId: 'k-1', at: '2026-12-05T03:01:00.000Z' });
    expect(messages[0]?.pending).toBeFalsy();
  });

  it('lets the echo of a sent message confirm the pending copy: one message, not two', () => {
    const echo = message('m-5', { clientId: 'k-1', from: 'operator', text: 'my reply' });
    const echoed = run(
      { type: 'assigned', conversation: conversation('c-1') },
      { type: 'message-sent', conversationId: 'c-1', message: pending('k-1') },
      { type: 'message-received', conversationId: 'c-1', message: echo },
    );
    expect(echoed.held['c-1']?.messages).toEqual([echo]);
    // The acknowledgement after the echo changes nothing.
    const acknowledged = consoleReducer(echoed, {
      type: 'message-confirmed',
      conversationId: 'c-1',
      clientId: 'k-1',
      id: 'm-5',
      at: AT,
    });
    expect(acknowledged).toBe(echoed);
  });

  it('ignores the echo that arrives after the acknowledgement', () => {
    const confirmed = run(
      { type: 'assigned', conversation: conversation('c-1') },
      { type: 'message-sent', conversationId: 'c-1', message: pending('k-1') },
      { type: 'message-confirmed', conversationId: 'c-1', clientId: 'k-1', id: 'm-5', at: AT },
    );
    const echo = message('m-5', { clientId: 'k-1', from: 'operator', text: 'my reply' });
    expect(consoleReducer(confirmed, { type: 'message-received', conversationId: 'c-1', message: echo })).toBe(
      confirmed,
    );
  });

  it('ignores a message that arrives twice (a resend), keeping the same state object', () => {
    const once = run(
      { type: 'assigned', conversation: conversation('c-1') },
      { type: 'message-received', conversationId: 'c-1', message: message('m-1', { clientId: 'v-1' }) },
    );
    const twice = consoleReducer(once, {
      type: 'message-received',
      conversationId: 'c-1',
      message: message('m-1', { clientId: 'v-1' }),
    });
    expect(twice).toBe(once);
    expect(twice.held['c-1']?.messages).toHaveLength(1);
  });

  it('removes only the failed pending copy when a send is refused', () => {
    const state = run(
      { type: 'assigned', conversation: conversation('c-1', { messages: [message('m-1')] }) },
      { type: 'message-sent', conversationId: 'c-1', message: pending('k-1', 'first') },
      { type: 'message-sent', conversationId: 'c-1', message: pending('k-2', 'second') },
      { type: 'message-failed', conversationId: 'c-1', clientId: 'k-1' },
    );
    expect(state.held['c-1']?.messages.map((m) => m.id)).toEqual(['m-1', 'local:k-2']);
  });

  it('keeps a message the server stored when a late failure names its clientId', () => {
    const stored = run(
      { type: 'assigned', conversation: conversation('c-1') },
      { type: 'message-sent', conversationId: 'c-1', message: pending('k-1') },
      { type: 'message-received', conversationId: 'c-1', message: message('m-5', { clientId: 'k-1' }) },
    );
    expect(consoleReducer(stored, { type: 'message-failed', conversationId: 'c-1', clientId: 'k-1' })).toBe(stored);
  });
});

describe('events for a conversation not held', () => {
  const events: ConsoleAction[] = [
    { type: 'message-received', conversationId: 'c-x', message: message('m-1') },
    { type: 'message-sent', conversationId: 'c-x', message: pending('k-1') },
    { type: 'message-confirmed', conversationId: 'c-x', clientId: 'k-1', id: 'm-1', at: AT },
    { type: 'message-failed', conversationId: 'c-x', clientId: 'k-1' },
    { type: 'typing', conversationId: 'c-x', from: 'visitor', typing: true },
    { type: 'presence', conversationId: 'c-x', present: false, since: AT },
    { type: 'ended', conversationId: 'c-x', by: 'visitor' },
    { type: 'note-added', conversationId: 'c-x', note: { id: 'n-1', text: 'note', at: AT, by: 'op-1' } },
    { type: 'closed', conversationId: 'c-x' },
  ];
  it.each(events.map((action) => [action.type, action] as const))('ignores %s: the same state object', (_, action) => {
    const state = holding('c-1');
    expect(consoleReducer(state, action)).toBe(state);
  });
});

describe('typing', () => {
  it("shows the visitor's typing and its end", () => {
    const on = run(
      { type: 'assigned', conversation: conversation('c-1') },
      { type: 'typing', conversationId: 'c-1', from: 'visitor', typing: true },
    );
    expect(on.held['c-1']?.visitorTyping).toBe(true);
    expect(
      consoleReducer(on, { type: 'typing', conversationId: 'c-1', from: 'visitor', typing: false }).held['c-1'],
    ).toMatchObject({ visitorTyping: false });
    // Told again: nothing changes.
    expect(consoleReducer(on, { type: 'typing', conversationId: 'c-1', from: 'visitor', typing: true })).toBe(on);
  });

  it("ignores the operator's own typing", () => {
    const state = holding('c-1');
    expect(consoleReducer(state, { type: 'typing', conversationId: 'c-1', from: 'operator', typing: true })).toBe(
      state,
    );
  });
});

describe('presence', () => {
  it('marks the visitor away since the time given, and not typing any more', () => {
    const state = run(
      { type: 'assigned', conversation: conversation('c-1') },
      { type: 'typing', conversationId: 'c-1', from: 'visitor', typing: true },
      { type: 'presence', conversationId: 'c-1', present: false, since: AT },
    );
    expect(state.held['c-1']).toMatchObject({ visitorPresence: 'away', awaySince: AT, visitorTyping: false });
  });

  it('marks the visitor back (not just here) when they return, without a time away', () => {
    const state = run(
      { type: 'assigned', conversation: conversation('c-1', { visitorPresent: false, awaySince: AT }) },
      { type: 'presence', conversationId: 'c-1', present: true, since: '2026-12-05T03:05:00.000Z' },
    );
    expect(state.held['c-1']).toMatchObject({ visitorPresence: 'back', awaySince: null });
  });

  it("keeps the visitor's typing when they come back", () => {
    const state = run(
      { type: 'assigned', conversation: conversation('c-1') },
      { type: 'typing', conversationId: 'c-1', from: 'visitor', typing: true },
      { type: 'presence', conversationId: 'c-1', present: true, since: AT },
    );
    expect(state.held['c-1']?.visitorTyping).toBe(true);
  });
});

describe('ending and closing', () => {
  it('keeps an ended conversation, marked with who ended it and no typing, until the operator closes it', () => {
    const ended = run(
      { type: 'assigned', conversation: conversation('c-1', { messages: [message('m-1')] }) },
      { type: 'typing', conversationId: 'c-1', from: 'visitor', typing: true },
      { type: 'ended', conversationId: 'c-1', by: 'visitor' },
    );
    expect(ended.held['c-1']).toMatchObject({ endedBy: 'visitor', visitorTyping: false });
    expect(ended.held['c-1']?.messages.map((m) => m.id)).toEqual(['m-1']);
    // A snapshot that no longer lists it as the operator's does not take it off the screen.
    const later = consoleReducer(ended, { type: 'snapshot', snapshot: snapshot({ mine: [] }) });
    expect(later.held['c-1']?.endedBy).toBe('visitor');
    const closed = consoleReducer(later, { type: 'closed', conversationId: 'c-1' });
    expect(closed.held).toEqual({});
  });

  it('closes only the conversation named', () => {
    const state = consoleReducer(holding('c-1', 'c-2'), { type: 'closed', conversationId: 'c-1' });
    expect(Object.keys(state.held)).toEqual(['c-2']);
  });
});

describe('internal notes', () => {
  it('adds a note once, whether it comes from the acknowledgement or the broadcast', () => {
    const note = { id: 'n-1', text: 'Gebeld met politie', at: AT, by: '' };
    const added = run(
      { type: 'assigned', conversation: conversation('c-1') },
      { type: 'note-added', conversationId: 'c-1', note },
    );
    expect(added.held['c-1']?.conversation.notes).toEqual([note]);
    const broadcast = consoleReducer(added, {
      type: 'note-added',
      conversationId: 'c-1',
      note: { ...note, by: 'op-1' },
    });
    expect(broadcast).toBe(added);
  });
});

describe("figures and the operator's availability", () => {
  it('shows the latest supervisor figures', () => {
    const figures = {
      waiting: 2,
      active: 1,
      operatorsAvailable: 3,
      longestWaitSeconds: 40,
      endedToday: 9,
      abandonedToday: 1,
    };
    const state = run({ type: 'stats', stats: figures }, { type: 'stats', stats: { ...figures, waiting: 0 } });
    expect(state.stats).toEqual({ ...figures, waiting: 0 });
  });

  it('follows the availability the server acknowledged', () => {
    const available = run({ type: 'availability-changed', available: true });
    expect(available.available).toBe(true);
    expect(consoleReducer(available, { type: 'availability-changed', available: true })).toBe(available);
    expect(consoleReducer(available, { type: 'availability-changed', available: false }).available).toBe(false);
  });

  it('keeps availability over a disconnect (the hook says it again to the server on reconnect)', () => {
    const state = run(
      { type: 'connected' },
      { type: 'availability-changed', available: true },
      { type: 'disconnected' },
      { type: 'connected' },
    );
    expect(state.available).toBe(true);
  });
});

it('changes nothing for an action it does not know (from a newer caller)', () => {
  const state = holding('c-1');
  expect(consoleReducer(state, { type: 'no-such-action' } as unknown as ConsoleAction)).toBe(state);
});

describe('who is logged in', () => {
  it('keeps the answer of /api/operator/me, and forgets it when the request fails', () => {
    const known = run({ type: 'me-loaded', me: ME });
    expect(known.me).toEqual(ME);
    expect(consoleReducer(known, { type: 'me-loaded', me: null }).me).toBeNull();
  });
});

describe('what the console derives from the state', () => {
  it('lists the conversations held in the order they were taken', () => {
    expect(heldList(holding('c-2', 'c-1')).map((held) => held.conversation.conversationId)).toEqual(['c-2', 'c-1']);
  });

  it('finds the conversations the server says are mine that this page does not hold', () => {
    const state = consoleReducer(holding('c-1'), {
      type: 'snapshot',
      snapshot: snapshot({ mine: ['c-1', 'c-2', 'c-3'] }),
    });
    expect(orphanIds(state)).toEqual(['c-2', 'c-3']);
  });

  it("uses this operator's capacity once known, the protocol's default before", () => {
    expect(capacityOf(initialConsoleState)).toBe(DEFAULT_CAPACITY);
    expect(capacityOf(run({ type: 'me-loaded', me: ME }))).toBe(2);
  });

  it('has room for one more below capacity, not counting ended conversations waiting to be closed', () => {
    const two = run(
      { type: 'me-loaded', me: ME },
      { type: 'assigned', conversation: conversation('c-1') },
      { type: 'assigned', conversation: conversation('c-2') },
    );
    expect(canAcceptMore(two)).toBe(false);
    const oneEnded = consoleReducer(two, { type: 'ended', conversationId: 'c-1', by: 'visitor' });
    expect(canAcceptMore(oneEnded)).toBe(true);
    expect(
      canAcceptMore(run({ type: 'me-loaded', me: ME }, { type: 'assigned', conversation: conversation('c-1') })),
    ).toBe(true);
  });

  it('offers as transfer targets only other colleagues who are available and have room', () => {
    const colleague = (operatorId: string, extra: object = {}) => ({
      operatorId,
      name: operatorId,
      region: 'VT01',
      status: 'available' as const,
      load: 0,
      capacity: 3,
      ...extra,
    });
    const state = run(
      { type: 'me-loaded', me: ME },
      {
        type: 'snapshot',
        snapshot: snapshot({
          colleagues: [
            colleague('op-me'),
            colleague('op-away', { status: 'away' }),
            colleague('op-full', { load: 3 }),
            colleague('op-free', { load: 2 }),
          ],
        }),
      },
    );
    expect(transferTargets(state).map((c) => c.operatorId)).toEqual(['op-free']);
  });
});

describe('wrap-up and handover (issue 20)', () => {
  const item = (conversationId: string) =>
    ({ conversationId, endedBy: 'visitor', endedAt: AT, lang: 'nl', about: 'self', inDanger: false }) as const;

  it('lists what the snapshot says is to wrap up, replaced by each snapshot', () => {
    const listed = run({ type: 'snapshot', snapshot: snapshot({ toWrapUp: [item('a'), item('b')] }) });
    expect(listed.toWrapUp.map((w) => w.conversationId)).toEqual(['a', 'b']);
    expect(consoleReducer(listed, { type: 'snapshot', snapshot: snapshot() }).toWrapUp).toEqual([]);
  });

  it('drops a wrapped-up conversation at once; one not listed changes nothing', () => {
    const listed = run({ type: 'snapshot', snapshot: snapshot({ toWrapUp: [item('a'), item('b')] }) });
    expect(consoleReducer(listed, { type: 'wrapped-up', conversationId: 'a' }).toWrapUp).toEqual([item('b')]);
    expect(consoleReducer(listed, { type: 'wrapped-up', conversationId: 'x' })).toBe(listed);
  });

  it('alerts a handover from a colleague, not a conversation given back after a reconnect', () => {
    const handover = { note: 'bel om 15:00', from: 'Anna' };
    const given = run(
      { type: 'assigned', conversation: conversation('a', { handover }) },
      { type: 'assigned', conversation: conversation('b', { handover }), handover },
    );
    expect(given.handovers).toEqual([{ conversationId: 'b', ...handover }]);
    expect(given.held.b!.conversation.handover).toEqual(handover);
  });

  it('alerts a conversation accepted from the queue with a handover note', () => {
    const handover = { note: 'Engels graag', from: 'Bo' };
    const taken = run({ type: 'accepted', conversation: conversation('a', { handover }) });
    expect(taken.handovers).toEqual([{ conversationId: 'a', ...handover }]);
    expect(run({ type: 'accepted', conversation: conversation('b') }).handovers).toEqual([]);
  });

  it('keeps one alert per conversation until read or closed', () => {
    const first = { note: 'eerste', from: 'Anna' };
    const second = { note: 'tweede', from: 'Bo' };
    const alerted = run(
      { type: 'assigned', conversation: conversation('a'), handover: first },
      { type: 'assigned', conversation: conversation('a'), handover: second },
      { type: 'assigned', conversation: conversation('b'), handover: first },
    );
    expect(alerted.handovers.map((h) => [h.conversationId, h.note])).toEqual([
      ['a', 'tweede'],
      ['b', 'eerste'],
    ]);
    expect(consoleReducer(alerted, { type: 'handover-read', conversationId: 'a' }).handovers).toHaveLength(1);
    expect(consoleReducer(alerted, { type: 'closed', conversationId: 'b' }).handovers).toHaveLength(1);
    expect(consoleReducer(alerted, { type: 'handover-read', conversationId: 'x' })).toBe(alerted);
  });
});
