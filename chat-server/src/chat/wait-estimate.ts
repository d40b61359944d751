/**
 * An honest waiting-time estimate from recent waits. Each past wait is turned into "seconds per
 * place ahead" (wait ÷ position at join); the estimate for position p is p × the middle half
 * (25th–75th percentile) of those. Too few recent waits → null ("unknown"), never a guess.
 */
import type { WaitRange } from '../protocol';
import type { RecentWait } from './store/chat-store';

export const MIN_SAMPLES = 5;
/** Waits older than this say little about now. */
export const MAX_SAMPLE_AGE_MS = 3 * 60 * 60 * 1000;

function percentile(sorted: number[], p: number): number {
  const index = (sorted.length - 1) * p;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (index - low);
}

export interface WaitEstimate {
  estimatedWaitSeconds: number | null;
  estimatedWaitRange: WaitRange | null;
}

export function estimateWait(position: number, recent: RecentWait[], now: number): WaitEstimate {
  const perPlace = recent
    .filter((w) => now - w.at <= MAX_SAMPLE_AGE_MS && w.positionAtJoin >= 1)
    .map((w) => w.seconds / w.positionAtJoin)
    .sort((a, b) => a - b);
  if (perPlace.length < MIN_SAMPLES || position < 1) return { estimatedWaitSeconds: null, estimatedWaitRange: null };
  const round = (seconds: number) => Math.max(0, Math.round(seconds));
  const minSeconds = round(position * percentile(perPlace, 0.25));
  const maxSeconds = Math.max(minSeconds, round(position * percentile(perPlace, 0.75)));
  return {
    estimatedWaitSeconds: round(position * percentile(perPlace, 0.5)),
    estimatedWaitRange: { minSeconds, maxSeconds },
  };
}
