/** The conversation so far, oldest first. Text is plain; links are made clickable safely. */
import { format } from './fill';
import type { ShownMessage } from './message-list';
import { MessageText } from './MessageText';
import type { ChatStrings } from './types';

interface Props {
  messages: ShownMessage[];
  strings: ChatStrings;
  operatorName: string | null;
}

export function senderName(message: ShownMessage, strings: ChatStrings, operatorName: string | null): string {
  if (message.from === 'visitor') return strings['chat.from.visitor'];
  if (message.from === 'system') return strings['chat.from.system'];
  // Each operator message by its own writer (issue 20), so a transfer does not relabel the past.
  return message.operatorName ?? operatorName ?? strings['chat.from.operator'];
}

/** The text of a message; for a line the widget added itself, its sentence in the visitor's language. */
export function messageText(message: ShownMessage, strings: ChatStrings): string {
  if (message.notice === 'transferred')
    return format(strings['chat.transferred'], { name: message.operatorName ?? strings['chat.from.operator'] });
  return message.text;
}

export function MessageLog({ messages, strings, operatorName }: Props) {
  return (
    <ol class="chat-log" aria-label={strings['chat.log.label']}>
      {messages.map((message) => (
        <li
          key={message.clientId ?? message.id}
          class={`chat-message chat-message--${message.from}${message.pending ? ' chat-message--pending' : ''}`}
          data-from={message.from}
        >
          <span class="chat-message__from">{senderName(message, strings, operatorName)}</span>
          <p class="chat-message__text" dir="auto">
            <MessageText text={messageText(message, strings)} />
          </p>
          {message.pending && <span class="chat-message__pending">{strings['chat.pending']}</span>}
        </li>
      ))}
    </ol>
  );
}
