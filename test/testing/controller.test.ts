// The simulated controller driven over real HTTP with plain fetch.
import {
  FAIL_EXISTS_NODE,
  FAIL_NOT_ENOUGH_NODES,
  FAIL_NOT_FOUND_NODE,
  INFO_TIE_BREAKER_CREATED,
  MASK_CRT,
  MASK_RSC,
  MASK_RSC_GRP,
} from '../../generated/constants';
import { nodeBody, type RcJson, rcs, withSim } from './helpers';

const signed = (v: bigint): bigint => BigInt.asIntN(64, v);
const pool = (name: string, kind = 'LVM_THIN', driver = 'vg/thin') => ({
  storage_pool_name: name,
  provider_kind: kind,
  props: { 'StorDriver/StorPoolName': driver },
});

type Json = Record<string, unknown>;

describe('nodes', () => {
  test('create, list, get, duplicate, DfltDisklessStorPool', () =>
    withSim({}, async (_sim, c) => {
      const created = await c.post('/v1/nodes', nodeBody('alpha', '10.0.0.1'));
      expect(created.status).toBe(201);
      expect(created.text).toContain('"ret_code":20709377');
      expect(rcs(created)[0]?.message).toBe("New node 'alpha' registered.");

      const list = await c.get('/v1/nodes');
      expect(list.status).toBe(200);
      const nodes = list.body as Json[];
      expect(nodes).toHaveLength(1);
      expect(nodes[0]).toMatchObject({
        name: 'alpha',
        type: 'SATELLITE',
        connection_status: 'ONLINE',
        props: { CurStltConnName: 'default' },
      });
      expect((nodes[0]?.net_interfaces as Json[] | undefined)?.[0]).toMatchObject({
        satellite_encryption_type: 'PLAIN',
        is_active: true,
      });
      expect(nodes[0]).not.toHaveProperty('flags'); // empty lists are omitted

      // case-insensitive identity
      const dup = await c.post('/v1/nodes', nodeBody('ALPHA'));
      expect(dup.status).toBe(500);
      expect(dup.text).toContain(`"ret_code":${signed(FAIL_EXISTS_NODE | 0x3c0000n | MASK_CRT)}`);
      expect(dup.text).toContain('"ret_code":-4611686018406678028');

      const pools = await c.get('/v1/nodes/alpha/storage-pools');
      expect((pools.body as Json[]).map((p) => p.storage_pool_name)).toEqual(['DfltDisklessStorPool']);
      expect(pools.text).toContain('"free_capacity":9223372036854775807');

      expect((await c.get('/v1/nodes/Alpha')).status).toBe(200);
      const missing = await c.get('/v1/nodes/nope');
      expect(missing.status).toBe(404);
      expect(missing.text).toContain('"ret_code":-4611686018427387604');
      expect(rcs(missing)[0]?.ret_code).toBe(signed(FAIL_NOT_FOUND_NODE));
    }));

  test('net-interface rule and validation errors', () =>
    withSim({}, async (_sim, c) => {
      const noStlt = await c.post('/v1/nodes', {
        name: 'n1',
        net_interfaces: [{ name: 'default', address: '10.0.0.1' }],
      });
      expect(noStlt.status).toBe(500);
      expect(rcs(noStlt)[0]?.message).toBe("No satellite connection defined for node 'n1'");
      const noIf = await c.post('/v1/nodes', { name: 'n1', net_interfaces: [] });
      expect(rcs(noIf)[0]).toMatchObject({ cause: 'No network interfaces were given.' });
      const badName = await c.post('/v1/nodes', nodeBody('bad_name'));
      expect(badName.status).toBe(500);
      expect(rcs(badName)[0]).toMatchObject({
        message: "The given node name 'bad_name' is invalid.",
        cause: "Domain name cannot contain character '_'",
      });
      const badType = await c.post('/v1/nodes', { ...nodeBody('n1'), type: 'bogus' });
      expect(rcs(badType)[0]?.message).toBe("The specified node type 'bogus' is invalid.");
      const badAddr = await c.post('/v1/nodes', {
        name: 'n1',
        net_interfaces: [
          {
            name: 'default',
            address: 'host.example',
            satellite_port: 3366,
            satellite_encryption_type: 'PLAIN',
          },
        ],
      });
      expect(rcs(badAddr)[0]?.message).toBe('Failed to parse IP address');
      const del = await c.del('/v1/nodes/ghost');
      expect(del.status).toBe(200);
      expect(del.text).toContain('"ret_code":-9223372036800509000');

      expect((await c.post('/v1/nodes', nodeBody('n1'))).status).toBe(201);
      expect((await c.post('/v1/nodes/n1/net-interfaces', { name: 'data', address: 'fd00::1' })).status).toBe(
        201,
      );
      const nics = await c.get('/v1/nodes/n1/net-interfaces');
      expect((nics.body as Json[]).map((n) => n.name)).toEqual(['default', 'data']);
      expect((await c.get('/v1/nodes/n1/net-interfaces/DATA')).body).toMatchObject({ address: 'fd00::1' });
    }));
});

