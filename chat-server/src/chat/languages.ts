/**
 * Which languages the chat can be held in right now (issue 14): the languages of the operators
 * who are available. An account without languages (made before they existed) chats in Dutch.
 */
import { FALLBACK_LANGS, type Lang } from '../protocol';
import type { OperatorAccount, OperatorPresence } from './store/chat-store';
import { availableForWork } from './operator-availability';

/** The languages of an account; absent or empty = Dutch only. */
export const accountLanguages = (account: Pick<OperatorAccount, 'languages'>): Lang[] =>
  account.languages?.length ? [...account.languages] : ['nl'];

/**
 * The languages of an operator online. A presence written before presences carried languages
 * (a process of the previous version, during a rolling update) counts as Dutch only.
 */
export const presenceLanguages = (presence: Partial<Pick<OperatorPresence, 'languages'>>): Lang[] =>
  presence.languages?.length ? presence.languages : ['nl'];

type Online = Pick<OperatorPresence, 'status' | 'reconnectingSince'> & Partial<Pick<OperatorPresence, 'languages'>>;

/** Whether some operator available for work (not away, not reconnecting) chats in `lang`. */
export const languageServed = (online: Online[], lang: Lang): boolean =>
  online.some((o) => availableForWork(o) && presenceLanguages(o).includes(lang));

/** What a visitor in `lang` is told: whether their language is served, and which fallbacks are. */
export function languageFigures(online: Online[], lang: Lang) {
  return {
    languageServed: languageServed(online, lang),
    fallbackLanguages: FALLBACK_LANGS.filter((fallback) => languageServed(online, fallback)),
  };
}
