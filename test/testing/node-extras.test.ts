// Node evacuate/restore, satellite config, EBS nodes, drbd-reactorctl and the database backup/export
// routes, over HTTP with validated replies and through the SDK.
import {
  FAIL_EVACUATING,
  FAIL_EXISTS_NODE,
  FAIL_INVLD_CONF,
  FAIL_INVLD_DB_EXPORT_FILE,
  FAIL_NOT_CONNECTED,
  FAIL_STLT_DOES_NOT_SUPPORT_PROVIDER,
  WARN_NOT_EVACUATING,
} from '../../generated/constants';
import { Linstor } from '../../src/api/linstor';
import { isDiskless } from '../../src/testing/render';
import type { SimulatorState } from '../../src/testing/state';
import { rcs, withSim } from './helpers';

const seed = {
  nodes: 4,
  resources: [
    { name: 'r1', placeCount: 2 },
    { name: 'r2', placeCount: 2 },
  ],
};

const diskfulNodes = (state: SimulatorState, rd: string): string[] =>
  [...(state.resourceDefinition(rd)?.resources.values() ?? [])]
    .filter((r) => !isDiskless(r))
    .map((r) => r.nodeName)
    .sort();

const holding = (state: SimulatorState, node: string): string[] =>
  state
    .sortedResourceDefinitions()
    .filter((rd) => rd.resources.has(node.toUpperCase()))
    .map((rd) => rd.name);

test('evacuate moves every replica away, flags the node and keeps the replica count', async () => {
  await withSim({ seed }, async (sim) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const victim = sim.state.resourceDefinition('r1')?.resources.values().next().value?.nodeName as string;
      const before = holding(sim.state, victim);
      expect(before.length).toBeGreaterThan(0);
      const replies = await lin.nodeEvacuate({ nodeName: victim });
      expect(replies.some((r) => r.isError())).toBe(false);
      expect(sim.state.node(victim)?.flags).toContain('EVACUATE');
      expect(holding(sim.state, victim)).toEqual([]);
      for (const rd of before) {
        expect(diskfulNodes(sim.state, rd)).toHaveLength(2);
        expect(diskfulNodes(sim.state, rd)).not.toContain(victim);
      }
      // An evacuating node takes no new replicas.
      await lin.resourceDfnCreate({ name: 'r3' });
      await lin.volumeDfnCreate({ rscName: 'r3', size: 1024 });
      await lin.resourceAutoPlace({ rscName: 'r3', placeCount: 3 });
      expect(diskfulNodes(sim.state, 'r3')).not.toContain(victim);
      // ...neither a tie-breaker (r4 on two other nodes needs one, on the one node left that is not evacuating)
      const others = sim.state
        .sortedNodes()
        .map((n) => n.name)
        .filter((n) => n !== victim);
      await lin.resourceDfnCreate({ name: 'r4' });
      await lin.volumeDfnCreate({ rscName: 'r4', size: 1024 });
      for (const node of others.slice(0, 2))
        await lin.resourceCreate({ rscs: [{ rscName: 'r4', nodeName: node }] });
      expect(holding(sim.state, victim)).toEqual([]);
      expect(holding(sim.state, others[2] as string)).toContain('r4');
      // ...and a resource cannot be created there by name
      const refused = await lin.resourceCreate({ rscs: [{ rscName: 'r4', nodeName: victim }] });
      expect(refused[0]?.hasCode(FAIL_EVACUATING)).toBe(true);
      const restored = await lin.nodeRestore({ nodeName: victim });
      expect(restored[0]?.message).toBe(`Node '${victim}' restored.`);
      expect(sim.state.node(victim)?.flags).toEqual([]);
    });
  });
});

test('evacuate honours target and do_not_target; an in-use replica stays with a warning', async () => {
  await withSim({ seed: { nodes: 4, resources: [{ name: 'r1', placeCount: 2 }] } }, async (sim, client) => {
    const [a, b] = diskfulNodes(sim.state, 'r1') as [string, string];
    const free = ['node1', 'node2', 'node3', 'node4'].filter((n) => n !== a && n !== b);
    const r = await client.put(`/v1/nodes/${a}/evacuate`, { target: [free[1]] });
    expect(r.status).toBe(200);
    expect(diskfulNodes(sim.state, 'r1')).toEqual([b, free[1]].sort());
    sim.state.setInUse('r1', b, true);
    const stays = await client.put(`/v1/nodes/${b}/evacuate`, { do_not_target: [free[0]] });
    expect(rcs(stays).map((e) => e.ret_code & 0xffffn)).toContain(WARN_NOT_EVACUATING & 0xffffn);
    expect(diskfulNodes(sim.state, 'r1')).toContain(b);
    expect((await client.put('/v1/nodes/ghost/evacuate')).status).toBe(404);
  });
});

