import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  EventStream,
  type EventStreamOpener,
  type EventStreamOptions,
} from '../../src/api/events/event-stream';
import type { SseMessage } from '../../src/api/events/sse-parser';
import { LinstorError, LinstorNetworkError } from '../../src/core/errors';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/** A real SSE server on 127.0.0.1 whose nth connection is answered by handlers[n] (the last one repeats). */
class SseServer {
  readonly server: Server;
  connections = 0;
  readonly lastEventIds: (string | undefined)[] = [];
  readonly closed: number[] = [];
  private readonly waiters: (() => void)[] = [];

  constructor(private readonly handlers: Handler[]) {
    this.server = createServer((req, res) => {
      const n = this.connections++;
      this.lastEventIds.push(req.headers['last-event-id'] as string | undefined);
      res.on('close', () => {
        this.closed.push(n);
        for (const w of this.waiters.splice(0)) w();
      });
      this.handlers[Math.min(n, this.handlers.length - 1)](req, res, n);
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/events/nodes`;
  }

  /** Resolves once connection n has been closed (by either side). */
  async waitClosed(n: number): Promise<void> {
    while (!this.closed.includes(n)) await new Promise<void>((r) => this.waiters.push(r));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function sse(res: ServerResponse): ServerResponse {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
  return res;
}

const frame = (event: string, data: unknown, id?: string) =>
  `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

function fetchOpener(url: string): EventStreamOpener {
  return async ({ signal, lastEventId }) => {
    let res: Response;
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (lastEventId) headers['last-event-id'] = lastEventId;
      res = await fetch(url, { signal, headers });
    } catch (e) {
      throw new LinstorNetworkError(`connect failed: ${(e as Error).message}`, { cause: e });
    }
    if (res.status >= 500) throw new LinstorNetworkError(`HTTP ${res.status}`);
    if (!res.ok || !res.body) throw new LinstorError(`HTTP ${res.status}`);
    return res.body;
  };
}

interface Ev {
  event: string;
  data: unknown;
}
const decode = (m: SseMessage): Ev | undefined =>
  m.event === 'unknown-kind' ? undefined : { event: m.event, data: JSON.parse(m.data) };

const fast: EventStreamOptions['reconnect'] = { initialDelayMs: 1, jitter: false };

let server: SseServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

test('drops, reconnects with Last-Event-ID, resyncs before further events, ends on return()', async () => {
  const log: string[] = [];
  server = new SseServer([
    (_req, res) => {
      sse(res).write(`: ping\n\n${frame('node-create', { node: { name: 'a' } }, '1')}`);
      res.write(frame('unknown-kind', {}, '2'));
      // Abrupt drop in the middle of a frame: the half frame must not be delivered.
      setTimeout(() => {
        res.write('event: node-delete\ndata: {"node"');
        res.destroy();
      }, 5);
    },
    (_req, res) => {
      sse(res).write(frame('node-delete', { node: { name: 'a' } }, '3'));
      res.end(); // clean close: also reconnects
    },
    (_req, res) => {
      res.writeHead(503).end(); // one failed attempt
    },
    (_req, res) => {
      sse(res).write(frame('node-modified', { old_node: {}, new_node: {} }, '4'));
      // ...then stays open until the client leaves.
    },
  ]);
  const url = await server.listen();
  const disconnects: string[] = [];
  const stream = new EventStream(fetchOpener(url), decode, {
    reconnect: fast,
    onResync: async (info) => {
      log.push(`resync ${info.reconnects} ${info.lastEventId}`);
    },
    onOpen: () => log.push('open'),
    onDisconnect: (e, attempt) => disconnects.push(`${attempt} ${e.constructor.name}`),
  });

  for await (const ev of stream) {
    log.push(ev.event);
    if (ev.event === 'node-modified') break;
  }
  // onOpen: every open connection (not the failed attempt), after its resync, before its events
  expect(log).toEqual([
    'open',
    'node-create',
    'resync 1 2',
    'open',
    'node-delete',
    'resync 2 3',
    'open',
    'node-modified',
  ]);
  expect(server.lastEventIds).toEqual([undefined, '2', '3', '3']);
  expect(stream.reconnects).toBe(2);
  expect(stream.lastEventId).toBe('4');
  expect(disconnects).toEqual(['0 LinstorNetworkError', '0 LinstorNetworkError', '1 LinstorNetworkError']);
  await server.waitClosed(3); // break closed the live connection
});

test('return() while next() is waiting for data closes the connection and resolves done', async () => {
  server = new SseServer([(_req, res) => void sse(res).write(': open\n\n')]);
  const stream = new EventStream(fetchOpener(await server.listen()), decode, { reconnect: fast });
  const pending = stream.next();
  while (server.connections === 0) await new Promise((r) => setTimeout(r, 2));
  await stream.return();
  await expect(pending).resolves.toEqual({ done: true, value: undefined });
  await server.waitClosed(0);
  await expect(stream.next()).resolves.toEqual({ done: true, value: undefined });
});

test('the AbortSignal ends the stream, also during a reconnect delay', async () => {
  server = new SseServer([
    (_req, res) => {
      sse(res).write(frame('node-create', { n: 1 }));
      res.end();
    },
  ]);
  const ac = new AbortController();
  const stream = new EventStream(fetchOpener(await server.listen()), decode, {
    signal: ac.signal,
    reconnect: { initialDelayMs: 60_000 }, // would wait a minute without the abort
  });
  await expect(stream.next()).resolves.toEqual({
    done: false,
    value: { event: 'node-create', data: { n: 1 } },
  });
  const pending = stream.next(); // now sleeping before the reconnect
  ac.abort();
  await expect(pending).resolves.toEqual({ done: true, value: undefined });
  expect(server.connections).toBe(1);
});

test('an already aborted signal never connects', async () => {
  server = new SseServer([(_req, res) => void sse(res)]);
  const url = await server.listen();
  const stream = new EventStream(fetchOpener(url), decode, { signal: AbortSignal.abort() });
  await expect(stream.next()).resolves.toEqual({ done: true, value: undefined });
  expect(server.connections).toBe(0);
});

test('the first connection failing rejects the first next()', async () => {
  server = new SseServer([(_req, res) => void sse(res)]);
  const url = await server.listen();
  await server.stop();
  server = undefined;
  const stream = new EventStream(fetchOpener(url), decode, { reconnect: fast });
  await expect(stream.next()).rejects.toBeInstanceOf(LinstorNetworkError);
});

test('a final reply (not a network failure) on reconnect ends the stream with that error', async () => {
  server = new SseServer([
    (_req, res) => {
      sse(res).end(frame('node-create', {}));
    },
    (_req, res) => void res.writeHead(401).end(),
  ]);
  const stream = new EventStream(fetchOpener(await server.listen()), decode, { reconnect: fast });
  await expect(stream.next()).resolves.toMatchObject({ done: false });
  await expect(stream.next()).rejects.toThrow('HTTP 401');
});

test('maxAttempts gives up after that many consecutive failures', async () => {
  server = new SseServer([
    (_req, res) => void sse(res).end(frame('x', 1)),
    (_req, res) => void res.writeHead(502).end(),
  ]);
  const stream = new EventStream(fetchOpener(await server.listen()), decode, {
    reconnect: { ...fast, maxAttempts: 3 },
  });
  await stream.next();
  await expect(stream.next()).rejects.toThrow('HTTP 502');
  expect(server.connections).toBe(4); // the first connection plus three failed reconnect attempts
});

test('reconnect: false ends on a clean close and throws on a broken connection', async () => {
  server = new SseServer([
    (_req, res) => void sse(res).end(frame('a', 1)),
    (_req, res) => {
      sse(res).write(frame('b', 2));
      setTimeout(() => res.destroy(), 5);
    },
  ]);
  const url = await server.listen();
  const events: string[] = [];
  for await (const ev of new EventStream(fetchOpener(url), decode, { reconnect: false }))
    events.push(ev.event);
  expect(events).toEqual(['a']);
  const second = new EventStream(fetchOpener(url), decode, { reconnect: false });
  await expect(second.next()).resolves.toMatchObject({ value: { event: 'b' } });
  await expect(second.next()).rejects.toBeInstanceOf(LinstorNetworkError);
});

test('a throwing resync or open callback, or undecodable data, ends the stream with a LinstorError', async () => {
  server = new SseServer([(_req, res) => void sse(res).end(frame('a', 1)), (_req, res) => void sse(res)]);
  const url = await server.listen();
  const s1 = new EventStream(fetchOpener(url), decode, {
    reconnect: fast,
    onResync: () => {
      throw new Error('user code broke');
    },
  });
  await s1.next();
  const err = await s1.next().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(LinstorError);
  expect((err as LinstorError).message).toContain('user code broke');

  const s3 = new EventStream(fetchOpener(url), decode, {
    reconnect: fast,
    onOpen: () => {
      throw new Error('open handler broke');
    },
  });
  const err3 = await s3.next().catch((e: unknown) => e);
  expect(err3).toBeInstanceOf(LinstorError);
  expect((err3 as LinstorError).message).toBe('The open callback failed: open handler broke');

  await server.stop();
  server = new SseServer([(_req, res) => void sse(res).write('event: a\ndata: {not json\n\n')]);
  const s2 = new EventStream(fetchOpener(await server.listen()), decode, { reconnect: fast });
  const err2 = await s2.next().catch((e: unknown) => e);
  expect(err2).toBeInstanceOf(LinstorError);
  expect((err2 as LinstorError).message).toContain("Unable to decode the 'a' event");
});

test("the server's retry: field replaces the initial reconnect delay", async () => {
  server = new SseServer([
    (_req, res) => void sse(res).end(`retry: 1\n\n${frame('a', 1)}`),
    (_req, res) => void sse(res).write(frame('b', 2)),
  ]);
  // Without the server's 1 ms this would wait ten minutes (and the test would time out).
  const stream = new EventStream(fetchOpener(await server.listen()), decode, {
    reconnect: { initialDelayMs: 600_000, jitter: false },
  });
  const events: string[] = [];
  for await (const ev of stream) {
    events.push(ev.event);
    if (events.length === 2) break;
  }
  expect(events).toEqual(['a', 'b']);
});
