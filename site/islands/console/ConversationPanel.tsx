/**
 * One conversation the operator holds: the visitor's details and help route, the messages, a
 * composer with quick replies, internal notes, transfer, and ending with an outcome.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  Colleague,
  ErrorCode,
  HelpRoute,
  OperatorChatMessage,
  Outcome,
  QuickReply,
} from '../../../chat-server/src/protocol';
import { fill, format } from '../chat/fill';
import { Phone } from '../chat/Phone';
import { MAX_HANDOVER_NOTE_LENGTH, MAX_MESSAGE_LENGTH, MAX_NOTE_LENGTH, OUTCOME_CHOICES } from '../chat/limits';
import { adminText } from './admin-strings';
import { MessageText } from '../chat/MessageText';
import { ABOUT_LABEL, ENDED_LABEL, OUTCOME_LABEL, clockLabel, errorLabel } from './labels';
import { fetchHelpRoute } from './operator-api';
import { HelpRouteBox } from './HelpRouteBox';
import { useDraft } from './device-memory';
import type { HeldConversation } from './use-operator-console';
import type { ConsoleProps } from './types';

interface Props extends Pick<
  ConsoleProps,
  'strings' | 'themes' | 'municipalities' | 'languages' | 'helpHref' | 'emergency'
> {
  held: HeldConversation;
  /** The console's clock (ms), for the running "weg sinds" time. */
  now: number;
  /** True for the conversation this operator just took: its message box gets focus. */
  justAccepted: boolean;
  quickReplies: QuickReply[];
  /** Colleagues who can take this conversation now. */
  colleagues: Colleague[];
  onSend: (text: string) => Promise<ErrorCode | null>;
  onTyping: (typing: boolean) => void;
  /** This operator's opaque id (GET /api/operator/me): their own messages say "Jij", a colleague's their name. */
  myOperatorId?: string;
  onNote: (text: string) => Promise<ErrorCode | null>;
  /** `note`: the required handover note (issue 20). */
  onTransfer: (to: string, note: string) => Promise<ErrorCode | null>;
  onEnd: (outcome: Outcome) => Promise<ErrorCode | null>;
  onClose: () => void;
}

