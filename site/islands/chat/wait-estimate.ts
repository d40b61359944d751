/**
 * Turns the server's single estimate into what we tell a visitor: a range, never a precise
 * promise. The server estimates from recent waiting times; a queue can move faster or slower, so
 * the range runs from half to one and a half times the estimate, in whole minutes.
 */
export type WaitRange =
  { kind: 'unknown' } | { kind: 'under'; max: number } | { kind: 'range'; min: number; max: number };

export function waitRange(estimatedWaitSeconds: number | null | undefined): WaitRange {
  if (estimatedWaitSeconds === null || estimatedWaitSeconds === undefined || !Number.isFinite(estimatedWaitSeconds)) {
    return { kind: 'unknown' };
  }
  const minutes = Math.max(0, estimatedWaitSeconds) / 60;
  const min = Math.floor(minutes * 0.5);
  const max = Math.max(2, Math.ceil(minutes * 1.5));
  return min < 1 ? { kind: 'under', max } : { kind: 'range', min, max: Math.max(max, min + 1) };
}
