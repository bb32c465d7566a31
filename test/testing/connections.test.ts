// Node connections, resource connections and DRBD Proxy in the simulated controller: over plain HTTP
// (replies validated against the OpenAPI schemas) and through the SDK's Linstor methods.
import {
  CREATED,
  FAIL_INVLD_DRBD_PROXY_COMPRESSION_TYPE,
  FAIL_INVLD_NET_PORT,
  FAIL_INVLD_PROP,
  FAIL_INVLD_REQUEST,
  FAIL_NOT_FOUND_NODE,
  FAIL_NOT_FOUND_NODE_CONN,
  FAIL_NOT_FOUND_RSC,
  FAIL_NOT_FOUND_RSC_CONN,
  INFO_NOOP,
  MASK_CRT,
  MASK_MOD,
  MASK_NODE_CONN,
  MASK_RSC_CONN,
  MASK_RSC_DFN,
  MODIFIED,
} from '../../generated/constants';
import type { RunningSimulator } from '../../src/testing';
import { LOCAL_DRBD_PROXY } from '../../src/testing/connection-records';
import { rcs, unsignedCode, withSim, withSimAndLinstor } from './helpers';

const code = unsignedCode;

/** Three nodes, r1 autoplaced on two of them (no tie-breaker on the third). */
const seed = {
  nodes: 3,
  resources: [{ name: 'r1', placeCount: 2 }],
  controllerProps: { 'DrbdOptions/auto-add-quorum-tiebreaker': 'False' },
};

const withLinstor = (fn: Parameters<typeof withSimAndLinstor>[1]) => withSimAndLinstor({ seed }, fn);

/** The two nodes r1 was placed on, in name order. */
const r1Nodes = (sim: RunningSimulator): [string, string] => {
  const names = [...(sim.state.resourceDefinition('r1')?.resources.values() ?? [])]
    .map((r) => r.nodeName)
    .sort();
  return [names[0] as string, names[1] as string];
};

