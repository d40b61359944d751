/** The visitor chat's pure rules: every message exactly once, safe links, honest waiting ranges. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ChatMessage } from '../../chat-server/src/protocol';
import {
  confirmMessage,
  mergeMessage,
  pendingMessages,
  replaceWithState,
  type ShownMessage,
} from '../../site/islands/chat/message-list';
import { textParts } from '../../site/islands/chat/linkify';
import { waitRange } from '../../site/islands/chat/wait-estimate';
import { chatReducer, initialChat } from '../../site/islands/chat/chat-state';
import { messageText, senderName } from '../../site/islands/chat/MessageLog';
import type { ChatStrings } from '../../site/islands/chat/types';

const at = '2026-11-23T12:00:00.000Z';
const fromServer = (id: string, clientId?: string, from: ChatMessage['from'] = 'visitor'): ChatMessage => ({
  id,
  from,
  text: `text ${id}`,
  at,
  ...(clientId ? { clientId } : {}),
});
const pending = (clientId: string): ShownMessage => ({
  id: `local:${clientId}`,
  clientId,
  from: 'visitor',
  text: `typed ${clientId}`,
  at,
  pending: true,
});

describe('message list', () => {
  it('replaces the pending copy when the server echoes it', () => {
    const list = mergeMessage([pending('c1')], fromServer('m1', 'c1'));
    expect(list).toEqual([fromServer('m1', 'c1')]);
  });

  it('keeps confirmed messages before pending ones', () => {
    const list = mergeMessage([pending('c1')], fromServer('m1', undefined, 'operator'));
    expect(list.map((m) => m.id)).toEqual(['m1', 'local:c1']);
  });

  it('ignores a message it already has', () => {
    const once = mergeMessage([], fromServer('m1'));
    expect(mergeMessage(once, fromServer('m1'))).toHaveLength(1);
  });

  it('confirms a pending message from the acknowledgement, once, even after the echo', () => {
    let list: ShownMessage[] = [pending('c1')];
    list = confirmMessage(list, 'c1', 'm1', at);
    list = mergeMessage(list, fromServer('m1', 'c1'));
    expect(list).toHaveLength(1);
    expect(list[0]!.pending).toBeUndefined();
  });

  it('on a resumed state keeps what is still unsent and drops what the server stored', () => {
    const list = replaceWithState(
      [fromServer('m0'), pending('c1'), pending('c2')],
      [fromServer('m0'), fromServer('m1', 'c1')],
    );
    expect(list.map((m) => m.id)).toEqual(['m0', 'm1', 'local:c2']);
    expect(pendingMessages(list).map((m) => m.clientId)).toEqual(['c2']);
  });

  it('shows every message exactly once whatever order echoes, acks and states arrive in', () => {
    const events = fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('echo' as const), n: fc.integer({ min: 0, max: 4 }) }),
        fc.record({ kind: fc.constant('ack' as const), n: fc.integer({ min: 0, max: 4 }) }),
        fc.record({ kind: fc.constant('state' as const), n: fc.integer({ min: 0, max: 5 }) }),
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(events, (steps) => {
        let list: ShownMessage[] = [0, 1, 2, 3, 4].map((n) => pending(`c${n}`));
        // What the server has stored so far: a state on reconnect always holds all of it.
        const stored = new Set<number>();
        for (const step of steps) {
          if (step.kind === 'echo') list = mergeMessage(list, fromServer(`m${step.n}`, `c${step.n}`));
          if (step.kind === 'ack') list = confirmMessage(list, `c${step.n}`, `m${step.n}`, at);
          if (step.kind !== 'state') stored.add(step.n);
          else {
            for (let n = 0; n < step.n; n++) stored.add(n);
            list = replaceWithState(
              list,
              [...stored].sort().map((n) => fromServer(`m${n}`, `c${n}`)),
            );
          }
        }
        const keys = list.map((m) => m.clientId);
        expect(new Set(keys).size).toBe(5);
        expect(keys).toHaveLength(5);
      }),
    );
  });
});

describe('linkify', () => {
  it('makes web links clickable and keeps the text unchanged', () => {
    const text = 'Kijk op https://veiligthuis.nl/ of bel.';
    const parts = textParts(text);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.kind === 'link')).toEqual([
      { kind: 'link', text: 'https://veiligthuis.nl/', href: 'https://veiligthuis.nl/' },
    ]);
  });

  it('never turns script or data URLs into links, and leaves HTML as text', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', '<img src=x onerror=alert(1)>']) {
      const parts = textParts(text);
      expect(parts.every((p) => p.kind === 'text' || /^(https?|mailto):/.test(p.href))).toBe(true);
      expect(parts.map((p) => p.text).join('')).toBe(text);
    }
  });

  it('gives back any text unchanged when joined', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (text) =>
          textParts(text)
            .map((p) => p.text)
            .join('') === text,
      ),
    );
  });
});

describe('waiting range', () => {
  it('says unknown without an estimate', () => {
    expect(waitRange(null)).toEqual({ kind: 'unknown' });
  });

  it('prefers the range the server computed from recent waits', () => {
    expect(waitRange(300, { minSeconds: 180, maxSeconds: 540 })).toEqual({ kind: 'range', min: 3, max: 9 });
  });

  it('says "less than" for short waits', () => {
    expect(waitRange(40)).toEqual({ kind: 'under', max: 2 });
    expect(waitRange(40, { minSeconds: 10, maxSeconds: 70 })).toEqual({ kind: 'under', max: 2 });
  });

  it('always gives a minimum below the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seconds) => {
        const range = waitRange(seconds);
        return range.kind === 'under' || (range.kind === 'range' && range.min < range.max);
      }),
    );
  });
});

describe('visitor chat state', () => {
  it('goes from starting to waiting to active to ended', () => {
    let chat = chatReducer(initialChat, { type: 'start' });
    expect(chat.phase).toBe('starting');
    chat = chatReducer(chat, { type: 'started', position: 2, estimatedWaitSeconds: null, estimatedWaitRange: null });
    expect(chat).toMatchObject({ phase: 'waiting', position: 2 });
    chat = chatReducer(chat, { type: 'accepted', operatorName: 'Sanne' });
    expect(chat).toMatchObject({ phase: 'active', operatorName: 'Sanne' });
    chat = chatReducer(chat, { type: 'ended', by: 'operator' });
    expect(chat).toMatchObject({ phase: 'ended', endedBy: 'operator' });
  });

  it('keeps a message refused for a passing reason on screen, pending, and drops one refused for good', () => {
    const typed = {
      id: 'local:c1',
      clientId: 'c1',
      from: 'visitor' as const,
      text: 'hij is thuis',
      at: new Date(0).toISOString(),
      pending: true,
    };
    const active = chatReducer(
      chatReducer(chatReducer(initialChat, { type: 'start' }), { type: 'accepted', operatorName: 'Sanne' }),
      {
        type: 'local',
        message: typed,
      },
    );
    const held = chatReducer(active, { type: 'held', clientId: 'c1', problem: 'unavailable' });
    expect(held.problem).toBe('unavailable');
    expect(held.messages).toEqual([typed]);
    const confirmed = chatReducer(held, { type: 'confirmed', clientId: 'c1', id: 'm9', at: typed.at });
    expect(confirmed.messages.map((m) => [m.id, m.pending ?? false])).toEqual([['m9', false]]);
    const dropped = chatReducer(active, { type: 'dropped', clientId: 'c1', problem: 'closed' });
    expect(dropped.messages).toEqual([]);
  });

  it('says that a colleague took over when chat:accepted comes while chatting (issue 20), once per transfer', () => {
    let chat = chatReducer(initialChat, { type: 'start' });
    chat = chatReducer(chat, { type: 'started', position: 1, estimatedWaitSeconds: null, estimatedWaitRange: null });
    chat = chatReducer(chat, { type: 'accepted', operatorName: 'Anna' });
    expect(chat.messages).toEqual([]);
    chat = chatReducer(chat, {
      type: 'message',
      message: { ...fromServer('m1', undefined, 'operator'), operatorName: 'Anna' },
    });
    chat = chatReducer(chat, { type: 'local', message: pending('c1') });
    chat = chatReducer(chat, { type: 'accepted', operatorName: 'Bo' });
    expect(chat.operatorName).toBe('Bo');
    expect(chat.messages.map((m) => [m.notice ?? m.id, m.operatorName, m.pending ?? false])).toEqual([
      ['m1', 'Anna', false],
      ['transferred', 'Bo', false],
      ['local:c1', undefined, true],
    ]);
    const strings = { 'chat.transferred': 'Een collega neemt het over. Je chat nu met {name}.' } as ChatStrings;
    expect(messageText(chat.messages[1]!, strings)).toBe('Een collega neemt het over. Je chat nu met Bo.');
    const labels = { 'chat.from.operator': 'Veilig Thuis' } as ChatStrings;
    // The earlier message keeps its own writer, not the new alias.
    expect(senderName(chat.messages[0]!, labels, chat.operatorName)).toBe('Anna');
  });

  it('goes back to the form with the reason when the start is refused', () => {
    const chat = chatReducer(chatReducer(initialChat, { type: 'start' }), { type: 'failed', problem: 'queue-full' });
    expect(chat).toMatchObject({ phase: 'prechat', problem: 'queue-full' });
  });

  it('resumes into the conversation from chat:state', () => {
    const chat = chatReducer(chatReducer(initialChat, { type: 'resume' }), {
      type: 'state',
      state: { conversationId: 'c', status: 'active', messages: [fromServer('m1')], operatorName: 'Sanne' },
    });
    expect(chat).toMatchObject({ phase: 'active', operatorName: 'Sanne' });
    expect(chat.messages).toHaveLength(1);
  });
});
