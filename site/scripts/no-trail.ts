/**
 * Navigation that leaves no trail in the tab's history. Whoever picks up the phone after a quick
 * exit and presses Back must never see a page of this site. location.replace() only replaces
 * the current history entry, so with ordinary links a visit of four pages leaves three behind
 * the exit. Here, when JavaScript runs, every move inside the site replaces the current entry
 * too: the whole visit is one entry, and the quick exit replaces that one.
 *
 * The cost is the browser's Back button inside the site; a visible "previous page" link
 * (data-back-link in the layout) takes its place. The pages it leads back to are kept in
 * sessionStorage, which the quick exit wipes. Without JavaScript the site works with ordinary
 * links (and the quick exit is a plain link; sporen-wissen says what that means).
 */
const BACK_STACK_KEY = 'ghnt:back';
const BACK_STACK_LIMIT = 30;

function readStack(): string[] {
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(BACK_STACK_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}

function writeStack(stack: string[]): void {
  try {
    window.sessionStorage.setItem(BACK_STACK_KEY, JSON.stringify(stack.slice(-BACK_STACK_LIMIT)));
  } catch {
    // Storage blocked: the back link is simply not offered.
  }
}

const here = () => `${window.location.pathname}${window.location.search}${window.location.hash}`;

/** Goes to a page of this site in place of the current one (no new history entry). */
export function navigateWithoutTrail(href: string): void {
  const url = new URL(href, window.location.href);
  const samePage = url.pathname === window.location.pathname && url.search === window.location.search;
  // A jump within the page (a skip link, #thema-…) is no page to go back to.
  if (!samePage) writeStack([...readStack(), here()]);
  window.location.replace(url.href);
}

/** True for a click the browser should handle itself (new tab, download, another site, …). */
function leaveToBrowser(event: MouseEvent, link: HTMLAnchorElement): boolean {
  if (event.defaultPrevented || event.button !== 0) return true;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return true;
  if (link.hasAttribute('download') || link.hasAttribute('data-quick-exit')) return true;
  if (link.target && link.target !== '_self') return true;
  const url = new URL(link.href, window.location.href);
  return url.origin !== window.location.origin || !/^https?:$/.test(url.protocol);
}

function showBackLink(doc: Document): void {
  const link = doc.querySelector<HTMLAnchorElement>('[data-back-link]');
  const stack = readStack();
  const previous = stack.at(-1);
  if (!link || previous === undefined) return;
  link.href = previous;
  link.hidden = false;
  link.addEventListener('click', (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    writeStack(stack.slice(0, -1));
    window.location.replace(new URL(previous, window.location.href).href);
  });
}

export function installNoTrail(doc: Document): void {
  // Bubbling phase, after the page's own handlers: a handler that took the click (an island's
  // button-like link) has called preventDefault, and leaveToBrowser respects that.
  doc.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || leaveToBrowser(event, link)) return;
    event.preventDefault();
    navigateWithoutTrail(link.href);
  });

  // Forms that go to a page of this site by GET (the search form without its island).
  doc.addEventListener('submit', (event) => {
    const form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'get') return;
    const url = new URL(form.action, window.location.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') query.append(name, value);
    url.search = query.toString();
    navigateWithoutTrail(url.href);
  });

  showBackLink(doc);
  // For tests (and nothing else): the moves of this page leave no trail from now on.
  doc.documentElement.dataset.noTrail = 'ready';
}
