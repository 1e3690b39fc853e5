import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of one server, that can be cut and restored: `refuse`
 * drops every connection and refuses new ones, as a stopped server does; `blackhole` drops
 * them and accepts new ones that never answer, as a lost network does.
 */
export interface TcpProxy {
  port: number;
  cut(mode: 'refuse' | 'blackhole'): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let blackhole = false;
  let server: Server | undefined;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const listen = async (port: number) => {
    server = createServer((client) => {
      track(client);
      if (blackhole) return;

      const upstream = connect(target.port, target.host);
      track(upstream);
      client.pipe(upstream).pipe(client);
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    });
    await new Promise<void>((done) => server?.listen(port, '127.0.0.1', done));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no port');

    return address.port;
  };
  const stopListening = () =>
    new Promise<void>((done) => {
      if (!server?.listening) return done();
      server.close(() => done());
    });

  const port = await listen(0);

  return {
    port,
    async cut(mode) {
      blackhole = mode === 'blackhole';
      if (mode === 'refuse') {
        const closed = stopListening();
        dropAll();
        await closed;
      } else {
        dropAll();
      }
    },
    async restore() {
      blackhole = false;
      dropAll();
      if (!server?.listening) await listen(port);
    },
    async close() {
      const closed = stopListening();
      dropAll();
      await closed;
    },
  };
}
