import '../../src/node/register';
import { gzipSync } from 'node:zlib';
import { LinstorCore } from '../../src/api/linstor-core';
import * as errors from '../../src/core/errors';
import {
  isLinstorAbortError,
  isLinstorError,
  isLinstorNetworkError,
  isLinstorTimeoutError,
  LinstorAbortError,
  LinstorArgumentError,
  LinstorError,
  LinstorNetworkError,
  LinstorTimeoutError,
} from '../../src/core/errors';
import type { FetchLike } from '../../src/core/transport';
import { fakeFetch, json, PASS, VERSION_BODY } from './helpers';
import { controllerHandler, startHttp } from './servers';

const never: FetchLike = () => new Promise<Response>(() => undefined);

describe('timeouts and aborts never hang', () => {
  it('a fetch that ignores its signal still times out', async () => {
    const lin = new LinstorCore('linstor://h', { fetch: never, timeoutMs: 100, probeHttps: false });
    const error = await lin.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinstorTimeoutError);
    expect((error as Error).message).toBe('Socket timeout, no data received for more than 0.1s.');
  });

  it('per-call timeoutMs and a body that never ends', async () => {
    const stalled = (): Response =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('[')) }), {
        status: 200,
      });
    const { fetch } = fakeFetch((req) => (req.url.endsWith('/version') ? PASS() : stalled()));
    const lin = new LinstorCore('linstor://h', { fetch, probeHttps: false });
    await expect(lin.call('GET', '/v1/nodes', { timeoutMs: 100 })).rejects.toBeInstanceOf(
      LinstorTimeoutError,
    );
  });

  it("the caller's AbortSignal ends a call with LinstorAbortError", async () => {
    const { fetch } = fakeFetch((req) =>
      req.url.endsWith('/version') ? PASS() : new Promise<Response>(() => undefined),
    );
    const lin = new LinstorCore('linstor://h', { fetch, probeHttps: false, timeoutMs: 10_000 });
    await lin.connect();
    const ac = new AbortController();
    const p = lin.call('GET', '/v1/nodes', { signal: ac.signal });
    setTimeout(() => ac.abort(new Error('user gave up')), 20);
    const error = await p.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinstorAbortError);
    expect((error as Error).message).toContain('user gave up');
    // already aborted: nothing is sent
    const pre = AbortSignal.abort();
    await expect(lin.call('GET', '/v1/nodes', { signal: pre })).rejects.toBeInstanceOf(LinstorAbortError);
  });

  it('a client-level signal aborts the handshake too', async () => {
    const ac = new AbortController();
    const lin = new LinstorCore('linstor://h', {
      fetch: never,
      signal: ac.signal,
      timeoutMs: 10_000,
      probeHttps: false,
    });
    const p = lin.connect();
    ac.abort();
    await expect(p).rejects.toBeInstanceOf(LinstorAbortError);
  });

  it('a POST aborted or timed out says it may have been applied', async () => {
    const { fetch } = fakeFetch((req) =>
      req.url.endsWith('/version') ? PASS() : new Promise<Response>(() => undefined),
    );
    const lin = new LinstorCore('linstor://h', { fetch, probeHttps: false, timeoutMs: 100 });
    const error = await lin
      .callReplies('POST', '/v1/resource-definitions', { body: { resource_definition: { name: 'r' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinstorTimeoutError);
    expect((error as LinstorError).mayHaveBeenApplied).toBe(true);
    expect((error as Error).message).toContain('The POST request may have been applied by the controller');
  });

  it('invalid timeouts are argument errors', () => {
    expect(() => new LinstorCore('linstor://h', { timeoutMs: 0 })).toThrow(LinstorArgumentError);
    expect(() => new LinstorCore('linstor://h', { timeoutMs: Number.POSITIVE_INFINITY })).toThrow(
      LinstorArgumentError,
    );
    expect(() => new LinstorCore([], {})).toThrow(LinstorArgumentError);
  });

  it('a thrown TypeError from a custom fetch becomes a LinstorNetworkError', async () => {
    const lin = new LinstorCore('linstor://h', {
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      probeHttps: false,
    });
    const error = await lin.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinstorNetworkError);
    expect((error as Error).message).toBe('Unable to connect to linstor://h: Failed to fetch');
  });
});

