/**
 * The silent cue the visitor can ask for: "(1) " before the tab's title and a dot on the tab's
 * icon when an operator picks up, both gone as soon as the visitor looks at the tab again. No
 * sound, no notification permission. The icon with the dot is a file of this site
 * (/favicon-badge.svg), so the page's content policy needs nothing new.
 */
export const TITLE_BADGE = '(1) ';
export const BADGE_ICON = '/favicon-badge.svg';

/** Puts the badge on `doc.title`; returns a function that takes it off (also done by itself). */
export function showTitleBadge(doc: Document): () => void {
  const original = doc.title;
  if (!original.startsWith(TITLE_BADGE)) doc.title = TITLE_BADGE + original;
  const icon = doc.querySelector<HTMLLinkElement>('link[rel~="icon"]');
  const plainIcon = icon?.getAttribute('href') ?? null;
  if (icon && plainIcon !== BADGE_ICON) icon.setAttribute('href', BADGE_ICON);
  const events = ['focus', 'pointerdown', 'keydown'] as const;
  const clear = () => {
    if (doc.title.startsWith(TITLE_BADGE)) doc.title = doc.title.slice(TITLE_BADGE.length);
    if (icon && plainIcon && plainIcon !== BADGE_ICON) icon.setAttribute('href', plainIcon);
    doc.removeEventListener('visibilitychange', onVisible);
    for (const event of events) window.removeEventListener(event, clear);
  };
  const onVisible = () => {
    if (doc.visibilityState === 'visible') clear();
  };
  doc.addEventListener('visibilitychange', onVisible);
  for (const event of events) window.addEventListener(event, clear);
  return clear;
}
