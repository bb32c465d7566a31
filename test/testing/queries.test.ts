// Size queries (query-max-volume-size, query-size-info, query-all-size-info) and resource-group adjust,
// over HTTP with validated replies and through the SDK.
import { FAIL_NOT_ENOUGH_NODES, INFO_NOOP, MASK_MOD, MASK_RSC_GRP } from '../../generated/constants';
import { Linstor } from '../../src/api/linstor';
import { QuerySizeInfoResponse } from '../../src/api/responses/resource-group';
import { MaxVolumeSizeResponse } from '../../src/api/responses/storage-pool-definition';
import { largestVolumeKib } from '../../src/testing/placement';
import { isDiskless, poolKibFor } from '../../src/testing/render';
import type { SimulatorState } from '../../src/testing/state';
import { rcs, withSim } from './helpers';

const GiB = 1024 * 1024;

const diskful = (state: SimulatorState, rd: string): number =>
  [...(state.resourceDefinition(rd)?.resources.values() ?? [])].filter((r) => !isDiskless(r)).length;

const cluster = {
  nodes: [
    {
      name: 'n1',
      storagePools: [
        { name: 'fast', capacityKib: 10 * GiB },
        { name: 'slow', capacityKib: 50 * GiB },
      ],
    },
    {
      name: 'n2',
      storagePools: [
        { name: 'fast', capacityKib: 20 * GiB },
        { name: 'slow', capacityKib: 40 * GiB },
      ],
    },
    { name: 'n3', storagePools: [{ name: 'fast', capacityKib: 30 * GiB }] },
  ],
  resourceGroups: [
    { name: 'rg2', selectFilter: { place_count: 2 } },
    { name: 'rgfast3', selectFilter: { place_count: 3, storage_pool_list: ['fast'] } },
  ],
};

test('largestVolumeKib is the exact boundary of what the allocation rule lets fit', () => {
  for (const [kind, free] of [
    ['LVM_THIN', 10 * GiB],
    ['ZFS', 12345],
    ['FILE', 4096],
  ] as const) {
    const max = largestVolumeKib(kind, ['DRBD', 'STORAGE'], free);
    expect(poolKibFor(kind, ['DRBD', 'STORAGE'], max, 7)).toBeLessThanOrEqual(free);
    expect(poolKibFor(kind, ['DRBD', 'STORAGE'], max + 1, 7)).toBeGreaterThan(free);
  }
  expect(largestVolumeKib('LVM', ['STORAGE'], 100)).toBe(0);
});

test('query-max-volume-size of a group: one candidate per pool name, limited by the smallest chosen pool', async () => {
  await withSim({ seed: cluster }, async (sim) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const [reply] = await lin.resourceGroupQmvs({ rscGrpName: 'rg2' });
      expect(reply).toBeDefined();
      const cands = (reply as Exclude<typeof reply, undefined> & { candidates: unknown }).candidates;
      const byPool = Object.fromEntries(
        (
          cands as { storagePool?: string; nodeNames: string[]; maxVolumeSize?: number; allThin?: boolean }[]
        ).map((c) => [c.storagePool, c]),
      );
      expect(Object.keys(byPool).sort()).toEqual(['fast', 'slow']);
      // fast: the two largest are n3 (30 GiB) and n2 (20 GiB); the smaller one limits the size.
      expect(byPool.fast?.nodeNames).toEqual(['n3', 'n2']);
      expect(byPool.fast?.maxVolumeSize).toBe(largestVolumeKib('LVM_THIN', ['DRBD', 'STORAGE'], 20 * GiB));
      expect(byPool.slow?.nodeNames).toEqual(['n1', 'n2']);
      expect(byPool.slow?.allThin).toBe(true);
    });
  });
});

test('query-max-volume-size: not enough nodes is FAIL_NOT_ENOUGH_NODES; an unknown group is 404', async () => {
  await withSim(
    { seed: { ...cluster, resourceGroups: [{ name: 'big', selectFilter: { place_count: 4 } }] } },
    async (_sim, client) => {
      const r = await client.get('/v1/resource-groups/big/query-max-volume-size');
      expect(r.status).toBe(500);
      expect(rcs(r)[0]?.ret_code).toBe(BigInt.asIntN(64, FAIL_NOT_ENOUGH_NODES));
      expect((await client.get('/v1/resource-groups/nope/query-max-volume-size')).status).toBe(404);
    },
  );
});

test('a volume of exactly the reported size can be spawned; one KiB more cannot', async () => {
  await withSim({ seed: cluster }, async (sim, client) => {
    const q = await client.get('/v1/resource-groups/rgfast3/query-max-volume-size');
    const max = Number(
      (q.body as { candidates: { max_volume_size_kib: bigint }[] }).candidates[0]?.max_volume_size_kib,
    );
    const tooBig = await client.post('/v1/resource-groups/rgfast3/spawn', {
      resource_definition_name: 'big',
      volume_sizes: [max + 1],
    });
    expect(tooBig.status).toBe(500);
    const ok = await client.post('/v1/resource-groups/rgfast3/spawn', {
      resource_definition_name: 'fits',
      volume_sizes: [max],
    });
    expect(ok.status).toBe(201);
    expect(diskful(sim.state, 'fits')).toBe(3);
  });
});

