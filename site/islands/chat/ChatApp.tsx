/**
 * The visitor's chat on /{lang}/chat/: status, pre-chat questions, the queue, the conversation
 * and its end. One live region announces new messages, queue changes and connection changes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchStatus, type StatusView } from './chat-status';
import type { Phase, Problem } from './chat-state';
import { ConversationView } from './ConversationView';
import { EndedView } from './EndedView';
import { format } from './fill';
import { MessageLog, messageText, senderName } from './MessageLog';
import { LanguageNotice } from './LanguageNotice';
import { PreChatForm } from './PreChatForm';
import { RegionHours } from './RegionHours';
import { SafetyNumbers } from './SafetyNumbers';
import { StatusNotice } from './StatusNotice';
import { acceptedText } from './accepted';
import { showTitleBadge } from './title-badge';
import type { ChatKey, ChatProps } from './types';
import { useVisitorChat } from './use-visitor-chat';
import { WaitingView } from './WaitingView';

const PROBLEM: Record<Problem, ChatKey> = {
  'rate-limited': 'chat.error.rateLimited',
  closed: 'chat.status.closed',
  'queue-full': 'chat.status.queueFull',
  unavailable: 'chat.error.unavailable',
  generic: 'chat.error.generic',
};

export default function ChatApp(props: ChatProps) {
  const { lang, strings, phones, homeHref, alternatives, chatHours } = props;
  const { chat, start, send, typing, end, startOver } = useVisitorChat();
  const [status, setStatus] = useState<StatusView>({ kind: 'loading' });
  // Rendered on the server too: until the script runs, show nothing that waits for it.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [announcement, setAnnouncement] = useState('');
  // Opt-in, silent: a title badge when an operator picks up (never a sound).
  const [notify, setNotify] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const lastPhase = useRef<Phase>(chat.phase);
  const announcedCount = useRef(0);

  // Issue 14: the status is asked for the page's language (is someone reading it?); once the
  // visitor chose a municipality, also for their region's opening hours (shown under the choice).
  const [regionStatus, setRegionStatus] = useState<StatusView | null>(null);
  const checkStatus = () => {
    setStatus({ kind: 'loading' });
    void fetchStatus({ lang }).then(setStatus);
  };
  const checkRegion = (municipality: string) => {
    setRegionStatus(null);
    if (municipality) void fetchStatus({ lang, municipality }).then(setRegionStatus);
  };

  useEffect(() => {
    if (chat.phase === 'prechat') checkStatus();
  }, [chat.phase === 'prechat']);

  // Move focus to what just appeared, so keyboard and screen-reader users follow the chat.
  useEffect(() => {
    if (lastPhase.current === chat.phase) return;
    const was = lastPhase.current;
    lastPhase.current = chat.phase;
    if (chat.phase === 'active') textareaRef.current?.focus();
    else if (chat.phase === 'waiting' || chat.phase === 'ended') headingRef.current?.focus();
    if (chat.phase === 'active' && was !== 'resuming') {
      setAnnouncement(acceptedText(strings, chat.operatorName));
      if (notify && was === 'waiting') showTitleBadge(document);
    }
    if (chat.phase === 'ended') setAnnouncement(strings['chat.ended.title']);
  }, [chat.phase]);

  // Announce messages from others (not the visitor's own, which they just typed).
  useEffect(() => {
    const fresh = chat.messages.slice(announcedCount.current).filter((m) => m.from !== 'visitor' && !m.pending);
    announcedCount.current = chat.messages.length;
    const last = fresh.at(-1);
    if (last && chat.phase !== 'resuming') {
      setAnnouncement(
        format(strings['chat.announce.message'], {
          from: senderName(last, strings, chat.operatorName),
          text: messageText(last, strings),
        }),
      );
    }
  }, [chat.messages]);

  // Waiting, and the last operator who read the visitor's language left: say so.
  const languageServed = chat.language?.languageServed;
  useEffect(() => {
    if (chat.phase === 'waiting' && languageServed === false) setAnnouncement(strings['chat.language.unserved']);
  }, [languageServed]);

  useEffect(() => {
    if (chat.phase === 'waiting' && chat.position !== null) {
      setAnnouncement(
        chat.position <= 1
          ? strings['chat.waiting.next']
          : format(strings['chat.waiting.position'], { position: chat.position }),
      );
    }
  }, [chat.position]);

  const wasConnected = useRef(true);
  useEffect(() => {
    if (wasConnected.current === chat.connected) return;
    wasConnected.current = chat.connected;
    setAnnouncement(chat.connected ? strings['chat.connection.back'] : strings['chat.connection.lost']);
  }, [chat.connected]);

  const inChat = chat.phase === 'waiting' || chat.phase === 'active';

  return (
    <div class="chat" data-phase={chat.phase}>
      <p class="chat-privacy">{strings['chat.privacy']}</p>

      {!chat.connected && inChat && (
        <p class="chat-connection" data-testid="chat-connection-lost">
          {strings['chat.connection.lost']}
        </p>
      )}
      {chat.problem && (
        <div class="chat-problem" role="alert">
          <p>{strings[PROBLEM[chat.problem]]}</p>
          {inChat &&
            (chat.problem === 'unavailable' || chat.problem === 'rate-limited') &&
            chat.messages.some((message) => message.pending) && <p>{strings['chat.error.willRetry']}</p>}
          {chat.problem !== 'rate-limited' && <SafetyNumbers strings={strings} phones={phones} />}
        </div>
      )}

      {chat.phase === 'resuming' && <p class="chat-status">{strings['chat.resuming']}</p>}

      {hydrated && (chat.phase === 'prechat' || chat.phase === 'starting') && (
        <>
          <StatusNotice
            status={status}
            strings={strings}
            phones={phones}
            lang={lang}
            alternatives={alternatives}
            onRetry={checkStatus}
          />
          {(status.kind === 'open' || status.kind === 'busy') && (
            <LanguageNotice lang={lang} strings={strings} phones={phones} figures={status.language} />
          )}
          {status.kind !== 'closed' && status.kind !== 'loading' && (
            <PreChatForm
              {...props}
              busy={chat.phase === 'starting'}
              onStart={(details) => void start(details)}
              onMunicipality={checkRegion}
              regionHours={<RegionHours strings={strings} chatHours={chatHours} hours={regionStatus?.hours} />}
            />
          )}
        </>
      )}

      {chat.phase === 'waiting' && (
        <>
          <WaitingView
            strings={strings}
            phones={phones}
            homeHref={homeHref}
            position={chat.position}
            estimatedWaitSeconds={chat.estimatedWaitSeconds}
            estimatedWaitRange={chat.estimatedWaitRange}
            operatorsAvailable={chat.operatorsAvailable}
            lang={lang}
            language={chat.language}
            headingRef={headingRef}
            notify={notify}
            onNotify={setNotify}
            onCancel={() => void end()}
          />
          {chat.messages.length > 0 && (
            <MessageLog messages={chat.messages} strings={strings} operatorName={chat.operatorName} />
          )}
        </>
      )}

      {chat.phase === 'active' && (
        <ConversationView
          strings={strings}
          messages={chat.messages}
          operatorName={chat.operatorName}
          operatorTyping={chat.operatorTyping}
          textareaRef={textareaRef}
          onSend={send}
          onTyping={typing}
          onEnd={() => void end()}
        />
      )}

      {chat.phase === 'ended' && (
        <EndedView
          strings={strings}
          phones={phones}
          endedBy={chat.endedBy}
          headingRef={headingRef}
          onStartOver={startOver}
        />
      )}

      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="chat-announcer">
        {announcement}
      </div>
    </div>
  );
}
