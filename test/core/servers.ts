/** Real local servers on 127.0.0.1 for integration tests. */
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { VERSION_BODY } from './helpers';

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface TestServer {
  port: number;
  uri: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export type ServerHandler = (req: SeenRequest, res: http.ServerResponse) => void;

/** Answers the version GET like a controller, other requests with `handler` (default: `[]`). */
export function controllerHandler(handler?: ServerHandler, version = VERSION_BODY): ServerHandler {
  return (req, res) => {
    if (req.method === 'GET' && req.url === '/v1/controller/version') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(version);
      return;
    }
    if (handler) handler(req, res);
    else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[]');
    }
  };
}

function wire(server: http.Server, handler: ServerHandler, seen: SeenRequest[]): void {
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(r);
      handler(r, res);
    });
  });
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

function closer(server: http.Server | net.Server): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if ('closeAllConnections' in server) (server as http.Server).closeAllConnections();
      server.close(() => resolve());
    });
}

export async function startHttp(handler: ServerHandler = controllerHandler()): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  const server = http.createServer();
  wire(server, handler, seen);
  const port = await listen(server);
  return { port, uri: `linstor://127.0.0.1:${port}`, seen, close: closer(server) };
}

export async function startHttps(
  tls: https.ServerOptions,
  handler: ServerHandler = controllerHandler(),
): Promise<TestServer & { authorized: boolean[] }> {
  const seen: SeenRequest[] = [];
  const authorized: boolean[] = [];
  const server = https.createServer(tls);
  server.on('secureConnection', (s) => authorized.push((s as import('node:tls').TLSSocket).authorized));
  wire(server, handler, seen);
  const port = await listen(server);
  return { port, uri: `linstor+ssl://127.0.0.1:${port}`, seen, authorized, close: closer(server) };
}

/** Accepts connections and never answers. */
export async function startSilent(): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  const port = await listen(server);
  return {
    port,
    uri: `linstor://127.0.0.1:${port}`,
    seen: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on which nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
