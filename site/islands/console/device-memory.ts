/**
 * What the console keeps on the staff device so a reload keeps the work (issue 20 item 7):
 * - drafts per conversation (the message and the internal note being typed), in this tab's
 *   sessionStorage, keyed by conversation id: gone when the tab closes, when the conversation is
 *   closed in the console, and at logout;
 * - the alert choices (new-chat sound, desktop notification, in-danger alarm sound, the title
 *   badge), in this
 *   browser's localStorage: kept over a reload and a new tab, cleared at logout.
 * Nothing here is sent anywhere. Storage may be off or full: then the console works as before
 * and only forgets on reload.
 */
import { useEffect, useState } from 'preact/hooks';

export type DraftKind = 'message' | 'note';

const DRAFT_PREFIX = 'ghnt-console-draft:';
const draftKey = (conversationId: string, kind: DraftKind) => `${DRAFT_PREFIX}${kind}:${conversationId}`;

function tryStorage<T>(work: () => T, fallback: T): T {
  try {
    return work();
  } catch {
    return fallback;
  }
}

const keysOf = (storage: Storage, prefix: string) =>
  Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
    (key): key is string => key !== null && key.startsWith(prefix),
  );

export const drafts = {
  get: (conversationId: string, kind: DraftKind): string =>
    tryStorage(() => sessionStorage.getItem(draftKey(conversationId, kind)) ?? '', ''),
  set(conversationId: string, kind: DraftKind, text: string) {
    tryStorage(() => {
      if (text) sessionStorage.setItem(draftKey(conversationId, kind), text);
      else sessionStorage.removeItem(draftKey(conversationId, kind));
    }, undefined);
  },
  /** The conversation was closed in the console: its drafts go. */
  forget(conversationId: string) {
    for (const kind of ['message', 'note'] as const) drafts.set(conversationId, kind, '');
  },
  forgetAll() {
    tryStorage(() => {
      for (const key of keysOf(sessionStorage, DRAFT_PREFIX)) sessionStorage.removeItem(key);
    }, undefined);
  },
};

/** A text field's value that survives a reload of this tab (kept while typed, gone once empty). */
export function useDraft(conversationId: string, kind: DraftKind) {
  const [text, setText] = useState(() => drafts.get(conversationId, kind));
  useEffect(() => drafts.set(conversationId, kind, text), [conversationId, kind, text]);
  return [text, setText] as const;
}

export interface AlertChoices {
  /** A short tone for a new waiting chat (off by default). */
  sound: boolean;
  /** A desktop notification for a new waiting chat (off by default; needs the browser's permission). */
  desktop: boolean;
  /** The in-danger alarm sound (on by default). */
  dangerSound: boolean;
  /** How many wait (and how many in danger) before the tab's title (on by default; console-title.ts). */
  titleBadge: boolean;
}

export const DEFAULT_ALERTS: AlertChoices = { sound: false, desktop: false, dangerSound: true, titleBadge: true };
const ALERTS_KEY = 'ghnt-console-alerts';
/** The key of the first version, which kept only the in-danger sound choice ('off'). */
const LEGACY_DANGER_SOUND_KEY = 'ghnt-console-danger-sound';

export const alertChoices = {
  load(): AlertChoices {
    return tryStorage(() => {
      const saved = JSON.parse(localStorage.getItem(ALERTS_KEY) ?? '{}') as Partial<
        Record<keyof AlertChoices, unknown>
      >;
      const legacyOff = localStorage.getItem(LEGACY_DANGER_SOUND_KEY) === 'off';
      const flag = (name: keyof AlertChoices, fallback: boolean) =>
        typeof saved[name] === 'boolean' ? (saved[name] as boolean) : fallback;
      return {
        sound: flag('sound', DEFAULT_ALERTS.sound),
        desktop: flag('desktop', DEFAULT_ALERTS.desktop),
        dangerSound: flag('dangerSound', legacyOff ? false : DEFAULT_ALERTS.dangerSound),
        titleBadge: flag('titleBadge', DEFAULT_ALERTS.titleBadge),
      };
    }, DEFAULT_ALERTS);
  },
  save(choices: AlertChoices) {
    tryStorage(() => localStorage.setItem(ALERTS_KEY, JSON.stringify(choices)), undefined);
  },
  forget() {
    tryStorage(() => {
      localStorage.removeItem(ALERTS_KEY);
      localStorage.removeItem(LEGACY_DANGER_SOUND_KEY);
    }, undefined);
  },
};

/** At logout: nothing of this operator's work stays on the device. */
export function forgetDevice() {
  drafts.forgetAll();
  alertChoices.forget();
}