test('evacuate with no room keeps the replica and reports why', async () => {
  await withSim({ seed: { nodes: 2, resources: [{ name: 'r1', placeCount: 2 }] } }, async (sim, client) => {
    const r = await client.put('/v1/nodes/node1/evacuate');
    expect(r.status).toBe(500);
    expect(rcs(r).some((e) => e.message === 'Not enough available nodes')).toBe(true);
    expect(diskfulNodes(sim.state, 'r1')).toEqual(['node1', 'node2']);
    expect(sim.state.node('node1')?.flags).toContain('EVACUATE');
  });
});

test('restore: evicted node comes back, optionally without its resources and snapshots', async () => {
  await withSim({ seed }, async (sim) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const node = diskfulNodes(sim.state, 'r1')[0] as string;
      const plain = await lin.nodeRestore({ nodeName: node });
      expect(plain[0]?.code).toBe(Number(WARN_NOT_EVACUATING & 0x7fffn));
      expect(plain[0]?.isWarning()).toBe(true);
      const snap = await lin.snapshotCreate({ rscName: 'r1', snapshotName: 's1', nodeNames: [node] });
      expect(snap.some((r) => r.isError())).toBe(false);
      await lin.snapshotCreate({ rscName: 'r1', snapshotName: 's2' });
      sim.state.node(node)?.flags.push('EVICTED');
      const replies = await lin.nodeRestore({ nodeName: node, deleteResources: true, deleteSnapshots: true });
      expect(replies.some((r) => r.isError())).toBe(false);
      expect(sim.state.node(node)?.flags).toEqual([]);
      expect(holding(sim.state, node)).toEqual([]);
      // s1 lived only on the restored node and is gone; s2 keeps its other node.
      const snaps = sim.state.resourceDefinition('r1')?.snapshots;
      expect([...(snaps?.values() ?? [])].map((x) => [x.name, x.nodes.size])).toEqual([['s2', 1]]);
      expect((await lin.nodeRestore({ nodeName: 'ghost' }))[0]?.isError()).toBe(true);
    });
  });
});

test('satellite config: GET shows the levels PUT (nodeSetLogLevel) sets; offline node answers 503/500', async () => {
  await withSim({ seed: { nodes: 2 } }, async (sim, client) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const set = await lin.nodeSetLogLevel({ nodeName: 'node1', level: 'DEBUG' });
      expect(set.every((r) => r.isSuccess())).toBe(true);
      await lin.nodeSetLogLevel({ nodeName: 'node1', level: 'warning' as 'WARN', library: true });
      const cfg = await client.get('/v1/nodes/node1/config');
      expect(cfg.status).toBe(200);
      expect((cfg.body as { log: unknown }).log).toMatchObject({ level: 'WARN', level_linstor: 'DEBUG' });
      expect((await client.get('/v1/nodes/node2/config')).body).toMatchObject({
        log: { level: 'INFO', level_linstor: 'INFO' },
      });
      const bad = await lin.nodeSetLogLevel({ nodeName: 'node1', level: 'LOUD' as 'WARN' });
      expect(bad[0]?.isError(FAIL_INVLD_CONF)).toBe(true);
      sim.state.setNodeOnline('node2', false);
      const off = await client.get('/v1/nodes/node2/config');
      expect(off.status).toBe(503);
      expect(rcs(off)[0]?.ret_code).toBe(BigInt.asIntN(64, FAIL_NOT_CONNECTED));
      const offPut = await lin.nodeSetLogLevel({ nodeName: 'node2', level: 'DEBUG' });
      expect(offPut[0]?.isError(FAIL_NOT_CONNECTED)).toBe(true);
      expect((await client.get('/v1/nodes/ghost/config')).status).toBe(404);
    });
  });
});

test('EBS nodes are refused with a clear code; name checks come first', async () => {
  await withSim({ seed: { nodes: 1 } }, async (sim) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const r = await lin.nodeCreateEbs({ nodeName: 'ebs1', ebsRemoteName: 'aws' });
      expect(r[0]?.isError(FAIL_STLT_DOES_NOT_SUPPORT_PROVIDER)).toBe(true);
      expect(sim.state.node('ebs1')).toBeUndefined();
      const dup = await lin.nodeCreateEbs({ nodeName: 'node1', ebsRemoteName: 'aws' });
      expect(dup[0]?.isError(FAIL_EXISTS_NODE)).toBe(true);
    });
  });
});