describe('offline satellites', () => {
  test('a node whose satellite does not answer: warning, OFFLINE, skipped by autoplace', () =>
    withSim({ seed: 3, newNodesOnline: false }, async (sim, c) => {
      const created = await c.post('/v1/nodes', nodeBody('late'));
      expect(created.status).toBe(201);
      expect(created.text).toContain('"ret_code":-9223372036834065430');
      expect(((await c.get('/v1/nodes/late')).body as Json).connection_status).toBe('OFFLINE');
      sim.state.setNodeOnline('node3', false);
      await c.post('/v1/resource-definitions', { resource_definition: { name: 'r1' } });
      await c.post('/v1/resource-definitions/r1/volume-definitions', {
        volume_definition: { size_kib: 1024 },
      });
      const placed = await c.post('/v1/resource-definitions/r1/autoplace', {
        select_filter: { place_count: 3 },
      });
      expect(placed.status).toBe(500);
      const two = await c.post('/v1/resource-definitions/r1/autoplace', {
        select_filter: { place_count: 2 },
      });
      expect(two.status).toBe(201);
      // no online node is left for a tie-breaker
      expect(rcs(two).at(-1)?.message).toBe(
        "Could not find suitable node to automatically create a tie breaking resource for 'r1'.",
      );
      const view = (await c.get('/v1/view/resources?nodes=node1')).body as Json[];
      expect(view[0]?.state).toEqual({ in_use: false });
    }));
});

describe('storage pools', () => {
  test('create, duplicate, provider errors, capacity consumed by placement', () =>
    withSim({ seed: { nodes: 2, storagePools: [] } }, async (_sim, c) => {
      const created = await c.post('/v1/nodes/node1/storage-pools', pool('pool1'));
      expect(created.status).toBe(201);
      expect(rcs(created).map((e) => e.ret_code)).toEqual([18087937n, 18087937n, 18087939n]);
      const dup = await c.post('/v1/nodes/node1/storage-pools', pool('POOL1'));
      expect(dup.status).toBe(500);
      expect(dup.text).toContain('"ret_code":-4611686018409299458');
      const badKind = await c.post('/v1/nodes/node1/storage-pools', pool('p2', 'WHATEVER'));
      expect(badKind.status).toBe(400);
      const noNode = await c.post('/v1/nodes/ghost/storage-pools', pool('p2'));
      expect(noNode.status).toBe(404);
      const shortName = await c.post('/v1/nodes/node1/storage-pools', pool('p2'));
      expect(shortName.status).toBe(500);
      expect(rcs(shortName)[0]?.cause).toBe('Invalid name: Name length 2 is less than minimum length 3');

      await c.post('/v1/nodes/node2/storage-pools', pool('pool1'));
      const before = (await c.get('/v1/nodes/node1/storage-pools/pool1')).body as Json;
      expect(before.free_capacity).toBe(before.total_capacity);
      await c.post('/v1/resource-definitions', { resource_definition: { name: 'r1' } });
      await c.post('/v1/resource-definitions/r1/volume-definitions', {
        volume_definition: { size_kib: 1048576 },
      });
      await c.post('/v1/resource-definitions/r1/autoplace', { select_filter: { place_count: 2 } });
      const after = (await c.get('/v1/nodes/node1/storage-pools/pool1')).body as Json;
      expect(Number(after.free_capacity)).toBeLessThan(Number(before.free_capacity) - 1048576 + 1);

      const view = await c.get('/v1/view/storage-pools?storage_pools=pool1');
      expect((view.body as Json[]).map((p) => p.node_name)).toEqual(['node1', 'node2']);
      expect((await c.get('/v1/storage-pool-definitions')).body).toEqual(
        expect.arrayContaining([{ storage_pool_name: 'pool1' }, { storage_pool_name: 'DfltStorPool' }]),
      );
    }));
});

