/**
 * The baseline: a bare Socket.IO relay with no application logic (no validation, no store, no
 * queue). A client joins a room and relays text to the other members, with an acknowledgement,
 * the same shape as the chat's `chat:send` → `chat:message`. Started by run.ts on PORT.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const server = createServer();
const io = new Server(server, { cookie: false, serveClient: false });
io.of('/bare').on('connection', (socket) => {
  socket.on('join', (room: string, ack: (ok: boolean) => void) => {
    void socket.join(room);
    ack(true);
  });
  socket.on('relay', (payload: { room: string; text: string }, ack: (r: unknown) => void) => {
    socket.to(payload.room).emit('msg', payload);
    ack({ ok: true });
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log('Stop: listening'));
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