test('drbd-reactorctl: per-node output; evict stops the resource here; unknown nodes are 404', async () => {
  await withSim({ seed: { nodes: 3, resources: [{ name: 'r1', placeCount: 2 }] } }, async (sim, client) => {
    const [a] = diskfulNodes(sim.state, 'r1') as [string];
    sim.state.setInUse('r1', a, true);
    const status = await client.post('/v1/nodes/exec/drbd-reactorctl/status', { nodes: [a], resource: 'r1' });
    expect(status.status).toBe(200);
    const [out] = status.body as {
      node: string;
      exit_code: bigint;
      stdout_utf8: string;
      active_node?: string;
    }[];
    expect(out?.node).toBe(a);
    expect(Number(out?.exit_code)).toBe(0);
    expect(out?.active_node).toBe(a);
    expect(out?.stdout_utf8).toContain("resource 'r1'");
    const evict = await client.post('/v1/nodes/exec/drbd-reactorctl/evict', { nodes: [a], resource: 'r1' });
    expect(evict.status).toBe(200);
    expect(sim.state.resource('r1', a)?.inUse).toBe(false);
    const missing = await client.post('/v1/nodes/exec/drbd-reactorctl/status', {
      nodes: [a],
      resource: 'zz',
    });
    expect(Number((missing.body as { exit_code: bigint }[])[0]?.exit_code)).toBe(1);
    for (const action of ['disable', 'enable', 'restart']) {
      const r = await client.post(`/v1/nodes/exec/drbd-reactorctl/${action}`, {
        nodes: ['node1', 'node2'],
        config: 'x.toml',
      });
      expect(r.status).toBe(200);
      expect((r.body as { node: string }[]).map((o) => o.node)).toEqual(['node1', 'node2']);
    }
    sim.state.setNodeOnline('node3', false);
    const off = await client.post('/v1/nodes/exec/drbd-reactorctl/status', { nodes: ['node3'] });
    expect(Number((off.body as { exit_code: bigint }[])[0]?.exit_code)).toBe(1);
    expect((await client.post('/v1/nodes/exec/drbd-reactorctl/status', { nodes: ['ghost'] })).status).toBe(
      404,
    );
    expect(
      (await client.post('/v1/nodes/exec/drbd-reactorctl/enable', { nodes: ['node1'], bogus: 1 })).status,
    ).toBe(400);
  });
});

test('database backup and export answer 201 naming the file; bad names fail', async () => {
  await withSim({}, async (sim) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const backup = await lin.controllerBackupdb({ backupName: 'before-upgrade' });
      expect(backup[0]?.isSuccess()).toBe(true);
      expect(backup[0]?.message).toBe("Database backup written to '/var/lib/linstor/before-upgrade.zip'.");
      const exported = await lin.controllerExportdb({ backupName: '/tmp/db.json' });
      expect(exported[0]?.message).toBe("Database exported to '/tmp/db.json'.");
      const bad = await lin.controllerExportdb({ backupName: '../etc/x' });
      expect(bad[0]?.isError(FAIL_INVLD_DB_EXPORT_FILE)).toBe(true);
    });
  });
});

// ---- physical storage and the space report ----

test('physical storage: deterministic unused devices per online node, grouped by size and rotation', async () => {
  await withSim({ seed: { nodes: 3 } }, async (sim, client) => {
    sim.state.setNodeOnline('node3', false);
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const list = await lin.physicalStorageList();
      const groups = list?.physicalDevices ?? [];
      expect(groups.length).toBeGreaterThan(0);
      const perNode = new Map<string, string[]>();
      for (const g of groups) {
        for (const [node, devs] of Object.entries(g.nodes)) {
          perNode.set(node, [...(perNode.get(node) ?? []), ...devs.map((d) => `${d.device}:${g.size}`)]);
        }
      }
      expect([...perNode.keys()].sort()).toEqual(['node1', 'node2']);
      expect(
        perNode
          .get('node1')
          ?.map((d) => d.split(':')[0])
          .sort(),
      ).toEqual(['/dev/nvme0n1', '/dev/sdb', '/dev/sdc']);
      // Same names, same devices: a second simulator reports the same list.
      await withSim({ seed: { nodes: 2 } }, async (_other, otherClient) => {
        expect((await otherClient.get('/v1/physical-storage')).text).toBe(
          (await client.get('/v1/physical-storage')).text,
        );
      });
    });
    const one = await client.get('/v1/physical-storage/node1');
    expect(
      (one.body as { device: string; rotational: boolean }[]).map((d) => [d.device, d.rotational]),
    ).toEqual([
      ['/dev/sdb', true],
      ['/dev/sdc', true],
      ['/dev/nvme0n1', false],
    ]);
    expect((await client.get('/v1/physical-storage/node3')).status).toBe(500);
    expect((await client.get('/v1/physical-storage/ghost')).status).toBe(404);
  });
});

