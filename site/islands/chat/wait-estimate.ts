/**
 * What we tell a visitor about the wait: a range, never a precise promise. The server computes
 * the range from recent waits (`estimatedWaitRange`); when it only sends one figure, the range
 * runs from half to one and a half times it. Whole minutes; "unknown" without data.
 */
import type { WaitRange as ServerRange } from '../../../chat-server/src/protocol';

export type WaitRange =
  { kind: 'unknown' } | { kind: 'under'; max: number } | { kind: 'range'; min: number; max: number };

export function waitRange(
  estimatedWaitSeconds: number | null | undefined,
  serverRange?: ServerRange | null,
): WaitRange {
  let low: number;
  let high: number;
  if (serverRange && Number.isFinite(serverRange.minSeconds) && Number.isFinite(serverRange.maxSeconds)) {
    low = serverRange.minSeconds / 60;
    high = serverRange.maxSeconds / 60;
  } else if (typeof estimatedWaitSeconds === 'number' && Number.isFinite(estimatedWaitSeconds)) {
    low = (estimatedWaitSeconds * 0.5) / 60;
    high = (estimatedWaitSeconds * 1.5) / 60;
  } else {
    return { kind: 'unknown' };
  }
  const min = Math.floor(Math.max(0, low));
  const max = Math.max(2, Math.ceil(Math.max(0, high)));
  return min < 1 ? { kind: 'under', max } : { kind: 'range', min, max: Math.max(max, min + 1) };
}
