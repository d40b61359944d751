/** Veilig Thuis (free, day and night) and 112: shown wherever the chat cannot help right now. */
import { fill } from './fill';
import { Phone } from './Phone';
import type { ChatProps } from './types';

type Props = Pick<ChatProps, 'strings' | 'phones'> & {
  /** 112 on top (the wait screen and the closed chat: the in-danger advice comes first). */
  emergencyFirst?: boolean;
};

export function SafetyNumbers({ strings, phones, emergencyFirst = false }: Props) {
  const veiligThuis = (
    <li key="vt">{fill(strings['chat.callVeiligThuis'], { phone: <Phone number={phones.veiligThuis} /> })}</li>
  );
  const emergency = (
    <li key="112" data-testid="chat-call-112">
      <strong>{fill(strings['chat.call112'], { phone: <Phone number={phones.emergency} /> })}</strong>
    </li>
  );
  return <ul class="chat-numbers">{emergencyFirst ? [emergency, veiligThuis] : [veiligThuis, emergency]}</ul>;
}
