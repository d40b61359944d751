/**
 * Issue 14 in the visitor widget, without a browser: what the language notice and the regional
 * hours line say for each answer of the server, and how the chat state keeps the figures.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { LanguageNotice } from '../../site/islands/chat/LanguageNotice';
import { RegionHours } from '../../site/islands/chat/RegionHours';
import { QueuePanel } from '../../site/islands/console/QueuePanel';
import { chatReducer, initialChat } from '../../site/islands/chat/chat-state';
import { statusView } from '../../site/islands/chat/chat-status';
import type { ChatStrings } from '../../site/islands/chat/types';

const strings = (lang: string) =>
  JSON.parse(readFileSync(resolve(`content/ui/${lang}.json`), 'utf8')) as unknown as ChatStrings;
const phones = { emergency: { display: '112', tel: '112' }, veiligThuis: { display: '0800-2000', tel: '08002000' } };
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the language notice', () => {
  const pl = strings('pl');
  const notice = (figures: Parameters<typeof LanguageNotice>[0]['figures'], lang: 'pl' | 'nl' = 'pl') =>
    text(renderToString(h(LanguageNotice, { lang, strings: lang === 'pl' ? pl : strings('nl'), phones, figures })));

  it('says nothing while the language is read, or before the server said', () => {
    expect(notice({ languageServed: true, fallbackLanguages: ['nl'] })).toBe('');
    expect(notice(null)).toBe('');
    expect(notice(undefined)).toBe('');
  });

  it('says honestly that nobody reads Polish, offers only the languages read now, and the phone', () => {
    const onlyDutch = notice({ languageServed: false, fallbackLanguages: ['nl'] });
    expect(onlyDutch).toContain(pl['chat.language.unserved']);
    expect(onlyDutch).toContain(pl['chat.language.fallbackNl']);
    expect(onlyDutch).not.toContain('angielsku');
    expect(onlyDutch).toContain('0800-2000');
    expect(notice({ languageServed: false, fallbackLanguages: ['nl', 'en'] })).toContain(
      pl['chat.language.fallbackBoth'],
    );
    const none = notice({ languageServed: false, fallbackLanguages: [] });
    expect(none).not.toContain('Możesz jednak');
    expect(none).toContain('0800-2000');
  });

  it('never offers the page’s own language as the way out', () => {
    const nl = strings('nl');
    const dutchPage = notice({ languageServed: false, fallbackLanguages: ['nl', 'en'] }, 'nl');
    expect(dutchPage).toContain(nl['chat.language.fallbackEn']);
    expect(dutchPage).not.toContain(nl['chat.language.fallbackBoth']);
  });

  it('promises no interpreter in any language (no source says one can be arranged)', () => {
    for (const lang of ['nl', 'en', 'tr', 'ar', 'pl', 'uk']) {
      const all = Object.entries(strings(lang))
        .filter(([key]) => key.startsWith('chat.language.'))
        .map(([, value]) => value)
        .join(' ');
      expect(all).not.toMatch(/tolk|interpret|tercüman|مترجم|tłumacz|перекладач/i);
    }
  });
});

describe('the regional hours line', () => {
  const nl = strings('nl');
  const chatHours = {
    default: 'ma–vr 09:00–17:00',
    sourceRegion: 'Gooi en Vechtstreek',
    regions: { VT07: 'ma–vr 09:00–17:00' },
  };
  const line = (hours: Parameters<typeof RegionHours>[0]['hours']) =>
    text(renderToString(h(RegionHours, { strings: nl, chatHours, hours })));

  it("names a region's own verified hours", () => {
    expect(
      line({
        region: 'VT07',
        regionName: 'Gooi en Vechtstreek',
        ownHours: true,
        hoursSourceRegion: 'Gooi en Vechtstreek',
      }),
    ).toBe('Chattijden van Veilig Thuis Gooi en Vechtstreek: ma–vr 09:00–17:00.');
  });

  it('says whose hours are used for a region without its own', () => {
    expect(
      line({ region: 'VT09', regionName: 'Haaglanden', ownHours: false, hoursSourceRegion: 'Gooi en Vechtstreek' }),
    ).toBe(
      'De chattijden van Veilig Thuis Haaglanden weten we niet. Deze chat volgt de tijden van Veilig Thuis Gooi en Vechtstreek: ma–vr 09:00–17:00.',
    );
    expect(line(undefined)).toBe('');
  });
});

describe('language figures in the chat state and the status', () => {
  it('keeps the figures from the start ack and follows queue:updated', () => {
    let chat = chatReducer(initialChat, { type: 'start' });
    chat = chatReducer(chat, {
      type: 'started',
      position: 1,
      estimatedWaitSeconds: null,
      estimatedWaitRange: null,
      language: { languageServed: false, fallbackLanguages: ['nl'] },
    });
    expect(chat.language).toEqual({ languageServed: false, fallbackLanguages: ['nl'] });
    const update = { position: 1, estimatedWaitSeconds: null, estimatedWaitRange: null, operatorsAvailable: 2 };
    chat = chatReducer(chat, { type: 'queue', update: { ...update, languageServed: true, fallbackLanguages: ['nl'] } });
    expect(chat.language?.languageServed).toBe(true);
  });

  it('reads languageServed and hours from the status answer, and leaves them out when absent', () => {
    expect(
      statusView({ open: true, waiting: 0, operatorsAvailable: 1, languageServed: false, fallbackLanguages: ['en'] }),
    ).toEqual({ kind: 'open', language: { languageServed: false, fallbackLanguages: ['en'] } });
    expect(statusView({ open: true, waiting: 2, operatorsAvailable: 1 })).toEqual({ kind: 'busy' });
  });
});

describe('the console queue marks "jouw taal"', () => {
  const row = (conversationId: string, lang: 'nl' | 'pl') => ({
    conversationId,
    waitingSince: new Date(0).toISOString(),
    lang,
    about: 'self' as const,
    inDanger: false,
    visitorPresent: true,
  });
  const render = (myLanguages?: string[]) =>
    renderToString(
      h(QueuePanel, {
        strings: strings('nl') as unknown as Parameters<typeof QueuePanel>[0]['strings'],
        themes: {},
        municipalities: {},
        languages: { nl: 'Nederlands', pl: 'Pools' },
        others: [row('a', 'nl'), row('b', 'pl')],
        total: 2,
        inDanger: 0,
        shown: 2,
        calm: true,
        now: 60_000,
        ...(myLanguages ? { myLanguages } : {}),
        canAccept: true,
        onAccept: () => undefined,
      }),
    );

  it('marks only the rows in the operator’s languages, and none before /me answered', () => {
    expect(render(['nl']).match(/data-testid="queue-your-language"/g)).toHaveLength(1);
    expect(render(['nl', 'pl']).match(/data-testid="queue-your-language"/g)).toHaveLength(2);
    expect(render()).not.toContain('queue-your-language');
  });
});