describe('resource definitions, volume definitions, resources', () => {
  test('rd/vd/resource create with minors, device paths and the tie-breaker', () =>
    withSim({ seed: 3 }, async (_sim, c) => {
      const rd = await c.post('/v1/resource-definitions', {
        resource_definition: { name: 'r1', props: { 'Aux/x': 'y' } },
      });
      expect(rd.status).toBe(201);
      expect(rcs(rd).map((e) => e.ret_code)).toEqual([20447233n, 20447233n]);
      expect(rcs(rd)[1]?.obj_refs).toMatchObject({ RscDfn: 'r1' });
      const vd = await c.post('/v1/resource-definitions/r1/volume-definitions', {
        volume_definition: { size_kib: 102400 },
      });
      expect(vd.status).toBe(200);
      expect(rcs(vd)[0]?.ret_code).toBe(19922945n);
      const zero = await c.post('/v1/resource-definitions/r1/volume-definitions', {
        volume_definition: { size_kib: 0 },
      });
      expect(rcs(zero)[0]?.message).toBe(
        "The volume definition with number '1' of resource definition 'r1' has an invalid size of '0'. Valid sizes range from 4 to 1099511627776.",
      );

      const created = await c.post('/v1/resource-definitions/r1/resources', [
        { resource: { node_name: 'node1', props: { StorPoolName: 'DfltStorPool' } } },
        { resource: { node_name: 'node2' } },
      ]);
      expect(created.status).toBe(201);
      const codes = rcs(created).map((e) => e.ret_code);
      expect(codes).toContain(20185089n);
      expect(codes).toContain(19660801n);
      expect(codes).toContain(20185091n);
      // two diskful replicas, no diskless: the controller adds a tie-breaker on the third node
      const tb = rcs(created).find((e) => e.ret_code === (INFO_TIE_BREAKER_CREATED | MASK_RSC | MASK_CRT));
      expect(tb?.message).toBe("Tie breaker resource 'r1' created on node3");
      expect(created.text).toContain('"ret_code":4611686018447582995');

      const list = (await c.get('/v1/resource-definitions/r1/resources')).body as Json[];
      expect(list.map((r) => [r.node_name, r.flags])).toEqual([
        ['node1', undefined],
        ['node2', undefined],
        ['node3', ['DISKLESS', 'DRBD_DISKLESS', 'TIE_BREAKER']],
      ]);
      const vds = (await c.get('/v1/resource-definitions/r1/volume-definitions')).body as Json[];
      expect(vds[0]?.layer_data).toEqual([
        { type: 'DRBD', data: { volume_number: 0, minor_number: 1000 } },
        { type: 'STORAGE' },
      ]);

      const view = (await c.get('/v1/view/resources?resources=r1')).body as Json[];
      const n1 = view.find((r) => r.node_name === 'node1') as Json;
      const vol = (n1.volumes as Json[])[0] as Json;
      expect(vol.device_path).toBe('/dev/drbd1000');
      expect(vol.storage_pool_name).toBe('DfltStorPool');
      const drbd = (n1.layer_object as Json).drbd as Json;
      const drbdVol = (drbd.drbd_volumes as Json[])[0] as Json;
      expect(drbdVol.backing_device).toBe('/dev/linstor_vg/r1_00000');
      expect(vol).not.toHaveProperty('backing_disk');
      const tbVol = ((view.find((r) => r.node_name === 'node3') as Json).volumes as Json[])[0] as Json;
      expect(tbVol).toMatchObject({
        storage_pool_name: 'DfltDisklessStorPool',
        provider_kind: 'DISKLESS',
        device_path: '/dev/drbd1000',
      });

      // the second RD gets the next minor; a freed minor is reused
      await c.post('/v1/resource-definitions', {
        resource_definition: { name: 'r2', layer_data: [{ type: 'drbd' }, { type: 'storage' }] },
      });
      await c.post('/v1/resource-definitions/r2/volume-definitions', {
        volume_definition: { size_kib: 1024 },
      });
      expect(
        ((await c.get('/v1/resource-definitions/r2/volume-definitions/0')).body as Json).layer_data,
      ).toEqual([{ type: 'DRBD', data: { volume_number: 0, minor_number: 1001 } }, { type: 'STORAGE' }]);
      expect((await c.del('/v1/resource-definitions/r2')).status).toBe(200);
      await c.post('/v1/resource-definitions', {
        resource_definition: { name: 'r3', layer_data: [{ type: 'DRBD' }] },
      });
      const r3vd = await c.post('/v1/resource-definitions/r3/volume-definitions', {
        volume_definition: { size_kib: 1024 },
      });
      expect(r3vd.status).toBe(200);
      expect(((await c.get('/v1/resource-definitions/r3')).body as Json).layer_data).toHaveLength(2);
      expect(
        ((await c.get('/v1/resource-definitions/r3/volume-definitions/0')).body as Json).layer_data,
      ).toEqual([{ type: 'DRBD', data: { volume_number: 0, minor_number: 1001 } }, { type: 'STORAGE' }]);

      // props override/delete
      await c.put('/v1/resource-definitions/r1', {
        override_props: { 'Aux/a': '1' },
        delete_props: ['Aux/x'],
      });
      expect(((await c.get('/v1/resource-definitions/r1')).body as Json).props).toEqual({ 'Aux/a': '1' });
      const bad = await c.put('/v1/resource-definitions/r1', { override_props: { foo: 'bar' } });
      expect(bad.status).toBe(500);
      expect(rcs(bad)[0]).toMatchObject({
        message: 'Invalid property key: foo',
        cause: "The key 'foo' is not whitelisted.",
      });
      expect((await c.get('/v1/resource-definitions/nope')).status).toBe(404);
      const missingDel = await c.del('/v1/resource-definitions/nope');
      expect(missingDel.status).toBe(200);
      expect(missingDel.text).toContain('"ret_code":-9223372036800771144');
    }));

  test('external names, obj_refs.RscDfn, reserved and invalid names', () =>
    withSim({ seed: 2 }, async (_sim, c) => {
      const ext = await c.post('/v1/resource-definitions', {
        resource_definition: { external_name: 'New Rsc' },
      });
      expect(ext.status).toBe(201);
      expect(rcs(ext)[0]?.obj_refs).toMatchObject({ RscDfn: 'New_Rsc' });
      const rds = (await c.get('/v1/resource-definitions')).body as Json[];
      expect(rds.find((r) => r.name === 'New_Rsc')).toMatchObject({
        external_name: 'New Rsc',
        resource_group_name: 'DfltRscGrp',
      });
      const reserved = await c.post('/v1/resource-definitions', { resource_definition: { name: 'all' } });
      expect(reserved.status).toBe(500);
      expect(reserved.text).toContain('"ret_code":-4611686018406940470');
      const dup = await c.post('/v1/resource-definitions', { resource_definition: { name: 'new_rsc' } });
      expect(dup.text).toContain('"ret_code":-4611686018406940171');
      const noRg = await c.post('/v1/resource-definitions', {
        resource_definition: { name: 'rx', resource_group_name: 'nope' },
      });
      expect(noRg.status).toBe(404);
      expect(noRg.text).toContain('"ret_code":-4611686018406940355');
    }));

  test('toggle-disk, migrate-disk, make-available, delete', () =>
    withSim({ seed: 4 }, async (sim, c) => {
      await c.post('/v1/resource-definitions', { resource_definition: { name: 'r1' } });
      await c.post('/v1/resource-definitions/r1/volume-definitions', {
        volume_definition: { size_kib: 102400 },
      });
      await c.post('/v1/resource-definitions/r1/resources', [
        { resource: { node_name: 'node1' } },
        { resource: { node_name: 'node2' } },
        { resource: { node_name: 'node3' } },
      ]);
      const flags = async () =>
        Object.fromEntries(
          ((await c.get('/v1/resource-definitions/r1/resources')).body as Json[]).map((r) => [
            r.node_name,
            r.flags ?? [],
          ]),
        );
      expect(await flags()).toEqual({ node1: [], node2: [], node3: [] });

      const toDiskless = await c.put('/v1/resource-definitions/r1/resources/node3/toggle-disk/diskless');
      expect(toDiskless.status).toBe(200);
      expect(rcs(toDiskless)[0]?.ret_code).toBe(36962307n);
      expect((await flags()).node3).toEqual(['DISKLESS', 'DRBD_DISKLESS']);
      const noop = await c.put('/v1/resource-definitions/r1/resources/node3/toggle-disk/diskless');
      expect(noop.text).toContain('"ret_code":4611686018464360215');
      const back = await c.put('/v1/resource-definitions/r1/resources/node3/toggle-disk', {
        operation: 'into_drbd_diskful',
      });
      expect(back.status).toBe(200);
      expect((await flags()).node3).toEqual([]);
      const noOp = await c.put('/v1/resource-definitions/r1/resources/node3/toggle-disk', {});
      expect(noOp.status).toBe(400);
      expect(rcs(noOp)[0]?.message).toBe('No toggle operation type was specified');

      // make-available on a new node: a diskful peer exists, so a diskless resource
      const avail = await c.post('/v1/resource-definitions/r1/resources/node4/make-available', {
        diskful: false,
      });
      expect(avail.status).toBe(200);
      expect((await flags()).node4).toEqual(['DISKLESS', 'DRBD_DISKLESS']);
      const again = await c.post('/v1/resource-definitions/r1/resources/node1/make-available', {
        diskful: false,
      });
      expect(again.text).toContain('"ret_code":20185088');

      // migrate node1's disk to node4
      const mig = await c.put('/v1/resource-definitions/r1/resources/node4/migrate-disk/node1');
      expect(mig.status).toBe(200);
      expect(Object.keys(await flags())).toEqual(['node2', 'node3', 'node4']);

      // last diskful with a diskless client is protected
      await c.put('/v1/resource-definitions/r1/resources/node2/toggle-disk/diskless');
      await c.put('/v1/resource-definitions/r1/resources/node3/toggle-disk/diskless');
      const only = await c.put('/v1/resource-definitions/r1/resources/node4/toggle-disk/diskless');
      expect(only.status).toBe(500);
      expect(rcs(only)[0]?.message).toBe('Cannot remove the disk from the only online resource with a disk');
      const last = await c.del('/v1/resource-definitions/r1/resources/node4');
      expect(last.status).toBe(500);
      expect(rcs(last)[0]?.message).toBe(
        "Last resource of 'r1' with disk still has diskless resources attached.",
      );
      sim.state.setInUse('r1', 'node2', true);
      const inUse = await c.del('/v1/resource-definitions/r1/resources/node2');
      expect(inUse.status).toBe(500);
      expect(rcs(inUse)[0]?.message).toBe("Resource 'r1' is still in use.");
      sim.state.setInUse('r1', 'node2', false);
      const gone = await c.del('/v1/resource-definitions/r1/resources/node2');
      expect(gone.status).toBe(200);
      expect(gone.text).toContain('"ret_code":53739522');
      const missing = await c.del('/v1/resource-definitions/r1/resources/node2');
      expect(missing.text).toContain('"ret_code":-9223372036801033288');
    }));
});

