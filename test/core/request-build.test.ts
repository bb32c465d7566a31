import createClient from 'openapi-fetch';
import type { paths } from '../../generated/types';
import { LinstorCore } from '../../src/api/linstor-core';
import { LinstorArgumentError } from '../../src/core/errors';
import { stringifyJson } from '../../src/core/lossless-json';
import { serializePath, serializeQuery } from '../../src/core/path-encoding';
import { fakeFetch, json, PASS } from './helpers';

// LinstorCore builds requests itself (openapi-fetch's runtime stays out of browser bundles). The oracle
// here is openapi-fetch's own client with the SDK's serializers, as the SDK used it before: the path,
// query, headers and body on the wire must be the same.
type Init = Record<string, unknown>;

async function viaOpenapiFetch(method: string, path: string, init: Init) {
  const client = createClient<paths>({
    baseUrl: 'http://linstor.invalid',
    pathSerializer: serializePath,
    querySerializer: (query) => serializeQuery(query as Record<string, unknown>),
    bodySerializer: (body) => stringifyJson(body),
  });
  let captured: Request | undefined;
  const request = client.request as unknown as (m: string, p: string, i: Init) => Promise<unknown>;
  await request(method.toLowerCase(), path, {
    ...init,
    fetch: async (req: Request) => {
      captured = req;
      return new Response(null, { status: 204 });
    },
  });
  const req = captured as Request;
  const url = new URL(req.url);
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => {
    headers[k] = v;
  });
  const body = req.body ? await req.text() : undefined;
  if (body === undefined) delete headers['content-type'];
  return { pathAndQuery: url.pathname + url.search, headers, body };
}

async function viaLinstor(method: string, path: string, init: Init) {
  const { fetch, calls } = fakeFetch((req) => (req.url.endsWith('/controller/version') ? PASS() : json([])));
  const lin = new LinstorCore('linstor://h', { fetch, probeHttps: false, userAgent: '', headers: {} });
  const call = lin.callReplies.bind(lin) as unknown as (m: string, p: string, i: Init) => Promise<unknown>;
  await call(method, path, { ...init, minVersion: null });
  const sent = calls[calls.length - 1];
  const url = new URL(sent.url);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(sent.headers)) {
    if (k === 'User-Agent' || k === 'Accept-Encoding') continue;
    headers[k] = v;
  }
  return { pathAndQuery: url.pathname + url.search, headers, body: sent.body };
}

const cases: [string, string, Init][] = [
  ['GET', '/v1/nodes', {}],
  ['GET', '/v1/nodes', { params: { query: { nodes: ['a b', 'c/d'], props: ['x=y'] } } }],
  ['GET', '/v1/nodes/{node}', { params: { path: { node: 'ä ö?#%' } } }],
  ['DELETE', '/v1/nodes/{node}', { params: { path: { node: 42 }, query: { force: true } } }],
  ['POST', '/v1/nodes', { body: { name: 'n', ret_code: -4611686018427387605n, list: [1, 'two'] } }],
  ['PUT', '/v1/nodes/{node}', { params: { path: { node: 'n' } }, body: {}, headers: { 'X-A': '1' } }],
  [
    'PUT',
    '/v1/nodes/{node}',
    {
      params: { path: { node: 'n' }, header: { 'X-B': 'b', 'X-Drop': null } },
      body: { a: 1 },
      headers: { 'x-drop': 'gone', 'X-Multi': ['1', '2'], 'X-Undef': undefined },
    },
  ],
  ['PATCH', '/v1/encryption/passphrase', { body: 'secret' }],
  ['POST', '/v1/nodes', { body: { a: 1 }, headers: { 'Content-Type': null } }],
  ['POST', '/v1/nodes', { body: { a: 1 }, headers: new Headers({ 'content-type': 'application/x' }) }],
  ['GET', '/v1/nodes', { headers: { 'Content-Type': 'application/json' } }],
];

describe('request building', () => {
  test.each(cases)('%s %s %j: same request as openapi-fetch', async (method, path, init) => {
    expect(await viaLinstor(method, path, init)).toEqual(await viaOpenapiFetch(method, path, init));
  });

  test('a body on GET, a missing path parameter and a bad header are argument errors', async () => {
    await expect(viaLinstor('GET', '/v1/nodes', { body: { a: 1 } })).rejects.toThrow(LinstorArgumentError);
    await expect(viaLinstor('GET', '/v1/nodes/{node}', {})).rejects.toThrow(
      "Missing path parameter 'node' for GET /v1/nodes/{node}",
    );
    await expect(viaLinstor('GET', '/v1/nodes', { headers: { 'bad header': 'x' } })).rejects.toThrow(
      LinstorArgumentError,
    );
    await expect(viaLinstor('GET', '/v1/nodes/{node}', { params: { path: { node: '..' } } })).rejects.toThrow(
      LinstorArgumentError,
    );
  });
});
