// Reply validation: every route maps to an operationId, and a reply that breaks its schema is caught.

import { createSimulator, type ReplyMismatch, SimulatorState, seedLargeCluster } from '../../src/testing';
import { HELP, parseArgs } from '../../src/testing/cli-args';
import { validateReply } from '../../src/testing/validation';

describe('reply validation', () => {
  test('every implemented route has an operationId in generated/operations.ts', () => {
    const sim = createSimulator();
    const routes = sim.controller.routes();
    expect(routes.length).toBeGreaterThan(80);
    expect(routes.filter((r) => r.operationId === undefined)).toEqual([]);
  });

  test('a body that breaks the schema is reported', () => {
    expect(validateReply('nodeList', 200, '[{"name":5}]').length).toBeGreaterThan(0);
    expect(validateReply('nodeList', 200, '[]')).toEqual([]);
    expect(validateReply(undefined, 404, '[{"message":"no ret_code"}]').length).toBeGreaterThan(0);
  });

  test('layer volume data is checked by its type, and does not hide later mismatches', () => {
    const sim = createSimulator({ seed: 2, validateReplies: true });
    sim.handle({
      method: 'POST',
      path: '/v1/resource-definitions',
      bodyText: '{"resource_definition":{"name":"r1"}}',
    });
    sim.handle({
      method: 'POST',
      path: '/v1/resource-definitions/r1/volume-definitions',
      bodyText: '{"volume_definition":{"size_kib":1024}}',
    });
    sim.handle({
      method: 'POST',
      path: '/v1/resource-definitions/r1/autoplace',
      bodyText: '{"select_filter":{"place_count":2}}',
    });
    const view = sim.handle({ method: 'GET', path: '/v1/view/resources' });
    expect(validateReply('viewResources', 200, view.bodyText)).toEqual([]);
    const broken = JSON.parse(view.bodyText) as {
      uuid: unknown;
      volumes: { layer_data_list: { data: Record<string, unknown> }[] }[];
    }[];
    const second = broken[1];
    if (!second) throw new Error('expected two resources');
    (second.volumes[0]?.layer_data_list[0]?.data as Record<string, unknown>).device_path = 5;
    second.uuid = 7;
    expect(validateReply('viewResources', 200, JSON.stringify(broken))).toEqual([
      '/1/volumes/0/layer_data_list/0/data/device_path must be string (DrbdVolume)',
      '/1/uuid must be string',
    ]);
  });

  test('a mismatching reply reaches the hook (here: a callback instead of failing the test)', () => {
    const seen: ReplyMismatch[] = [];
    const sim = createSimulator({ seed: 1, validateReplies: true, onInvalidReply: (m) => seen.push(m) });
    const node = sim.state.node('node1');
    if (node) (node as { type: string }).type = 'NOT_A_NODE_TYPE';
    expect(sim.handle({ method: 'GET', path: '/v1/nodes' }).status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ operationId: 'nodeList', status: 200, path: '/v1/nodes' });
    expect(sim.replyMismatches).toHaveLength(1);
  });

  test("'throw' makes the call itself fail", () => {
    const sim = createSimulator({ seed: 1, validateReplies: true, onInvalidReply: 'throw' });
    const node = sim.state.node('node1');
    if (node) (node as { type: string }).type = 'NOT_A_NODE_TYPE';
    expect(() => sim.handle({ method: 'GET', path: '/v1/nodes/node1' })).toThrow(
      /do not match the OpenAPI schemas/,
    );
  });
});

describe('seeding', () => {
  test('a large cluster in one call (small numbers here; the timing is measured by scripts/sim-scale.ts)', () => {
    const state = new SimulatorState();
    const seeded = seedLargeCluster(state, { nodes: 20, resources: 100, replicas: 3 });
    expect(seeded.nodes).toHaveLength(20);
    const sim = createSimulator({ state, validateReplies: true });
    const view = JSON.parse(sim.handle({ method: 'GET', path: '/v1/view/resources' }).bodyText) as unknown[];
    expect(view).toHaveLength(100);
    const page = JSON.parse(
      sim.handle({ method: 'GET', path: '/v1/view/resources?limit=10&offset=95' }).bodyText,
    ) as unknown[];
    expect(page).toHaveLength(5);
    expect(sim.replyMismatches).toEqual([]);
  });

  test('seed options: explicit nodes, groups, resources, KV', () => {
    const sim = createSimulator({
      seed: {
        nodes: [{ name: 'alpha' }, { name: 'beta', online: false }, { name: 'gamma' }],
        storagePools: [{ name: 'ssd', capacityKib: 1048576 }],
        resourceGroups: [{ name: 'rg1', selectFilter: { place_count: 2, storage_pool: 'ssd' } }],
        resources: [{ name: 'res1', resourceGroup: 'rg1', volumeSizesKib: [1024] }],
        keyValueStores: { app: { 'a/b': 'c' } },
      },
    });
    expect(sim.state.node('beta')?.connectionStatus).toBe('OFFLINE');
    const placed = [...(sim.state.resourceDefinition('res1')?.resources.values() ?? [])].map(
      (r) => r.nodeName,
    );
    expect(placed.sort()).toEqual(['alpha', 'gamma']);
    expect(() => sim.seed({ nodes: [{ name: 'bad_name' }] })).toThrow(/Cannot seed node 'bad_name'/);
  });
});

describe('linstor-api-sim arguments', () => {
  test('parses options and has a help text', () => {
    expect(parseArgs(['--port', '3371', '--nodes=5'])).toMatchObject({
      port: 3371,
      nodes: 5,
      host: '127.0.0.1',
    });
    expect(parseArgs(['--help'])).toBe('help');
    expect(parseArgs(['--bogus'])).toBe('unknown option: --bogus');
    expect(parseArgs(['--port', 'x'])).toBe('invalid value for --port');
    expect(HELP).toContain('--nodes');
  });
});
