import '../../src/node/register';
import { LinstorCore } from '../../src/api/linstor-core';
import {
  isLinstorNetworkError,
  type LinstorError,
  LinstorNetworkError,
  LinstorTimeoutError,
} from '../../src/core/errors';
import type { LinstorLogEvent } from '../../src/core/logger';
import { closedPort, controllerHandler, startHttp, startSilent, type TestServer } from './servers';

const FAST = { timeoutMs: 300, probeHttps: false } as const;
const version = (rest: string) =>
  JSON.stringify({ version: '1.34.0', git_hash: 'h', build_time: 't', rest_api_version: rest });

describe('scenario 2: MultiLinstor failover (real local servers)', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const start = async (...args: Parameters<typeof startHttp>) => {
    const s = await startHttp(...args);
    servers.push(s);
    return s;
  };

  it('connect skips a closed port and uses the next URI', async () => {
    const port = await closedPort();
    const ok = await start();
    const lin = new LinstorCore([`linstor://127.0.0.1:${port}`, ok.uri], FAST);
    await expect(lin.connect()).resolves.toBe(true);
    expect(lin.controllerHost()).toBe(ok.uri);
  });

  it('only closed ports: aggregate LinstorNetworkError with one error per host', async () => {
    const uris = [`linstor://127.0.0.1:${await closedPort()}`, `linstor://127.0.0.1:${await closedPort()}`];
    const lin = new LinstorCore(uris, FAST);
    const error = await lin.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinstorNetworkError);
    const e = error as LinstorNetworkError;
    expect(e.message).toBe(
      `Unable to connect to any of the given controller hosts: ['${uris[0]}', '${uris[1]}']`,
    );
    expect(e.allErrors).toHaveLength(2);
    expect(e.allErrors[0].message).toContain(`Unable to connect to ${uris[0]}`);
    expect(e.allErrors.every(isLinstorNetworkError)).toBe(true);
  });

  it('a first host that accepts but never answers: LinstorTimeoutError, no failover (connect parity)', async () => {
    const silent = await startSilent();
    servers.push(silent);
    const ok = await start();
    const lin = new LinstorCore([silent.uri, ok.uri], { timeoutMs: 200, probeTimeoutMs: 100 });
    const error = await lin.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinstorTimeoutError);
    expect((error as Error).message).toBe('Socket timeout, no data received for more than 0.2s.');
    expect(ok.seen).toHaveLength(0);
  });

  it('per request: a stopped controller moves the request on; the new one is kept first', async () => {
    const a = await start();
    const b = await start();
    const events: LinstorLogEvent[] = [];
    const lin = new LinstorCore([a.uri, b.uri], { ...FAST, logger: (e) => events.push(e) });
    await lin.connect();
    expect(lin.controllerHost()).toBe(a.uri);
    await lin.call('GET', '/v1/nodes');
    await a.close();
    const reply = await lin.call('GET', '/v1/nodes');
    expect(reply.ok).toBe(true);
    expect(reply.controller).toBe(b.uri);
    expect(lin.controllerHost()).toBe(b.uri);
    // b got its own handshake, then the request
    expect(b.seen.map((r) => r.url)).toEqual(['/v1/controller/version', '/v1/nodes']);
    const failovers = events.filter((e) => e.type === 'failover');
    expect(failovers).toHaveLength(1);
    await lin.call('GET', '/v1/nodes');
    await lin.call('GET', '/v1/nodes');
    expect(events.filter((e) => e.type === 'failover')).toHaveLength(1);
    expect(b.seen).toHaveLength(4);
  });

  it('the last working controller is tried first (closed first host)', async () => {
    const ok = await start();
    const events: LinstorLogEvent[] = [];
    const lin = new LinstorCore([`linstor://127.0.0.1:${await closedPort()}`, ok.uri], {
      ...FAST,
      logger: (e) => events.push(e),
    });
    await lin.call('GET', '/v1/nodes');
    const n = events.filter((e) => e.type === 'failover').length;
    for (let i = 0; i < 3; i++) await lin.call('GET', '/v1/nodes');
    expect(events.filter((e) => e.type === 'failover').length).toBe(n);
  });

  it('a reply of any status is an answer: no failover', async () => {
    const a = await start(
      controllerHandler((_req, res) => {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end("<html><body><p class='header'>down</p></body></html>");
      }),
    );
    const b = await start();
    const lin = new LinstorCore([a.uri, b.uri], FAST);
    await expect(lin.call('GET', '/v1/nodes')).rejects.toThrow('HTTP-Status(500)/down');
    expect(b.seen).toHaveLength(0);
  });

  it('a POST whose connection breaks after sending is not re-sent anywhere; the error says so', async () => {
    const a = await start(
      controllerHandler((req, res) => {
        res.socket?.destroy();
        void req;
      }),
    );
    const b = await start();
    const lin = new LinstorCore([a.uri, b.uri], FAST);
    await lin.connect();
    const error = await lin
      .callReplies('POST', '/v1/resource-definitions', { body: { resource_definition: { name: 'res1' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinstorNetworkError);
    expect((error as LinstorError).mayHaveBeenApplied).toBe(true);
    expect((error as Error).message).toMatch(
      /may have been applied by the controller; it was not sent again/,
    );
    expect(a.seen.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(b.seen).toHaveLength(0);
  });

  it('a POST to a stopped controller never reached it, so it moves on', async () => {
    const a = await start();
    const b = await start(
      controllerHandler((_req, res) => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end('[{"ret_code":20447233,"message":"New resource definition \'res1\' created."}]');
      }),
    );
    const lin = new LinstorCore([a.uri, b.uri], FAST);
    await lin.connect();
    await a.close();
    const replies = await lin.callReplies('POST', '/v1/resource-definitions', {
      body: { resource_definition: { name: 'res1' } },
    });
    expect(replies[0].isSuccess()).toBe(true);
    expect(b.seen.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(JSON.parse(b.seen[1].body)).toEqual({ resource_definition: { name: 'res1' } });
    expect(b.seen[1].headers['content-type']).toBe('application/json');
  });

  it('a request timeout is not failed over', async () => {
    const a = await start(controllerHandler(() => undefined));
    const b = await start();
    const lin = new LinstorCore([a.uri, b.uri], { timeoutMs: 200, probeHttps: false });
    await lin.connect();
    const error = await lin.call('GET', '/v1/nodes').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinstorTimeoutError);
    expect(b.seen).toHaveLength(0);
    const post = await lin
      .callReplies('POST', '/v1/resource-definitions', { body: { resource_definition: { name: 'r' } } })
      .catch((e: unknown) => e);
    expect(post).toBeInstanceOf(LinstorTimeoutError);
    expect((post as LinstorError).mayHaveBeenApplied).toBe(true);
  });

  it('version gates use the answering controller: after failover to an older controller', async () => {
    const a = await start(controllerHandler(undefined, version('1.28.0')));
    const b = await start(controllerHandler(undefined, version('1.25.0')));
    const lin = new LinstorCore([a.uri, b.uri], FAST);
    await lin.connect();
    await a.close();
    await expect(
      lin.callReplies('POST', '/v1/controller/auth/token', {
        body: { description: 'd' } as never,
        versionMessage: 'Auth token not supported by server',
      }),
    ).rejects.toThrow('Auth token not supported by server, REST-API-VERSION: 1.25.0; needed 1.28.0');
    expect(b.seen.map((r) => r.url)).toEqual(['/v1/controller/version']);
  });

  it('every controller down mid-session: aggregate error', async () => {
    const a = await start();
    const lin = new LinstorCore([a.uri, `linstor://127.0.0.1:${await closedPort()}`], FAST);
    await lin.connect();
    await a.close();
    const error = await lin.call('GET', '/v1/nodes').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinstorNetworkError);
    expect((error as LinstorNetworkError).allErrors).toHaveLength(2);
  });
});
