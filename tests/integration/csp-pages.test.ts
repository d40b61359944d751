/**
 * Security pass (issue 15): every HTML page of the real build, served by the real app in
 * production mode, has a Content-Security-Policy whose script-src allows no inline script but
 * the page's own, by hash ('unsafe-inline', 'unsafe-eval', data: and * never), and no page
 * carries an inline event handler attribute (which such a policy would block, breaking it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createApp, type App } from '../../chat-server/src/app';
import { createLogger } from '../../chat-server/src/logger';

const DIST = 'dist';
let app: App;
let base: string;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

beforeAll(async () => {
  if (!existsSync(`${DIST}/index.html`)) throw new Error('dist/ is missing: the build runs before these tests');
  app = createApp({
    config: { production: true, distDir: DIST, trustProxy: 0 },
    logger: createLogger({ silent: true }),
    isReady: async () => true,
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => app?.close());

describe('Content-Security-Policy on every HTML response', () => {
  it('script-src without unsafe-inline on every page, the console included; inline scripts only by hash', async () => {
    const files = htmlFiles(DIST);
    expect(files.length).toBeGreaterThan(100);
    const paths = files.map((file) => {
      const rel = relative(DIST, file).split('\\').join('/');
      return rel === 'index.html'
        ? '/'
        : rel.endsWith('/index.html')
          ? `/${rel.slice(0, -'index.html'.length)}`
          : `/${rel}`;
    });
    expect(paths).toContain('/medewerkers/');
    paths.push('/does-not-exist/', '/nl/does-not-exist/');
    const started = Date.now();
    let checked = 0;
    let inlineScripts = 0;
    for (let i = 0; i < paths.length; i += 16) {
      await Promise.all(
        paths.slice(i, i + 16).map(async (path) => {
          const res = await fetch(`${base}${path}`, { redirect: 'manual' });
          if (res.status >= 300 && res.status < 400) return;
          expect(res.headers.get('content-type') ?? '', path).toContain('text/html');
          const csp = res.headers.get('content-security-policy') ?? '';
          const directives = new Map(
            csp.split(';').map((d) => {
              const [name, ...values] = d.trim().split(/\s+/);
              return [name!, values] as const;
            }),
          );
          const scriptSrc = directives.get('script-src');
          expect(scriptSrc, `${path}: ${csp}`).toBeDefined();
          for (const bad of ["'unsafe-inline'", "'unsafe-eval'", 'data:', '*', 'http:', 'https:'])
            expect(scriptSrc, `${path} script-src has ${bad}`).not.toContain(bad);
          expect(directives.get('object-src')).toEqual(["'none'"]);
          expect(directives.get('base-uri')).toEqual(["'none'"]);
          expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
          const body = await res.text();
          for (const match of body.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
            if (/type="application\/(ld\+)?json"/.test(match[0])) continue;
            const hash = `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`;
            expect(scriptSrc, `${path}: an inline script not allowed by hash`).toContain(hash);
            inlineScripts++;
          }
          expect(body, `${path} has an inline event handler`).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
          checked++;
        }),
      );
    }
    console.info(
      `CSP: ${checked} HTML responses checked (${inlineScripts} inline scripts, all by hash) in ${Date.now() - started} ms`,
    );
    expect(checked).toBeGreaterThan(100);
  }, 120_000);
});
