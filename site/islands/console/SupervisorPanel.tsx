/**
 * Live figures for the shift lead: waiting, active, longest wait, operators available, today;
 * and every visitor in danger who has waited longer than DANGER_SUPERVISOR_MS (issue 20), from
 * the queue the console already has, so it changes as the clock runs, not only on events.
 */
import type { SupervisorStats, WaitingConversation } from '../../../chat-server/src/protocol';
import { format } from '../chat/fill';
import { DANGER_SUPERVISOR_MS, waitedLabel, waitedMs } from './labels';
import { AwayMark } from './QueuePanel';
import type { ConsoleKey, ConsoleProps } from './types';

const FIGURES: { key: keyof SupervisorStats; label: ConsoleKey }[] = [
  { key: 'waiting', label: 'chat.console.stats.waiting' },
  { key: 'active', label: 'chat.console.stats.active' },
  { key: 'operatorsAvailable', label: 'chat.console.stats.operatorsAvailable' },
  { key: 'longestWaitSeconds', label: 'chat.console.stats.longestWait' },
  { key: 'endedToday', label: 'chat.console.stats.endedToday' },
  { key: 'abandonedToday', label: 'chat.console.stats.abandonedToday' },
];

interface Props extends Pick<ConsoleProps, 'strings' | 'municipalities' | 'languages'> {
  stats: SupervisorStats;
  waiting: WaitingConversation[];
  now: number;
}

export function SupervisorPanel({ strings, stats, waiting, now, municipalities, languages }: Props) {
  const longInDanger = waiting.filter((row) => row.inDanger && waitedMs(row.waitingSince, now) > DANGER_SUPERVISOR_MS);
  return (
    <section class="console-stats" aria-labelledby="console-stats-title">
      <h2 id="console-stats-title">{strings['chat.console.stats.title']}</h2>
      <div
        class={`console-stats__danger${longInDanger.length > 0 ? ' console-stats__danger--alarm' : ''}`}
        data-testid="console-stats-danger"
      >
        <h3>
          {strings['chat.console.stats.dangerLong']}: {longInDanger.length}
        </h3>
        {longInDanger.length === 0 ? (
          <p>{strings['chat.console.stats.dangerLong.none']}</p>
        ) : (
          <ul>
            {longInDanger.map((row) => (
              <li key={row.conversationId}>
                {format(strings['chat.console.stats.dangerLong.row'], {
                  waited: waitedLabel(strings, row.waitingSince, now),
                  lang: languages[row.lang] ?? row.lang,
                  place: row.municipality ? (municipalities[row.municipality]?.name ?? row.municipality) : '–',
                })}
                <AwayMark strings={strings} row={row} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <dl>
        {FIGURES.map(({ key, label }) => (
          <div key={key}>
            <dt>{strings[label]}</dt>
            <dd>
              {key === 'longestWaitSeconds'
                ? format(strings['chat.console.minutesSeconds'], {
                    minutes: Math.floor(stats[key] / 60),
                    seconds: stats[key] % 60,
                  })
                : stats[key]}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