describe('autoplace and resource groups', () => {
  test('place count, storage pool list, tie-breaker, already deployed, not enough nodes', () =>
    withSim(
      {
        seed: {
          nodes: [
            {
              name: 'alpha',
              storagePools: [{ name: 'ssd' }, { name: 'hdd', providerKind: 'LVM', driverPool: 'vg0' }],
            },
            { name: 'beta', storagePools: [{ name: 'ssd' }] },
            { name: 'gamma', storagePools: [{ name: 'hdd', providerKind: 'LVM', driverPool: 'vg0' }] },
          ],
        },
      },
      async (_sim, c) => {
        await c.post('/v1/resource-definitions', { resource_definition: { name: 'r1' } });
        await c.post('/v1/resource-definitions/r1/volume-definitions', {
          volume_definition: { size_kib: 1024 },
        });
        const placed = await c.post('/v1/resource-definitions/r1/autoplace', {
          diskless_on_remaining: false,
          select_filter: { place_count: 2, storage_pool_list: ['ssd'] },
        });
        expect(placed.status).toBe(201);
        const done = rcs(placed).find((e) => e.ret_code === 20185089n && e.message.includes('autoplaced'));
        expect(done?.message).toBe("Resource 'r1' successfully autoplaced on 2 nodes");
        expect(done?.details).toBe("Used nodes (storage pool name): 'alpha (ssd)', 'beta (ssd)'");
        expect(done?.obj_refs).toMatchObject({ 'Node/0': 'alpha', 'StoragePool/0/0': 'ssd,LVM_THIN' });
        const rscs = ((await c.get('/v1/resource-definitions/r1/resources')).body as Json[]).map((r) => [
          r.node_name,
          r.flags,
        ]);
        expect(rscs).toEqual([
          ['alpha', undefined],
          ['beta', undefined],
          ['gamma', ['DISKLESS', 'DRBD_DISKLESS', 'TIE_BREAKER']],
        ]);

        const again = await c.post('/v1/resource-definitions/r1/autoplace', {
          select_filter: { place_count: 2 },
        });
        expect(again.status).toBe(201);
        expect(rcs(again)[0]).toMatchObject({
          message: "Resource 'r1' was already deployed on 2 nodes. Skipping.",
        });
        expect(again.text).toContain('"ret_code":-9223372036834589714');

        // the tie-breaker node holds only a diskless copy, so it stays eligible and is upgraded
        const third = await c.post('/v1/resource-definitions/r1/autoplace', {
          select_filter: { place_count: 3 },
        });
        expect(third.status).toBe(201);
        const flags = ((await c.get('/v1/resource-definitions/r1/resources')).body as Json[]).map(
          (r) => r.flags,
        );
        expect(flags).toEqual([undefined, undefined, undefined]);

        await c.post('/v1/resource-definitions', { resource_definition: { name: 'r2' } });
        await c.post('/v1/resource-definitions/r2/volume-definitions', {
          volume_definition: { size_kib: 1024 },
        });
        const tooMany = await c.post('/v1/resource-definitions/r2/autoplace', {
          select_filter: { place_count: 3, storage_pool: 'ssd' },
        });
        expect(tooMany.status).toBe(500);
        expect(tooMany.text).toContain('"ret_code":-4611686018407201820');
        expect(rcs(tooMany)[0]?.ret_code).toBe(signed(FAIL_NOT_ENOUGH_NODES | MASK_RSC | MASK_CRT));
        expect(String(rcs(tooMany)[0]?.details)).toMatch(
          /^Not enough nodes fulfilling the following auto-place criteria:/,
        );
        expect((await c.get('/v1/resource-definitions/r2/resources')).body).toEqual([]);
      },
    ));

  test('resource group create/modify/delete and spawn (atomic)', () =>
    withSim({ seed: 2 }, async (sim, c) => {
      const rg = await c.post('/v1/resource-groups', { name: 'rg1', select_filter: {} });
      expect(rg.status).toBe(201);
      expect(rcs(rg)[0]?.ret_code).toBe(21233665n);
      expect((await c.post('/v1/resource-groups/rg1/volume-groups', { volume_number: 0 })).status).toBe(201);
      const dfl = ((await c.get('/v1/resource-groups?resource_groups=DfltRscGrp')).body as Json[])[0];
      expect(dfl).toEqual({
        name: 'DfltRscGrp',
        select_filter: { place_count: 2 },
        uuid: expect.any(String),
      });

      // too many replicas for two nodes: nothing may be left behind
      await c.put('/v1/resource-groups/rg1', { select_filter: { place_count: 3, storage_pool_list: [] } });
      const failed = await c.post('/v1/resource-groups/rg1/spawn', {
        resource_definition_name: 'foo',
        volume_sizes: [20480],
      });
      expect(failed.status).toBe(500);
      expect(failed.text).toContain('"ret_code":-4611686018406153244');
      expect(rcs(failed)[0]?.ret_code).toBe(signed(FAIL_NOT_ENOUGH_NODES | MASK_RSC_GRP | MASK_CRT));
      expect((await c.get('/v1/resource-definitions/foo')).status).toBe(404);
      expect(sim.state.minors.has(1000)).toBe(false);

      const mod = await c.put('/v1/resource-groups/rg1', { select_filter: { place_count: 2 } });
      expect(rcs(mod)[0]?.ret_code).toBe(38010883n);
      const ok = await c.post('/v1/resource-groups/rg1/spawn', {
        resource_definition_name: 'foo',
        volume_sizes: [20480],
        partial: false,
        definitions_only: false,
        select_filter: {},
      });
      expect(ok.status).toBe(201);
      expect(rcs(ok)[0]?.message).toBe(
        "Volume definition with number '0' successfully  created in resource definition 'foo'.",
      );
      expect((await c.get('/v1/resource-definitions/foo')).body).toMatchObject({
        resource_group_name: 'rg1',
      });
      const placed = (await c.get('/v1/resource-definitions/foo/resources')).body as Json[];
      expect(placed.filter((r) => !r.flags)).toHaveLength(2);

      const defsOnly = await c.post('/v1/resource-groups/rg1/spawn', {
        resource_definition_name: 'bar',
        volume_sizes: [1024],
        definitions_only: true,
      });
      expect(rcs(defsOnly).at(-1)).toMatchObject({
        message: 'Resource definition bar and 1 created but no resources deployed',
        cause: '--definitions-only was set',
      });
      expect(defsOnly.text).toContain('"ret_code":4611686018448631568');

      const wrongCount = await c.post('/v1/resource-groups/rg1/spawn', {
        resource_definition_name: 'baz',
        volume_sizes: [1, 2],
      });
      expect(rcs(wrongCount)[0]?.message).toBe("Invalid count of volume sizes to spawn resource group 'rg1'");

      const busy = await c.del('/v1/resource-groups/rg1');
      expect(busy.status).toBe(500);
      expect(busy.text).toContain('"ret_code":-4611686018406153739');
      await c.del('/v1/resource-definitions/foo');
      await c.del('/v1/resource-definitions/bar');
      const deleted = await c.del('/v1/resource-groups/rg1');
      expect(rcs(deleted)[0]?.ret_code).toBe(21233666n);
    }));
});