test('create-device-pool uses the devices up and registers the storage pool with their capacity', async () => {
  await withSim({ seed: { nodes: 2 } }, async (sim, client) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const devs = (await client.get('/v1/physical-storage/node1')).body as {
        device: string;
        size: number;
      }[];
      const sdb = devs.find((d) => d.device === '/dev/sdb')?.size as number;
      const sdc = devs.find((d) => d.device === '/dev/sdc')?.size as number;
      const replies = await lin.physicalStorageCreateDevicePool({
        nodeName: 'node1',
        providerKind: 'LVM_THIN',
        devicePaths: ['/dev/sdb', '/dev/sdc'],
        poolName: 'vg_fast',
        storagePoolName: 'fast',
        storagePoolProps: { 'Aux/tier': 'gold' },
      });
      expect(replies.some((r) => r.isError())).toBe(false);
      expect(replies[0]?.message).toBe("Thin pool 'vg_fast/thinpool' created on node 'node1'.");
      const pool = sim.state.storagePool('node1', 'fast');
      expect(pool?.providerKind).toBe('LVM_THIN');
      expect(pool?.totalCapacity).toBe((sdb + sdc) / 1024);
      expect(pool?.props).toEqual({ 'Aux/tier': 'gold', 'StorDriver/StorPoolName': 'vg_fast/thinpool' });
      const left = (await client.get('/v1/physical-storage/node1')).body as { device: string }[];
      expect(left.map((d) => d.device)).toEqual(['/dev/nvme0n1']);

      // Used or unknown devices, bad providers and a taken pool name change nothing.
      const again = await lin.physicalStorageCreateDevicePool({
        nodeName: 'node1',
        providerKind: 'LVM',
        devicePaths: ['/dev/sdb'],
        poolName: 'vg2',
      });
      expect(again[0]?.isError()).toBe(true);
      const file = await lin.physicalStorageCreateDevicePool({
        nodeName: 'node1',
        providerKind: 'FILE',
        devicePaths: ['/dev/nvme0n1'],
        poolName: 'x',
      });
      expect(file[0]?.isError()).toBe(true);
      const dupPool = await lin.physicalStorageCreateDevicePool({
        nodeName: 'node1',
        providerKind: 'ZFS',
        devicePaths: ['/dev/nvme0n1'],
        storagePoolName: 'fast',
      });
      expect(dupPool[0]?.isError()).toBe(true);
      expect(((await client.get('/v1/physical-storage/node1')).body as unknown[]).length).toBe(1);

      // Without a storage pool only the zpool is built; its name comes from pool_name.
      const bare = await lin.physicalStorageCreateDevicePool({
        nodeName: 'node2',
        providerKind: 'ZFS',
        devicePaths: ['/dev/nvme0n1'],
        poolName: 'tank',
      });
      expect(bare.map((r) => r.message)).toEqual(["Zpool 'tank' created on node 'node2'."]);
      const noName = await lin.physicalStorageCreateDevicePool({
        nodeName: 'node2',
        providerKind: 'LVM',
        devicePaths: ['/dev/sdb'],
      });
      expect(noName[0]?.isError()).toBe(true);

      // A node registered again under the same name has all its devices back.
      expect((await lin.nodeLost({ nodeName: 'node2' })).some((r) => r.isError())).toBe(false);
      await lin.nodeCreate({ nodeName: 'node2', nodeType: 'Satellite', ip: '10.0.0.2' });
      expect(((await client.get('/v1/physical-storage/node2')).body as unknown[]).length).toBe(3);
    });
  });
});

test('space report lists every diskful pool with its allocation and the totals', async () => {
  await withSim(
    { seed: { nodes: 2, resources: [{ name: 'r1', placeCount: 2 }] }, now: () => 0 },
    async (sim) => {
      await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
        const [report] = await lin.spaceReportingQuery();
        const text = (report as { report?: string }).report ?? '';
        expect(text.split('\n')[0]).toBe(
          'Space report of the simulated LINSTOR cluster, 1970-01-01T00:00:00.000Z',
        );
        const used = sim.state.storagePool('node1', 'DfltStorPool')?.usedKib ?? 0;
        expect(used).toBeGreaterThan(0);
        expect(text).toMatch(new RegExp(`node1\\s+DfltStorPool\\s+LVM_THIN\\s+104857600\\s+${used}\\s+`));
        expect(text).not.toContain('DfltDisklessStorPool');
        expect(text).toContain('Total capacity of diskful storage pools: 209715200 KiB');
        expect(text).toContain(`Allocated by volumes: ${used * 2} KiB`);
      });
    },
  );
});
