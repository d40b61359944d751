/**
 * `GET /api/chat/status`: whether the chat can be used now, without opening a socket.
 * Addition (issue 14): `?lang=` adds whether someone available reads that language; `?region=VTxx`
 * or `?municipality=GMxxxx` answers for that region's opening hours. A bad query → 400.
 */
import express, { type Router } from 'express';
import { chatStatusQuerySchema, type ChatStatusQuery, type ChatStatusResponse } from '../protocol';
import { UnknownPlaceError } from '../chat/chat-status';

export function chatStatusRoute(status: (query: ChatStatusQuery) => Promise<ChatStatusResponse>): Router {
  const router = express.Router();
  router.get('/api/chat/status', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const parsed = chatStatusQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return void res.status(400).json({
        ok: false,
        error: 'invalid-payload',
        message: issue ? `${issue.path.join('.') || 'query'}: ${issue.message}` : 'invalid query',
      });
    }
    try {
      res.json(await status(parsed.data));
    } catch (error) {
      if (error instanceof UnknownPlaceError)
        return void res.status(400).json({ ok: false, error: 'invalid-payload', message: error.message });
      const unavailable: ChatStatusResponse = { open: false, reason: 'unavailable', waiting: 0, operatorsAvailable: 0 };
      res.status(503).json(unavailable);
    }
  });
  return router;
}