describe('node connections', () => {
  test('modify makes the connection, list and pair filters find it, names order as node_a < node_b', async () => {
    await withLinstor(async (sim, client, lin) => {
      const replies = await lin.nodeConnModify({
        nodeA: 'node2',
        nodeB: 'NODE1',
        propertyDict: { 'DrbdOptions/Net/max-buffers': '8000', 'Paths/p1/node1': 'default' },
        deleteProps: null,
      });
      expect(replies.map((r) => r.retCode)).toEqual([
        MASK_NODE_CONN | MASK_CRT | CREATED,
        MASK_NODE_CONN | MASK_MOD | MODIFIED,
      ]);
      expect(sim.state.nodeConnections.size).toBe(1);

      const all = await lin.nodeConnListRaise();
      expect(all.nodeConnections.map((c) => [c.nodeA, c.nodeB])).toEqual([['node1', 'node2']]);
      expect(all.nodeConnections[0]?.properties).toEqual({
        'DrbdOptions/Net/max-buffers': '8000',
        'Paths/p1/node1': 'default',
      });

      // One node as filter: connections touching it; both nodes: the pair in either order.
      expect((await lin.nodeConnListRaise({ nodeA: 'node3' })).nodeConnections).toEqual([]);
      expect((await lin.nodeConnListRaise({ nodeB: 'node2' })).nodeConnections).toHaveLength(1);
      const pair = await lin.nodeConnListSpecificPair({ nodeA: 'node2', nodeB: 'node1' });
      expect((pair[0] as { nodeA?: string }).nodeA).toBe('node1');

      // Delete one key, set another: the same record.
      await lin.nodeConnModify({
        nodeA: 'node1',
        nodeB: 'node2',
        propertyDict: { 'Aux/x': '1' },
        deleteProps: ['DrbdOptions/Net/max-buffers'],
      });
      const props = [...sim.state.nodeConnections.values()][0]?.props;
      expect(props).toEqual({ 'Paths/p1/node1': 'default', 'Aux/x': '1' });

      const raw = await client.get('/v1/node-connections?node_a=node1&node_b=node2');
      expect(raw.status).toBe(200);
      expect(raw.body).toEqual([{ node_a: 'node1', node_b: 'node2', props }]);
    });
  });

  test('errors: missing pair 404, unknown node 404, same node twice, bad keys and bad paths', async () => {
    await withSim({ seed }, async (sim, client) => {
      const none = await client.get('/v1/node-connections?node_a=node1&node_b=node3');
      expect(none.status).toBe(404);
      expect(code(rcs(none)[0] as { ret_code: bigint })).toBe(FAIL_NOT_FOUND_NODE_CONN);
      expect(rcs(none)[0]?.message).toBe("Node connection between 'node1' and 'node3' not found.");

      const ghost = await client.put('/v1/node-connections/node1/ghost', {
        override_props: { 'Aux/a': 'b' },
      });
      expect(ghost.status).toBe(404);
      expect(code(rcs(ghost)[0] as { ret_code: bigint })).toBe(
        FAIL_NOT_FOUND_NODE | MASK_NODE_CONN | MASK_MOD,
      );

      const self = await client.put('/v1/node-connections/node1/NODE1', {});
      expect(self.status).toBe(500);
      expect(code(rcs(self)[0] as { ret_code: bigint })).toBe(FAIL_INVLD_REQUEST | MASK_NODE_CONN | MASK_MOD);

      for (const props of [
        { 'Bogus/key': 'x' },
        { 'Paths/p1/node3': 'default' },
        { 'Paths/p1/node1': 'eth9' },
        { 'Paths/p1': 'default' },
      ]) {
        const bad = await client.put('/v1/node-connections/node1/node2', { override_props: props });
        expect(bad.status).toBe(500);
        expect(code(rcs(bad)[0] as { ret_code: bigint })).toBe(FAIL_INVLD_PROP | MASK_NODE_CONN | MASK_MOD);
      }
      // A failed key check changes nothing, and a bad body is a parse error.
      expect(sim.state.nodeConnections.size).toBe(0);
      const parse = await client.put('/v1/node-connections/node1/node2', { props: {} });
      expect(parse.status).toBe(500);
      expect(rcs(parse)[0]?.message).toBe('Unable to parse input json.');
    });
  });

  test('a node deleted and made again starts without the old connection', async () => {
    await withSim({ seed: 3 }, async (sim, client) => {
      expect(
        (await client.put('/v1/node-connections/node1/node3', { override_props: { 'Aux/a': '1' } })).status,
      ).toBe(200);
      expect((await client.del('/v1/nodes/node3')).status).toBe(200);
      expect((await client.get('/v1/node-connections')).body).toEqual([]);
      sim.seed({ nodes: [{ name: 'node3' }] });
      expect((await client.get('/v1/node-connections?node_a=node1')).body).toEqual([]);
      expect(sim.state.nodeConnections.size).toBe(0);
    });
  });
});

