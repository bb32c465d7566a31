import fc from 'fast-check';
import { FAIL_EXISTS_NODE, FAIL_NOT_FOUND_NODE } from '../../generated/constants';
import { LinstorCore } from '../../src/api/linstor-core';
import { ApiCallResponse } from '../../src/core/api-call-response';
import { isLinstorError, LinstorApiCallError, LinstorError } from '../../src/core/errors';
import { mapReply } from '../../src/core/reply-mapping';
import { fakeFetch, json, PASS } from './helpers';

const ctx = { method: 'GET', path: '/v1/nodes', controller: 'linstor://h' };
const raw = (status: number, text: string, type = 'application/json') => ({
  status,
  text,
  headers: new Headers(type ? { 'content-type': type } : {}),
});

const NOT_FOUND =
  '[{"ret_code":-4611686018427387604,"message":"Node \'x\' not found.","cause":"c","correction":"fix","details":"d","obj_refs":{"Node":"x"},"error_report_ids":["ABC-1"]}]';

describe('scenario 10: error mapping for GET /v1/nodes', () => {
  function client(status: number, body: string, type = 'application/json') {
    const { fetch } = fakeFetch((req) =>
      req.url.endsWith('/version')
        ? PASS()
        : new Response(body, { status, headers: type ? { 'content-type': type } : {} }),
    );
    return new LinstorCore('linstor://127.0.0.1:1', { fetch, probeHttps: false });
  }

  it('404 with ApiCallRc JSON is returned, not thrown, with every field', async () => {
    const reply = await client(404, NOT_FOUND).call('GET', '/v1/nodes');
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    const [r] = reply.replies;
    expect([r.isError(), r.isWarning(), r.isInfo(), r.isSuccess()]).toEqual([true, true, true, false]);
    expect(r.isError(FAIL_NOT_FOUND_NODE)).toBe(true);
    expect(r.isError(FAIL_EXISTS_NODE)).toBe(false);
    expect(r).toMatchObject({
      cause: 'c',
      correction: 'fix',
      details: 'd',
      objRefs: { Node: 'x' },
      errorReportIds: ['ABC-1'],
    });
    // what a *Raise variant does with it
    const err = new LinstorApiCallError(reply.replies[0], reply.replies);
    expect(err.message).toBe("ERRO:Node 'x' not found.");
    expect(err.toString()).toBe("Error: ERRO:Node 'x' not found.");
  });

  it('401 throws LinstorApiCallError', async () => {
    const p = client(401, NOT_FOUND).call('GET', '/v1/nodes');
    await expect(p).rejects.toBeInstanceOf(LinstorApiCallError);
    await expect(client(401, NOT_FOUND).call('GET', '/v1/nodes')).rejects.toMatchObject({
      mainError: expect.any(ApiCallResponse),
      allErrors: [expect.any(ApiCallResponse)],
    });
  });

  it('500 with an HTML page throws HTTP-Status(500)/<header text>', async () => {
    await expect(
      client(500, "<html><body><h1 class='header'>Boom happened</h1></body></html>", 'text/html').call(
        'GET',
        '/v1/nodes',
      ),
    ).rejects.toThrow(new LinstorError('HTTP-Status(500)/Boom happened'));
  });

  it('500 with plain text throws python repr text', async () => {
    await expect(client(500, 'plain text oops', 'text/plain').call('GET', '/v1/nodes')).rejects.toThrow(
      "HTTP-Status(500)/'plain text oops'",
    );
  });

  it('503 with an empty body throws python message', async () => {
    await expect(client(503, '', '').call('GET', '/v1/nodes')).rejects.toThrow(
      "REST api call method 'GET' to resource '/v1/nodes' returned status 503 with no data.",
    );
  });

  it('200 with not json throws Unable to parse REST json data', async () => {
    const p = client(200, 'not json').call('GET', '/v1/nodes');
    await expect(p).rejects.toBeInstanceOf(LinstorError);
    await expect(client(200, 'not json').call('GET', '/v1/nodes')).rejects.toThrow(
      /^Unable to parse REST json data: .*\nRequest-Uri: \/v1\/nodes; Status: 200$/s,
    );
  });
});

