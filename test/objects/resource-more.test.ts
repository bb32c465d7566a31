// The rest of python's Resource (§7.2): snapshots, restore, clone (quirk 17), DRBD proxy (quirk 11),
// isThin, spawn with definitionsOnly, refresh, errors; against the simulated controller over HTTP.
import { isLinstorError } from '../../src/core/errors';
import type { FetchLike } from '../../src/core/transport';
import { Resource } from '../../src/objects/resource';
import type { RunningSimulator } from '../../src/testing';
import { type Recorder, recorder, simulator } from './helpers';

let sim: RunningSimulator;
let rec: Recorder;

beforeEach(async () => {
  sim = await simulator({
    nodes: ['alpha', 'bravo', 'charlie'].map((name) => ({ name })),
    storagePools: [
      { name: 'thinpool', providerKind: 'LVM_THIN' },
      { name: 'fatpool', providerKind: 'LVM' },
    ],
    resourceGroups: [
      {
        name: 'rg',
        volumeGroups: 2,
        selectFilter: { place_count: 2, storage_pool_list: ['thinpool', 'fatpool'] },
      },
    ],
    resources: [{ name: 'foo', placeCount: 3, storagePools: ['thinpool'], volumeSizesKib: [20480] }],
    controllerProps: { 'DrbdOptions/auto-add-quorum-tiebreaker': 'False' },
  });
  rec = recorder();
});
afterEach(async () => {
  await sim.close();
});

const client = (fetch: FetchLike = rec.fetch) => ({ uri: sim.url, fetch });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

test('snapshot create, rollback, restore into a new resource, delete', async () => {
  const foo = await Resource.open('foo', client());
  rec.take();
  await foo.snapshotCreate('s1');
  expect(rec.take()).toEqual([['POST', '/v1/resource-definitions/foo/snapshots', { name: 's1' }]]);
  expect(sim.state.resourceDefinition('foo')?.snapshots.size).toBe(1);

  await foo.snapshotRollback('s1');
  expect(rec.take()).toEqual([['POST', '/v1/resource-definitions/foo/snapshot-rollback/s1', {}]]);

  const bar = await foo.restoreFromSnapshot('s1', 'bar');
  expect(rec.take()).toEqual([
    [
      'POST',
      '/v1/resource-definitions',
      { resource_definition: { name: 'bar', resource_group_name: 'DfltRscGrp' } },
    ],
    ['POST', '/v1/resource-definitions/foo/snapshot-restore-volume-definition/s1', { to_resource: 'bar' }],
    ['POST', '/v1/resource-definitions/foo/snapshot-restore-resource/s1', { to_resource: 'bar' }],
    ['GET', '/v1/resource-definitions?with_volume_definitions=true'],
    ['GET', '/v1/view/resources?resources=bar'],
  ]);
  expect(bar.defined).toBe(true);
  expect(bar.volumes[0].size).toBe(20 * 1024 * 1024);
  expect(bar.diskfulNodes().sort()).toEqual(['alpha', 'bravo', 'charlie']);

  await foo.snapshotDelete('s1');
  expect(rec.take()).toEqual([['DELETE', '/v1/resource-definitions/foo/snapshots/s1']]);
  expect(sim.state.resourceDefinition('foo')?.snapshots.size).toBe(0);
  expect(rec.versionGets()).toBe(2); // bar shares foo's client
});

test('operations that need a defined resource say so, as python does', async () => {
  const ghost = await Resource.open('ghost', client());
  for (const op of [
    () => ghost.snapshotCreate('s'),
    () => ghost.snapshotDelete('s'),
    () => ghost.snapshotRollback('s'),
    () => ghost.clone('c'),
    () => ghost.drbdProxyEnable('alpha', 'bravo'),
  ]) {
    const error = await rejection(op());
    expect(isLinstorError(error)).toBe(true);
    expect((error as Error).message).toBe("Resource 'ghost' doesn't exist.");
  }
});

test("clone waits for COMPLETE and opens the clone; a clone error throws python's message", async () => {
  const foo = await Resource.open('foo', client());
  rec.take();
  const copy = await foo.clone('foocopy', { waitInterval: 0 });
  const sent = rec.take();
  expect(sent[0]).toEqual(['POST', '/v1/resource-definitions/foo/clone', { name: 'foocopy' }]);
  expect(sent[1]).toEqual(['GET', '/v1/resource-definitions/foo/clone/foocopy']);
  expect(copy.linstorName).toBe('foocopy');
  expect(copy.volumes[0].size).toBe(20 * 1024 * 1024);

  const error = await rejection(foo.clone('foocopy', { waitInterval: 0 })); // exists already
  expect(isLinstorError(error)).toBe(true);
  expect((error as Error).message).toMatch(/^Could not clone resource definition 'foo': /);
});

