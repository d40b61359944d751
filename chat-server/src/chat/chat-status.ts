/**
 * The answer of `GET /api/chat/status`: open or why not, for the visitor's region's opening
 * hours when a region or municipality is given, and (issue 14) whether someone available reads
 * the visitor's language when `lang` is given.
 */
import type { ChatHoursInfo, ChatStatusQuery, ChatStatusResponse } from '../protocol';
import type { ChatDeps } from './chat-context';
import { availableForWork } from './operator-availability';
import { languageFigures } from './languages';

/** A query naming a region or municipality that does not exist (HTTP 400). */
export class UnknownPlaceError extends Error {}

type StatusDeps = Pick<ChatDeps, 'store' | 'schedule' | 'regions' | 'settings'>;

/** The Veilig Thuis region a status query asks about, or undefined; throws for an unknown one. */
function regionOf(deps: StatusDeps, query: ChatStatusQuery): { code: string; name: string } | undefined {
  if (query.municipality) {
    const found = deps.regions.forMunicipality(query.municipality);
    if (!found) throw new UnknownPlaceError(`municipality: unknown municipality ${query.municipality}`);
    return { code: found.region, name: found.regionName };
  }
  if (query.region) {
    const found = deps.regions.veiligThuisRegion(query.region);
    if (!found) throw new UnknownPlaceError(`region: unknown Veilig Thuis region ${query.region}`);
    return found;
  }
  return undefined;
}

export async function chatStatus(deps: StatusDeps, at: Date, query: ChatStatusQuery = {}): Promise<ChatStatusResponse> {
  const region = regionOf(deps, query);
  const schedule = deps.schedule.forRegion(region?.code);
  const [queued, online] = await Promise.all([deps.store.listQueued(), deps.store.listOperatorPresence()]);
  const waiting = queued.length;
  const operatorsAvailable = online.filter(availableForWork).length;
  const hours: ChatHoursInfo | undefined = region && {
    region: region.code,
    regionName: region.name,
    ownHours: schedule.ownRegion === region.code,
    ...(schedule.ownRegion
      ? { hoursSourceRegion: region.name }
      : schedule.sourceRegion
        ? { hoursSourceRegion: schedule.sourceRegion }
        : {}),
  };
  const base = {
    waiting,
    operatorsAvailable,
    ...(query.lang ? languageFigures(online, query.lang) : {}),
    ...(hours ? { hours } : {}),
  };
  if (!schedule.isOpen(at)) {
    const opensAt = schedule.nextOpening(at);
    return { open: false, reason: 'closed', ...(opensAt ? { opensAt: opensAt.toISOString() } : {}), ...base };
  }
  if (operatorsAvailable === 0) return { open: false, reason: 'no-operators', ...base };
  // Full only when no one can join any more: the places reserved for visitors in danger count
  // as open, so the page never tells a visitor in danger not to try.
  if (waiting >= deps.settings.maxQueue) return { open: false, reason: 'queue-full', ...base };
  return { open: true, ...base };
}
