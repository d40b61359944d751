/** Live figures for the shift lead: waiting, active, longest wait, operators available, today. */
import type { SupervisorStats } from '../../../chat-server/src/protocol';
import { format } from '../chat/fill';
import type { ConsoleKey, ConsoleStrings } from './types';

const FIGURES: { key: keyof SupervisorStats; label: ConsoleKey }[] = [
  { key: 'waiting', label: 'chat.console.stats.waiting' },
  { key: 'active', label: 'chat.console.stats.active' },
  { key: 'operatorsAvailable', label: 'chat.console.stats.operatorsAvailable' },
  { key: 'longestWaitSeconds', label: 'chat.console.stats.longestWait' },
  { key: 'endedToday', label: 'chat.console.stats.endedToday' },
  { key: 'abandonedToday', label: 'chat.console.stats.abandonedToday' },
];

export function SupervisorPanel({ strings, stats }: { strings: ConsoleStrings; stats: SupervisorStats }) {
  return (
    <section class="console-stats" aria-labelledby="console-stats-title">
      <h2 id="console-stats-title">{strings['chat.console.stats.title']}</h2>
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
