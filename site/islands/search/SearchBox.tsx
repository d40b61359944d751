/**
 * Search as you type. Progressive enhancement: the server-rendered form works without
 * JavaScript (GET ?q=); with JavaScript, results appear while typing, grouped, announced to
 * screen readers, and reachable with the arrow keys. Query text is only ever rendered as text.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { SearchBackend } from '../../lib/search-backend';
import type { IndexLabels, SearchEngine, SearchResult } from '../../../search-index/types';
import { loadSearchEngine } from './load-engine';
import { groupResults, type GroupKey } from './group-results';
import { countLabel } from './count-label';

export interface SearchBoxLabels {
  label: string;
  submit: string;
  privacy: string;
  none: string;
  one: string;
  many: string;
  loading: string;
  loadError: string;
  groups: Record<GroupKey, string>;
}

interface Props {
  lang: string;
  action: string;
  labels: SearchBoxLabels;
  backend: SearchBackend;
  /** What the Meilisearch engine needs from content; empty for the embedded engine (its index holds it). */
  server: { labels: IndexLabels; stopwords: string[] };
}

/** Wait this long after the last keystroke: fast enough to feel live, calm for screen readers. */
const DEBOUNCE_MS = 150;

export default function SearchBox({ lang, action, labels, backend, server }: Props) {
  const [engine, setEngine] = useState<SearchEngine | null>(null);
  const [status, setStatus] = useState<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(0);

  useEffect(() => {
    setStatus('loading');
    // A query sent here by the form without JavaScript (or before this script ran).
    const initial = new URLSearchParams(window.location.search).get('q') ?? '';
    setQuery(initial);
    loadSearchEngine(lang, backend, server)
      .then((loaded) => {
        setEngine(loaded);
        setStatus('ready');
        // Whatever is in the box by now: the address's query, or what was typed while loading.
        const typed = inputRef.current?.value ?? initial;
        if (typed.trim()) void run(loaded, typed);
      })
      .catch(() => setStatus('error'));
    return () => clearTimeout(timer.current);
  }, [lang]);

  async function run(current: SearchEngine, text: string) {
    const ticket = ++latest.current;
    const found = text.trim() ? await current.search(text) : null;
    // Only the answer to the newest query is shown, even if an older one arrives later.
    if (ticket === latest.current) setResults(found);
  }

  function onInput(event: JSX.TargetedEvent<HTMLInputElement>) {
    const text = event.currentTarget.value;
    setQuery(text);
    clearTimeout(timer.current);
    if (!engine) return;
    timer.current = setTimeout(() => void run(engine, text), DEBOUNCE_MS);
  }

  function onSubmit(event: JSX.TargetedEvent<HTMLFormElement>) {
    // Without a loaded engine the browser submits the form to the static page.
    if (!engine) return;
    event.preventDefault();
    clearTimeout(timer.current);
    void run(engine, query);
  }

  /** Arrow keys move between the input and the result links (WCAG 2.1.1 keyboard). */
  function onKeyDown(event: JSX.TargetedKeyboardEvent<HTMLElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...(resultsRef.current?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];
    if (links.length === 0) return;
    const position = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = event.key === 'ArrowDown' ? position + 1 : position - 1;
    event.preventDefault();
    if (next < 0) document.getElementById(`search-input-${lang}`)?.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  }

  const groups = useMemo(() => (results ? groupResults(results) : []), [results]);
  const announcement =
    status === 'error'
      ? labels.loadError
      : results === null
        ? ''
        : countLabel(results.length, { none: labels.none, one: labels.one, many: labels.many });

  return (
    <div class="search" onKeyDown={onKeyDown} data-search-state={status}>
      <form class="search__form" role="search" action={action} method="get" onSubmit={onSubmit}>
        <label for={`search-input-${lang}`}>{labels.label}</label>
        <div class="search__row">
          <input
            id={`search-input-${lang}`}
            ref={inputRef}
            class="search__input"
            type="search"
            name="q"
            value={query}
            onInput={onInput}
            autocomplete="off"
            spellcheck={false}
            maxLength={200}
            aria-describedby={`search-privacy-${lang}`}
            aria-controls={`search-results-${lang}`}
          />
          <button class="button" type="submit">
            {labels.submit}
          </button>
        </div>
        <p id={`search-privacy-${lang}`} class="search__privacy">
          {labels.privacy}
        </p>
      </form>
      <p class="search__status" role="status" aria-live="polite" aria-atomic="true">
        {status === 'loading' && query.trim() ? labels.loading : announcement}
      </p>
      <div id={`search-results-${lang}`} class="search__results" ref={resultsRef} data-search-results>
        {groups.map((group) => (
          <section key={group.key} aria-labelledby={`search-group-${group.key}`}>
            <h2 id={`search-group-${group.key}`} class="search__group-title">
              {labels.groups[group.key]}
            </h2>
            <ul class="search__list">
              {group.results.map((result) => (
                <li key={result.url} class={`search__result search__result--${result.type}`}>
                  {/* An organisation without a number links to its own website: send no referrer. */}
                  <a href={result.url} rel={/^https?:\/\//.test(result.url) ? 'noreferrer' : undefined}>
                    {result.title}
                  </a>
                  {result.snippet && <p class="search__snippet">{result.snippet}</p>}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
