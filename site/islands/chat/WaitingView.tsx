/** In the queue: the place, an honest estimate, the phone route, and how to keep reading. */
import type { Ref } from 'preact';
import type { WaitRange as WaitRangeFromServer } from '../../../chat-server/src/protocol';
import { format } from './fill';
import { SafetyNumbers } from './SafetyNumbers';
import { waitRange } from './wait-estimate';
import type { ChatProps } from './types';

interface Props extends Pick<ChatProps, 'strings' | 'phones' | 'homeHref'> {
  position: number | null;
  estimatedWaitSeconds: number | null;
  estimatedWaitRange: WaitRangeFromServer | null;
  operatorsAvailable: number | null;
  headingRef: Ref<HTMLHeadingElement>;
  onCancel: () => void;
}

export function WaitingView(props: Props) {
  const { strings, phones, homeHref, position, estimatedWaitSeconds, estimatedWaitRange, operatorsAvailable } = props;
  const { headingRef, onCancel } = props;
  const range = waitRange(estimatedWaitSeconds, estimatedWaitRange);
  const estimate =
    range.kind === 'unknown'
      ? strings['chat.waiting.unknown']
      : range.kind === 'under'
        ? format(strings['chat.waiting.estimateShort'], { max: range.max })
        : format(strings['chat.waiting.estimate'], { min: range.min, max: range.max });
  return (
    <section class="chat-waiting" aria-labelledby="chat-waiting-title">
      <h2 id="chat-waiting-title" tabIndex={-1} ref={headingRef}>
        {strings['chat.waiting.title']}
      </h2>
      {position !== null && (
        <p class="chat-waiting__position" data-testid="chat-position">
          {position <= 1 ? strings['chat.waiting.next'] : format(strings['chat.waiting.position'], { position })}
        </p>
      )}
      <p>{estimate}</p>
      {operatorsAvailable === 0 && <p>{strings['chat.waiting.noOperators']}</p>}
      <SafetyNumbers strings={strings} phones={phones} />
      <p>{strings['chat.waiting.keepReading']}</p>
      <p>
        <a href={homeHref} target="_blank" rel="noopener noreferrer">
          {strings['chat.waiting.newTab']}
        </a>
      </p>
      <button type="button" class="button button--secondary" onClick={onCancel}>
        {strings['chat.waiting.cancel']}
      </button>
    </section>
  );
}
