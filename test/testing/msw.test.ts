// The simulator as msw handlers (createSimulator), as users' own tests use it.
import { setupServer } from 'msw/node';
import { parseJson } from '../../src/core/lossless-json';
import { createSimulator } from '../../src/testing';

const BASE = 'http://linstor.test:3370';
const sim = createSimulator({
  baseUrl: BASE,
  seed: { nodes: 3, storagePools: [{ name: 'pool1', providerKind: 'ZFS_THIN', driverPool: 'tank' }] },
});
const server = setupServer(...sim.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => sim.faults.clear());
afterAll(() => server.close());

const post = (path: string, body: unknown) =>
  fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('createSimulator (msw)', () => {
  test('answers like the controller, seeded in one call', async () => {
    const nodes = (await (await fetch(`${BASE}/v1/nodes`)).json()) as { name: string }[];
    expect(nodes.map((n) => n.name)).toEqual(['node1', 'node2', 'node3']);
    const res = await post('/v1/resource-groups', {
      name: 'rg1',
      select_filter: { place_count: 2, storage_pool: 'pool1' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    await post('/v1/resource-groups/rg1/volume-groups', {});
    const spawn = await post('/v1/resource-groups/rg1/spawn', {
      resource_definition_name: 'foo',
      volume_sizes: [20480],
    });
    expect(spawn.status).toBe(201);
    const view = (await (await fetch(`${BASE}/v1/view/resources?resources=foo`)).json()) as {
      node_name: string;
      volumes: { device_path: string; storage_pool_name: string }[];
      layer_object: { drbd?: { drbd_volumes: { backing_device?: string }[] } };
    }[];
    const diskful = view.filter((r) => r.volumes[0]?.storage_pool_name === 'pool1');
    expect(diskful).toHaveLength(2);
    expect(diskful[0]?.volumes[0]?.device_path).toBe('/dev/drbd1000');
    expect(diskful[0]?.layer_object.drbd?.drbd_volumes[0]?.backing_device).toBe('/dev/zvol/tank/foo_00000');
    const missing = await fetch(`${BASE}/v1/resource-definitions/nope`);
    expect(missing.status).toBe(404);
    const text = await missing.text();
    expect(text).toContain('"ret_code":-4611686018427387603');
    expect((parseJson(text) as { ret_code: bigint }[])[0]?.ret_code).toBe(-4611686018427387603n);
    expect(sim.state.resourceDefinition('foo')?.resources.size).toBe(3);
    expect(sim.replyMismatches).toEqual([]);
  });

  test('down is a network error', async () => {
    sim.faults.down({ route: 'nodeList' });
    await expect(fetch(`${BASE}/v1/nodes`)).rejects.toMatchObject({ name: 'TypeError' });
    expect((await fetch(`${BASE}/v1/controller/version`)).status).toBe(200);
  });

  test('hang never answers until the caller aborts', async () => {
    sim.faults.hang();
    await expect(fetch(`${BASE}/v1/nodes`, { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });

  test('delay, html500 and drop', async () => {
    sim.faults.delay(100, { route: '/v1/nodes' });
    const started = Date.now();
    expect((await fetch(`${BASE}/v1/nodes`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    sim.faults.clear();

    sim.faults.html500({ times: 1 });
    const html = await fetch(`${BASE}/v1/nodes`);
    expect(html.status).toBe(500);
    expect(await html.text()).toContain('<html>');

    sim.faults.drop({ route: 'nodeList' });
    const dropped = await fetch(`${BASE}/v1/nodes`);
    expect(dropped.status).toBe(200);
    await expect(dropped.text()).rejects.toThrow();
  });

  test('handle() answers without any transport', () => {
    const r = sim.handle({ method: 'GET', path: '/v1/nodes/node1/storage-pools/pool1' });
    expect(r.status).toBe(200);
    expect(r.operationId).toBe('nodeStoragePoolGet');
    expect(JSON.parse(r.bodyText)).toMatchObject({ provider_kind: 'ZFS_THIN', node_name: 'node1' });
  });
});
