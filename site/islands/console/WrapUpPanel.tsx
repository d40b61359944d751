/**
 * "Af te ronden" (issue 20): this operator's conversations that ended without an outcome (the
 * visitor ended, Snel weg, or a timeout), each a small form: the outcome as radio buttons (arrow
 * keys move between them), an optional internal note, and "Afronden". What the server lists is
 * metadata only (`queue:snapshot.toWrapUp`); nothing the visitor typed.
 */
import { useState } from 'preact/hooks';
import type { ErrorCode, Outcome, ToWrapUp } from '../../../chat-server/src/protocol';
import { MAX_NOTE_LENGTH, OUTCOME_CHOICES } from '../chat/limits';
import { adminText } from './admin-strings';
import { ABOUT_LABEL, ENDED_LABEL, OUTCOME_LABEL, errorLabel } from './labels';
import type { ConsoleStrings } from './types';

interface Props {
  strings: ConsoleStrings;
  languages: Record<string, string>;
  items: ToWrapUp[];
  onWrapUp: (conversationId: string, outcome: Outcome, note: string) => Promise<ErrorCode | null>;
  /** After a wrap-up: focus moves on (ConsoleApp decides where). */
  onDone: (conversationId: string) => void;
}

/** "14:05", Amsterdam time, as staff read the clock. */
const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

export function WrapUpPanel(props: Props) {
  const [done, setDone] = useState('');
  if (props.items.length === 0 && !done) return null;
  return (
    <section class="console-wrapup" aria-labelledby="console-wrapup-title" data-testid="console-wrap-up">
      <h2 id="console-wrapup-title" tabIndex={-1}>
        {adminText('wrapUp.title', { count: props.items.length })}
      </h2>
      {props.items.length > 0 && <p class="console-hint">{adminText('wrapUp.intro')}</p>}
      <p role="status" class="console-wrapup__done">
        {done}
      </p>
      <ul class="console-wrapup__list">
        {props.items.map((item) => (
          <WrapUpItem
            key={item.conversationId}
            {...props}
            item={item}
            onWrappedUp={(outcome) => {
              setDone(adminText('wrapUp.done', { outcome: props.strings[OUTCOME_LABEL[outcome]] }));
              props.onDone(item.conversationId);
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function WrapUpItem(props: Props & { item: ToWrapUp; onWrappedUp: (outcome: Outcome) => void }) {
  const { strings, item } = props;
  const id = item.conversationId;
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!outcome) return setError(adminText('wrapUp.chooseOutcome'));
    setBusy(true);
    const code = await props.onWrapUp(id, outcome, note.trim());
    setBusy(false);
    // Already wrapped up (another tab): it is done all the same.
    if (code && code !== 'not-found') return setError(strings[errorLabel(code)]);
    setError(null);
    props.onWrappedUp(outcome);
  };

  return (
    <li class="console-wrapup__item" data-conversation={id}>
      <form onSubmit={(event) => void submit(event)} aria-labelledby={`wrapup-title-${id}`}>
        <h3 id={`wrapup-title-${id}`}>{adminText('wrapUp.item', { time: clock(item.endedAt) })}</h3>
        <p>
          {strings[ENDED_LABEL[item.endedBy]]} {props.languages[item.lang] ?? item.lang} ·{' '}
          {strings[ABOUT_LABEL[item.about]]}
          {item.inDanger && (
            <>
              {' · '}
              <strong>{strings['chat.console.queue.inDanger']}</strong>
            </>
          )}
        </p>
        <fieldset class="console-wrapup__outcomes">
          <legend>{adminText('wrapUp.outcome')}</legend>
          {OUTCOME_CHOICES.map((choice) => (
            <div class="console-choice" key={choice}>
              <input
                type="radio"
                id={`wrapup-${id}-${choice}`}
                name={`wrapup-outcome-${id}`}
                value={choice}
                checked={outcome === choice}
                onChange={() => setOutcome(choice)}
              />
              <label for={`wrapup-${id}-${choice}`}>{strings[OUTCOME_LABEL[choice]]}</label>
            </div>
          ))}
        </fieldset>
        <label for={`wrapup-note-${id}`}>{adminText('wrapUp.note.label')}</label>
        <textarea
          id={`wrapup-note-${id}`}
          rows={2}
          maxLength={MAX_NOTE_LENGTH}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        {error && (
          <p class="console-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button" disabled={busy}>
          {adminText('wrapUp.submit')}
        </button>
      </form>
    </li>
  );
}

/**
 * A conversation just handed over to this operator (issue 20): who handed it over and the note,
 * on screen until read and said at once to screen readers (the container is an alert region).
 */
export function HandoverAlerts(props: {
  alerts: { conversationId: string; note: string; from: string }[];
  onDismiss: (conversationId: string) => void;
}) {
  return (
    <div role="alert" class="console-handover" data-testid="console-handover">
      {props.alerts.map((alert) => (
        <p key={alert.conversationId} class="console-handover__item">
          <span>{adminText('handover.alert', { from: alert.from, note: alert.note })}</span>{' '}
          <button type="button" class="button button--secondary" onClick={() => props.onDismiss(alert.conversationId)}>
            {adminText('handover.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