describe('resource connections', () => {
  test('modify, list, pair GET (single object) through the SDK', async () => {
    await withLinstor(async (sim, client, lin) => {
      const [a, b] = r1Nodes(sim);
      expect((await lin.resourceConnListRaise({ rscName: 'r1' })).resourceConnections).toEqual([]);
      const replies = await lin.resourceConnModify({
        rscName: 'r1',
        nodeA: b,
        nodeB: a,
        propertyDict: { 'DrbdOptions/Net/protocol': 'A' },
        deleteProps: null,
      });
      expect(replies.map((r) => r.retCode)).toEqual([
        MASK_RSC_CONN | MASK_CRT | CREATED,
        MASK_RSC_CONN | MASK_MOD | MODIFIED,
      ]);
      const list = await lin.resourceConnListRaise({ rscName: 'r1' });
      expect(list.resourceConnections.map((c) => [c.nodeA, c.nodeB, c.properties])).toEqual([
        [a, b, { 'DrbdOptions/Net/protocol': 'A' }],
      ]);
      const one = await lin.resourceConnNodeListRaise({ rscName: 'r1', nodeA: b, nodeB: a });
      expect(one.nodeA).toBe(a);
      expect(one.flags).toEqual([]);
      const raw = await client.get(`/v1/resource-definitions/r1/resource-connections/${a}/${b}`);
      expect(Array.isArray(raw.body)).toBe(false);
    });
  });

  test('errors: pair without connection 404, resource missing on a node, RD missing', async () => {
    await withLinstor(async (sim, client, lin) => {
      const [a, b] = r1Nodes(sim);
      await expect(
        lin.resourceConnNodeListRaise({ rscName: 'r1', nodeA: a, nodeB: b }),
      ).rejects.toMatchObject({
        mainError: { retCode: FAIL_NOT_FOUND_RSC_CONN },
      });
      const other = ['node1', 'node2', 'node3'].find((n) => n !== a && n !== b) as string;
      const noRsc = await client.put(`/v1/resource-definitions/r1/resource-connections/${a}/${other}`, {});
      expect(noRsc.status).toBe(404);
      expect(code(rcs(noRsc)[0] as { ret_code: bigint })).toBe(FAIL_NOT_FOUND_RSC | MASK_RSC_CONN | MASK_MOD);
      const noRd = await client.get('/v1/resource-definitions/nope/resource-connections');
      expect(noRd.status).toBe(404);
      expect(sim.state.resourceConnections.size).toBe(0);
    });
  });

  test('a deleted resource takes its connections (and proxy ports) with it', async () => {
    await withLinstor(async (sim, client, lin) => {
      const [a, b] = r1Nodes(sim);
      await lin.drbdProxyEnable({ rscName: 'r1', nodeA: a, nodeB: b, port: 7700 });
      expect(sim.state.node(a)?.usedTcpPorts.has(7700)).toBe(true);
      expect((await client.del(`/v1/resource-definitions/r1/resources/${b}`)).status).toBe(200);
      expect((await client.get('/v1/resource-definitions/r1/resource-connections')).body).toEqual([]);
      expect(sim.state.resourceConnections.size).toBe(0);
      expect(sim.state.node(a)?.usedTcpPorts.has(7700)).toBe(false);
    });
  });
});

