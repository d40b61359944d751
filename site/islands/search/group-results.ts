/** Groups results for display: urgent help, help in a municipality, themes, organisations, pages. */
import type { ResultType, SearchResult } from '../../../search-index/types';

export const GROUP_ORDER = ['emergency', 'help', 'themes', 'organisations', 'pages'] as const;
export type GroupKey = (typeof GROUP_ORDER)[number];

const GROUP_OF: Record<ResultType, GroupKey> = {
  emergency: 'emergency',
  route: 'help',
  municipality: 'help',
  theme: 'themes',
  organisation: 'organisations',
  page: 'pages',
};

/** Non-empty groups in display order; within a group the engine's order (best first) is kept. */
export function groupResults(results: SearchResult[]): { key: GroupKey; results: SearchResult[] }[] {
  return GROUP_ORDER.map((key) => ({ key, results: results.filter((result) => GROUP_OF[result.type] === key) })).filter(
    (group) => group.results.length > 0,
  );
}
