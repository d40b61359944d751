/** `GET /api/chat/status`: whether the chat can be used now, without opening a socket. */
import express, { type Router } from 'express';
import type { ChatStatusResponse } from '../protocol';

export function chatStatusRoute(status: () => Promise<ChatStatusResponse>): Router {
  const router = express.Router();
  router.get('/api/chat/status', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      res.json(await status());
    } catch {
      const unavailable: ChatStatusResponse = { open: false, reason: 'unavailable', waiting: 0, operatorsAvailable: 0 };
      res.status(503).json(unavailable);
    }
  });
  return router;
}