describe('key-value store', () => {
  test('created on first PUT, keys without leading slash, one-element GET, removed when empty', () =>
    withSim({}, async (_sim, c) => {
      expect((await c.get('/v1/key-value-store/myKV')).status).toBe(404);
      const put = await c.put('/v1/key-value-store/myKV', { override_props: { '/foo/bar/key': 'val' } });
      expect(put.status).toBe(200);
      expect(put.text).toContain('"ret_code":34603011');
      expect((await c.get('/v1/key-value-store')).body).toEqual([
        { name: 'myKV', props: { 'foo/bar/key': 'val' } },
      ]);
      expect((await c.get('/v1/key-value-store/MYKV')).body).toEqual([
        { name: 'myKV', props: { 'foo/bar/key': 'val' } },
      ]);
      await c.put('/v1/key-value-store/myKV', { override_props: { '/foo/baz/key': 'valbaz', plain: 'x' } });
      await c.put('/v1/key-value-store/myKV', {
        delete_props: ['/foo/bar/key'],
        delete_namespaces: ['/foo'],
      });
      expect((await c.get('/v1/key-value-store/myKV')).body).toEqual([
        { name: 'myKV', props: { plain: 'x' } },
      ]);
      await c.put('/v1/key-value-store/myKV', { delete_props: ['plain'] });
      expect((await c.get('/v1/key-value-store')).body).toEqual([]);
      const missing = await c.del('/v1/key-value-store/myKV');
      expect(missing.text).toContain('"ret_code":-9223372036854772808');
      expect(rcs(missing)[0]?.message).toBe("Deletion of kvs 'myKV' had no effect.");
      const badName = await c.put('/v1/key-value-store/x', { override_props: { a: 'b' } });
      expect(badName.status).toBe(500);
    }));
});