describe('gzip and headers', () => {
  it('inflates gzip from a real server and from a fetch that does not', async () => {
    const body = '[{"ret_code":-4611686018407202314,"message":"gz"}]';
    const server = await startHttp(
      controllerHandler((_req, res) => {
        res.writeHead(500, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(gzipSync(body));
      }),
    );
    try {
      const lin = new LinstorCore(server.uri, { probeHttps: false, timeoutMs: 2000 });
      const reply = await lin.call('GET', '/v1/nodes');
      expect(!reply.ok && reply.replies[0].retCode).toBe(0xc0000000013401f6n);
    } finally {
      await server.close();
    }
    const { fetch } = fakeFetch((req) =>
      req.url.endsWith('/version')
        ? PASS()
        : new Response(gzipSync(body), {
            status: 500,
            headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          }),
    );
    const lin = new LinstorCore('linstor://h', { fetch, probeHttps: false });
    const reply = await lin.call('GET', '/v1/nodes');
    expect(!reply.ok && reply.replies[0].message).toBe('gz');
  });

  it('Content-Type only on JSON bodies; extra headers and userAgent override', async () => {
    const { fetch, calls } = fakeFetch((req) => (req.url.endsWith('/version') ? PASS() : json([])));
    const lin = new LinstorCore('linstor://h', {
      fetch,
      probeHttps: false,
      userAgent: 'mine/1',
      headers: { 'X-Trace': '1' },
    });
    await lin.call('GET', '/v1/nodes');
    await lin.callReplies('PATCH', '/v1/encryption/passphrase', { body: 'secret' as never });
    const [, get, patch] = calls;
    expect(get.headers['content-type']).toBeUndefined();
    expect(get.headers['User-Agent']).toBe('mine/1');
    expect(get.headers['X-Trace']).toBe('1');
    expect(patch.headers['content-type']).toBe('application/json');
    expect(patch.body).toBe('"secret"');
  });
});

describe('error classes', () => {
  it('instanceof, name guards, toString, python defaults', () => {
    const e = new LinstorNetworkError('x', { allErrors: [new LinstorError('a')] });
    expect(e).toBeInstanceOf(LinstorError);
    expect(e.name).toBe('LinstorNetworkError');
    expect(e.toString()).toBe('Error: x');
    expect(isLinstorError(e) && isLinstorNetworkError(e)).toBe(true);
    expect(isLinstorTimeoutError(e)).toBe(false);
    expect(new errors.LinstorReadOnlyAfterSetError().message).toBe(
      'After this property got set it is read-only',
    );
    expect(new LinstorError('m').allErrors).toEqual([]);
    expect(isLinstorError(new Error('x'))).toBe(false);
    expect(isLinstorError(null)).toBe(false);
  });

  it('guards work across two copies of the module (ESM/CJS or duplicated installs)', () => {
    let other: typeof errors | undefined;
    jest.isolateModules(() => {
      other = require('../../src/core/errors') as typeof errors;
    });
    if (!other) throw new Error('no copy');
    expect(other.LinstorTimeoutError).not.toBe(LinstorTimeoutError);
    const foreign = new other.LinstorTimeoutError('t');
    expect(foreign instanceof LinstorError).toBe(false);
    expect(isLinstorError(foreign)).toBe(true);
    expect(isLinstorTimeoutError(foreign)).toBe(true);
    expect(isLinstorAbortError(foreign)).toBe(false);
    expect(other.isLinstorError(new LinstorAbortError('a'))).toBe(true);
  });
});

it('VERSION_BODY is what the scenarios assume', () => {
  expect(JSON.parse(VERSION_BODY).rest_api_version).toBe('1.25.0');
});