describe('mapReply details', () => {
  it('accepts a single ApiCallRc object where an array is expected', () => {
    const r = mapReply(raw(500, '{"ret_code":-4611686018427386906,"message":"Exception thrown."}'), ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.replies[0].code).toBe(998);
  });

  it('keeps the clone envelope as data in envelope mode, also on 400', () => {
    const body =
      '{"location":"/v1/resource-definitions/cap/clone/capclone","source_name":"cap","clone_name":"capclone","messages":[{"ret_code":-4611686018427387402,"message":"clone failed"}]}';
    const r = mapReply<{ messages: { ret_code: bigint }[] }>(raw(400, body), ctx, 'envelope');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.data.messages[0].ret_code).toBe(-4611686018427387402n);
    // in data mode the envelope's messages are the replies
    const d = mapReply(raw(400, body), ctx);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.replies[0].message).toBe('clone failed');
  });

  it('bad JSON with a JSON content type on an error status', () => {
    expect(() => mapReply(raw(500, '[{"ret_code":'), ctx)).toThrow(
      /^Unable to parse REST json data: .*\nRequest-Uri: \/v1\/nodes$/s,
    );
  });

  it('an HTML proxy page without a header class uses its title', () => {
    expect(() =>
      mapReply(
        raw(
          502,
          '<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>',
          'text/html',
        ),
        ctx,
      ),
    ).toThrow('HTTP-Status(502)/502 Bad Gateway');
  });
});

describe('property: hostile reply bodies only ever yield LinstorError subclasses', () => {
  const body = fc.oneof(
    fc.string(),
    fc.json(),
    fc.json().map((j) => j.slice(0, Math.floor(j.length / 2))),
    fc.constantFrom(
      NOT_FOUND,
      NOT_FOUND.slice(0, 30),
      '[1,2]',
      '[{"ret_code":"x"}]',
      '{"ret_code":1e999}',
      'null',
      '[[[]]]',
      '{"rest_api_version":5}',
      '<html>',
      '\u0000',
    ),
    fc.anything().map((a) => {
      try {
        return JSON.stringify(a) ?? '';
      } catch {
        return '';
      }
    }),
  );
  const status = fc.constantFrom(200, 201, 204, 302, 400, 401, 403, 404, 405, 500, 502, 503);
  const type = fc.constantFrom(
    'application/json',
    'text/html',
    'text/plain',
    '',
    'application/json; charset=utf-8',
  );

  it('through the whole pipeline (call, callReplies, connect)', async () => {
    await fc.assert(
      fc.asyncProperty(body, status, type, fc.boolean(), async (b, s, t, versionToo) => {
        const make = () =>
          new Response(s === 204 ? null : b, { status: s, headers: t ? { 'content-type': t } : {} });
        const { fetch } = fakeFetch((req) => (req.url.endsWith('/version') && !versionToo ? PASS() : make()));
        const lin = new LinstorCore('linstor://h', { fetch, probeHttps: false });
        for (const run of [
          () => lin.call('GET', '/v1/nodes'),
          () => lin.callReplies('DELETE', '/v1/nodes/{node}', { params: { path: { node: 'n' } } }),
          () =>
            lin.call('POST', '/v1/resource-definitions/{resource}/clone', {
              params: { path: { resource: 'r' } },
              body: { name: 'c' },
              expect: 'envelope',
            }),
        ]) {
          try {
            await run();
          } catch (error) {
            if (!isLinstorError(error)) throw error;
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('mapReply directly', () => {
    fc.assert(
      fc.property(body, status, type, (b, s, t) => {
        try {
          mapReply(raw(s, b, t), ctx);
          mapReply(raw(s, b, t), ctx, 'envelope');
        } catch (error) {
          expect(isLinstorError(error)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

it('json helper sanity', () => {
  expect(json([]).status).toBe(200);
});
