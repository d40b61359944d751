/** Veilig Thuis (free, day and night) and 112: shown wherever the chat cannot help right now. */
import { fill } from './fill';
import { Phone } from './Phone';
import type { ChatProps } from './types';

type Props = Pick<ChatProps, 'strings' | 'phones'>;

export function SafetyNumbers({ strings, phones }: Props) {
  return (
    <ul class="chat-numbers">
      <li>{fill(strings['chat.callVeiligThuis'], { phone: <Phone number={phones.veiligThuis} /> })}</li>
      <li>
        <strong>{fill(strings['chat.call112'], { phone: <Phone number={phones.emergency} /> })}</strong>
      </li>
    </ul>
  );
}
