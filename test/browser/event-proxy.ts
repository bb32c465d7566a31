// A stand-in for a controller with the node event stream: forwards every request to the simulator,
// except GET /v1/events/nodes, which it answers itself as server-sent events that the test emits.
// (The simulator does not serve that endpoint; this lets the browser test cover the page's event path.)
import { createServer, request, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'origin, content-type, accept, authorization',
  'Access-Control-Allow-Credentials': 'true',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS, HEAD',
};

export interface EventProxy {
  readonly url: string;
  /** resolves once at least one client listens to the node event stream */
  subscribed(): Promise<void>;
  /** sends one event to every listening client */
  emit(event: string, data: unknown): void;
  close(): Promise<void>;
}

export async function startEventProxy(target: string): Promise<EventProxy> {
  const upstream = new URL(target);
  const listeners = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let waiting: (() => void)[] = [];
  let nextId = 1;

  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/events/nodes') {
      res.writeHead(200, { ...CORS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.write(': connected\n\n');
      listeners.add(res);
      res.on('close', () => listeners.delete(res));
      for (const wake of waiting) wake();
      waiting = [];
      return;
    }
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    subscribed: () =>
      listeners.size > 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)),
    emit(event, data) {
      const frame = `id: ${nextId++}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      for (const res of listeners) res.write(frame);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
