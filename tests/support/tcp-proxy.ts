/**
 * A minimal TCP load balancer for tests, standing in for nginx in front of several chat
 * processes with WebSocket-only transport: each new connection goes to the first backend that
 * accepts it, so when a process dies its clients reconnect through the same address and land
 * on another process.
 */
import { createServer, connect, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  url: string;
  /** Backends tried in this order for every new connection. */
  backends: number[];
  close(): Promise<void>;
}

function dial(ports: number[], index = 0): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (index >= ports.length) return reject(new Error('no backend'));
    const upstream = connect({ port: ports[index]!, host: '127.0.0.1' });
    upstream.once('connect', () => resolve(upstream));
    upstream.once('error', () => {
      upstream.destroy();
      dial(ports, index + 1).then(resolve, reject);
    });
  });
}

export async function startTcpProxy(backends: number[]): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    open.add(client);
    client.pause();
    client.on('error', () => client.destroy());
    client.once('close', () => open.delete(client));
    dial(proxy.backends).then(
      (upstream) => {
        open.add(upstream);
        upstream.on('error', () => upstream.destroy());
        upstream.once('close', () => {
          open.delete(upstream);
          client.destroy();
        });
        client.once('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      },
      () => client.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const proxy: TcpProxy = {
    port,
    url: `http://127.0.0.1:${port}`,
    backends,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
