// lin.withOptions(): per-call signal and timeout for any method, sharing the client's connection.
import { Linstor } from '../../src/api/linstor';
import { LinstorAbortError, LinstorTimeoutError } from '../../src/core/errors';
import type { FetchLike } from '../../src/core/transport';
import { json, versionBody } from './controller-double';

/** A controller whose node list never answers until the request's signal fires. */
function hangingNodes(): { fetch: FetchLike; versionGets: () => number } {
  let versionGets = 0;
  const fetch: FetchLike = (input, init) => {
    const path = new URL(input).pathname;
    if (path === '/v1/controller/version') {
      versionGets++;
      return Promise.resolve(json(versionBody()));
    }
    if (path === '/v1/nodes' && new URL(input).searchParams.has('nodes')) {
      return Promise.resolve(json('[{"name":"alpha","type":"SATELLITE"}]'));
    }
    return new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
    });
  };
  return { fetch, versionGets: () => versionGets };
}

test('a view with an aborted signal cancels the method; the client itself is unaffected', async () => {
  const ctrl = hangingNodes();
  const lin = new Linstor('linstor://127.0.0.1', { fetch: ctrl.fetch, probeHttps: false });
  await lin.connect();
  const abort = new AbortController();
  const pending = lin.withOptions({ signal: abort.signal }).nodeList();
  abort.abort();
  await expect(pending).rejects.toBeInstanceOf(LinstorAbortError);

  const [nodes] = (await lin.nodeList({ filterByNodes: ['alpha'] })) as [{ nodes: { name: string }[] }];
  expect(nodes.nodes.map((n) => n.name)).toEqual(['alpha']);
  expect(ctrl.versionGets()).toBe(1); // the view used the client's connection: no second handshake
});

test('a view timeout bounds each attempt of any method', async () => {
  const ctrl = hangingNodes();
  const lin = new Linstor('linstor://127.0.0.1', { fetch: ctrl.fetch, probeHttps: false });
  await expect(lin.withOptions({ timeoutMs: 50 }).nodeList()).rejects.toBeInstanceOf(LinstorTimeoutError);
  await lin.nodeList({ filterByNodes: ['alpha'] });
  expect(ctrl.versionGets()).toBe(1); // the handshake made through the view counts for the client
});

test('a non-positive timeout is an argument error', () => {
  const lin = new Linstor('linstor://127.0.0.1', { probeHttps: false });
  expect(() => lin.withOptions({ timeoutMs: 0 })).toThrow('timeoutMs must be a positive number');
});
