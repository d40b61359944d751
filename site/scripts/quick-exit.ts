/**
 * Quick exit behaviour. The link in QuickExit.astro already works without JavaScript; this
 * makes leaving faster and leaves fewer traces. Other features (the chat) listen for the
 * `QUICK_EXIT_EVENT` on window to end what they have open; they get no chance to delay it.
 */
export const QUICK_EXIT_EVENT = 'ghnt:quick-exit';
const ESCAPE_WINDOW_MS = 2000;

let exiting = false;

function blank(doc: Document): void {
  // CSSOM changes are allowed by the Content-Security-Policy; a style attribute in HTML is not.
  doc.documentElement.style.background = '#fff';
  if (doc.body) doc.body.style.visibility = 'hidden';
  doc.title = '';
}

function wipeStorage(): void {
  for (const storage of [() => window.sessionStorage, () => window.localStorage]) {
    try {
      storage().clear();
    } catch {
      // Storage can be blocked (private mode, settings): nothing of ours is there then.
    }
  }
}

/** Blanks the page, tells listeners, wipes storage and replaces this page in history. */
export function quickExit(doc: Document, url: string): void {
  exiting = true;
  blank(doc);
  try {
    window.dispatchEvent(new CustomEvent(QUICK_EXIT_EVENT));
  } catch {
    // A listener's failure must never keep the visitor here.
  }
  wipeStorage();
  window.location.replace(url);
}

export function installQuickExit(doc: Document): void {
  const link = doc.querySelector<HTMLAnchorElement>('[data-quick-exit]');
  if (!link) return;
  const url = link.href;

  link.addEventListener('click', (event) => {
    // Let a modified click (new tab) through; otherwise leave the quick way.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    quickExit(doc, url);
  });

  let lastEscape = 0;
  doc.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.repeat) return;
    const now = Date.now();
    if (now - lastEscape <= ESCAPE_WINDOW_MS) {
      quickExit(doc, url);
    } else {
      lastEscape = now;
    }
  });

  // If the browser brings this page back from the back/forward cache after a quick exit,
  // show nothing and leave again.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && exiting) {
      blank(doc);
      window.location.replace(url);
    }
  });
}
