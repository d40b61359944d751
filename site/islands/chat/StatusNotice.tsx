/**
 * Whether the chat is open now, before the visitor fills anything in. Closed: when it opens
 * again (in words), and what can be done now: 112, Veilig Thuis by phone, and the other help
 * from the facts, open now first. "Look again" only when the chat opens within the hour (or
 * is open but nobody is free yet).
 */
import { isOpenAt } from '../../../content/facts/open-at';
import { fill, format } from './fill';
import { opensAtWords, opensWithinHour, type StatusView } from './chat-status';
import { ltrTimes } from './ltr-times';
import { Phone } from './Phone';
import { SafetyNumbers } from './SafetyNumbers';
import type { Alternative, ChatProps, ChatStrings } from './types';

interface Props extends Pick<ChatProps, 'strings' | 'phones' | 'lang' | 'alternatives'> {
  status: StatusView;
  onRetry: () => void;
  /** The moment to judge "open now" by (tests and the island pass the clock). */
  now?: Date;
}

function AlternativeItem({ service, strings }: { service: Alternative; strings: ChatStrings }) {
  const site = service.website ? new URL(service.website).hostname.replace(/^www\./, '') : null;
  return (
    <li data-service={service.id}>
      <strong>{service.name}</strong>
      {service.phone && (
        <>
          {' '}
          <Phone number={service.phone} />
        </>
      )}
      {service.chat && site && (
        <>
          {' '}
          ({strings['chat.closed.chatToo']}:{' '}
          <a href={service.website!} rel="noopener noreferrer" dir="ltr">
            {site}
          </a>
          )
        </>
      )}
      <br />
      <span class="chat-alternative__meta">
        {service.hoursText
          ? fill(strings['chat.closed.hours'], { hours: ltrTimes(service.hoursText) })
          : strings['chat.closed.hoursUnknown']}
        {service.audience && <> · {format(strings['chat.closed.for'], { audience: service.audience })}</>}
      </span>
    </li>
  );
}

export function StatusNotice({ status, strings, phones, lang, alternatives, onRetry, now = new Date() }: Props) {
  if (status.kind === 'loading') return <p class="chat-status">{strings['chat.status.loading']}</p>;
  if (status.kind === 'open') return <p class="chat-status chat-status--open">{strings['chat.status.open']}</p>;
  if (status.kind === 'busy') return <p class="chat-status chat-status--busy">{strings['chat.status.busy']}</p>;
  if (status.kind === 'unknown') return <p class="chat-status">{strings['chat.status.unknown']}</p>;
  const opensAt = status.opensAt
    ? opensAtWords(
        status.opensAt,
        lang,
        {
          today: strings['chat.day.today'],
          tomorrow: strings['chat.day.tomorrow'],
          weekday: strings['chat.day.weekday'],
        },
        now,
      )
    : null;
  const reason =
    status.reason === 'queue-full'
      ? strings['chat.status.queueFull']
      : status.reason === 'no-operators'
        ? strings['chat.status.noOperators']
        : status.reason === 'unavailable'
          ? strings['chat.error.unavailable']
          : strings['chat.status.closed'];
  const retry = status.reason !== 'closed' || opensWithinHour(status.opensAt, now);
  const openNow = alternatives.filter((service) => service.hours && isOpenAt(service.hours, now));
  const unknownHours = alternatives.filter((service) => !service.hours);
  return (
    <div class="chat-status chat-status--closed" data-testid="chat-closed">
      <p>
        <strong>{reason}</strong>
        {opensAt && <> {format(strings['chat.status.opensAt'], opensAt)}</>}
      </p>
      <h2 class="chat-closed__title">{strings['chat.closed.nowTitle']}</h2>
      <SafetyNumbers strings={strings} phones={phones} emergencyFirst />
      {openNow.length > 0 && (
        <>
          <h3>{strings['chat.closed.openNow']}</h3>
          <ul class="chat-alternatives" data-testid="chat-open-now">
            {openNow.map((service) => (
              <AlternativeItem key={service.id} service={service} strings={strings} />
            ))}
          </ul>
        </>
      )}
      {unknownHours.length > 0 && (
        <>
          <h3>{strings['chat.closed.otherTitle']}</h3>
          <ul class="chat-alternatives" data-testid="chat-hours-unknown">
            {unknownHours.map((service) => (
              <AlternativeItem key={service.id} service={service} strings={strings} />
            ))}
          </ul>
        </>
      )}
      {retry && (
        <button type="button" class="button button--secondary" onClick={onRetry}>
          {strings['chat.status.retry']}
        </button>
      )}
    </div>
  );
}
