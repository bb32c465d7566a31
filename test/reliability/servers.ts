/** Real HTTP servers on 127.0.0.1 for the reliability suite. */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as net from 'node:net';
import type { SimulatorCore } from '../../src/testing/simulator';

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string;
  readonly headers: http.IncomingHttpHeaders;
}

/**
 * A controller: an HTTP server answering with a simulator core (several can share one state). It records
 * every request that reached it, and can be stopped (connections refused, open ones cut) and restarted on
 * the same port. `answerDelayMs` delays the reply AFTER the request was applied, so a stop can cut off
 * the reply of an applied mutation.
 */
export class ControllerServer {
  readonly seen: SeenRequest[] = [];
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private portNumber = 0;
  answerDelayMs: () => number = () => 0;

  constructor(private readonly core: SimulatorCore) {}

  get port(): number {
    return this.portNumber;
  }
  get uri(): string {
    return `linstor://127.0.0.1:${this.portNumber}`;
  }
  get running(): boolean {
    return this.server !== undefined;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.seen.push({ method: req.method ?? '', url: req.url ?? '', body, headers: req.headers });
        const headers: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        const answer = this.core.handle({
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers,
          bodyText: body,
        });
        const send = () => {
          if (res.destroyed) return;
          res.writeHead(answer.status, answer.headers);
          res.end(answer.bodyText);
        };
        const delay = this.answerDelayMs();
        if (delay > 0) setTimeout(send, delay);
        else send();
      });
    });
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.portNumber, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.portNumber = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and cuts every open connection (in-flight replies included). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

/** A port on 127.0.0.1 with nothing listening. */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RawServer {
  readonly port: number;
  readonly uri: string;
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

export type RawHandler = (req: SeenRequest, res: http.ServerResponse, socket: Socket) => void;

export const VERSION_JSON = JSON.stringify({
  version: '1.31.0',
  git_hash: 'abc',
  build_time: '2025-01-01T00:00:00+00:00',
  rest_api_version: '1.28.0',
});

/** A server with a hand-written handler; answers the version handshake like a controller unless told not to. */
export async function startRawServer(
  handler: RawHandler,
  opts: { handshake?: boolean } = {},
): Promise<RawServer> {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = {
        method: req.method ?? '',
        url: req.url ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
        headers: req.headers,
      };
      seen.push(r);
      if (opts.handshake !== false && r.method === 'GET' && r.url === '/v1/controller/version') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(VERSION_JSON);
        return;
      }
      handler(r, res, req.socket);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    uri: `linstor://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
