/**
 * The docs name only files that exist (issue 15 item 5): every repository path in README.md and
 * docs/*.md — markdown link targets, and paths under the repository's own folders written in
 * the text (`chat-server/src/…`, `tests/…`, `docs/…`, `deploy/…`, …) — must exist in the
 * working tree. Paths outside the repository (`../shared/…`), generated folders (`build/`,
 * `dist/`, benchmark output) and patterns with placeholders (`<lang>`, `{lang}`, `*`, `…`) are not checked.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const FOLDERS = ['chat-server', 'site', 'content', 'tests', 'docs', 'search-index', 'deploy', '.ci'];
const ROOT_FILES = ['.env.example', 'package.json', 'vitest.config.ts', 'playwright.config.ts', 'astro.config.mjs'];

const docs = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

const placeholder = /[<>{}*…]|\.\.\.|XX|xx/;

/** Repository paths a markdown file names, each with where it resolves from. */
export function namedPaths(markdown: string, file: string): { written: string; path: string }[] {
  const found: { written: string; path: string }[] = [];
  const add = (written: string, base: string) => {
    const clean = written
      .replace(/[#?].*$/, '')
      .replace(/:\d+(-\d+)?$/, '')
      .replace(/[.,;:)]+$/, '');
    if (!clean || placeholder.test(clean) || /^[a-z]+:/i.test(clean) || clean.startsWith('/')) return;
    const path = relative(ROOT, resolve(base, clean));
    if (path.startsWith('..') || /^(build|dist|node_modules|tests\/bench\/out)(\/|$)/.test(path)) return;
    if (!found.some((f) => f.path === path)) found.push({ written, path });
  };
  // Markdown links: relative to the file.
  for (const match of markdown.matchAll(/\]\(([^)\s]+)\)/g)) add(match[1]!, dirname(join(ROOT, file)));
  // Paths in the text: relative to the repository root.
  const folders = FOLDERS.map((f) => f.replace('.', '\\.')).join('|');
  const inText = new RegExp(
    `(?<![\\w./-])(?:(?:${folders})/[\\w./@-]*[\\w/]|${ROOT_FILES.map((f) => f.replace(/\./g, '\\.')).join('|')})`,
    'g',
  );
  for (const match of markdown.matchAll(inText)) {
    // A pattern such as `content/pages/<lang>/` or `synonyms.<lang>.json`: not one file.
    if (/^[\w.-]*[<>{}*…]/.test(markdown.slice(match.index + match[0].length))) continue;
    add(match[0], ROOT);
  }
  return found;
}

describe('docs name files that exist', () => {
  it('finds the paths it should (self-check)', () => {
    const paths = namedPaths(
      'See [x](docs/a.md), `chat-server/src/app.ts`, (docs/scaling.md), `content/pages/<lang>/x.md`, ../shared/data/X.md, https://example.nl/docs/x.md, `tests/unit/`.',
      'README.md',
    ).map((p) => p.path);
    expect(paths).toEqual(['docs/a.md', 'chat-server/src/app.ts', 'docs/scaling.md', 'tests/unit']);
  });

  it("README's document list names every doc in docs/", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const listed = new Set([...readme.matchAll(/^\| \[(docs\/[\w.-]+\.md)\]/gm)].map((m) => m[1]));
    expect(docs.filter((doc) => doc !== 'README.md' && !listed.has(doc))).toEqual([]);
  });

  for (const file of docs) {
    it(`${file}: every repository path it names exists`, () => {
      const missing = namedPaths(readFileSync(join(ROOT, file), 'utf8'), file)
        .filter(({ path }) => !existsSync(join(ROOT, path)))
        .map(({ written }) => written);
      expect([...new Set(missing)]).toEqual([]);
    });
  }
});
