/**
 * The silent cue the visitor can ask for: "(1) " before the tab's title when an operator picks
 * up, gone as soon as the visitor looks at the tab again. No sound, no notification permission.
 */
export const TITLE_BADGE = '(1) ';

/** Puts the badge on `doc.title`; returns a function that takes it off (also done by itself). */
export function showTitleBadge(doc: Document): () => void {
  const original = doc.title;
  if (!original.startsWith(TITLE_BADGE)) doc.title = TITLE_BADGE + original;
  const events = ['focus', 'pointerdown', 'keydown'] as const;
  const clear = () => {
    if (doc.title.startsWith(TITLE_BADGE)) doc.title = doc.title.slice(TITLE_BADGE.length);
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
