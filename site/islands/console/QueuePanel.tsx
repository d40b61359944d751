/**
 * The queue: who waits how long, in which language, about whom, theme and municipality. Every
 * waiting person the server sent is a row, in every mode and status (issue 20): calm mode
 * (asked for by helpline staff, on by default) only softens, showing waits without the running
 * seconds and without colour. The count of waiting people and how many are in danger is always
 * shown. People in danger are pinned above (DangerAlarm), so they are not repeated here.
 * A visitor whose page is gone (`visitorPresent: false`) is marked "weg", softly in calm view,
 * and stays a row: they may come back (the server takes the row away when their place lapses).
 */
import { adminText } from './admin-strings';
import type { WaitingConversation } from '../../../chat-server/src/protocol';
import { format } from '../chat/fill';
import { ABOUT_LABEL, waitedLabel, waitedMs } from './labels';
import type { ConsoleProps } from './types';

/** "weg" beside the wait of a waiting visitor whose page is gone (nothing when present). */
export function AwayMark({ strings, row }: Pick<Props, 'strings'> & { row: WaitingConversation }) {
  if (row.visitorPresent !== false) return null;
  return (
    <>
      {' · '}
      <span class="console-away" data-testid="queue-away">
        {strings['chat.console.queue.away']}
      </span>
    </>
  );
}

/** Outside calm view, a wait this long is marked (the default regional overflow time). */
const LONG_WAIT_MS = 2 * 60_000;

interface Props extends Pick<ConsoleProps, 'strings' | 'themes' | 'municipalities' | 'languages'> {
  /** The waiting people not in danger (in queue order). */
  others: WaitingConversation[];
  /** How many wait in all, and how many of them in danger. */
  total: number;
  inDanger: number;
  /** Rows the console has (in danger and others); fewer than `total` when the queue is very long. */
  shown: number;
  calm: boolean;
  now: number;
  /** Issue 14: this operator's languages (from /api/operator/me); their rows are marked. */
  myLanguages?: readonly string[];
  canAccept: boolean;
  onAccept: (conversationId?: string) => void;
}

export function QueuePanel({
  strings,
  themes,
  municipalities,
  languages,
  others,
  total,
  inDanger,
  shown,
  calm,
  now,
  myLanguages,
  canAccept,
  onAccept,
}: Props) {
  const summary =
    total === 0
      ? strings['chat.console.queue.empty']
      : inDanger > 0
        ? format(strings['chat.console.queue.countDanger'], { count: total, danger: inDanger })
        : format(strings['chat.console.queue.count'], { count: total });
  return (
    <section class="console-queue" aria-labelledby="console-queue-title">
      {/* Focus comes here when nothing else is open (after ending or wrapping up, issue 20). */}
      <h2 id="console-queue-title" tabIndex={-1}>
        {strings['chat.console.queue.title']}
      </h2>
      <div class="console-queue__head">
        <p role="status" class="console-queue__summary" data-testid="console-queue-summary">
          {summary}
        </p>
        <button type="button" class="button" disabled={!canAccept || total === 0} onClick={() => onAccept()}>
          {strings['chat.console.queue.acceptNext']}
        </button>
      </div>
      {others.length > 0 && (
        <table class={`console-table${calm ? ' console-table--calm' : ''}`}>
          <caption class="visually-hidden">
            {inDanger > 0 ? strings['chat.console.queue.others'] : strings['chat.console.queue.title']}
          </caption>
          <thead>
            <tr>
              <th scope="col">{strings['chat.console.queue.waited']}</th>
              <th scope="col">{strings['chat.console.queue.lang']}</th>
              <th scope="col">{strings['chat.console.queue.about']}</th>
              <th scope="col">{strings['chat.console.queue.theme']}</th>
              <th scope="col">{strings['chat.console.queue.municipality']}</th>
              <th scope="col">
                <span class="visually-hidden">{strings['chat.console.queue.action']}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {others.map((row) => {
              const long = !calm && waitedMs(row.waitingSince, now) >= LONG_WAIT_MS;
              return (
                <tr
                  key={row.conversationId}
                  class={long ? 'console-row--long' : undefined}
                  data-conversation={row.conversationId}
                >
                  <td>
                    {waitedLabel(strings, row.waitingSince, now, calm)}
                    <AwayMark strings={strings} row={row} />
                  </td>
                  <td>
                    {languages[row.lang] ?? row.lang}
                    {myLanguages?.includes(row.lang) && (
                      <>
                        {' · '}
                        <span class="console-your-language" data-testid="queue-your-language">
                          {strings['chat.console.queue.yourLanguage']}
                        </span>
                      </>
                    )}
                  </td>
                  <td>
                    {strings[ABOUT_LABEL[row.about]]}
                    {row.handedOver && (
                      <>
                        {' · '}
                        <span data-testid="queue-handed-over">{adminText('handover.queued')}</span>
                      </>
                    )}
                    {row.under18 && (
                      <>
                        {' · '}
                        <strong data-testid="queue-under18">{strings['chat.console.queue.under18']}</strong>
                      </>
                    )}
                  </td>
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
      {total > shown && <p>{format(strings['chat.console.queue.more'], { count: total - shown })}</p>}
    </section>
  );
}
