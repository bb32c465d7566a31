// Fault injection on the HTTP server: down (global and per route), hang, delay, html500, drop, times.
import { startSimulator } from '../../src/testing';
import { api, withSim } from './helpers';

const rdBody = (name: string) => ({ resource_definition: { name } });

describe('HTTP server faults', () => {
  test('global down refuses connections, clearing it listens again on the same port', () =>
    withSim({ seed: 1 }, async (sim, c) => {
      const port = sim.port;
      const restore = sim.faults.down();
      await sim.settled();
      expect(sim.listening).toBe(false);
      const err = await fetch(`${sim.url}/v1/nodes`).then(
        () => undefined,
        (e: unknown) => e as Error & { cause?: { code?: string } },
      );
      // fetch's TypeError comes from another realm than jest's, so compare by name
      expect(err).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
      expect(err?.cause?.code).toBe('ECONNREFUSED');
      restore();
      await sim.settled();
      expect(sim.listening).toBe(true);
      expect(sim.port).toBe(port);
      expect((await c.get('/v1/nodes')).status).toBe(200);
    }));

  test('per-route down resets the connection without applying the request', () =>
    withSim({ seed: 1 }, async (sim, c) => {
      sim.faults.down({ route: 'POST /v1/resource-definitions' });
      await expect(c.post('/v1/resource-definitions', rdBody('r1'))).rejects.toMatchObject({
        name: 'TypeError',
      });
      expect((await c.get('/v1/resource-definitions')).body).toEqual([]);
      expect((await c.get('/v1/nodes')).status).toBe(200);
    }));

  test('hang accepts and never answers; the request is not applied', () =>
    withSim({}, async (sim, c) => {
      sim.faults.hang({ route: 'resourceDefinitionCreate' });
      const pending = fetch(`${sim.url}/v1/resource-definitions`, {
        method: 'POST',
        body: JSON.stringify(rdBody('r1')),
        signal: AbortSignal.timeout(300),
      });
      await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });
      expect((await c.get('/v1/resource-definitions')).body).toEqual([]);
    }));

  test('delay answers after the given time', () =>
    withSim({}, async (sim, c) => {
      sim.faults.delay(150, { route: '/v1/controller/version' });
      const started = Date.now();
      const r = await c.get('/v1/controller/version');
      expect(r.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    }));

  test('html500 answers like a broken proxy, with CORS headers; times limits it', () =>
    withSim({}, async (sim, c) => {
      sim.faults.html500({ times: 1 });
      const r = await c.raw('GET', '/v1/nodes');
      expect(r.status).toBe(500);
      expect(r.headers.get('content-type')).toBe('text/html');
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
      expect(await r.text()).toContain("<h1 class='header'>");
      expect((await c.get('/v1/nodes')).status).toBe(200);
      expect(sim.faults.list()).toEqual([]);
    }));

  test('drop sends headers and part of the body, then breaks the connection (request applied)', () =>
    withSim({}, async (sim, c) => {
      sim.faults.drop({ route: { method: 'POST', path: '/v1/resource-definitions' } });
      const r = await fetch(`${sim.url}/v1/resource-definitions`, {
        method: 'POST',
        body: JSON.stringify(rdBody('r1')),
      });
      expect(r.status).toBe(201);
      await expect(r.text()).rejects.toThrow();
      sim.faults.clear();
      expect(((await c.get('/v1/resource-definitions')).body as unknown[]).length).toBe(1);
    }));

  test('stall sends part of the body and never finishes it', () =>
    withSim({ seed: 2 }, async (sim) => {
      sim.faults.stall({ route: 'nodeList', afterBytes: 10 });
      const controller = new AbortController();
      const r = await fetch(`${sim.url}/v1/nodes`, {
        signal: controller.signal,
        headers: { 'accept-encoding': 'identity' }, // uncompressed, so the partial bytes are readable
      });
      expect(r.status).toBe(200);
      const reader = (r.body as ReadableStream<Uint8Array>).getReader();
      const first = await reader.read();
      expect(first.value?.length).toBe(10);
      const rest = reader.read();
      controller.abort();
      await expect(rest).rejects.toMatchObject({ name: 'AbortError' });
    }));

  test('several servers can share one state; a fault hits only its own server', async () => {
    const a = await startSimulator({ seed: 1, validateReplies: true });
    const b = await startSimulator({ state: a.state, validateReplies: true });
    try {
      a.faults.down();
      await a.settled();
      expect((await api(b).post('/v1/resource-definitions', rdBody('shared'))).status).toBe(201);
      expect(a.state.resourceDefinition('SHARED')?.name).toBe('shared');
      expect(((await api(b).get('/v1/nodes')).body as unknown[]).length).toBe(1);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
