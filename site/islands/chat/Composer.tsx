/** Where the visitor types. Enter sends, Shift+Enter adds a line; typing is reported to the operator. */
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { MAX_MESSAGE_LENGTH } from './limits';
import type { ChatStrings } from './types';

interface Props {
  strings: ChatStrings;
  textareaRef: Ref<HTMLTextAreaElement>;
  onSend: (text: string) => void;
  onTyping: () => void;
}

export function Composer({ strings, textareaRef, onSend, onTyping }: Props) {
  const [text, setText] = useState('');

  const submit = () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    onSend(trimmed);
    setText('');
  };

  return (
    <form
      class="chat-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label for="chat-text">{strings['chat.composer.label']}</label>
      <p id="chat-text-hint" class="chat-field__hint">
        {strings['chat.composer.hint']}
      </p>
      <textarea
        id="chat-text"
        ref={textareaRef}
        rows={3}
        dir="auto"
        maxLength={MAX_MESSAGE_LENGTH}
        aria-describedby="chat-text-hint"
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          onTyping();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <button type="submit" class="button">
        {strings['chat.send']}
      </button>
    </form>
  );
}
