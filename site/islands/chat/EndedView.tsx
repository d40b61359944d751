/** After the conversation: who ended it, that the messages are deleted, and a way to start again. */
import type { Ref } from 'preact';
import type { EndedBy } from '../../../chat-server/src/protocol';
import { SafetyNumbers } from './SafetyNumbers';
import type { ChatKey, ChatProps } from './types';

interface Props extends Pick<ChatProps, 'strings' | 'phones'> {
  endedBy: EndedBy | null;
  headingRef: Ref<HTMLHeadingElement>;
  onStartOver: () => void;
}

const REASON: Record<EndedBy, ChatKey | null> = {
  visitor: 'chat.ended.visitor',
  operator: 'chat.ended.operator',
  timeout: 'chat.ended.timeout',
  'quick-exit': null,
};

export function EndedView({ strings, phones, endedBy, headingRef, onStartOver }: Props) {
  const reason = endedBy ? REASON[endedBy] : null;
  return (
    <section class="chat-ended" aria-labelledby="chat-ended-title">
      <h2 id="chat-ended-title" tabIndex={-1} ref={headingRef}>
        {strings['chat.ended.title']}
      </h2>
      {reason && <p>{strings[reason]}</p>}
      <p>{strings['chat.ended.deleted']}</p>
      <SafetyNumbers strings={strings} phones={phones} />
      <button type="button" class="button" onClick={onStartOver}>
        {strings['chat.ended.again']}
      </button>
    </section>
  );
}
