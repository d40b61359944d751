/**
 * Finds the visitor's municipality on the device: the index is embedded in the page as a JSON
 * data block and nothing is sent anywhere, not while typing and not on submit. A form with a
 * visible label, a plain list of links as suggestions (Tab reaches them) and one polite status
 * region; bad input gets a clear message that points to the province list below.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { navigateWithoutTrail } from '../scripts/no-trail';
import {
  MunicipalityLookup as Lookup,
  type LookupIndex,
  type LookupMatch,
  type LookupResult,
} from '../lib/help/lookup';

export interface LookupStrings {
  label: string;
  hint: string;
  submit: string;
  empty: string;
  invalidPostcode: string;
  unknownPostcode: string;
  noMatch: string;
  didYouMean: string;
  results: string;
  viaPlace: string;
  viaFormer: string;
  viaPostcode: string;
  viaAlias: string;
  themeChosen: string;
  provinces: string;
}

interface Props {
  lang: string;
  strings: LookupStrings;
  /** Theme id → name, to honour `?thema=<id>` (anything else in the query is ignored). */
  themes: Record<string, string>;
  /** The id of the `<script type="application/json">` block holding the LookupIndex. */
  dataId: string;
}

const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

/** Wraps a Dutch name in first-strong isolates, so it reads right inside Arabic text. */
const isolate = (text: string) => `\u2068${text}\u2069`;

function describe(match: LookupMatch, strings: LookupStrings): string {
  const vars = { matched: isolate(match.matched), name: isolate(match.name) };
  switch (match.kind) {
    case 'place':
      return fill(strings.viaPlace, vars);
    case 'former':
      return fill(strings.viaFormer, vars);
    case 'postcode':
      return fill(strings.viaPostcode, vars);
    case 'alias':
      return fill(strings.viaAlias, vars);
    default:
      return `${isolate(match.name)} (${isolate(match.province)})`;
  }
}

function problem(result: LookupResult, strings: LookupStrings): string | null {
  switch (result.status) {
    case 'empty':
      return strings.empty;
    case 'invalid-postcode':
      return strings.invalidPostcode;
    case 'unknown-postcode':
      return fill(strings.unknownPostcode, { pc4: result.pc4 });
    case 'no-match':
      return fill(strings.noMatch, { input: result.input });
    default:
      return null;
  }
}

export default function MunicipalityLookup({ lang, strings, themes, dataId }: Props) {
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [query, setQuery] = useState('');
  const [theme, setTheme] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<LookupResult | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const block = document.getElementById(dataId);
    if (block?.textContent) setLookup(new Lookup(JSON.parse(block.textContent) as LookupIndex));
    const requested = new URLSearchParams(window.location.search).get('thema');
    if (requested && Object.hasOwn(themes, requested)) {
      setTheme(requested);
      // The no-JavaScript list below leads to the same section once a theme is known.
      for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-municipality-link]')) {
        const path = (link.getAttribute('href') ?? '').split('#')[0];
        link.setAttribute('href', `${path}#thema-${requested}`);
      }
    }
  }, [dataId, themes]);

  const href = (match: LookupMatch) => `/${lang}/hulp/${match.slug}/${theme ? `#thema-${theme}` : ''}`;
  const suggestions = useMemo(
    () => (lookup && submitted === null && query.trim().length >= 2 ? lookup.suggest(query, 8) : []),
    [lookup, query, submitted],
  );

  const onSubmit = (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!lookup) return;
    const result = lookup.resolve(query);
    if (result.status === 'found' && result.matches.length === 1) {
      navigateWithoutTrail(href(result.matches[0]!));
      return;
    }
    setSubmitted(result);
    // The message is the next thing a screen-reader user needs; move focus to it.
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  const shown: LookupMatch[] =
    submitted?.status === 'found'
      ? submitted.matches
      : submitted?.status === 'no-match'
        ? submitted.suggestions
        : submitted
          ? []
          : suggestions;
  const message = submitted ? problem(submitted, strings) : null;

  return (
    <div class="lookup">
      {theme && <p class="lookup__theme">{fill(strings.themeChosen, { theme: themes[theme]! })}</p>}
      <form class="lookup__form" role="search" onSubmit={onSubmit} noValidate>
        <label for="lookup-input">{strings.label}</label>
        <p id="lookup-hint" class="lookup__hint">
          {strings.hint}
        </p>
        <div class="lookup__row">
          <input
            id="lookup-input"
            type="text"
            name="q"
            value={query}
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            aria-describedby="lookup-hint"
            onInput={(event) => {
              setQuery(event.currentTarget.value);
              setSubmitted(null);
            }}
          />
          <button type="submit">{strings.submit}</button>
        </div>
      </form>
      {message && (
        <p class="lookup__message" ref={messageRef} tabIndex={-1} data-lookup-message={submitted?.status}>
          {message} <a href="#provincies">{strings.provinces}</a>
        </p>
      )}
      {submitted?.status === 'no-match' && shown.length > 0 && <p>{strings.didYouMean}</p>}
      <p class="visually-hidden" aria-live="polite" aria-atomic="true">
        {query.trim().length >= 2 || submitted ? fill(strings.results, { count: shown.length }) : ''}
      </p>
      {shown.length > 0 && (
        <ul class="lookup__results" data-lookup-results>
          {shown.map((match) => (
            <li key={`${match.code}:${match.matched}`}>
              <a href={href(match)}>{describe(match, strings)}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
