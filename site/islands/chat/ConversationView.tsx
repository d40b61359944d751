/** The conversation with the operator: messages, typing indicator, composer, and ending it. */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { acceptedText } from './accepted';
import { Composer } from './Composer';
import { format } from './fill';
import type { ShownMessage } from './message-list';
import { MessageLog } from './MessageLog';
import type { ChatStrings } from './types';

interface Props {
  strings: ChatStrings;
  messages: ShownMessage[];
  operatorName: string | null;
  operatorTyping: boolean;
  textareaRef: Ref<HTMLTextAreaElement>;
  onSend: (text: string) => void;
  onTyping: () => void;
  onEnd: () => void;
}

export function ConversationView(props: Props) {
  const { strings, messages, operatorName, operatorTyping, textareaRef, onSend, onTyping, onEnd } = props;
  const [confirming, setConfirming] = useState<boolean | null>(null);
  const keepChattingRef = useRef<HTMLButtonElement>(null);
  const endRef = useRef<HTMLButtonElement>(null);
  // The button that had focus disappears: put focus on its replacement (never lose it to <body>).
  // The question starts on "No", so a stray Enter never ends a chat.
  useEffect(() => {
    if (confirming === true) keepChattingRef.current?.focus();
    if (confirming === false) endRef.current?.focus();
  }, [confirming]);
  const name = operatorName ?? strings['chat.from.operator'];
  return (
    <section class="chat-conversation" aria-labelledby="chat-conversation-title">
      <h2 id="chat-conversation-title">{acceptedText(strings, operatorName)}</h2>
      <MessageLog messages={messages} strings={strings} operatorName={operatorName} />
      <p class="chat-typing" aria-hidden={!operatorTyping}>
        {operatorTyping ? format(strings['chat.typing'], { name }) : ''}
      </p>
      <Composer strings={strings} textareaRef={textareaRef} onSend={onSend} onTyping={onTyping} />
      <div class="chat-end">
        {confirming ? (
          <div role="group" aria-labelledby="chat-end-question">
            <p id="chat-end-question">{strings['chat.end.confirm']}</p>
            <button type="button" class="button" onClick={onEnd}>
              {strings['chat.end.yes']}
            </button>{' '}
            <button
              type="button"
              class="button button--secondary"
              onClick={() => setConfirming(false)}
              ref={keepChattingRef}
            >
              {strings['chat.end.no']}
            </button>
          </div>
        ) : (
          <button type="button" class="button button--secondary" onClick={() => setConfirming(true)} ref={endRef}>
            {strings['chat.end']}
          </button>
        )}
      </div>
    </section>
  );
}