describe('snapshots', () => {
  test('create, list, rollback, restore, delete', () =>
    withSim({ seed: 3 }, async (_sim, c) => {
      await c.post('/v1/resource-definitions', { resource_definition: { name: 'r1' } });
      await c.post('/v1/resource-definitions/r1/volume-definitions', {
        volume_definition: { size_kib: 4096 },
      });
      await c.post('/v1/resource-definitions/r1/autoplace', { select_filter: { place_count: 2 } });
      const snap = await c.post('/v1/resource-definitions/r1/snapshots', { name: 's1' });
      expect(snap.status).toBe(201);
      expect(rcs(snap)[0]?.message).toBe("New snapshot 's1' of resource 'r1' registered.");
      const dup = await c.post('/v1/resource-definitions/r1/snapshots', { name: 's1' });
      expect(dup.status).toBe(500);
      const list = (await c.get('/v1/resource-definitions/r1/snapshots')).body as Json[];
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ name: 's1', resource_name: 'r1', flags: ['SUCCESSFUL'] });
      expect(list[0]?.nodes).toHaveLength(2);
      expect(((await c.get('/v1/view/snapshots')).body as Json[]).map((s) => s.name)).toEqual(['s1']);
      expect((await c.post('/v1/resource-definitions/r1/snapshot-rollback/s1', {})).status).toBe(200);
      const blocked = await c.del('/v1/resource-definitions/r1');
      expect(blocked.status).toBe(500);
      expect(rcs(blocked)[0]?.message).toBe(
        "Cannot delete resource definition 'r1' because it has snapshots.",
      );

      await c.post('/v1/resource-definitions', { resource_definition: { name: 'r2' } });
      const vds = await c.post('/v1/resource-definitions/r1/snapshot-restore-volume-definition/s1', {
        to_resource: 'r2',
      });
      expect(vds.status).toBe(200);
      const rsc = await c.post('/v1/resource-definitions/r1/snapshot-restore-resource/s1', {
        to_resource: 'r2',
      });
      expect(rsc.status).toBe(200);
      const restored = ((await c.get('/v1/resource-definitions/r2/resources')).body as Json[]).filter(
        (r) => !r.flags,
      );
      expect(restored).toHaveLength(2);
      expect(((await c.get('/v1/resource-definitions/r2/volume-definitions/0')).body as Json).size_kib).toBe(
        4096,
      );

      expect((await c.del('/v1/resource-definitions/r1/snapshots/s1')).status).toBe(200);
      expect((await c.get('/v1/resource-definitions/r1/snapshots')).body).toEqual([]);
      expect((await c.del('/v1/resource-definitions/r1')).status).toBe(200);
    }));
});