describe('DRBD Proxy', () => {
  test('enable takes a port per side and sets the flag; disable gives them back', async () => {
    await withLinstor(async (sim, _client, lin) => {
      const [a, b] = r1Nodes(sim);
      const before = new Set(sim.state.node(a)?.usedTcpPorts);
      const on = await lin.drbdProxyEnable({ rscName: 'r1', nodeA: a, nodeB: b });
      expect(on.map((r) => r.retCode)).toEqual([MASK_RSC_CONN | MASK_MOD | MODIFIED]);
      const c = await lin.resourceConnNodeListRaise({ rscName: 'r1', nodeA: a, nodeB: b });
      expect(c.flags).toEqual([LOCAL_DRBD_PROXY]);
      const portA = c.drbdProxyPortA as number;
      expect(before.has(portA)).toBe(false);
      expect(sim.state.node(a)?.usedTcpPorts.has(portA)).toBe(true);
      expect(sim.state.node(b)?.usedTcpPorts.has(c.drbdProxyPortB as number)).toBe(true);

      // Enabling twice is a no-op.
      const again = await lin.drbdProxyEnable({ rscName: 'r1', nodeA: b, nodeB: a });
      expect(again[0]?.retCode).toBe(MASK_RSC_CONN | MASK_MOD | INFO_NOOP);

      const off = await lin.drbdProxyDisable({ rscName: 'r1', nodeA: b, nodeB: a });
      expect(off[0]?.retCode).toBe(MASK_RSC_CONN | MASK_MOD | MODIFIED);
      const after = await lin.resourceConnNodeListRaise({ rscName: 'r1', nodeA: a, nodeB: b });
      expect(after.flags).toEqual([]);
      expect(after.drbdProxyPortA).toBeUndefined();
      expect(sim.state.node(a)?.usedTcpPorts.has(portA)).toBe(false);
      const offAgain = await lin.drbdProxyDisable({ rscName: 'r1', nodeA: a, nodeB: b });
      expect(offAgain[0]?.retCode).toBe(MASK_RSC_CONN | MASK_MOD | INFO_NOOP);
    });
  });

  test('port_src / port_target follow the path order; a port in use is refused', async () => {
    await withLinstor(async (sim, client) => {
      const [a, b] = r1Nodes(sim);
      const path = `/v1/resource-definitions/r1/drbd-proxy/enable/${b}/${a}`;
      const ok = await client.post(path, { port_src: 7801, port_target: 7802 });
      expect(ok.status).toBe(200);
      const c = [...sim.state.resourceConnections.values()][0];
      expect([c?.nodeA, c?.proxyPortA, c?.nodeB, c?.proxyPortB]).toEqual([a, 7802, b, 7801]);
      await client.post(`/v1/resource-definitions/r1/drbd-proxy/disable/${a}/${b}`);

      const rscPort = sim.state.resource('r1', a)?.tcpPort as number;
      const busy = await client.post(path, { port: rscPort });
      expect(busy.status).toBe(500);
      expect(code(rcs(busy)[0] as { ret_code: bigint })).toBe(FAIL_INVLD_NET_PORT | MASK_RSC_CONN | MASK_MOD);
      // Nothing was taken on the other side either.
      expect(sim.state.node(b)?.usedTcpPorts.size).toBe(1);
    });
  });

  test('modify keeps options under DrbdOptions/Proxy and the compression settings', async () => {
    await withLinstor(async (sim, client, lin) => {
      const replies = await lin.drbdProxyModify({
        rscName: 'r1',
        propertyDict: { memlimit: '100000000' },
        compressionType: 'zlib',
        compressionPropertyDict: { level: '9' },
      });
      expect(replies.at(-1)?.retCode).toBe(MASK_RSC_DFN | MASK_MOD | MODIFIED);
      expect(sim.state.resourceDefinition('r1')?.props).toMatchObject({
        'DrbdOptions/Proxy/memlimit': '100000000',
        'DrbdProxy/CompressionType': 'zlib',
        'DrbdOptions/ProxyCompression/level': '9',
      });
      await lin.drbdProxyModify({ rscName: 'r1', deleteProps: ['memlimit'], compressionType: 'lz4' });
      const props = sim.state.resourceDefinition('r1')?.props ?? {};
      expect(props['DrbdOptions/Proxy/memlimit']).toBeUndefined();
      expect(props['DrbdOptions/ProxyCompression/level']).toBeUndefined();
      expect(props['DrbdProxy/CompressionType']).toBe('lz4');

      const bad = await client.put('/v1/resource-definitions/r1/drbd-proxy', { compression_type: 'gzip' });
      expect(bad.status).toBe(500);
      expect(code(rcs(bad)[0] as { ret_code: bigint })).toBe(
        FAIL_INVLD_DRBD_PROXY_COMPRESSION_TYPE | MASK_RSC_DFN | MASK_MOD,
      );
      const untyped = await client.put('/v1/resource-definitions/r1/drbd-proxy', {
        compression_props: { a: '1' },
      });
      expect(code(rcs(untyped)[0] as { ret_code: bigint })).toBe(
        FAIL_INVLD_REQUEST | MASK_RSC_DFN | MASK_MOD,
      );
      expect(sim.state.resourceDefinition('r1')?.props['DrbdProxy/CompressionType']).toBe('lz4');
    });
  });
});
