/**
 * Turns engine hits into the results a person sees, the same way for every engine: emergency
 * help first, then the help route when a query names both a place and a theme, then the rest
 * best first, each URL once.
 */
import type { IndexLabels, SearchResult } from './types';
import type { StoredDocument } from './engine-options';

/** Results scoring below this share of the best result are left out, unless the query names them. */
export const RELATIVE_SCORE_FLOOR = 0.2;

/** The best theme must score this many times the next one to make a help route. */
export const CLEAR_THEME_MARGIN = 1.3;

export interface Hit extends StoredDocument {
  score: number;
  /** The query names this thing itself (a place, a postcode, a theme word), not just a word near it. */
  named: boolean;
}

/** "{theme} in {place}" → "Partnergeweld in Zaanstad"; braces in names cannot inject more. */
export function fillLabel(template: string, values: { theme: string; place: string }): string {
  return template.replace(/\{(theme|place)\}/g, (_, key: 'theme' | 'place') => values[key]);
}

/** The help route of a municipality for a theme, as the help pages anchor it. */
export function routeUrl(municipalityUrl: string, theme: string): string {
  return `${municipalityUrl}#thema-${theme}`;
}

export function composeResults(hits: Hit[], labels: IndexLabels, limit: number): SearchResult[] {
  const ranked = [...hits].sort((a, b) => b.score - a.score);
  const emergency = ranked.filter((hit) => hit.type === 'emergency' && hit.named);
  const place = ranked.find((hit) => hit.type === 'municipality' && hit.named);
  const [theme, runnerUp] = ranked.filter((hit) => hit.type === 'theme' && hit.named);
  // Only a clear theme makes a route: "kocm beni dövüyor" (husband misspelt) fits partner
  // violence and child abuse alike, and a wrong route first is worse than the place itself.
  const clearTheme = theme && (!runnerUp || theme.score >= runnerUp.score * CLEAR_THEME_MARGIN) ? theme : undefined;

  const results: SearchResult[] = emergency.map(toResult);
  if (place && clearTheme?.theme) {
    results.push({
      title: fillLabel(labels.routeTitle, { theme: clearTheme.title, place: place.title }),
      url: routeUrl(place.url, clearTheme.theme),
      type: 'route',
      snippet: fillLabel(labels.routeSnippet, { theme: clearTheme.title, place: place.title }),
    });
  }
  // Loose matches far below the best one are noise ("slaat" also means "stores" in a privacy
  // text); a frightened reader should not have to wade through them.
  const floor = (ranked[0]?.score ?? 0) * RELATIVE_SCORE_FLOOR;
  for (const hit of ranked) if (hit.score >= floor || hit.named) results.push(toResult(hit));

  const seen = new Set<string>();
  return results
    .filter((result) => {
      if (seen.has(result.url)) return false;
      seen.add(result.url);
      return true;
    })
    .slice(0, limit);
}

function toResult(hit: Hit): SearchResult {
  return { title: hit.title, url: hit.url, type: hit.type, snippet: hit.snippet };
}
