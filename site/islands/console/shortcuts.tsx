/**
 * The console's keyboard shortcuts, and the "Sneltoetsen" list that documents them on the page.
 * All use Alt+Shift+letter by physical key (`event.code`, so Option+Shift on a Mac works too):
 * screen readers use Insert / Caps Lock (NVDA, JAWS, Narrator) or Ctrl+Option (VoiceOver), and
 * Chrome's own Alt+Shift keys (A, B, I, T) are left alone. They work from inside text fields.
 */
import { useEffect, useRef } from 'preact/hooks';
import { adminText as t, type AdminKey } from './admin-strings';

export interface ShortcutActions {
  acceptNext(): void;
  toggleStatus(): void;
  /** Says (politely) that there is no conversation to go to. */
  nothingOpen(): void;
}

export const SHORTCUTS: { code: string; key: string; label: AdminKey }[] = [
  { code: 'KeyN', key: 'N', label: 'shortcuts.acceptNext' },
  { code: 'KeyG', key: 'G', label: 'shortcuts.nextConversation' },
  { code: 'KeyV', key: 'V', label: 'shortcuts.previousConversation' },
  { code: 'KeyE', key: 'E', label: 'shortcuts.end' },
  { code: 'KeyS', key: 'S', label: 'shortcuts.status' },
];

const conversations = () => [...document.querySelectorAll<HTMLElement>('.console-conversation[data-conversation]')];

/** Focuses a conversation's message box (or, ended, its close button). */
function enter(panel: HTMLElement, field: 'text' | 'outcome'): void {
  const id = panel.dataset.conversation ?? '';
  const target =
    document.getElementById(`${field}-${id}`) ?? panel.querySelector<HTMLElement>('textarea, select, button');
  target?.focus();
  target?.scrollIntoView({ block: 'nearest' });
}

export function useShortcuts(actions: ShortcutActions, enabled: boolean): void {
  const latest = useRef(actions);
  latest.current = actions;
  /** The conversation last worked in, when the focus is elsewhere (the queue, the bar). */
  const lastPanel = useRef<string | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const onFocus = (event: FocusEvent) => {
      const panel = (event.target as Element | null)?.closest?.<HTMLElement>('.console-conversation');
      if (panel?.dataset.conversation) lastPanel.current = panel.dataset.conversation;
    };
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.repeat) return;
      const shortcut = SHORTCUTS.find((s) => s.code === event.code);
      if (!shortcut) return;
      event.preventDefault();
      const panels = conversations();
      const current = Math.max(
        panels.findIndex((p) => p.contains(document.activeElement)),
        panels.findIndex((p) => p.dataset.conversation === lastPanel.current),
      );
      switch (shortcut.key) {
        case 'N':
          return latest.current.acceptNext();
        case 'S':
          return latest.current.toggleStatus();
        case 'G':
        case 'V': {
          if (panels.length === 0) return latest.current.nothingOpen();
          const step = shortcut.key === 'G' ? 1 : -1;
          const next = current < 0 ? 0 : (current + step + panels.length) % panels.length;
          return enter(panels[next]!, 'text');
        }
        case 'E':
          if (panels.length === 0) return latest.current.nothingOpen();
          return enter(panels[Math.max(0, current)]!, 'outcome');
      }
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
    };
  }, [enabled]);
}

/** The list of shortcuts, in a disclosure that stays closed until wanted. */
export function ShortcutsHelp() {
  return (
    <details class="console-shortcuts">
      <summary>{t('shortcuts.title')}</summary>
      <div class="console-shortcuts__panel">
        <p>{t('shortcuts.intro')}</p>
        <dl>
          {SHORTCUTS.map((s) => (
            <div key={s.code}>
              <dt>
                <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>{s.key}</kbd>
              </dt>
              <dd>{t(s.label)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
