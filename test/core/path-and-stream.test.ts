import '../../src/node/register';
import fc from 'fast-check';
import { LinstorCore } from '../../src/api/linstor-core';
import { LinstorArgumentError } from '../../src/core/errors';
import { controllerHandler, startHttp, type TestServer } from './servers';

describe('path parameters always reach the server as exactly one segment (real server)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startHttp(
      controllerHandler((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('[{"ret_code":53739522,"message":"deleted"}]');
      }),
    );
  });
  afterAll(() => server.close());

  it('property over names with / .. ? # % spaces and non-ASCII', async () => {
    const lin = new LinstorCore(server.uri, { probeHttps: false, timeoutMs: 2000 });
    const piece = fc.constantFrom(
      '/',
      '..',
      '.',
      '?',
      '#',
      '%',
      '%2F',
      ' ',
      'ü',
      '日本',
      '\u{1F600}',
      'a',
      '&',
      '=',
      '+',
      ';',
      '\\',
    );
    const name = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.array(piece, { maxLength: 6 }).map((p) => p.join('')),
    );
    await fc.assert(
      fc.asyncProperty(name, name, async (rsc, node) => {
        const before = server.seen.length;
        const bad = [rsc, node].some((n) => n === '' || n === '.' || n === '..');
        const p = lin.callReplies('DELETE', '/v1/resource-definitions/{resource}/resources/{node}', {
          params: { path: { resource: rsc, node } },
        });
        if (bad) {
          await expect(p).rejects.toBeInstanceOf(LinstorArgumentError);
          expect(server.seen.length).toBe(before);
          return;
        }
        await p;
        const url = server.seen[server.seen.length - 1].url;
        expect(url.includes('?') || url.includes('#')).toBe(false);
        const segments = url.split('/');
        expect(segments).toHaveLength(6);
        expect(segments.slice(0, 4)).toEqual(['', 'v1', 'resource-definitions', segments[3]]);
        expect(decodeURIComponent(segments[3])).toBe(rsc);
        expect(segments[4]).toBe('resources');
        expect(decodeURIComponent(segments[5])).toBe(node);
      }),
      { numRuns: 150 },
    );
  });
});

describe('keepAlive retry and streams', () => {
  it('keepAlive retries an idempotent GET once on the same controller, never a POST', async () => {
    let broken = 0;
    const server = await startHttp(
      controllerHandler((req, res) => {
        if (broken < 1 || req.method === 'POST') {
          broken++;
          res.socket?.destroy();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('[]');
      }),
    );
    try {
      const lin = new LinstorCore(server.uri, { probeHttps: false, keepAlive: true, timeoutMs: 2000 });
      await expect(lin.call('GET', '/v1/nodes')).resolves.toMatchObject({ ok: true, data: [] });
      expect(server.seen.filter((r) => r.url === '/v1/nodes')).toHaveLength(2);
      await expect(
        lin.callReplies('POST', '/v1/resource-definitions', { body: { resource_definition: { name: 'x' } } }),
      ).rejects.toMatchObject({ mayHaveBeenApplied: true });
      expect(server.seen.filter((r) => r.method === 'POST')).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('callStream returns the open body, or the replies of an error status', async () => {
    const server = await startHttp(
      controllerHandler((req, res) => {
        if (req.url === '/v1/events/nodes') {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write('event: node-online\ndata: {"node":{"name":"a"}}\n\n');
          setTimeout(() => res.end(), 20);
          return;
        }
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('[{"ret_code":-4611686018427386906,"message":"Path not found"}]');
      }),
    );
    try {
      const lin = new LinstorCore(server.uri, { probeHttps: false, timeoutMs: 2000 });
      const reply = await lin.callStream('GET', '/v1/events/nodes');
      expect(reply.ok).toBe(true);
      if (reply.ok) expect(await new Response(reply.body).text()).toContain('event: node-online');
      const bad = await lin.callStream('GET', '/v1/events/drbd/promotion');
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.replies[0].message).toBe('Path not found');
      // a caller abort ends the stream
      const ac = new AbortController();
      const open = await lin.callStream('GET', '/v1/events/nodes', { signal: ac.signal });
      ac.abort();
      if (open.ok) await expect(new Response(open.body).text()).rejects.toBeDefined();
    } finally {
      await server.close();
    }
  });
});