export function ConversationPanel(props: Props) {
  const { strings, themes, municipalities, languages, helpHref, held, quickReplies } = props;
  const { conversation, messages, visitorTyping, endedBy, visitorPresence, awaySince } = held;
  const id = conversation.conversationId;
  // Kept over a reload of this tab (device-memory.ts), gone when sent or the conversation leaves the page (ConsoleApp).
  const [text, setText] = useDraft(id, 'message');
  const [noteText, setNoteText] = useDraft(id, 'note');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [transferTo, setTransferTo] = useState('');
  const [handoverNote, setHandoverNote] = useState('');
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [route, setRoute] = useState<HelpRoute | null>(null);
  useEffect(() => {
    if (conversation.municipality) void fetchHelpRoute(conversation.municipality).then(setRoute);
  }, [conversation.municipality]);
  const textRef = useRef<HTMLTextAreaElement>(null);
  // The accept button this came from is gone; continue in the new conversation's message box.
  useEffect(() => {
    if (props.justAccepted) textRef.current?.focus();
  }, [props.justAccepted]);
  // Ended by the visitor (or Snel weg, or a timeout) while working in it: the composer is gone, so
  // focus stays in this conversation, on what happened, instead of falling to the page (issue 20).
  const articleRef = useRef<HTMLElement>(null);
  const endedRef = useRef<HTMLParagraphElement>(null);
  const focusWasHere = useRef(false);
  useEffect(() => {
    const track = () => {
      focusWasHere.current = !!articleRef.current?.contains(document.activeElement);
    };
    document.addEventListener('focusin', track);
    // Focus may already be here (the message box of a conversation just accepted).
    track();
    return () => document.removeEventListener('focusin', track);
  }, []);
  useEffect(() => {
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (endedBy && focusWasHere.current && lost) endedRef.current?.focus();
  }, [endedBy]);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typingSent = useRef(false);
  const place = conversation.municipality ? municipalities[conversation.municipality] : undefined;
  const title = conversation.nickname
    ? format(strings['chat.console.conversation.titleNamed'], { name: conversation.nickname })
    : strings['chat.console.conversation.title'];

  const report = (code: ErrorCode | null) => setError(code ? strings[errorLabel(code)] : null);
  /**
   * Who wrote a message (issue 20): "Jij" only for this operator's own (or one not yet stored), a
   * colleague's by their display name, so a conversation handed over does not pass off their words.
   */
  const authorLabel = (message: Pick<OperatorChatMessage, 'from' | 'operatorId' | 'operatorName'>) => {
    if (message.from !== 'operator') return strings[`chat.console.from.${message.from}`];
    const mine = !message.operatorId || message.operatorId === props.myOperatorId;
    return mine
      ? strings['chat.console.from.operator']
      : (message.operatorName ?? strings['chat.console.from.operator']);
  };
  /** A transfer needs the handover note first (the server refuses one without it). */
  const transfer = async (to: string) => {
    const note = handoverNote.trim();
    if (!note) return setError(adminText('handover.note.missing'));
    report(await props.onTransfer(to, note));
  };

  const sendMessage = async (event: Event) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    setText('');
    clearTimeout(typingTimer.current);
    if (typingSent.current) {
      typingSent.current = false;
      props.onTyping(false);
    }
    report(await props.onSend(trimmed));
  };

  const onInput = (value: string) => {
    setText(value);
    if (!typingSent.current) {
      typingSent.current = true;
      props.onTyping(true);
    }
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => {
      typingSent.current = false;
      props.onTyping(false);
    }, 3000);
  };

  return (
    <article class="console-conversation" ref={articleRef} aria-labelledby={`title-${id}`} data-conversation={id}>
      <h3 id={`title-${id}`}>{title}</h3>
      {conversation.inDanger && <DangerBanner strings={strings} emergency={props.emergency} />}
      <dl class="console-facts">
        <div>
          <dt>{strings['chat.console.queue.lang']}</dt>
          <dd>{languages[conversation.lang] ?? conversation.lang}</dd>
        </div>
        <div>
          <dt>{strings['chat.console.queue.about']}</dt>
          <dd>{strings[ABOUT_LABEL[conversation.about]]}</dd>
        </div>
        {conversation.inDanger && (
          <div class="console-facts__danger">
            <dt>{strings['chat.console.queue.danger']}</dt>
            <dd>
              <strong>{strings['chat.console.queue.inDanger']}</strong>
            </dd>
          </div>
        )}
        {conversation.under18 && (
          <div class="console-facts__age">
            <dt>{strings['chat.console.queue.age']}</dt>
            <dd data-testid="console-under18">
              <strong>{strings['chat.console.queue.under18']}</strong>
            </dd>
          </div>
        )}
        {conversation.theme && (
          <div>
            <dt>{strings['chat.console.queue.theme']}</dt>
            <dd>{themes[conversation.theme] ?? conversation.theme}</dd>
          </div>
        )}
      </dl>

      <HelpRouteBox strings={strings} route={route} place={place} helpHref={helpHref} />

      {conversation.handover && (
        <p class="console-handover-note" data-testid="console-handover-note">
          <strong>{adminText('handover.shown', { from: conversation.handover.from })}:</strong>{' '}
          <span dir="auto">{conversation.handover.note}</span>
        </p>
      )}

      <ol class="chat-log" aria-label={strings['chat.console.conversation.messages']}>
        {messages.map((message) => (
          <li
            key={message.clientId ?? message.id}
            class={`chat-message chat-message--${message.from === 'operator' ? 'visitor' : message.from}`}
            data-from={message.from}
          >
            <span class="chat-message__from">{authorLabel(message)}</span>
            <p class="chat-message__text" dir="auto">
              <MessageText text={message.text} />
            </p>
          </li>
        ))}
      </ol>
      <p class="chat-typing">{visitorTyping ? strings['chat.console.conversation.typing'] : ''}</p>
      <p
        class={`console-presence console-presence--${visitorPresence}`}
        role="status"
        data-testid="console-visitor-presence"
        data-presence={endedBy ? 'ended' : visitorPresence}
      >
        {endedBy ? (
          ''
        ) : visitorPresence === 'away' ? (
          <AwaySince text={strings['chat.console.conversation.visitorAway']} since={awaySince} now={props.now} />
        ) : visitorPresence === 'back' ? (
          strings['chat.console.conversation.visitorBack']
        ) : (
          ''
        )}
      </p>

      {error && (
        <p class="console-error" role="alert">
          {error}
        </p>
      )}

      {endedBy ? (
        <div class="console-ended" role="status">
          <p ref={endedRef} tabIndex={-1}>
            <strong>{strings[ENDED_LABEL[endedBy]]}</strong>
          </p>
          {endedBy !== 'operator' && <p>{adminText('wrapUp.pointer')}</p>}
          <button type="button" class="button button--secondary" onClick={props.onClose}>
            {strings['chat.console.conversation.close']}
          </button>
        </div>
      ) : (
        <>
          <form class="console-composer" onSubmit={(event) => void sendMessage(event)}>
            {quickReplies.length > 0 && (
              <div class="console-field console-field--inline">
                <label for={`reply-${id}`}>{strings['chat.console.quickReplies']}</label>
                <select id={`reply-${id}`} value={reply} onChange={(e) => setReply(e.currentTarget.value)}>
                  <option value="">–</option>
                  {quickReplies.map((option) => (
                    <option key={option.id} value={option.id}>
                      {option.title}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => {
                    const chosen = quickReplies.find((option) => option.id === reply);
                    if (chosen) setText((current) => (current ? `${current}\n${chosen.text}` : chosen.text));
                  }}
                >
                  {strings['chat.console.quickReplies.insert']}
                </button>
              </div>
            )}
            <label for={`text-${id}`}>{strings['chat.console.conversation.message']}</label>
            <textarea
              id={`text-${id}`}
              ref={textRef}
              rows={3}
              dir="auto"
              maxLength={MAX_MESSAGE_LENGTH}
              value={text}
              onInput={(e) => onInput(e.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                  event.preventDefault();
                  void sendMessage(event);
                }
              }}
            />
            <button type="submit" class="button">
              {strings['chat.console.conversation.send']}
            </button>
          </form>

          <details class="console-notes">
            <summary>{format(strings['chat.console.notes.title'], { count: conversation.notes.length })}</summary>
            <ul>
              {conversation.notes.map((note) => (
                <li key={note.id}>{note.text}</li>
              ))}
            </ul>
            <form
              onSubmit={async (event) => {
                event.preventDefault();
                if (!noteText.trim()) return;
                const code = await props.onNote(noteText.trim());
                report(code);
                if (!code) setNoteText('');
              }}
            >
              <label for={`note-${id}`}>{strings['chat.console.notes.label']}</label>
              <textarea
                id={`note-${id}`}
                rows={2}
                maxLength={MAX_NOTE_LENGTH}
                value={noteText}
                onInput={(e) => setNoteText(e.currentTarget.value)}
              />
              <button type="submit" class="button button--secondary">
                {strings['chat.console.notes.add']}
              </button>
            </form>
          </details>

          <details class="console-transfer">
            <summary>{strings['chat.console.transfer.title']}</summary>
            <label for={`handover-${id}`}>{adminText('handover.note.label')}</label>
            <textarea
              id={`handover-${id}`}
              rows={2}
              required
              maxLength={MAX_HANDOVER_NOTE_LENGTH}
              aria-describedby={`handover-hint-${id}`}
              value={handoverNote}
              onInput={(e) => setHandoverNote(e.currentTarget.value)}
            />
            <p id={`handover-hint-${id}`} class="console-hint">
              {adminText('handover.note.hint')}
            </p>
            <button type="button" class="button button--secondary" onClick={() => void transfer('queue')}>
              {strings['chat.console.transfer.queue']}
            </button>
            {props.colleagues.length > 0 ? (
              <form
                onSubmit={async (event) => {
                  event.preventDefault();
                  if (transferTo) void transfer(transferTo);
                }}
              >
                <label for={`transfer-${id}`}>{strings['chat.console.transfer.colleague']}</label>
                <select id={`transfer-${id}`} value={transferTo} onChange={(e) => setTransferTo(e.currentTarget.value)}>
                  <option value="">–</option>
                  {props.colleagues.map((colleague) => (
                    <option key={colleague.operatorId} value={colleague.operatorId}>
                      {format(strings['chat.console.transfer.option'], {
                        name: colleague.name,
                        load: colleague.load,
                        capacity: colleague.capacity,
                      })}
                    </option>
                  ))}
                </select>
                <button type="submit" class="button button--secondary">
                  {strings['chat.console.transfer.submit']}
                </button>
              </form>
            ) : (
              <p>{strings['chat.console.transfer.nobody']}</p>
            )}
          </details>

          <form
            class="console-end"
            onSubmit={async (event) => {
              event.preventDefault();
              if (outcome) report(await props.onEnd(outcome));
              else setError(strings['chat.console.end.chooseOutcome']);
            }}
          >
            <label for={`outcome-${id}`}>{strings['chat.console.end.outcome']}</label>
            <select
              id={`outcome-${id}`}
              value={outcome}
              onChange={(e) => setOutcome(e.currentTarget.value as Outcome | '')}
            >
              <option value="">–</option>
              {OUTCOME_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {strings[OUTCOME_LABEL[choice]]}
                </option>
              ))}
            </select>
            <button type="submit" class="button">
              {strings['chat.console.end.submit']}
            </button>
          </form>
        </>
      )}
    </article>
  );
}

