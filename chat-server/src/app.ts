/**
 * createApp(deps): builds the Express app and HTTP server from its dependencies. It reads no
 * environment and opens no port: main.ts does that, and tests call this with port 0.
 */
import express, { type Express, type RequestHandler } from 'express';
import compression from 'compression';
import { createServer, type Server } from 'node:http';
import type { Config } from './config';
import type { Logger } from './logger';
import { collectInlineHashes } from './http/inline-hashes';
import { securityHeaders } from './http/security-headers';
import { staticSite, notFoundPage, errorHandler } from './http/static-site';
import { healthRoutes } from './http/health';
import { chatStatusRoute } from './http/chat-status';
import { operatorRoutes } from './http/operator-routes';
import { adminRoutes } from './http/admin-routes';
import { adminReportRoutes } from './http/admin-report-routes';
import { attachChat, type Chat } from './chat/attach-chat';
import type { ChatDeps } from './chat/chat-context';

export interface AppDeps {
  config: Pick<Config, 'production' | 'distDir' | 'trustProxy'> & Partial<Pick<Config, 'connectOrigins'>>;
  logger: Logger;
  /** Answers whether the chat store can be used (readiness). */
  isReady: () => Promise<boolean>;
  /** Routers mounted before the static site (the chat API). */
  apiRoutes?: RequestHandler[];
  /** The chat: Socket.IO namespaces, `/api/chat/status` and the operator API. */
  chat?: ChatDeps;
}

export interface App {
  app: Express;
  server: Server;
  chat?: Chat;
  close(): Promise<void>;
}

export function createApp(deps: AppDeps): App {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('etag', 'strong');

  app.use(
    securityHeaders({
      production: config.production,
      inline: collectInlineHashes(config.distDir),
      connectOrigins: config.connectOrigins ?? [],
    }),
  );
  // Pages are public and hold no secrets, so compressing them leaks nothing (no BREACH risk).
  app.use(compression());
  app.use(healthRoutes(deps.isReady));
  // Node's own limit on header size (16 KiB) answers 431; bad request lines get a clean 400.
  const server = createServer(app);
  const chat = deps.chat ? attachChat(server, deps.chat) : undefined;
  if (chat && deps.chat) {
    app.use(chatStatusRoute(chat.status));
    app.use(operatorRoutes({ ...deps.chat, onLogout: chat.disconnectSession }));
    app.use(adminRoutes({ ...deps.chat, revokeOperator: chat.revokeOperator, roleChanged: chat.roleChanged }));
    app.use(adminReportRoutes(deps.chat));
  }
  for (const routes of deps.apiRoutes ?? []) app.use(routes);
  app.use(staticSite(config.distDir));
  const notFound = notFoundPage(config.distDir);
  app.use(notFound);
  app.use(errorHandler((error) => logger.error('http.error', { error: String(error) }), notFound));

  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  return {
    app,
    server,
    ...(chat ? { chat } : {}),
    async close() {
      const closed = server.listening ? new Promise((resolve) => server.once('close', resolve)) : Promise.resolve();
      await chat?.close();
      if (server.listening) server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