test('a clone that ends FAILED throws (python returns the clone object; quirk 17)', async () => {
  // the simulator's clones complete at once; answer the status poll with FAILED
  const failing: FetchLike = async (url, init) =>
    new URL(url).pathname === '/v1/resource-definitions/foo/clone/foocopy' && init.method === 'GET'
      ? new Response(JSON.stringify({ status: 'FAILED' }), {
          headers: { 'content-type': 'application/json' },
        })
      : rec.fetch(url, init);
  const foo = await Resource.open('foo', client(failing));
  const error = await rejection(foo.clone('foocopy', { waitInterval: 0 }));
  expect((error as Error).message).toBe(
    "Could not clone resource definition 'foo': cloning to 'foocopy' failed",
  );
});

test("DRBD proxy works at any time through the object's client (quirk 11)", async () => {
  // the simulator has no DRBD proxy: answer those two paths like the controller does
  const proxy: FetchLike = async (url, init) => {
    const path = new URL(url).pathname;
    if (!path.includes('/drbd-proxy/')) return rec.fetch(url, init);
    rec.all.push([init.method, path, init.body ? JSON.parse(init.body) : undefined]);
    return new Response('[{"ret_code":21233665,"message":"Proxy enabled."}]', {
      headers: { 'content-type': 'application/json' },
    });
  };
  const foo = await Resource.open('foo', client(proxy));
  await foo.activate('alpha'); // python loses its client after a decorated operation
  rec.take();
  await foo.drbdProxyEnable('alpha', 'bravo');
  await foo.drbdProxyDisable('alpha', 'bravo');
  expect(rec.take()).toEqual([
    ['POST', '/v1/resource-definitions/foo/drbd-proxy/enable/alpha/bravo', {}],
    ['POST', '/v1/resource-definitions/foo/drbd-proxy/disable/alpha/bravo', undefined],
  ]);
});

test('isThin reads the pool of volume 0', async () => {
  const foo = await Resource.open('foo', client());
  rec.take();
  expect(await foo.isThin()).toBe(true);
  expect(rec.take()).toEqual([['GET', '/v1/view/storage-pools?storage_pools=thinpool']]);
  const empty = await Resource.open('nothing', client());
  expect(isLinstorError(await rejection(empty.isThin()))).toBe(true);
});

test("fromResourceGroup with definitionsOnly picks one of the group's pools for placement", async () => {
  const baz = await Resource.fromResourceGroup({
    ...client(),
    resourceGroupName: 'rg',
    resourceName: 'baz',
    vlmSizes: ['10 MiB', 2048],
    definitionsOnly: true,
  });
  expect(rec.take()).toEqual([
    [
      'POST',
      '/v1/resource-groups/rg/spawn',
      {
        resource_definition_name: 'baz',
        volume_sizes: [10240, 2048],
        partial: false,
        definitions_only: true,
        select_filter: {},
      },
    ],
    ['GET', '/v1/resource-definitions?with_volume_definitions=true'],
    ['GET', '/v1/view/resources?resources=baz'],
    ['GET', '/v1/resource-groups?resource_groups=rg'],
  ]);
  expect(['thinpool', 'fatpool']).toContain(baz.placement.storagePool);
  expect(baz.diskfulNodes()).toEqual([]);
  expect(Object.keys(baz.volumes)).toEqual(['0', '1']);
  await baz.close();
  expect(baz.client.connected).toBe(false);
});

test('refresh picks up changes made elsewhere, including a definition deleted behind our back', async () => {
  const foo = await Resource.open('foo', client());
  const other = await Resource.open('foo', client());
  await other.setAllowTwoPrimaries(true);
  await other.volumes[0].grow('10 MiB');
  expect(foo.allowTwoPrimaries).toBe(false);
  await foo.refresh();
  expect(foo.allowTwoPrimaries).toBe(true);
  expect(foo.volumes[0].size).toBe(30 * 1024 * 1024);
  await other.delete();
  await foo.refresh();
  expect(foo.defined).toBe(false);
  expect(foo.linstorName).toBeUndefined();
  expect(Object.keys(foo.volumes)).toEqual([]);
});

test('activate failure joins every reply with ";"', async () => {
  const foo = await Resource.open('foo', client());
  const error = await rejection(foo.activate('nowhere'));
  expect(isLinstorError(error)).toBe(true);
  expect((error as Error).message).toMatch(/^Could not activate resource foo\(foo\) on node nowhere: ERRO:/);
});

test('await using closes the client the resource created', async () => {
  let lin: Resource['client'] | undefined;
  {
    await using foo = await Resource.open('foo', client());
    lin = foo.client;
    expect(lin.connected).toBe(true);
  }
  expect(lin?.connected).toBe(false);
});