describe('clone', () => {
  test('clone started, status COMPLETE, same nodes and pools, sync status', () =>
    withSim({ seed: 3 }, async (_sim, c) => {
      await c.post('/v1/resource-definitions', { resource_definition: { name: 'cap' } });
      await c.post('/v1/resource-definitions/cap/volume-definitions', {
        volume_definition: { size_kib: 4096 },
      });
      await c.post('/v1/resource-definitions/cap/autoplace', { select_filter: { place_count: 3 } });
      const started = await c.post('/v1/resource-definitions/cap/clone', {
        name: 'capclone',
        use_zfs_clone: true,
      });
      expect(started.status).toBe(201);
      expect(started.body).toMatchObject({
        source_name: 'cap',
        clone_name: 'capclone',
        location: '/v1/resource-definitions/cap/clone/capclone',
      });
      expect((await c.get('/v1/resource-definitions/cap/clone/capclone')).body).toEqual({
        status: 'COMPLETE',
      });
      const nodes = ((await c.get('/v1/resource-definitions/capclone/resources')).body as Json[]).map(
        (r) => r.node_name,
      );
      expect(nodes).toEqual(['node1', 'node2', 'node3']);
      expect((await c.get('/v1/resource-definitions/capclone/sync-status')).body).toEqual({
        synced_on_all: true,
      });
      expect((await c.get('/v1/resource-definitions/cap/clone/nope')).status).toBe(404);
    }));
});

