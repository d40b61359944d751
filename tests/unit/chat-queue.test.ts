/** Queue order, regional routing with overflow, and the waiting-time estimate. */
import { describe, expect, it } from 'vitest';
import { candidatesFor, positions, queueOrder } from '../../chat-server/src/chat/queue-policy';
import { estimateWait, MAX_SAMPLE_AGE_MS, MIN_SAMPLES } from '../../chat-server/src/chat/wait-estimate';
import { tokenBucket } from '../../chat-server/src/chat/rate-limit';
import { languageFigures } from '../../chat-server/src/chat/languages';

const c = (
  id: string,
  queuedAt: number,
  extra: { inDanger?: boolean; region?: string; safetyRegion?: string } = {},
) => ({
  id,
  queuedAt,
  inDanger: false,
  ...extra,
});

describe('queue order', () => {
  it('puts visitors in danger first, then the longest waiting', () => {
    const queue = [c('a', 1), c('b', 2, { inDanger: true }), c('c', 0), c('d', 3, { inDanger: true })];
    expect(queueOrder(queue).map((q) => q.id)).toEqual(['b', 'd', 'c', 'a']);
    expect([...positions(queue)]).toEqual([
      ['b', 1],
      ['d', 2],
      ['c', 3],
      ['a', 4],
    ]);
  });
});

describe('candidates for an operator', () => {
  const now = 10_000;
  const overflow = 2_000;
  const queue = [c('utrecht', 5_000, { region: 'VT20' }), c('zaan', 9_000, { region: 'VT22', safetyRegion: 'VR11' })];
  const zaanOperator = { operatorId: 'z', region: 'VT22' };
  const utrechtOperator = { operatorId: 'u', region: 'VT20' };
  const national = { operatorId: 'n', region: 'national' };

  it('offers an operator their own region first', () => {
    expect(candidatesFor(zaanOperator, queue, [zaanOperator], now, overflow).map((q) => q.id)).toEqual([
      'zaan',
      'utrecht',
    ]);
  });

  it('matches operators by safety region too', () => {
    const vr = { operatorId: 'v', region: 'VR11' };
    expect(candidatesFor(vr, queue, [vr], now, overflow)[0]?.id).toBe('zaan');
  });

  it('keeps a visitor for an available operator of their region until the overflow time', () => {
    const available = [zaanOperator, utrechtOperator];
    expect(candidatesFor(utrechtOperator, queue, available, now, overflow).map((q) => q.id)).toEqual(['utrecht']);
    expect(candidatesFor(utrechtOperator, queue, available, 11_000, overflow).map((q) => q.id)).toEqual([
      'utrecht',
      'zaan',
    ]);
  });

  it('lets anyone take a regional visitor when no operator of that region is available', () => {
    expect(candidatesFor(utrechtOperator, queue, [utrechtOperator], now, overflow).map((q) => q.id)).toEqual([
      'utrecht',
      'zaan',
    ]);
  });

  it('lets national operators take anyone, danger first', () => {
    const withDanger = [...queue, c('danger', 9_500, { inDanger: true })];
    expect(candidatesFor(national, withDanger, [national, zaanOperator], now, overflow).map((q) => q.id)).toEqual([
      'danger',
      'utrecht',
      'zaan',
    ]);
  });
});

describe('waiting-time estimate', () => {
  const now = 1_000_000;
  const waits = (seconds: number[]) => seconds.map((s) => ({ seconds: s, positionAtJoin: 1, at: now - 1_000 }));

  it('says unknown with too few recent waits', () => {
    expect(estimateWait(1, waits([60, 60]), now)).toEqual({ estimatedWaitSeconds: null, estimatedWaitRange: null });
    const old = waits(Array(MIN_SAMPLES).fill(60)).map((w) => ({ ...w, at: now - MAX_SAMPLE_AGE_MS - 1 }));
    expect(estimateWait(1, old, now).estimatedWaitRange).toBeNull();
  });

  it('gives a range that grows with the position', () => {
    const recent = waits([30, 60, 60, 90, 120, 60]);
    const first = estimateWait(1, recent, now);
    const third = estimateWait(3, recent, now);
    expect(first.estimatedWaitRange).toEqual({ minSeconds: 60, maxSeconds: 83 });
    expect(first.estimatedWaitSeconds).toBe(60);
    expect(third.estimatedWaitRange).toEqual({ minSeconds: 180, maxSeconds: 248 });
  });
});

