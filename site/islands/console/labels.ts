/** Words for protocol values in the console (about whom, outcomes, who ended, error codes). */
import type { About, EndedBy, ErrorCode, Outcome } from '../../../chat-server/src/protocol';
import { format } from '../chat/fill';
import type { ConsoleKey, ConsoleStrings } from './types';

export const ABOUT_LABEL: Record<About, ConsoleKey> = {
  self: 'chat.console.about.self',
  child: 'chat.console.about.child',
  'someone-else': 'chat.console.about.someoneElse',
  professional: 'chat.console.about.professional',
};

export const OUTCOME_LABEL: Record<Outcome, ConsoleKey> = {
  advice: 'chat.console.outcome.advice',
  referral: 'chat.console.outcome.referral',
  'report-advised': 'chat.console.outcome.reportAdvised',
  'no-reply': 'chat.console.outcome.noReply',
  other: 'chat.console.outcome.other',
};

export const ENDED_LABEL: Record<EndedBy, ConsoleKey> = {
  visitor: 'chat.console.ended.visitor',
  operator: 'chat.console.ended.operator',
  timeout: 'chat.console.ended.timeout',
  'quick-exit': 'chat.console.ended.quickExit',
};

export function errorLabel(error: ErrorCode): ConsoleKey {
  switch (error) {
    case 'already-taken':
      return 'chat.console.error.alreadyTaken';
    case 'capacity':
      return 'chat.console.error.capacity';
    case 'not-found':
      return 'chat.console.error.notFound';
    case 'unauthorized':
    case 'forbidden':
      return 'chat.console.error.forbidden';
    case 'rate-limited':
      return 'chat.console.error.rateLimited';
    default:
      return 'chat.console.error.unavailable';
  }
}

/** "3 min" or "45 s" since an ISO time. */
export function waitedFor(sinceIso: string, now: number): { minutes: number; seconds: number } {
  const total = Math.max(0, Math.floor((now - new Date(sinceIso).getTime()) / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** A running time as a clock: "0:45", "12:03". */
export function clockLabel(sinceIso: string, now: number): string {
  const { minutes, seconds } = waitedFor(sinceIso, now);
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/**
 * How long someone has waited, as shown: "2 min 5 s", or in calm view without the running
 * seconds ("2 min", "korter dan 1 min").
 */
export function waitedLabel(strings: ConsoleStrings, sinceIso: string, now: number, calm = false): string {
  const waited = waitedFor(sinceIso, now);
  if (!calm) return format(strings['chat.console.minutesSeconds'], waited);
  return waited.minutes === 0
    ? strings['chat.console.waitedUnderMinute']
    : format(strings['chat.console.waitedMinutes'], waited);
}

/** An in-danger visitor's wait turns into an alarm after this long. */
export const DANGER_ALARM_MS = 60_000;
/** The supervisor's view lists in-danger visitors waiting longer than this. */
export const DANGER_SUPERVISOR_MS = 2 * 60_000;

export const waitedMs = (sinceIso: string, now: number) => Math.max(0, now - new Date(sinceIso).getTime());
