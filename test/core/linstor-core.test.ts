import { LinstorCore } from '../../src/api/linstor-core';
import { ApiCallResponse } from '../../src/core/api-call-response';
import { LinstorApiCallError, LinstorError } from '../../src/core/errors';
import { fakeFetch, json, PASS } from './helpers';

describe('LinstorCore basics (injected fetch)', () => {
  it('connects once, then sends typed requests with encoded path params', async () => {
    const { fetch, calls } = fakeFetch((req) =>
      req.url.endsWith('/version') ? PASS() : json([{ ret_code: 54001666, message: 'deleted' }]),
    );
    const lin = new LinstorCore('linstor://127.0.0.1:4000', {
      fetch,
      probeHttps: false,
      agentInfo: 'acc-test',
    });
    await lin.connect();
    await lin.connect();
    const replies = await lin.callReplies('DELETE', '/v1/nodes/{node}', {
      params: { path: { node: 'a b/c' } },
    });
    expect(replies[0]).toBeInstanceOf(ApiCallResponse);
    expect(replies[0].isSuccess()).toBe(true);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET http://127.0.0.1:4000/v1/controller/version',
      'DELETE http://127.0.0.1:4000/v1/nodes/a%20b%2Fc',
    ]);
    expect(calls[0].headers['User-Agent']).toBe('linstor-api/0.1.0 (API1.0.4): acc-test');
    expect(lin.restApiVersion).toBe('1.25.0');
  });

  it('returns 404 replies and throws on 401', async () => {
    const body = '[{"ret_code":-4611686018427387604,"message":"Node \'x\' not found."}]';
    let status = 404;
    const { fetch } = fakeFetch((req) => (req.url.endsWith('/version') ? PASS() : json(body, status)));
    const lin = new LinstorCore('linstor://h', { fetch, probeHttps: false });
    const reply = await lin.call('GET', '/v1/nodes');
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.replies[0].isError(0xc00000000000012cn)).toBe(true);
    status = 401;
    await expect(lin.call('GET', '/v1/nodes')).rejects.toBeInstanceOf(LinstorApiCallError);
    status = 500;
    await expect(lin.call('GET', '/v1/nodes')).resolves.toMatchObject({ ok: false });
  });

  it('rejects dot segments', async () => {
    const { fetch, calls } = fakeFetch(() => PASS());
    const lin = new LinstorCore('linstor://h', { fetch, probeHttps: false });
    await expect(
      lin.call('DELETE', '/v1/nodes/{node}', { params: { path: { node: '..' } } }),
    ).rejects.toBeInstanceOf(LinstorError);
    expect(calls).toHaveLength(0);
  });
});
