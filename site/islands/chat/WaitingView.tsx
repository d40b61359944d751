/** In the queue: the place, an honest estimate, the phone route, and how to keep reading. */
import type { Ref } from 'preact';
import type { LanguageFigures, WaitRange as WaitRangeFromServer } from '../../../chat-server/src/protocol';
import { format } from './fill';
import { LanguageNotice } from './LanguageNotice';
import { SafetyNumbers } from './SafetyNumbers';
import { waitRange } from './wait-estimate';
import type { ChatProps } from './types';

interface Props extends Pick<ChatProps, 'lang' | 'strings' | 'phones' | 'homeHref'> {
  position: number | null;
  estimatedWaitSeconds: number | null;
  estimatedWaitRange: WaitRangeFromServer | null;
  operatorsAvailable: number | null;
  /** Issue 14: whether someone available reads the visitor's language. */
  language: LanguageFigures | null;
  headingRef: Ref<HTMLHeadingElement>;
  /** The visitor asked for a silent title badge when an operator picks up. */
  notify: boolean;
  onNotify: (notify: boolean) => void;
  onCancel: () => void;
}

export function WaitingView(props: Props) {
  const { lang, strings, phones, homeHref, position, estimatedWaitSeconds, estimatedWaitRange, operatorsAvailable } =
    props;
  const { headingRef, notify, onNotify, onCancel } = props;
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
      <SafetyNumbers strings={strings} phones={phones} emergencyFirst />
      {position !== null && (
        <p class="chat-waiting__position" data-testid="chat-position">
          {position <= 1 ? strings['chat.waiting.next'] : format(strings['chat.waiting.position'], { position })}
        </p>
      )}
      <p>{estimate}</p>
      {operatorsAvailable === 0 && <p>{strings['chat.waiting.noOperators']}</p>}
      {operatorsAvailable !== 0 && (
        <LanguageNotice lang={lang} strings={strings} phones={phones} figures={props.language} />
      )}
      <p class="chat-waiting__quick-exit" data-testid="chat-waiting-quick-exit">
        {strings['chat.waiting.quickExit']}
      </p>
      <div class="chat-choice">
        <input
          type="checkbox"
          id="chat-notify"
          checked={notify}
          onChange={(event) => onNotify(event.currentTarget.checked)}
        />
        <label for="chat-notify">{strings['chat.notify.label']}</label>
      </div>
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
