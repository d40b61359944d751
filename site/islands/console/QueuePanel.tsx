/**
 * The queue: who waits how long, in which language, about whom, in danger or not, theme and
 * municipality. Calm mode (asked for by helpline staff) hides the raw count and the rows after
 * the first few, so a long queue does not rush anyone.
 */
import type { WaitingConversation } from '../../../chat-server/src/protocol';
import { format } from '../chat/fill';
import { ABOUT_LABEL, waitedFor } from './labels';
import type { ConsoleProps } from './types';

const CALM_ROWS = 3;

interface Props extends Pick<ConsoleProps, 'strings' | 'themes' | 'municipalities' | 'languages'> {
  waiting: WaitingConversation[];
  calm: boolean;
  now: number;
  canAccept: boolean;
  onAccept: (conversationId?: string) => void;
}

export function QueuePanel({
  strings,
  themes,
  municipalities,
  languages,
  waiting,
  calm,
  now,
  canAccept,
  onAccept,
}: Props) {
  const rows = calm ? waiting.slice(0, CALM_ROWS) : waiting;
  const summary =
    waiting.length === 0
      ? strings['chat.console.queue.empty']
      : calm
        ? strings['chat.console.queue.someoneWaiting']
        : format(strings['chat.console.queue.count'], { count: waiting.length });
  return (
    <section class="console-queue" aria-labelledby="console-queue-title">
      <h2 id="console-queue-title">{strings['chat.console.queue.title']}</h2>
      <p role="status" data-testid="console-queue-summary">
        {summary}
      </p>
      <button type="button" class="button" disabled={!canAccept || waiting.length === 0} onClick={() => onAccept()}>
        {strings['chat.console.queue.acceptNext']}
      </button>
      {rows.length > 0 && (
        <table class="console-table">
          <caption class="visually-hidden">{strings['chat.console.queue.title']}</caption>
          <thead>
            <tr>
              <th scope="col">{strings['chat.console.queue.waited']}</th>
              <th scope="col">{strings['chat.console.queue.lang']}</th>
              <th scope="col">{strings['chat.console.queue.about']}</th>
              <th scope="col">{strings['chat.console.queue.danger']}</th>
              <th scope="col">{strings['chat.console.queue.theme']}</th>
              <th scope="col">{strings['chat.console.queue.municipality']}</th>
              <th scope="col">
                <span class="visually-hidden">{strings['chat.console.queue.action']}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const waited = waitedFor(row.waitingSince, now);
              return (
                <tr key={row.conversationId} class={row.inDanger ? 'console-row--danger' : undefined}>
                  <td>{format(strings['chat.console.minutesSeconds'], waited)}</td>
                  <td>{languages[row.lang] ?? row.lang}</td>
                  <td>
                    {strings[ABOUT_LABEL[row.about]]}
                    {row.under18 && (
                      <>
                        {' · '}
                        <strong data-testid="queue-under18">{strings['chat.console.queue.under18']}</strong>
                      </>
                    )}
                  </td>
                  <td>{row.inDanger ? <strong>{strings['chat.console.queue.inDanger']}</strong> : '–'}</td>
                  <td>{row.theme ? (themes[row.theme] ?? row.theme) : '–'}</td>
                  <td>{row.municipality ? (municipalities[row.municipality]?.name ?? row.municipality) : '–'}</td>
                  <td>
                    <button
                      type="button"
                      class="button button--secondary"
                      disabled={!canAccept}
                      onClick={() => onAccept(row.conversationId)}
                    >
                      {strings['chat.console.queue.accept']}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
