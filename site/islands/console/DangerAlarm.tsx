/**
 * Visitors in danger who wait, pinned at the top of the work area (issue 20): each with their
 * waiting time, which turns into an alarm (white on the danger red, and the words "longer than
 * a minute", so colour is never the only sign) after DANGER_ALARM_MS. Never softened by the calm
 * view. Rendered only while someone in danger waits; they are not repeated in the queue table.
 */
import { AwayMark } from './QueuePanel';
import type { WaitingConversation } from '../../../chat-server/src/protocol';
import { format } from '../chat/fill';
import { ABOUT_LABEL, DANGER_ALARM_MS, waitedLabel, waitedMs } from './labels';
import type { ConsoleProps } from './types';

interface Props extends Pick<ConsoleProps, 'strings' | 'themes' | 'municipalities' | 'languages'> {
  inDanger: WaitingConversation[];
  /** How many in danger wait in all (the server's count; the rows are the head of the queue). */
  total: number;
  now: number;
  canAccept: boolean;
  onAccept: (conversationId: string) => void;
}

export function DangerAlarm({
  strings,
  themes,
  municipalities,
  languages,
  inDanger,
  total,
  now,
  canAccept,
  onAccept,
}: Props) {
  if (inDanger.length === 0) return null;
  return (
    <section class="console-danger" aria-labelledby="console-danger-title" data-testid="console-danger">
      <h2 id="console-danger-title">
        {format(strings['chat.console.danger.title'], { count: Math.max(total, inDanger.length) })}
      </h2>
      <ul class="console-danger__list">
        {inDanger.map((row) => {
          const alarm = waitedMs(row.waitingSince, now) >= DANGER_ALARM_MS;
          const details = [
            languages[row.lang] ?? row.lang,
            strings[ABOUT_LABEL[row.about]],
            row.under18 ? strings['chat.console.queue.under18'] : null,
            row.municipality ? (municipalities[row.municipality]?.name ?? row.municipality) : null,
            row.theme ? (themes[row.theme] ?? row.theme) : null,
          ].filter(Boolean);
          return (
            <li
              key={row.conversationId}
              class={`console-danger__item${alarm ? ' console-danger__item--alarm' : ''}`}
              data-conversation={row.conversationId}
            >
              <p class="console-danger__wait">
                <strong>
                  {format(strings['chat.console.danger.waited'], {
                    waited: waitedLabel(strings, row.waitingSince, now),
                  })}
                </strong>
                {alarm && <span class="console-danger__long"> ({strings['chat.console.danger.long']})</span>}
                <AwayMark strings={strings} row={row} />
              </p>
              <p class="console-danger__details">{details.join(' · ')}</p>
              <button type="button" class="button" disabled={!canAccept} onClick={() => onAccept(row.conversationId)}>
                {strings['chat.console.queue.accept']}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
