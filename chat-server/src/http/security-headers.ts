/**
 * Security headers on every response (helmet). The policy keeps every request on our own
 * origin: no third-party script, font, image or frame can load, and nobody can frame us.
 */
import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { InlineHashes } from './inline-hashes';

export function securityHeaders(options: {
  production: boolean;
  inline: InlineHashes;
  /** Other origins the page may connect to: only a configured Meilisearch server. */
  connectOrigins?: string[];
}): RequestHandler[] {
  const { production, inline, connectOrigins = [] } = options;
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...inline.scripts],
          styleSrc: ["'self'", ...inline.styles],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          // Socket.IO: same origin over HTTP long-polling and WebSocket.
          connectSrc: ["'self'", ...connectOrigins],
          mediaSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          frameSrc: ["'none'"],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'"],
          ...(production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: production ? { maxAge: 31536000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
      xFrameOptions: { action: 'deny' },
    }),
    (_req, res, next) => {
      res.setHeader(
        'Permissions-Policy',
        'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
      );
      next();
    },
  ];
}
