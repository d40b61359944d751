/**
 * The operator console at /medewerkers/: log in, be available or away, see the queue (calmly if
 * wanted, but always everyone), visitors in danger pinned at the top as an alarm with a sound of
 * its own, take conversations side by side up to the capacity, and, for supervisors, the live
 * figures and the accounts. Staff-only; Dutch is its language. Keyboard shortcuts: shortcuts.tsx.
 * A reload keeps its place: the server gives back the conversations held (`chat:assigned`) and,
 * within OPERATOR_RECONNECT_GRACE_SECONDS, the status (`operator:state`; the server is the truth,
 * this page never re-asserts it after a reload); this tab's sessionStorage remembers the view,
 * the conversation last worked in (ids only) and the drafts (device-memory.ts); the alert
 * choices are kept in this browser. Logout clears all of it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { AccountsPanel } from './AccountsPanel';
import { AuditPanel } from './AuditPanel';
import { StatsPanel } from './StatsPanel';
import { adminText } from './admin-strings';
import { ShortcutsHelp, useShortcuts } from './shortcuts';
import { TwoFactorPanel } from './TwoFactorPanel';
import { format } from '../chat/fill';
import type { QuickReply } from '../../../chat-server/src/protocol';
import { ConversationPanel } from './ConversationPanel';
import { DangerAlarm } from './DangerAlarm';
import { DANGER_ALARM_MS, errorLabel, waitedMs } from './labels';
import { LoginForm } from './LoginForm';
import { consoleTitle } from './console-title';
import { askDesktopPermission, playAlarm, playTone, showDesktop } from './new-chat-alert';
import { alertChoices, DEFAULT_ALERTS, drafts, forgetDevice, type AlertChoices } from './device-memory';
import { QueuePanel } from './QueuePanel';
import { fetchQuickReplies } from './operator-api';
import { SupervisorPanel } from './SupervisorPanel';
import type { ConsoleProps } from './types';
import { canAcceptMore, capacityOf, heldList as heldInOrder, orphanIds, transferTargets } from './console-state';
import { useOperatorConsole } from './use-operator-console';
import { HandoverAlerts, WrapUpPanel } from './WrapUpPanel';

/** While someone in danger waits past DANGER_ALARM_MS, the alarm sounds again this often. */
const DANGER_REPEAT_MS = 60_000;

/**
 * The console's views: the work, for supervisors the accounts and the figures with the audit
 * log, and for everyone their own two-factor login.
 */
const CONSOLE_VIEWS = ['work', 'accounts', 'figures', 'twoFactor'] as const;
const FOR_EVERYONE: readonly ConsoleView[] = ['work', 'twoFactor'];
type ConsoleView = (typeof CONSOLE_VIEWS)[number];

/** This tab's place, kept over a reload (sessionStorage: this tab only, gone when it closes). */
const PLACE = { view: 'ghnt-console-view', focus: 'ghnt-console-focus' } as const;
const remembered = (key: string) => {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
};
const remember = (key: string, value: string | null) => {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // Storage off: the console works, it just forgets its place on reload.
  }
};