test('query-size-info through the SDK: space info, next spawn targets and the request filter', async () => {
  await withSim({ seed: cluster }, async (sim) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const info = await lin.resourceGroupQuerySizeInfo({ rscGrpName: 'rg2' });
      expect(info).toBeInstanceOf(QuerySizeInfoResponse);
      const space = (info as QuerySizeInfoResponse).spaceInfo;
      // slow (n1 50 GiB, n2 40 GiB) beats fast (n3 30, n2 20).
      expect(space?.maxVlmSizeInKib).toBe(largestVolumeKib('LVM_THIN', ['DRBD', 'STORAGE'], 40 * GiB));
      expect(space?.capacityInKib).toBe(40 * GiB);
      expect(space?.nextSpawnResult.map((s) => [s.nodeName, s.storPoolName])).toEqual([
        ['n1', 'slow'],
        ['n2', 'slow'],
      ]);
      const fastOnly = (await lin.resourceGroupQuerySizeInfo({
        rscGrpName: 'rg2',
        storagePool: 'fast',
      })) as QuerySizeInfoResponse;
      expect(fastOnly.spaceInfo?.nextSpawnResult.map((s) => s.nodeName)).toEqual(['n3', 'n2']);
      expect(fastOnly.reports).toEqual([]);
      const tooMany = (await lin.resourceGroupQuerySizeInfo({
        rscGrpName: 'rg2',
        placeCount: 5,
      })) as QuerySizeInfoResponse;
      expect(tooMany.spaceInfo?.maxVlmSizeInKib).toBe(0);
      expect(tooMany.reports[0]?.isError(FAIL_NOT_ENOUGH_NODES)).toBe(true);
    });
  });
});

test('query-all-size-info answers every group, keyed by name', async () => {
  await withSim({ seed: cluster }, async (sim, client) => {
    const r = await client.post('/v1/queries/resource-groups/query-all-size-info', {});
    expect(r.status).toBe(200);
    const result = (r.body as { result: Record<string, { space_info: { max_vlm_size_in_kib: bigint } }> })
      .result;
    expect(Object.keys(result)).toEqual(['DfltRscGrp', 'rg2', 'rgfast3']);
    expect(Number(result.rgfast3?.space_info.max_vlm_size_in_kib)).toBe(
      largestVolumeKib('LVM_THIN', ['DRBD', 'STORAGE'], 10 * GiB),
    );
    const bad = await client.post('/v1/queries/resource-groups/query-all-size-info', { nope: 1 });
    expect(bad.status).toBe(400);
    expect(sim.state.resourceGroups.size).toBe(3);
  });
});

test('adjust places missing replicas of the group; nothing to do is an INFO_NOOP', async () => {
  await withSim({ seed: cluster }, async (sim) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const spawned = await lin.resourceGroupSpawn({ rscGrpName: 'rg2', rscDfnName: 'r1', vlmSizes: ['1G'] });
      expect(spawned.every((r) => !r.isError())).toBe(true);
      expect(diskful(sim.state, 'r1')).toBe(2);
      const noop = await lin.resourceGroupAdjust({ rscGrpName: 'rg2' });
      expect(noop.map((r) => r.retCode)).toEqual([INFO_NOOP | MASK_RSC_GRP | MASK_MOD]);
      // Raise the count behind the controller's back (a modify would place at once), then adjust.
      const rg = sim.state.resourceGroup('rg2');
      if (rg) rg.selectFilter.place_count = 3;
      const adjusted = await lin.resourceGroupAdjust({ rscGrpName: 'rg2' });
      expect(adjusted.some((r) => r.isError())).toBe(false);
      expect(diskful(sim.state, 'r1')).toBe(3);
      const all = await lin.resourceGroupAdjust();
      expect(all.map((r) => r.message)).toEqual([
        'All resource groups: every resource definition already has its replicas; nothing to adjust.',
      ]);
      const missing = await lin.resourceGroupAdjust({ rscGrpName: 'ghost' });
      expect(missing[0]?.isError()).toBe(true);
    });
  });
});

test('adjust reports a definition it cannot complete and still answers', async () => {
  await withSim({ seed: cluster }, async (sim, client) => {
    await client.post('/v1/resource-groups/rg2/spawn', {
      resource_definition_name: 'r1',
      volume_sizes: [1024],
    });
    const rg = sim.state.resourceGroup('rg2');
    if (rg) rg.selectFilter.place_count = 5;
    const r = await client.post('/v1/resource-groups/rg2/adjust');
    expect(r.status).toBe(500);
    expect(rcs(r)[0]?.message).toBe('Not enough available nodes');
    expect(diskful(sim.state, 'r1')).toBe(2);
  });
});

test('OPTIONS /v1/query-max-volume-size: the SDK query is answered; a CORS preflight stays a preflight', async () => {
  await withSim({ seed: cluster }, async (sim, client) => {
    const lin = new Linstor(sim.url);
    const [sizes] = await lin.storagePoolDfnMaxVlmSizes({ placeCount: 2 });
    expect(sizes).toBeInstanceOf(MaxVolumeSizeResponse);
    const group = await client.get('/v1/resource-groups/DfltRscGrp/query-max-volume-size');
    expect((sizes as MaxVolumeSizeResponse).candidates.length).toBe(
      (group.body as { candidates: unknown[] }).candidates.length,
    );
    const preflight = await client.raw('OPTIONS', '/v1/query-max-volume-size', {
      headers: { origin: 'http://dashboard.test', 'access-control-request-method': 'OPTIONS' },
    });
    expect(preflight.status).toBe(200);
    expect(await preflight.text()).toBe('');
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });
});
