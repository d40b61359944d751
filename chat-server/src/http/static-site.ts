/**
 * Serves the built site from dist/ and nothing outside it. Unknown paths get the Dutch 404
 * page (with the safety bar and quick exit); malformed paths get a clean 4xx.
 */
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export function staticSite(distDir: string): Router {
  const router = express.Router();
  router.get('/', (_req, res) => res.redirect(302, '/nl/'));
  router.use(
    express.static(distDir, {
      dotfiles: 'deny',
      index: 'index.html',
      redirect: true,
      setHeaders(res, path) {
        // Hashed build assets never change; pages must always be fresh (content can be corrected).
        if (path.includes(`${join('_astro', '')}`))
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        else res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  return router;
}

/** Sends dist/404.html with status 404 (or a plain text fallback before the first build). */
export function notFoundPage(distDir: string): RequestHandler {
  const file = join(distDir, '404.html');
  const html = existsSync(file) ? readFileSync(file, 'utf8') : null;
  return (_req, res) => {
    res.status(404);
    if (html) res.type('html').send(html);
    else res.type('text').send('Niet gevonden');
  };
}

/** Last error handler: a clean status for client errors, never a stack trace or a crash. */
export function errorHandler(onServerError: (error: unknown) => void, notFound: RequestHandler): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return void req.socket.destroy();
    const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
    if (status === 404 || status === 403) return notFound(req, res, next);
    if (status >= 400 && status < 500) return void res.status(status).type('text').send('Bad request');
    onServerError(error);
    res.status(500).type('text').send('Server error');
  };
}