export default function ConsoleApp(props: ConsoleProps) {
  const { strings } = props;
  const [session, setSession] = useState(0);
  const op = useOperatorConsole(session);
  const [calm, setCalm] = useState(true);
  // The new-chat tone and desktop notice (off by default) and the in-danger alarm sound (on by
  // default): kept in this browser over a reload, cleared at logout (device-memory.ts).
  const [alerts, setAlerts] = useState<AlertChoices>(DEFAULT_ALERTS);
  const { sound, dangerSound, desktop, titleBadge } = alerts;
  const chooseAlerts = (change: Partial<AlertChoices>) =>
    setAlerts((current) => {
      const next = { ...current, ...change };
      alertChoices.save(next);
      return next;
    });
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState<string | null>(null);
  const [replies, setReplies] = useState<Record<string, QuickReply[]>>({});
  const me = op.me;
  const lastAlarm = useRef(0);
  /** Said at once to screen readers when someone new in danger waits (cleared first, so it is said again). */
  const [dangerNews, setDangerNews] = useState('');

  // Read after the first render (the page is rendered without storage), and again for a new session.
  useEffect(() => {
    const saved = alertChoices.load();
    // A desktop notice needs the browser's permission, which may have been withdrawn since.
    const permitted = 'Notification' in window && Notification.permission === 'granted';
    setAlerts({ ...saved, desktop: saved.desktop && permitted });
  }, [session]);
  // The tab's title carries the waiting count (console-title.ts); the page's own title is the base.
  const baseTitle = useRef<string | null>(null);
  const { total: waitingTotal, inDanger: waitingInDanger } = op.waitingCount;
  useEffect(() => {
    baseTitle.current ??= document.title;
    document.title = consoleTitle(
      baseTitle.current,
      { total: op.connection === 'unauthorized' ? 0 : waitingTotal, inDanger: waitingInDanger },
      titleBadge,
    );
  }, [waitingTotal, waitingInDanger, titleBadge, op.connection]);
  const [view, setView] = useState<ConsoleView>(() => {
    const place = remembered(PLACE.view);
    return CONSOLE_VIEWS.find((name) => name === place) ?? 'work';
  });
  const [shortcutNote, setShortcutNote] = useState('');
  const restoredFocus = useRef(false);

  // After a reload: back in the conversation last worked in, once the server has given it back.
  useEffect(() => {
    const id = remembered(PLACE.focus);
    if (restoredFocus.current || !id || !op.held[id]) return;
    restoredFocus.current = true;
    document.getElementById(`text-${id}`)?.focus();
  }, [op.held]);

  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const id = (event.target as Element | null)?.closest?.<HTMLElement>('.console-conversation')?.dataset
        .conversation;
      if (id) remember(PLACE.focus, id);
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);

  const acceptConversation = async (conversationId?: string) => {
    const result = await op.accept(conversationId);
    setError(typeof result === 'object' ? strings[errorLabel(result.error)] : null);
  };

  const toggleStatus = async () => {
    const status = op.available ? 'away' : 'available';
    const code = await op.setStatus(status);
    setError(code ? strings[errorLabel(code)] : null);
  };

  const showView = (next: ConsoleView) => {
    setView(next);
    remember(PLACE.view, next);
  };

  useShortcuts(
    {
      acceptNext: () => {
        showView('work');
        void acceptConversation();
      },
      toggleStatus: () => void toggleStatus(),
      nothingOpen: () => setShortcutNote(adminText('shortcuts.none')),
    },
    op.connection === 'connected' || op.connection === 'reconnecting',
  );

  useEffect(() => {
    // Every second: the waits of people in danger are a running clock, and turn into an alarm at 60 s.
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  // A new waiting chat: alert only if the operator opted in. Someone new in danger: the alarm
  // (on unless switched off on this device), whatever the status or view.
  useEffect(() => {
    const fresh = op.arrived;
    if (fresh.length === 0) return;
    if (fresh.some((row) => row.inDanger)) {
      setDangerNews('');
      setTimeout(() => setDangerNews(strings['chat.console.danger.alert']), 100);
      if (dangerSound) {
        playAlarm();
        lastAlarm.current = Date.now();
      }
      if (desktop) showDesktop(strings['chat.console.alert.title'], strings['chat.console.danger.alert']);
      return;
    }
    if (sound) playTone();
    if (desktop) showDesktop(strings['chat.console.alert.title'], strings['chat.console.alert.body']);
  }, [op.arrived]);

  // Someone in danger still waiting after a minute: the alarm again, once a minute.
  useEffect(() => {
    if (!dangerSound || now - lastAlarm.current < DANGER_REPEAT_MS) return;
    if (op.waiting.some((row) => row.inDanger && waitedMs(row.waitingSince, now) >= DANGER_ALARM_MS)) {
      playAlarm();
      lastAlarm.current = now;
    }
  }, [now]);

  // A conversation handed over to this operator (issue 20): the alert is on screen and said to
  // screen readers (HandoverAlerts); the new-chat tone too, when the operator switched it on.
  const handoversSeen = useRef(0);
  useEffect(() => {
    if (op.handovers.length > handoversSeen.current && sound) playTone();
    handoversSeen.current = op.handovers.length;
  }, [op.handovers]);

  // A conversation that leaves this page (closed, transferred, wrapped up) takes its drafts with
  // it. Only one seen here before: after a reload the page starts empty and keeps the drafts
  // until the server gives the conversations back.
  const heldBefore = useRef<string[]>([]);
  useEffect(() => {
    for (const id of heldBefore.current) if (!op.held[id]) drafts.forget(id);
    heldBefore.current = Object.keys(op.held);
  }, [op.held]);

  // Quick replies per language, loaded once for each language in a held conversation.
  useEffect(() => {
    for (const held of Object.values(op.held)) {
      const lang = held.conversation.lang;
      if (replies[lang]) continue;
      setReplies((all) => ({ ...all, [lang]: [] }));
      void fetchQuickReplies(lang).then((list) => setReplies((all) => ({ ...all, [lang]: list })));
    }
  }, [op.held]);

  if (op.connection === 'unauthorized') {
    return <LoginForm strings={strings} onLoggedIn={() => setSession((n) => n + 1)} />;
  }
  if (op.connection === 'connecting') return <p>{strings['chat.console.connecting']}</p>;

  const heldList = heldInOrder(op);
  const orphans = orphanIds(op);
  const capacity = capacityOf(op);
  const canAccept = canAcceptMore(op);
  const inDanger = op.waiting.filter((row) => row.inDanger);
  const others = op.waiting.filter((row) => !row.inDanger);
  const colleagues = transferTargets(op);

  /**
   * After ending or wrapping up (issue 20), focus goes to the next sensible place: the next
   * conversation still to wrap up (after a wrap-up), else the message box of the next open
   * conversation, else the queue.
   */
  const focusNext = (done: string, after: 'end' | 'wrap-up') => {
    // After the render that removed what was done.
    setTimeout(() => {
      const nextWrapUp = after === 'wrap-up' && op.toWrapUp.find((item) => item.conversationId !== done);
      const target =
        (nextWrapUp && document.querySelector<HTMLElement>(`[name="wrapup-outcome-${nextWrapUp.conversationId}"]`)) ||
        heldList
          .filter((held) => !held.endedBy && held.conversation.conversationId !== done)
          .map((held) => document.getElementById(`text-${held.conversation.conversationId}`))
          .find(Boolean) ||
        document.getElementById('console-queue-title');
      target?.focus();
    }, 0);
  };

  // The accounts and figures are for supervisors only; everyone has their own two-factor login.
  const views = CONSOLE_VIEWS.filter((name) => FOR_EVERYONE.includes(name) || me?.role === 'supervisor');
  const shownView: ConsoleView = views.includes(view) ? view : 'work';

  const logout = async () => {
    for (const key of Object.values(PLACE)) remember(key, null);
    forgetDevice();
    try {
      await fetch('/api/operator/logout', { method: 'POST', credentials: 'same-origin' });
    } finally {
      setSession((n) => n + 1);
    }
  };

  return (
    // While another view is shown the work parts are hidden by CSS, not removed: drafts stay.
    <div class="console" data-view={shownView} data-connection={op.connection}>
      {/* First in the work area: whoever is in danger and waiting (issue 20). */}
      <p role="alert" class="visually-hidden" data-testid="console-danger-news">
        {dangerNews}
      </p>
      <DangerAlarm
        {...props}
        inDanger={inDanger}
        total={op.waitingCount.inDanger}
        now={now}
        canAccept={canAccept}
        onAccept={(conversationId) => void acceptConversation(conversationId)}
      />

      <div class="console-bar">
        <p role="status" class="console-bar__status">
          {me && (
            <span class="console-bar__name">{format(strings['chat.console.signedInAs'], { name: me.name })} </span>
          )}
          {op.connection === 'reconnecting'
            ? strings['chat.console.reconnecting']
            : op.available
              ? strings['chat.console.status.available']
              : strings['chat.console.status.away']}
        </p>
        <button type="button" class="button" aria-pressed={op.available} onClick={() => void toggleStatus()}>
          {strings['chat.console.status.toggle']}
        </button>
        <div class="console-choice">
          <input id="console-calm" type="checkbox" checked={calm} onChange={(e) => setCalm(e.currentTarget.checked)} />
          <label for="console-calm">{strings['chat.console.calm']}</label>
        </div>
        <div class="console-choice">
          <input
            id="console-sound"
            type="checkbox"
            checked={sound}
            onChange={(e) => chooseAlerts({ sound: e.currentTarget.checked })}
          />
          <label for="console-sound">{strings['chat.console.alert.sound']}</label>
        </div>
        <div class="console-choice">
          <input
            id="console-danger-sound"
            type="checkbox"
            checked={dangerSound}
            onChange={(e) => chooseAlerts({ dangerSound: e.currentTarget.checked })}
          />
          <label for="console-danger-sound">{strings['chat.console.danger.sound']}</label>
        </div>
        <div class="console-choice">
          <input
            id="console-desktop"
            type="checkbox"
            checked={desktop}
            onChange={async (e) => {
              const wanted = e.currentTarget.checked;
              chooseAlerts({ desktop: wanted ? await askDesktopPermission() : false });
            }}
          />
          <label for="console-desktop">{strings['chat.console.alert.desktop']}</label>
        </div>
        <div class="console-choice">
          <input
            id="console-title-badge"
            type="checkbox"
            checked={titleBadge}
            onChange={(e) => chooseAlerts({ titleBadge: e.currentTarget.checked })}
          />
          <label for="console-title-badge">{adminText('title.choice')}</label>
        </div>
        <ShortcutsHelp />
        <button type="button" class="button button--secondary" onClick={() => void logout()}>
          {strings['chat.console.logout']}
        </button>
      </div>
      <p class="visually-hidden" role="status">
        {shortcutNote}
      </p>

      {me && (
        <nav class="console-nav" aria-label={adminText('nav.label')}>
          {views.map((name) => (
            <button
              key={name}
              type="button"
              class="console-nav__item"
              aria-current={shownView === name ? 'page' : undefined}
              onClick={() => showView(name)}
            >
              {adminText(`nav.${name}`)}
            </button>
          ))}
        </nav>
      )}
      {me?.role === 'supervisor' && shownView === 'accounts' && (
        <AccountsPanel languages={props.languages} me={me.operatorId} />
      )}
      {me?.role === 'supervisor' && shownView === 'figures' && (
        <>
          <StatsPanel languages={props.languages} />
          <AuditPanel />
        </>
      )}
      {me && shownView === 'twoFactor' && <TwoFactorPanel on={me.twoFactor} onConfirmed={op.meChanged} />}

      {/* Away: said at the top of the work area, with the way back (issue 20 item 7). */}
      {op.connection === 'connected' && !op.available && (
        <div class="console-away" role="status" data-testid="console-away-banner">
          <p>{adminText('away.banner')}</p>
          <button type="button" class="button" onClick={() => void toggleStatus()}>
            {adminText('away.becomeAvailable')}
          </button>
        </div>
      )}

      {error && (
        <p class="console-error" role="alert">
          {error}
        </p>
      )}

      <QueuePanel
        {...props}
        others={others}
        total={op.waitingCount.total}
        inDanger={op.waitingCount.inDanger}
        shown={op.waiting.length}
        calm={calm}
        now={now}
        {...(me?.languages ? { myLanguages: me.languages } : {})}
        canAccept={canAccept}
        onAccept={(conversationId) => void acceptConversation(conversationId)}
      />

      {/* After the queue: the people waiting come before the figures about them. */}
      {op.stats && <SupervisorPanel {...props} stats={op.stats} waiting={op.waiting} now={now} />}

      <WrapUpPanel
        strings={strings}
        languages={props.languages}
        items={op.toWrapUp}
        onWrapUp={op.wrapUp}
        onDone={(conversationId) => focusNext(conversationId, 'wrap-up')}
      />

      <section class="console-mine" aria-labelledby="console-mine-title">
        <h2 id="console-mine-title">
          {format(strings['chat.console.mine.title'], { count: heldList.length, capacity })}
        </h2>
        {/* Always in the page, so screen readers announce what is put into it. */}
        <HandoverAlerts alerts={op.handovers} onDismiss={op.dismissHandover} />
        {orphans.length > 0 && (
          <div class="console-orphans" role="status">
            <p>{format(strings['chat.console.orphans'], { count: orphans.length })}</p>
            <ul>
              {orphans.map((id, index) => (
                <li key={id}>
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={async () => {
                      const code = await op.transfer(id, 'queue', adminText('handover.orphan.note'));
                      setError(code ? strings[errorLabel(code)] : null);
                    }}
                  >
                    {format(strings['chat.console.orphans.requeue'], { number: index + 1 })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div class="console-conversations">
          {heldList.map((held) => {
            const id = held.conversation.conversationId;
            return (
              <ConversationPanel
                key={id}
                {...props}
                held={held}
                now={now}
                justAccepted={op.justAccepted === id}
                quickReplies={replies[held.conversation.lang] ?? []}
                colleagues={colleagues}
                onSend={(text) => op.send(id, text)}
                onTyping={(typing) => op.typing(id, typing)}
                onNote={(text) => op.note(id, text)}
                onTransfer={(to, note) => op.transfer(id, to, note)}
                myOperatorId={me?.operatorId}
                onEnd={async (outcome) => {
                  const code = await op.end(id, outcome);
                  if (!code) focusNext(id, 'end');
                  return code;
                }}
                onClose={() => op.forget(id)}
              />
            );
          })}
        </div>
      </section>
    </div>
  );
}
