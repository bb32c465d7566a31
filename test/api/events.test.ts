import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NodeEvent } from '../../src/api/events/linstor-events';
import { LinstorCore } from '../../src/api/linstor-core';
import { eventMethods } from '../../src/api/methods/events';
import { LinstorApiCallError } from '../../src/core/errors';
import { versionBody } from './controller-double';

type StreamHandler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

/** A real HTTP server on 127.0.0.1 that answers the version GET and serves SSE on the event paths. */
class FakeController {
  readonly server: Server;
  readonly streamRequests: { path: string; headers: IncomingMessage['headers'] }[] = [];
  private readonly closedWaiters = new Map<number, () => void>();
  readonly closed = new Set<number>();

  constructor(private readonly handlers: StreamHandler[]) {
    this.server = createServer((req, res) => {
      if (req.url === '/v1/controller/version') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(versionBody());
        return;
      }
      const n = this.streamRequests.length;
      this.streamRequests.push({ path: req.url ?? '', headers: req.headers });
      res.on('close', () => {
        this.closed.add(n);
        this.closedWaiters.get(n)?.();
      });
      this.handlers[Math.min(n, this.handlers.length - 1)](req, res, n);
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  waitClosed(n: number): Promise<void> {
    if (this.closed.has(n)) return Promise.resolve();
    return new Promise((resolve) => this.closedWaiters.set(n, resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const sse = (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.flushHeaders();
  return res;
};
const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

function client(uri: string) {
  class Client extends LinstorCore {}
  Object.assign(Client.prototype, eventMethods);
  return new Client(uri, { probeHttps: false, bearerToken: 'tok-123' }) as LinstorCore & typeof eventMethods;
}

let ctrl: FakeController | undefined;
afterEach(async () => {
  await ctrl?.stop();
  ctrl = undefined;
});

test('nodeEvents: typed events over the SDK transport (bearer header), drop, reconnect, resync, abort', async () => {
  ctrl = new FakeController([
    (_req, res) => {
      sse(res).write(frame('node-create', { node: { name: 'alpha', type: 'SATELLITE' } }));
      setTimeout(() => res.destroy(), 5); // dropped connection
    },
    (_req, res) => {
      sse(res).write(
        frame('node-modified', {
          old_node: { name: 'alpha' },
          new_node: { name: 'alpha', props: { a: 'b' } },
        }),
      );
      // stays open until the client aborts
    },
  ]);
  const lin = client(await ctrl.start());
  const ac = new AbortController();
  const log: string[] = [];
  const seen: NodeEvent[] = [];
  const stream = lin.nodeEvents({
    signal: ac.signal,
    reconnect: { initialDelayMs: 1, jitter: false },
    onResync: async ({ reconnects }) => {
      log.push(`resync ${reconnects}`);
    },
  });
  for await (const e of stream) {
    seen.push(e);
    log.push(e.event);
    if (e.event === 'node-modified') {
      expect(e.data.new_node?.props).toEqual({ a: 'b' });
      ac.abort();
    } else {
      expect(e.data.node?.name).toBe('alpha');
    }
  }
  expect(log).toEqual(['node-create', 'resync 1', 'node-modified']);
  expect(ctrl.streamRequests.map((r) => [r.path, r.headers.authorization, r.headers.accept])).toEqual([
    ['/v1/events/nodes', 'Bearer tok-123', 'text/event-stream'],
    ['/v1/events/nodes', 'Bearer tok-123', 'text/event-stream'],
  ]);
  await ctrl.waitClosed(1);
  expect(seen).toHaveLength(2);
});

test('drbdPromotionEvents: ends on return() while waiting, closing the connection', async () => {
  ctrl = new FakeController([
    (_req, res) => {
      sse(res).write(
        frame('may-promote-change', { resource_name: 'r1', node_name: 'alpha', may_promote: true }),
      );
    },
  ]);
  const lin = client(await ctrl.start());
  const stream = lin.drbdPromotionEvents();
  const first = await stream.next();
  expect(first).toEqual({
    done: false,
    value: {
      event: 'may-promote-change',
      data: { resource_name: 'r1', node_name: 'alpha', may_promote: true },
      id: '',
    },
  });
  expect(ctrl.streamRequests[0].path).toBe('/v1/events/drbd/promotion');
  const pending = stream.next();
  await stream.return();
  await expect(pending).resolves.toEqual({ done: true, value: undefined });
  await ctrl.waitClosed(0);
});

test('an error reply is final: the first next() rejects with LinstorApiCallError', async () => {
  ctrl = new FakeController([
    (_req, res) => {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('[{"ret_code":-4611686018427387903,"message":"No such event stream."}]');
    },
  ]);
  const lin = client(await ctrl.start());
  const err = await lin
    .nodeEvents()
    .next()
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(LinstorApiCallError);
  expect((err as Error).message).toBe('ERRO:No such event stream.');
});

test('a 503 while reconnecting is retried', async () => {
  ctrl = new FakeController([
    (_req, res) => void sse(res).end(frame('node-delete', { node: { name: 'x' } })),
    (_req, res) => {
      res
        .writeHead(503, { 'content-type': 'application/json' })
        .end('[{"ret_code":-4611686018427386902,"message":"busy"}]');
    },
    (_req, res) => void sse(res).write(frame('node-restored', { node: { name: 'x' } })),
  ]);
  const lin = client(await ctrl.start());
  const events: string[] = [];
  const failures: number[] = [];
  for await (const e of lin.nodeEvents({
    reconnect: { initialDelayMs: 1, jitter: false },
    onDisconnect: (_e, attempt) => failures.push(attempt),
  })) {
    events.push(e.event);
    if (events.length === 2) break;
  }
  expect(events).toEqual(['node-delete', 'node-restored']);
  expect(failures).toEqual([0, 1]);
  expect(ctrl.streamRequests).toHaveLength(3);
});

test('a success reply that is not an event stream is a final LinstorError', async () => {
  ctrl = new FakeController([
    (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('[]'),
  ]);
  const lin = client(await ctrl.start());
  await expect(lin.nodeEvents().next()).rejects.toThrow(
    "/v1/events/nodes did not answer with an event stream (content-type 'application/json')",
  );
  expect(ctrl.streamRequests).toHaveLength(1);
});
