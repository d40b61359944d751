/**
 * Who is next. Visitors in danger first; then, for an operator of a region, visitors from that
 * region (Veilig Thuis region VTxx or safety region VRxx); then the longest waiting. A regional
 * visitor is kept for operators of their own region only while such an operator is available
 * and the visitor has waited less than the overflow time; after that anyone may take them.
 *
 * Languages (issue 14), for `operator:accept` without an id:
 *   1. in danger first, in ANY language: a visitor in danger must not wait behind a calmer
 *      conversation because of the language; an operator can still reach them (the 112 advice
 *      is already in the chat in their language, and a few words or English often do), and a
 *      helpline would rather answer danger now in a second language than later in the first;
 *   2. then conversations in one of the operator's languages (a conversation they can really
 *      hold goes to the operator who can hold it);
 *   3. then the operator's own region, then the longest waiting (as before).
 * Nothing is reserved by language: when nobody online reads a visitor's language, any operator
 * takes them (the visitor was told, and may write in Dutch or English). By id an operator may
 * take any conversation.
 */
import type { ConversationRecord, OperatorPresence } from './store/chat-store';
import { presenceLanguages } from './languages';

type Queued = Pick<ConversationRecord, 'id' | 'inDanger' | 'queuedAt' | 'region' | 'safetyRegion'> &
  Partial<Pick<ConversationRecord, 'lang'>>;

export const servesRegion = (operatorRegion: string, c: Queued) =>
  operatorRegion === 'national' || operatorRegion === c.region || operatorRegion === c.safetyRegion;

/** The queue as visitors see it: in danger first, then by waiting time. */
export function queueOrder<T extends Queued>(queued: T[]): T[] {
  return [...queued].sort(
    (a, b) => Number(b.inDanger) - Number(a.inDanger) || a.queuedAt - b.queuedAt || a.id.localeCompare(b.id),
  );
}

/** 1-based position of every queued conversation. */
export function positions(queued: Queued[]): Map<string, number> {
  return new Map(queueOrder(queued).map((c, i) => [c.id, i + 1]));
}

/**
 * The conversations this operator may take now, best first. `available` are the operators
 * who can take a conversation (status available, below capacity).
 */
export function candidatesFor<T extends Queued>(
  operator: Pick<OperatorPresence, 'operatorId' | 'region'> & Partial<Pick<OperatorPresence, 'languages'>>,
  queued: T[],
  available: Pick<OperatorPresence, 'operatorId' | 'region'>[],
  now: number,
  overflowMs: number,
): T[] {
  const own = (c: Queued) => operator.region !== 'national' && servesRegion(operator.region, c);
  const myLanguages = presenceLanguages(operator);
  const speaks = (c: Queued) => myLanguages.includes(c.lang ?? 'nl');
  const reservedElsewhere = (c: Queued) =>
    c.region !== undefined &&
    !servesRegion(operator.region, c) &&
    now - c.queuedAt < overflowMs &&
    available.some((o) => o.operatorId !== operator.operatorId && o.region !== 'national' && servesRegion(o.region, c));
  return queued
    .filter((c) => !reservedElsewhere(c))
    .sort(
      (a, b) =>
        Number(b.inDanger) - Number(a.inDanger) ||
        Number(speaks(b)) - Number(speaks(a)) ||
        Number(own(b)) - Number(own(a)) ||
        a.queuedAt - b.queuedAt ||
        a.id.localeCompare(b.id),
    );
}