/**
 * What to do for a visitor who said they are in danger: the emergency number from the help
 * facts module with its source. Only what a source says: no procedure of our own.
 */
function DangerBanner({ strings, emergency }: Pick<Props, 'strings' | 'emergency'>) {
  const host = (() => {
    try {
      return new URL(emergency.source).hostname;
    } catch {
      return emergency.source;
    }
  })();
  return (
    <div class="console-danger-banner" data-testid="console-danger-banner">
      <p class="console-danger-banner__text">
        <strong>{fill(strings['chat.console.danger.banner'], { phone: <Phone number={emergency} /> })}</strong>
      </p>
      <p class="console-danger-banner__source">
        {fill(strings['chat.console.danger.source'], {
          source: (
            <a href={emergency.source} target="_blank" rel="noopener noreferrer">
              {host}
            </a>
          ),
        })}
      </p>
    </div>
  );
}

/**
 * "Bezoeker weg sinds 0:45: …" with a running clock. The clock ticks every second outside the
 * live region's announcements (aria-live off), so a screen reader hears "weg" once, not each tick.
 */
function AwaySince({ text, since, now }: { text: string; since: string | null; now: number }) {
  const [before, after = ''] = text.split('{time}');
  return (
    <>
      {before}
      <span aria-live="off" data-testid="console-away-time">
        {since ? clockLabel(since, now) : '–'}
      </span>
      {after}
    </>
  );
}
