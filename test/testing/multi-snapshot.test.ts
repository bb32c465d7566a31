// Multi-resource snapshots (POST /v1/actions/snapshot/multi) in the simulated controller, over HTTP with
// validated replies and through the SDK's snapshotCreateMulti.
import {
  CREATED,
  FAIL_EXISTS_SNAPSHOT_DFN,
  FAIL_INVLD_SNAPSHOT_NAME,
  FAIL_NOT_FOUND_RSC_DFN,
  FAIL_SNAPSHOTS_NOT_SUPPORTED,
  MASK_CRT,
  MASK_SNAPSHOT,
  MODIFIED,
} from '../../generated/constants';
import { Linstor } from '../../src/api/linstor';
import { isDiskless } from '../../src/testing/render';
import type { SimulatorState } from '../../src/testing/state';
import { rcs, withSim } from './helpers';

const seed = {
  nodes: 3,
  storagePools: [{ name: 'thin' }, { name: 'thick', providerKind: 'LVM' }],
  resources: [
    { name: 'r1', storagePools: ['thin'] },
    { name: 'r2', storagePools: ['thin'] },
    { name: 'r3', storagePools: ['thick'] },
  ],
};

const snapshotNames = (state: SimulatorState, rd: string): string[] =>
  [...(state.resourceDefinition(rd)?.snapshots.values() ?? [])].map((s) => s.name);

/** Nodes holding a diskful replica (the only ones a snapshot is taken on; not the tie-breaker). */
const nodesOf = (state: SimulatorState, rd: string): string[] =>
  [...(state.resourceDefinition(rd)?.resources.values() ?? [])]
    .filter((r) => !isDiskless(r))
    .map((r) => r.nodeName)
    .sort();

test('one snapshot name over several resources: one CREATED entry per snapshot, IO suspended around all', async () => {
  await withSim({ seed }, async (sim) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const replies = await lin.snapshotCreateMulti({ rscNames: ['r1', 'r2'], snapshotName: 'cons1' });
      expect(replies.some((r) => r.isError())).toBe(false);
      const created = replies.filter((r) => r.retCode === (MASK_SNAPSHOT | MASK_CRT | CREATED));
      expect(created.map((r) => r.objRefs)).toEqual([
        { RscDfn: 'r1', SnapshotName: 'cons1' },
        { RscDfn: 'r2', SnapshotName: 'cons1' },
      ]);
      // Every resource is suspended before the first snapshot is taken (one point in time).
      const steps = replies
        .filter((r) => r.retCode === (MASK_SNAPSHOT | MASK_CRT | MODIFIED))
        .map((r) => (r.message ?? '').split(' ')[0]);
      const replicas = nodesOf(sim.state, 'r1').length + nodesOf(sim.state, 'r2').length;
      expect(steps).toEqual([
        ...Array(replicas).fill('Suspended'),
        ...Array(replicas).fill('Took'),
        ...Array(replicas).fill('Resumed'),
      ]);
      for (const rd of ['r1', 'r2']) {
        const snap = sim.state.resourceDefinition(rd)?.snapshots.get('CONS1');
        expect(snap?.flags).toEqual(['SUCCESSFUL']);
        expect([...(snap?.nodes.values() ?? [])].map((n) => n.nodeName).sort()).toEqual(
          nodesOf(sim.state, rd),
        );
      }
      // The snapshots are ordinary ones: listed in the view like a single create's.
      const view = await lin.snapshotDfnListRaise();
      expect(
        view.snapshots
          .map((s) => `${s.resourceName}/${s.name}`)
          .filter((n) => n.endsWith('/cons1'))
          .sort(),
      ).toEqual(['r1/cons1', 'r2/cons1']);
    });
  });
});

test('node names restrict every snapshot to those nodes', async () => {
  await withSim({ seed }, async (sim) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const common = nodesOf(sim.state, 'r1').filter((n) => nodesOf(sim.state, 'r2').includes(n));
      const node = common[0] ?? nodesOf(sim.state, 'r1')[0];
      const both = common.length > 0 ? ['r1', 'r2'] : ['r1'];
      const replies = await lin.snapshotCreateMulti({
        rscNames: both,
        snapshotName: 'one',
        nodeNames: [node as string],
      });
      expect(replies.some((r) => r.isError())).toBe(false);
      for (const rd of both) {
        const snap = sim.state.resourceDefinition(rd)?.snapshots.get('ONE');
        expect([...(snap?.nodes.values() ?? [])].map((n) => n.nodeName)).toEqual([node]);
      }
    });
  });
});

test('all or nothing: one bad item and no snapshot is taken', async () => {
  await withSim({ seed }, async (sim, client) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const code = async (rscNames: string[], snapshotName = 's1') =>
        (await lin.snapshotCreateMulti({ rscNames, snapshotName })).find((r) => r.isError())?.retCode;

      expect(await code(['r1', 'nope'])).toBe(MASK_SNAPSHOT | MASK_CRT | FAIL_NOT_FOUND_RSC_DFN);
      expect(await code(['r1', 'r3'])).toBe(MASK_SNAPSHOT | MASK_CRT | FAIL_SNAPSHOTS_NOT_SUPPORTED);
      expect(await code(['r1', 'r2'], 'bad name')).toBe(MASK_SNAPSHOT | MASK_CRT | FAIL_INVLD_SNAPSHOT_NAME);
      expect(await code(['r1', 'r1'])).toBe(MASK_SNAPSHOT | MASK_CRT | FAIL_EXISTS_SNAPSHOT_DFN);
      expect(snapshotNames(sim.state, 'r1')).toEqual([]);
      expect(snapshotNames(sim.state, 'r2')).toEqual([]);

      // An existing snapshot of one resource refuses the whole request.
      await lin.snapshotCreate({ rscName: 'r2', snapshotName: 's1' });
      expect(await code(['r1', 'r2'])).toBe(MASK_SNAPSHOT | MASK_CRT | FAIL_EXISTS_SNAPSHOT_DFN);
      expect(snapshotNames(sim.state, 'r1')).toEqual([]);
    });

    // Status codes over plain HTTP: 404 for an unknown definition, 201 on success.
    const missing = await client.post('/v1/actions/snapshot/multi', {
      snapshots: [{ name: 's9', resource_name: 'nope' }],
    });
    expect(missing.status).toBe(404);
    expect(rcs(missing)[0]?.message).toBe("Resource definition 'nope' not found.");
    const empty = await client.post('/v1/actions/snapshot/multi', { snapshots: [] });
    expect(empty.status).toBe(404);
    const unknownField = await client.post('/v1/actions/snapshot/multi', { snapshot: [] });
    expect(unknownField.status).toBe(500);
    const ok = await client.post('/v1/actions/snapshot/multi', {
      snapshots: [{ name: 's9', resource_name: 'r1', props: { 'Aux/why': 'test' } }],
    });
    expect(ok.status).toBe(201);
    expect(sim.state.resourceDefinition('r1')?.snapshots.get('S9')?.props).toEqual({ 'Aux/why': 'test' });
  });
});

test('the single-resource create answers as before', async () => {
  await withSim({ seed }, async (sim, client) => {
    const one = await client.post('/v1/resource-definitions/r1/snapshots', { name: 'solo' });
    expect(one.status).toBe(201);
    const replicas = nodesOf(sim.state, 'r1').length;
    expect(rcs(one)).toHaveLength(1 + 3 * replicas);
    expect(rcs(one)[0]?.message).toBe("New snapshot 'solo' of resource 'r1' registered.");
  });
});