describe('per-socket rate limit', () => {
  it('allows a burst, then the refill rate', () => {
    let t = 0;
    const allow = tokenBucket({ burst: 3, perSecond: 2 }, () => t);
    expect([allow(), allow(), allow(), allow()]).toEqual([true, true, true, false]);
    t = 500;
    expect([allow(), allow()]).toEqual([true, false]);
  });
});

describe('languages in the queue (issue 14)', () => {
  const now = 10_000;
  const overflow = 2_000;
  const q = (
    id: string,
    queuedAt: number,
    lang: 'nl' | 'pl' | 'ar',
    extra: { inDanger?: boolean; region?: string } = {},
  ) => ({
    ...c(id, queuedAt, extra),
    lang,
  });
  const polish = { operatorId: 'p', region: 'national', languages: ['nl' as const, 'pl' as const] };
  const dutch = { operatorId: 'd', region: 'national', languages: ['nl' as const] };

  it('offers an operator the conversations in their languages first', () => {
    const queue = [q('pl-old', 1_000, 'pl'), q('nl-new', 5_000, 'nl'), q('ar', 500, 'ar')];
    expect(candidatesFor(dutch, queue, [dutch], now, overflow).map((x) => x.id)).toEqual(['nl-new', 'ar', 'pl-old']);
    expect(candidatesFor(polish, queue, [polish], now, overflow).map((x) => x.id)).toEqual(['pl-old', 'nl-new', 'ar']);
  });

  it('still puts a visitor in danger first, in any language', () => {
    const queue = [q('nl', 1_000, 'nl'), q('pl-danger', 5_000, 'pl', { inDanger: true })];
    expect(candidatesFor(dutch, queue, [dutch], now, overflow).map((x) => x.id)).toEqual(['pl-danger', 'nl']);
  });

  it('puts my language before my region', () => {
    const regional = { operatorId: 'r', region: 'VT20', languages: ['nl' as const] };
    const queue = [
      q('pl-utrecht', 1_000, 'pl', { region: 'VT20' }),
      q('nl-elsewhere', 5_000, 'nl', { region: 'VT01' }),
    ];
    expect(candidatesFor(regional, queue, [regional], now + overflow, overflow).map((x) => x.id)).toEqual([
      'nl-elsewhere',
      'pl-utrecht',
    ]);
  });

  it('counts an operator without languages as Dutch-speaking', () => {
    const old = { operatorId: 'o', region: 'national' };
    const queue = [q('pl', 1_000, 'pl'), q('nl', 5_000, 'nl')];
    expect(candidatesFor(old, queue, [old], now, overflow).map((x) => x.id)).toEqual(['nl', 'pl']);
  });

  it('leaves the visitors’ own queue order (positions) unchanged by language', () => {
    const queue = [q('pl', 1_000, 'pl'), q('nl', 5_000, 'nl')];
    expect(queueOrder(queue).map((x) => x.id)).toEqual(['pl', 'nl']);
  });
});

describe('language figures (issue 14)', () => {
  const op = (status: 'available' | 'away', languages?: ('nl' | 'en' | 'pl')[]) => ({
    status,
    ...(languages ? { languages } : {}),
  });

  it('serves a language only when an AVAILABLE operator reads it', () => {
    expect(languageFigures([op('away', ['pl']), op('available', ['nl'])], 'pl')).toEqual({
      languageServed: false,
      fallbackLanguages: ['nl'],
    });
    expect(languageFigures([op('available', ['nl', 'pl', 'en'])], 'pl')).toEqual({
      languageServed: true,
      fallbackLanguages: ['nl', 'en'],
    });
    expect(languageFigures([], 'nl')).toEqual({ languageServed: false, fallbackLanguages: [] });
  });

  it('counts a presence without languages (older process) as Dutch', () => {
    expect(languageFigures([op('available')], 'nl').languageServed).toBe(true);
    expect(languageFigures([op('available')], 'en').languageServed).toBe(false);
  });
});
