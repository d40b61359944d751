/** Summary figures for the chat load benchmark. */

export interface Summary {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Nearest-rank percentiles of `values` (milliseconds), rounded to 0.01 ms. */
export function summarize(values: number[]): Summary {
  if (values.length === 0) return { count: 0, p50: null, p95: null, p99: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: round(sorted.at(-1)!) };
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable between processes. */
export const clock = () => performance.timeOrigin + performance.now();
