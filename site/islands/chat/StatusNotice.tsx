/** Whether the chat is open now, before the visitor fills anything in. Closed: the phone route. */
import { fill } from './fill';
import { formatOpensAt, type StatusView } from './chat-status';
import { SafetyNumbers } from './SafetyNumbers';
import type { ChatProps } from './types';

interface Props extends Pick<ChatProps, 'strings' | 'phones' | 'lang'> {
  status: StatusView;
  onRetry: () => void;
}

export function StatusNotice({ status, strings, phones, lang, onRetry }: Props) {
  if (status.kind === 'loading') return <p class="chat-status">{strings['chat.status.loading']}</p>;
  if (status.kind === 'open') return <p class="chat-status chat-status--open">{strings['chat.status.open']}</p>;
  if (status.kind === 'busy') return <p class="chat-status chat-status--busy">{strings['chat.status.busy']}</p>;
  if (status.kind === 'unknown') return <p class="chat-status">{strings['chat.status.unknown']}</p>;
  const opensAt = status.opensAt ? formatOpensAt(status.opensAt, lang) : null;
  const reason =
    status.reason === 'queue-full'
      ? strings['chat.status.queueFull']
      : status.reason === 'no-operators'
        ? strings['chat.status.noOperators']
        : status.reason === 'unavailable'
          ? strings['chat.error.unavailable']
          : strings['chat.status.closed'];
  return (
    <div class="chat-status chat-status--closed">
      <p>
        <strong>{reason}</strong>
        {opensAt && <> {fill(strings['chat.status.opensAt'], { time: opensAt })}</>}
      </p>
      <SafetyNumbers strings={strings} phones={phones} />
      <button type="button" class="button button--secondary" onClick={onRetry}>
        {strings['chat.status.retry']}
      </button>
    </div>
  );
}
