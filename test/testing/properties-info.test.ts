// The properties/info catalogues: every route answers its kind's catalogue (validated against the
// PropsInfo schema), /info/all holds them all, and every key described is one the simulator accepts.
import { Linstor } from '../../src/api/linstor';
import { PROPS_INFO_KINDS, propsInfo } from '../../src/testing/handlers/properties-info';
import { withSim } from './helpers';

const PATHS: Record<string, string> = {
  controller: '/v1/controller/properties/info',
  node: '/v1/nodes/properties/info',
  'storage-pool': '/v1/nodes/node1/storage-pools/properties/info',
  'storage-pool-definition': '/v1/storage-pool-definitions/properties/info',
  'resource-definition': '/v1/resource-definitions/properties/info',
  resource: '/v1/resource-definitions/r1/resources/properties/info',
  'volume-definition': '/v1/resource-definitions/r1/volume-definitions/properties/info',
  volume: '/v1/resource-definitions/r1/resources/node1/volumes/properties/info',
  'resource-connection': '/v1/resource-definitions/r1/resource-connections/properties/info',
  'drbd-proxy': '/v1/resource-definitions/r1/drbd-proxy/properties/info',
  'resource-group': '/v1/resource-groups/properties/info',
  'volume-group': '/v1/resource-groups/DfltRscGrp/volume-groups/properties/info',
};

test('every kind has a route answering exactly its catalogue, and /info/all holds them all', async () => {
  await withSim({ seed: { nodes: 1 } }, async (_sim, client) => {
    expect(Object.keys(PATHS).sort()).toEqual([...PROPS_INFO_KINDS].sort());
    for (const kind of PROPS_INFO_KINDS) {
      const r = await client.get(PATHS[kind] as string);
      expect(r.status).toBe(200);
      expect(r.body).toEqual(propsInfo(kind));
      expect(Object.keys(r.body as object).length).toBeGreaterThan(0);
    }
    const all = await client.get('/v1/controller/properties/info/all');
    expect(Object.keys(all.body as object)).toEqual([...PROPS_INFO_KINDS]);
    expect((all.body as Record<string, unknown>).node).toEqual(propsInfo('node'));
  });
});

test('catalogue entries carry type and text; symbols and ranges name their values', () => {
  for (const kind of PROPS_INFO_KINDS) {
    for (const [k, info] of Object.entries(propsInfo(kind))) {
      expect(info.info.length).toBeGreaterThan(10);
      expect(['boolean', 'string', 'symbol', 'range', 'long']).toContain(info.prop_type);
      if (info.prop_type === 'symbol') expect(info.value).toMatch(/^[^|]+(\|[^|]+)+$/);
      if (info.prop_type === 'range') expect(info.value).toMatch(/^\d+-\d+$/);
      if (info.dflt !== undefined && info.prop_type === 'symbol') {
        expect(info.value?.split('|')).toContain(info.dflt);
      }
      expect(k).not.toMatch(/\/$/);
    }
  }
  expect(propsInfo('controller')['DrbdOptions/auto-quorum']).toMatchObject({
    prop_type: 'symbol',
    dflt: 'io-error',
  });
  expect(propsInfo('storage-pool')['StorDriver/StorPoolName']?.prop_type).toBe('string');
});

test('the keys described for nodes and groups are accepted when set through the SDK', async () => {
  await withSim({ seed: { nodes: 1 } }, async (sim) => {
    const lin = new Linstor(sim.url);
    await lin.connect();
    try {
      const reply = await lin.call('GET', '/v1/nodes/properties/info');
      expect(reply.ok).toBe(true);
      const nodeKeys = Object.keys(reply.ok ? (reply.data as object) : {});
      const set = await lin.nodeModify({
        nodeName: 'node1',
        propertyDict: Object.fromEntries(nodeKeys.map((k) => [k, '1'])),
      });
      expect(set.some((r) => r.isError())).toBe(false);
      for (const k of nodeKeys) expect(sim.state.node('node1')?.props[k]).toBe('1');
      const rgKeys = Object.keys(propsInfo('resource-group'));
      const rg = await lin.resourceGroupModify({
        name: 'DfltRscGrp',
        propertyDict: Object.fromEntries(rgKeys.map((k) => [k, 'x'])),
      });
      expect(rg.some((r) => r.isError())).toBe(false);
    } finally {
      await lin.disconnect();
    }
  });
});