describe('controller, strict bodies, names, unknown paths', () => {
  test('version, properties, error reports', () =>
    withSim({}, async (_sim, c) => {
      expect((await c.get('/v1/controller/version')).body).toMatchObject({ rest_api_version: '1.28.0' });
      const props = (await c.get('/v1/controller/properties')).body as Json;
      expect(props['DrbdOptions/auto-add-quorum-tiebreaker']).toBe('True');
      const set = await c.post('/v1/controller/properties', { override_props: { 'Aux/a/b': 'c' } });
      expect(set.status).toBe(201);
      expect(rcs(set)[0]).toMatchObject({
        ret_code: 17825793n,
        message: "Successfully set property 'Aux/a/b' to value 'c'",
      });
      const del = await c.del('/v1/controller/properties/Aux%2Fa%2Fb');
      expect(rcs(del)[0]?.ret_code).toBe(51380226n);
      expect((await c.get('/v1/error-reports')).body).toEqual([]);
      expect((await c.get('/v1/stats/nodes')).body).toEqual({ count: 0 });
      expect((await c.get('/v1/stats/resource-groups')).body).toEqual({ count: 1 });
      const logLevel = await c.put('/v1/controller/config', { log: { level_linstor_global: 'DEBUG' } });
      expect(logLevel.status).toBe(200);
      expect(((await c.get('/v1/controller/config')).body as { log: Json }).log).toMatchObject({
        level_linstor_global: 'DEBUG',
      });
    }));

  test('strict request bodies: unknown fields and wrong structure are parse errors', () =>
    withSim({ seed: 1 }, async (_sim, c) => {
      const sync = await c.post('/v1/resource-definitions', {
        resource_definition: { name: 'r1', bogus: true },
      });
      expect(sync.status).toBe(400);
      expect(sync.text).toContain('"ret_code":-3458764513820540931');
      expect(rcs(sync)[0]?.message).toBe('Unable to parse input json.');
      const asyncEp = await c.post('/v1/nodes', { ...nodeBody('n9'), extra: 1 });
      expect(asyncEp.status).toBe(500);
      expect(rcs(asyncEp)[0]?.message).toBe('Unable to parse input json.');
      const notJson = await c.post('/v1/resource-groups', '{not json');
      expect(notJson.status).toBe(400);
      const wrongType = await c.post('/v1/resource-groups', { name: { nested: 1 } });
      expect(wrongType.status).toBe(400);
      const emptyAutoplace = await c.raw('POST', '/v1/resource-definitions/x/autoplace', { body: '' });
      expect(emptyAutoplace.status).toBe(500);
      await emptyAutoplace.text();
      expect((await c.get('/v1/nodes')).body).toHaveLength(1);

      // an unknown resource flag escapes as "An unknown error occurred." with an error report
      await c.post('/v1/resource-definitions', { resource_definition: { name: 'r1' } });
      const badFlag = await c.post('/v1/resource-definitions/r1/resources', [
        { resource: { node_name: 'node1', flags: ['NOPE'] } },
      ]);
      expect(badFlag.status).toBe(500);
      const ids = rcs(badFlag)[0]?.error_report_ids as string[];
      expect(ids).toHaveLength(1);
      const reports = (await c.get('/v1/error-reports?withContent=true')).body as Json[];
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({ filename: `ErrorReport-${ids[0]}.log`, module: 'CONTROLLER' });
      const cleared = await c.raw('PATCH', '/v1/error-reports', { body: JSON.stringify({ ids }) });
      expect(cleared.status).toBe(200);
      await cleared.text();
      expect((await c.get('/v1/error-reports')).body).toEqual([]);
    }));

  test("names with special characters are decoded once ('/' arrives as %2F)", () =>
    withSim({}, async (_sim, c) => {
      const slash = await c.get('/v1/nodes/a%2F..%2Fb');
      expect(slash.status).toBe(404);
      expect(rcs(slash)[0]?.message).toBe("Node 'a/../b' not found.");
      const space = await c.del('/v1/nodes/a%20b%2Fc');
      expect(space.status).toBe(200);
      expect(rcs(space)[0]?.message).toBe("Deletion of node 'a b/c' had no effect.");
      const pct = await c.get('/v1/resource-definitions/r%2525');
      expect(rcs(pct)[0]?.message).toBe("Resource definition 'r%25' not found.");
      const kv = await c.put('/v1/key-value-store/a%2Fb', { override_props: { k: 'v' } });
      expect(kv.status).toBe(500);
      expect(String(rcs(kv)[0]?.cause)).toBe("Invalid name: Cannot contain character '/'");
    }));

  test('unknown paths and methods', () =>
    withSim({}, async (_sim, c) => {
      const unknown = await c.get('/v1/xyz');
      expect(unknown.status).toBe(404);
      expect(unknown.text).toContain('"ret_code":-4611686018427386906');
      expect(rcs(unknown)[0]?.message).toBe("Path '/v1/xyz' not found on server.");
      const wrong = await c.raw('PATCH', '/v1/nodes');
      expect(wrong.status).toBe(405);
      expect(((await wrong.json()) as RcJson[])[0]?.message).toBe(
        "Method 'PATCH' not allowed on path '/v1/nodes'.",
      );
      const root = await c.raw('GET', '/');
      expect(root.headers.get('content-type')).toBe('text/html');
      await root.text();
    }));

  test('CORS headers on every reply, and preflight', () =>
    withSim({}, async (_sim, c) => {
      for (const r of [
        await c.raw('GET', '/v1/nodes'),
        await c.raw('GET', '/v1/nodes/x'),
        await c.raw('GET', '/v1/zzz'),
      ]) {
        expect(r.headers.get('access-control-allow-origin')).toBe('*');
        expect(r.headers.get('access-control-allow-headers')).toBe(
          'origin, content-type, accept, authorization',
        );
        expect(r.headers.get('access-control-allow-credentials')).toBe('true');
        expect(r.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE, OPTIONS, HEAD');
        await r.text();
      }
      const pre = await c.raw('OPTIONS', '/v1/resource-definitions/r1', {
        headers: { origin: 'http://dash.example', 'access-control-request-method': 'PUT' },
      });
      expect(pre.status).toBe(200);
      expect(pre.headers.get('access-control-allow-origin')).toBe('*');
      expect(pre.headers.get('allow')).toContain('PUT');
    }));
});
