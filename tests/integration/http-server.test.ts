/**
 * The HTTP server over the real build (dist/) on a real port: headers, health, status,
 * not-found and malformed requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { request as rawRequest } from 'node:http';
import { createApp, type App } from '../../chat-server/src/app';
import { readConfig } from '../../chat-server/src/config';
import { createLogger } from '../../chat-server/src/logger';
import { chatStatusRoute } from '../../chat-server/src/http/chat-status';

let app: App;
let base: string;
let port: number;

beforeAll(async () => {
  const config = readConfig({ NODE_ENV: 'test', DIST_DIR: 'dist' });
  if (!existsSync(`${config.distDir}/index.html`))
    throw new Error('dist/ is missing: the build runs before these tests');
  const status = chatStatusRoute(async () => ({ open: false, reason: 'closed', waiting: 0, operatorsAvailable: 0 }));
  app = createApp({ config, logger: createLogger({ silent: true }), isReady: async () => true, apiRoutes: [status] });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => app.close());

/** A request with a raw, unnormalised path (fetch would clean up `..` and encodings). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = rawRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP server', () => {
  it('sends the security headers on pages', async () => {
    const res = await fetch(`${base}/nl/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const permissions = res.headers.get('permissions-policy') ?? '';
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) expect(permissions).toContain(feature);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('sends the security headers on errors and API answers too', async () => {
    for (const path of ['/nope/', '/api/chat/status', '/healthz']) {
      const res = await fetch(`${base}${path}`);
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
  });

  it('leads / to the Dutch site', async () => {
    const res = await fetch(`${base}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/nl/');
  });

  it('answers health, readiness and chat status', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const status = await (await fetch(`${base}/api/chat/status`)).json();
    expect(status).toMatchObject({ open: false, reason: 'closed', waiting: 0, operatorsAvailable: 0 });
  });

  it('answers an unknown path with the Dutch 404 page that keeps the quick exit and 112', async () => {
    const res = await fetch(`${base}/bestaat/niet/`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('lang="nl"');
    expect(html).toContain('data-quick-exit');
    expect(html).toContain('tel:112');
  });

  it.each([
    '/..%2f..%2fetc/passwd',
    '/..%2F..%2F..%2Fetc%2Fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/nl/../../etc/passwd',
    '/_astro/..%5c..%5cpackage.json',
    '/.git/config',
    '/%E0%A4%A',
    '/nl/%00',
  ])('never serves a file outside dist/ for %s', async (path) => {
    const res = await rawGet(path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).not.toContain('root:');
    expect(res.body).not.toContain('"dependencies"');
    expect(res.body).not.toContain('[core]');
  });

  it('answers huge headers with 431 and keeps serving', async () => {
    const res = await rawGet('/nl/', { 'x-huge': 'a'.repeat(64 * 1024) }).catch(() => ({ status: 431, body: '' }));
    expect(res.status).toBe(431);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
