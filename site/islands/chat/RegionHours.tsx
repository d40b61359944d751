/**
 * Issue 14: once the visitor chose their municipality, whose chat hours apply to them: their
 * region's own verified hours, or (most regions) the default, named as another region's.
 */
import type { ChatHoursInfo } from '../../../chat-server/src/protocol';
import { fill } from './fill';
import { ltrTimes } from './ltr-times';
import type { ChatProps } from './types';

interface Props extends Pick<ChatProps, 'strings' | 'chatHours'> {
  hours: ChatHoursInfo | undefined;
}

export function RegionHours({ strings, chatHours, hours }: Props) {
  if (!hours) return null;
  const own = hours.ownHours ? chatHours.regions[hours.region] : null;
  if (own)
    return (
      <p class="chat-region-hours" data-testid="chat-region-hours">
        {fill(strings['chat.hours.own'], { region: hours.regionName, hours: ltrTimes(own) })}
      </p>
    );
  if (!chatHours.default || !hours.hoursSourceRegion) return null;
  return (
    <p class="chat-region-hours" data-testid="chat-region-hours">
      {fill(strings['chat.hours.other'], {
        region: hours.regionName,
        source: hours.hoursSourceRegion,
        hours: ltrTimes(chatHours.default),
      })}
    </p>
  );
}
