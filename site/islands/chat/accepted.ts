/**
 * "Anna van Veilig Thuis chat nu met je", with the organisation named once: an alias that
 * already says "Veilig Thuis" (or no alias at all) gets a sentence that does not repeat it.
 */
import { format } from './fill';
import type { ChatStrings } from './types';

export function acceptedText(strings: ChatStrings, operatorName: string | null): string {
  const name = operatorName?.trim();
  if (!name) return strings['chat.acceptedNoName'];
  const organisation = strings['chat.from.operator'].toLocaleLowerCase();
  if (name.toLocaleLowerCase().includes(organisation)) return format(strings['chat.acceptedAlias'], { name });
  return format(strings['chat.accepted'], { name });
}
