/**
 * Resume for operators: after a reload or a reconnect the console has lost its view, so it gets
 * back every conversation this operator still holds, with the messages so far.
 */
import type { OperatorConversation } from '../protocol';
import type { ChatContext } from './chat-context';
import { operatorView } from './operator-handlers';

export async function resendHeld(
  ctx: ChatContext,
  socket: { emit: (event: 'chat:assigned', payload: { conversation: OperatorConversation }) => unknown },
  operatorId: string,
) {
  try {
    for (const id of await ctx.store.listHeldBy(operatorId)) {
      const conversation = await ctx.store.getConversation(id);
      if (conversation?.status === 'active')
        socket.emit('chat:assigned', { conversation: await operatorView(ctx, conversation) });
    }
  } catch {
    ctx.logger.warn('chat.resend-held-failed');
  }
}
