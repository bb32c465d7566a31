// The simulator as a real HTTP server on loopback (browsers, other clients, failover tests).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { LinstorArgumentError } from '../core/errors';
import { CORS_HEADERS, type SimEventStream } from './controller';
import { DEFAULT_HTML_500, type Fault } from './faults';
import { createCore, type SimulatorCore, type SimulatorOptions } from './simulator';

export interface StartSimulatorOptions extends SimulatorOptions {
  /** default 0: a free port chosen by the system */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** seed this many nodes (each with the default storage pool); same as `seed: n` */
  nodes?: number;
  /** gzip replies over 1000 bytes when the client accepts it, as the controller does; default true */
  compression?: boolean;
}

export interface RunningSimulator extends SimulatorCore {
  /** e.g. http://127.0.0.1:39123 */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** true while the server accepts connections (false during a global `down` fault) */
  readonly listening: boolean;
  /** resolves once a global `down` fault (or its removal) has taken effect on the listener */
  settled(): Promise<void>;
  /** stops the server: ends open event streams, then drops every open connection (hanging requests included) */
  close(): Promise<void>;
}

export async function startSimulator(opts: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const http = await import('node:http');
  const zlib = await import('node:zlib');
  const core = createCore({ ...opts, seed: opts.seed ?? opts.nodes });
  const host = opts.host ?? '127.0.0.1';
  const compression = opts.compression ?? true;
  const sockets = new Set<Socket>();
  let closed = false;
  let listening = false;
  let port = opts.port ?? 0;
  /** open event streams: ended by close() (and dropped with their sockets by a global `down`) */
  const streams = new Map<ServerResponse, () => void>();

  /** Headers now, frames as nodes change; unsubscribed when the client goes away. */
  const serveStream = (
    req: IncomingMessage,
    res: ServerResponse,
    stream: SimEventStream,
    fault: Fault | undefined,
  ): void => {
    if (req.socket.destroyed || closed) {
      req.socket.destroy();
      return;
    }
    res.writeHead(stream.status, stream.headers);
    res.write(stream.preamble);
    // drop: the connection breaks right after the stream opened; stall: open, but no event ever comes
    if (fault?.mode === 'drop') {
      res.write('', () => req.socket.destroy());
      return;
    }
    const stop =
      fault?.mode === 'stall'
        ? () => undefined
        : stream.open((frame) => {
            if (!res.writableEnded) res.write(frame);
          });
    streams.set(res, stop);
    res.on('close', () => {
      stop();
      streams.delete(res);
    });
  };

  /** Ends every open stream cleanly and waits until each end was handed to its socket (or it closed). */
  const endStreams = async (): Promise<void> => {
    const ending = [...streams].map(
      ([res, stop]) =>
        new Promise<void>((resolve) => {
          stop();
          streams.delete(res);
          if (res.destroyed) {
            resolve();
            return;
          }
          res.once('close', () => resolve());
          res.end(() => resolve());
        }),
    );
    await Promise.all(ending);
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const info = core.controller.describe(req.method ?? 'GET', req.url ?? '/');
    const fault = core.faults.take(info);
    if (fault?.mode === 'down') {
      req.socket.destroy();
      return;
    }
    if (fault?.mode === 'hang') return;
    if (fault?.mode === 'html500') {
      res.writeHead(500, { ...CORS_HEADERS, 'content-type': 'text/html' });
      res.end(fault.html ?? DEFAULT_HTML_500);
      return;
    }
    const stream = core.controller.openEventStream(req.method ?? 'GET', req.url ?? '/');
    if (stream) {
      req.resume();
      if (fault?.mode === 'delay') setTimeout(() => serveStream(req, res, stream, fault), fault.ms);
      else serveStream(req, res, stream, fault);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => req.socket.destroy());
    req.on('end', () => {
      const answer = () => {
        if (req.socket.destroyed) return;
        const headers: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        const sim = core.handle({
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers,
          bodyText: Buffer.concat(chunks).toString('utf8'),
        });
        let body: Buffer = sim.bodyBytes ? Buffer.from(sim.bodyBytes) : Buffer.from(sim.bodyText, 'utf8');
        const outHeaders: Record<string, string | number> = { ...sim.headers };
        if (
          compression &&
          !sim.bodyBytes && // binary bodies (the SOS report) are compressed archives already
          body.length > 1000 &&
          /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
        ) {
          body = zlib.gzipSync(body, { level: 1 });
          outHeaders['content-encoding'] = 'gzip';
          outHeaders.vary = 'Accept-Encoding';
        }
        outHeaders['content-length'] = body.length;
        res.writeHead(sim.status, outHeaders);
        if (fault?.mode === 'drop' || fault?.mode === 'stall') {
          const cut = Math.min(fault.afterBytes ?? Math.floor(body.length / 2), body.length);
          const mode = fault.mode;
          res.write(body.subarray(0, cut), () => {
            if (mode === 'drop') req.socket.destroy();
          });
          return;
        }
        res.end(body);
      };
      if (fault?.mode === 'delay') setTimeout(answer, fault.ms);
      else answer();
    });
  };

  const server: Server = http.createServer(handler);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const onError = (e: Error) => {
        server.off('listening', onListening);
        reject(e);
      };
      const onListening = () => {
        server.off('error', onError);
        const addr = server.address();
        if (addr && typeof addr === 'object') port = addr.port;
        listening = true;
        resolve();
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, host);
    });

  const stopListening = (): Promise<void> =>
    new Promise((resolve) => {
      listening = false;
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });

  // A global `down` stops the listener (connections are refused); clearing it listens again on the same port.
  let transition: Promise<void> = Promise.resolve();
  core.faults.onChange(() => {
    transition = transition.then(async () => {
      if (closed) return;
      const down = core.faults.globallyDown;
      if (down && listening) await stopListening();
      else if (!down && !listening) await listen();
    });
    transition.catch(() => undefined);
  });

  try {
    await listen();
  } catch (e) {
    throw new LinstorArgumentError(
      `Cannot start the simulated controller on ${host}:${port}: ${(e as Error).message}`,
      {
        cause: e,
      },
    );
  }

  const urlHost = host.includes(':') ? `[${host}]` : host;
  const running = Object.defineProperties(core, {
    url: { get: () => `http://${urlHost}:${port}`, enumerable: true },
    port: { get: () => port, enumerable: true },
    host: { value: host, enumerable: true },
    listening: { get: () => listening, enumerable: true },
    settled: { value: () => transition.catch(() => undefined) },
    close: {
      value: async (): Promise<void> => {
        if (closed) return;
        closed = true;
        await transition.catch(() => undefined);
        await endStreams();
        if (listening) await stopListening();
      },
    },
  });
  return running as RunningSimulator;
}
