// python-linstor-behavior.md §9 scenarios 14–19 (Resource and Volume), request-exact, against the
// simulated controller over HTTP.
import {
  isLinstorArgumentError,
  isLinstorError,
  isLinstorReadOnlyAfterSetError,
} from '../../src/core/errors';
import { Resource } from '../../src/objects/resource';
import { ResourceGroup } from '../../src/objects/resource-group';
import { Volume } from '../../src/objects/volume';
import type { RunningSimulator, SeedOptions } from '../../src/testing';
import { nodesWithPools, type Recorder, recorder, simulator } from './helpers';

let sim: RunningSimulator;
let rec: Recorder;

afterEach(async () => {
  await sim?.close();
});

async function start(seed: SeedOptions, opts: { tieBreaker?: boolean } = {}): Promise<void> {
  // Most scenarios assert exact diskless sets; the automatic tie-breaker would add one.
  const controllerProps: Record<string, string> = opts.tieBreaker
    ? {}
    : { 'DrbdOptions/auto-add-quorum-tiebreaker': 'False' };
  sim = await simulator({ ...seed, controllerProps });
  rec = recorder();
}

const client = () => ({ uri: sim.url, fetch: rec.fetch });
const refreshGets = (name: string) => [
  ['GET', '/v1/resource-definitions?with_volume_definitions=true'],
  ['GET', `/v1/view/resources?resources=${name}`],
];
const flagsOf = (rd: string, node: string) => [...(sim.state.resource(rd, node)?.flags ?? [])];

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('scenario 14: ResourceGroup.createResource', () => {
  beforeEach(async () => {
    await start(nodesWithPools(['alpha', 'bravo', 'charlie'], ['myssdpool']));
  });

  test.each([['20MiB'], ['20 MiB']])('spawn %j, then the two reads', async (size) => {
    const rg = await ResourceGroup.open('threeSSD', client());
    await rg.setRedundancy(3);
    await rg.setStoragePool('myssdpool');
    rec.take();
    const foo = await rg.createResource('foo', [size]);
    expect(rec.take()).toEqual([
      [
        'POST',
        '/v1/resource-groups/threeSSD/spawn',
        {
          resource_definition_name: 'foo',
          volume_sizes: [20480],
          partial: false,
          definitions_only: false,
          select_filter: {},
        },
      ],
      ...refreshGets('foo'),
    ]);
    expect(foo.defined).toBe(true);
    expect(foo.linstorName).toBe('foo');
    expect(foo.resourceGroupName).toBe('threeSSD');
    expect(foo.volumes[0].size).toBe(20971520);
    expect(foo.volumes[0].minor).toBe(1000);
    expect(foo.volumes[0].devicePath).toBe('/dev/drbd1000');
    expect(foo.volumes[0].storagePoolName).toBe('myssdpool');
    expect(foo.diskfulNodes().sort()).toEqual(['alpha', 'bravo', 'charlie']);
    expect(foo.disklessNodes()).toEqual([]);
    // the resource shares the group's client: still one handshake
    expect(rec.versionGets()).toBe(2);
  });

  test("a failed spawn throws python's message", async () => {
    const rg = await ResourceGroup.open('big', client());
    await rg.setRedundancy(4); // only 3 nodes
    const error = await rejection(rg.createResource('bar', ['1 GiB']));
    expect(isLinstorError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Could not spawn resource "bar" from resource group "big": /);
    expect(sim.state.resourceDefinition('bar')).toBeUndefined();
  });
});

describe('scenario 15: activate / deactivate (the diskless path)', () => {
  beforeEach(async () => {
    await start({
      ...nodesWithPools(['alpha', 'bravo', 'gamma']),
      resources: [{ name: 'foo', placeCount: 2, volumeSizesKib: [20480] }],
    });
  });

  test('activate creates a diskless assignment, deactivate removes only a diskless one', async () => {
    const foo = await Resource.open('foo', client());
    expect(rec.take()).toEqual(refreshGets('foo'));
    expect(foo.diskfulNodes().sort()).toEqual(['alpha', 'bravo']);

    await foo.activate('gamma');
    expect(rec.take()).toEqual([
      ['POST', '/v1/resource-definitions/foo/resources/gamma/make-available', { diskful: false }],
      ...refreshGets('foo'),
    ]);
    expect(foo.isDiskless('gamma')).toBe(true);
    expect(foo.disklessNodes()).toEqual(['gamma']);
    expect(flagsOf('foo', 'gamma')).toContain('DISKLESS');

    await foo.deactivate('gamma');
    expect(rec.take()).toEqual([
      ['DELETE', '/v1/resource-definitions/foo/resources/gamma'],
      ...refreshGets('foo'),
    ]);
    expect(foo.isAssigned('gamma')).toBe(false);
    expect(sim.state.resource('foo', 'gamma')).toBeUndefined();

    expect(await foo.deactivate('alpha')).toBe(true);
    expect(rec.take()).toEqual([]);
    expect(foo.isDiskful('alpha')).toBe(true);

    await foo.activate('alpha'); // the controller answers INFO and leaves it diskful
    expect(rec.take()).toEqual([
      ['POST', '/v1/resource-definitions/foo/resources/alpha/make-available', { diskful: false }],
      ...refreshGets('foo'),
    ]);
    expect(foo.isDiskful('alpha')).toBe(true);
    expect(flagsOf('foo', 'alpha')).toEqual([]);
  });
});

describe('scenario 16: diskless / diskful conversions', () => {
  beforeEach(async () => {
    await start({
      nodes: ['alpha', 'beta', 'gamma', 'delta', 'epsilon'].map((name) => ({ name })),
      storagePools: [
        { name: 'fastpool', providerKind: 'LVM_THIN' },
        { name: 'dlpool', providerKind: 'DISKLESS' },
      ],
      resources: [{ name: 'foo', placeCount: 2, storagePools: ['fastpool'], volumeSizesKib: [20480] }],
    });
  });

  test('toggles and creates with the placement pools', async () => {
    const foo = await Resource.open('foo', client());
    expect(foo.diskfulNodes().sort()).toEqual(['alpha', 'beta']);
    foo.placement.storagePool = 'fastpool';
    foo.placement.disklessStoragePool = 'dlpool';
    rec.take();

    await foo.diskless('beta');
    expect(rec.take()).toEqual([
      ['PUT', '/v1/resource-definitions/foo/resources/beta/toggle-disk/diskless/dlpool'],
      ...refreshGets('foo'),
    ]);
    expect(foo.isDiskless('beta')).toBe(true);

    await foo.diskful('beta');
    expect(rec.take()).toEqual([
      ['PUT', '/v1/resource-definitions/foo/resources/beta/toggle-disk/diskful/fastpool'],
      ...refreshGets('foo'),
    ]);
    expect(foo.isDiskful('beta')).toBe(true);

    await foo.diskful('delta');
    expect(rec.take()).toEqual([
      [
        'POST',
        '/v1/resource-definitions/foo/resources',
        [{ resource: { node_name: 'delta', props: { StorPoolName: 'fastpool' } } }],
      ],
      ...refreshGets('foo'),
    ]);
    expect(foo.isDiskful('delta')).toBe(true);

    await foo.diskless('epsilon');
    expect(rec.take()).toEqual([
      [
        'POST',
        '/v1/resource-definitions/foo/resources',
        [{ resource: { node_name: 'epsilon', flags: ['DISKLESS'], props: { StorPoolName: 'dlpool' } } }],
      ],
      ...refreshGets('foo'),
    ]);
    expect(foo.isDiskless('epsilon')).toBe(true);

    // the same kind again: no request, only the refresh
    await foo.diskless('epsilon');
    expect(rec.take()).toEqual(refreshGets('foo'));
  });

  test('without placement pools', async () => {
    const foo = await Resource.open('foo', client());
    rec.take();
    await foo.diskless('gamma');
    expect(rec.take()).toEqual([
      [
        'POST',
        '/v1/resource-definitions/foo/resources',
        [{ resource: { node_name: 'gamma', flags: ['DISKLESS'] } }],
      ],
      ...refreshGets('foo'),
    ]);
    expect(foo.disklessNodes()).toEqual(['gamma']);
  });
});

describe('scenario 17: allowTwoPrimaries and resize', () => {
  beforeEach(async () => {
    await start({
      ...nodesWithPools(['alpha', 'bravo', 'charlie']),
      resources: [{ name: 'foo', placeCount: 3, volumeSizesKib: [20480] }],
    });
  });

  test('dual primary on, the same again sends nothing, off', async () => {
    const foo = await Resource.open('foo', client());
    expect(foo.allowTwoPrimaries).toBe(false);
    rec.take();
    await foo.setAllowTwoPrimaries(true);
    expect(rec.take()).toEqual([
      [
        'PUT',
        '/v1/resource-definitions/foo',
        { override_props: { 'DrbdOptions/Net/allow-two-primaries': 'yes' } },
      ],
    ]);
    expect(sim.state.resourceDefinition('foo')?.props['DrbdOptions/Net/allow-two-primaries']).toBe('yes');
    await foo.setAllowTwoPrimaries(true);
    expect(rec.take()).toEqual([]);
    await foo.setAllowTwoPrimaries(false);
    expect(rec.take()).toEqual([
      [
        'PUT',
        '/v1/resource-definitions/foo',
        { override_props: { 'DrbdOptions/Net/allow-two-primaries': 'no' } },
      ],
    ]);
    expect(foo.allowTwoPrimaries).toBe(false);
    expect(sim.state.resourceDefinition('foo')?.props['DrbdOptions/Net/allow-two-primaries']).toBe('no');
  });

  test('resize to 30 MiB, grow by 10 MiB, shrinking refused before any request', async () => {
    const foo = await Resource.open('foo', client());
    rec.take();
    await foo.volumes[0].setSize('30 MiB');
    expect(rec.take()).toEqual([
      ['PUT', '/v1/resource-definitions/foo/volume-definitions/0', { size_kib: 30720 }],
    ]);
    await foo.volumes[0].grow(10 * 1024 * 1024);
    expect(rec.take()).toEqual([
      ['PUT', '/v1/resource-definitions/foo/volume-definitions/0', { size_kib: 40960 }],
    ]);
    await foo.volumes[0].grow('+10 MiB');
    expect(rec.take()).toEqual([
      ['PUT', '/v1/resource-definitions/foo/volume-definitions/0', { size_kib: 51200 }],
    ]);
    expect(foo.volumes[0].size).toBe(50 * 1024 * 1024);
    expect(sim.state.resourceDefinition('foo')?.volumeDefinitions.get(0)?.sizeKib).toBe(51200);

    const shrink = await rejection(foo.volumes[0].setSize('1 MiB'));
    expect(isLinstorArgumentError(shrink)).toBe(true);
    expect((shrink as Error).message).toBe(
      'shrinking Resource/Volume foo/0 from 52428800 to 1048576 is not allowed',
    );
    expect(rec.take()).toEqual([]);
    expect(foo.volumes[0].size).toBe(50 * 1024 * 1024);
  });

  test('a refused resize throws "Could not resize …"', async () => {
    const foo = await Resource.open('foo', client());
    const error = await rejection(foo.volumes[0].setSize('2 PiB'));
    expect(isLinstorError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Could not resize Resource\/Volume foo\/0: ERRO:/);
  });
});

describe('scenario 18: implicit creation of a new resource', () => {
  beforeEach(async () => {
    await start(nodesWithPools(['alpha', 'bravo', 'charlie'], ['pool1']));
  });

  test('autoplace defines the resource and its volumes first', async () => {
    const r = await Resource.open('New Rsc', client());
    expect(rec.take()).toEqual([['GET', '/v1/resource-definitions?with_volume_definitions=true']]);
    expect(r.defined).toBe(false);
    r.volumes[0] = new Volume('20 MiB');
    r.volumes[1] = new Volume(1048576);
    r.placement.redundancy = 2;
    r.placement.storagePool = 'pool1';
    await r.autoplace();
    expect(rec.take()).toEqual([
      ['POST', '/v1/resource-definitions', { resource_definition: { external_name: 'New Rsc' } }],
      [
        'PUT',
        '/v1/resource-definitions/New_Rsc',
        { override_props: { 'DrbdOptions/Net/allow-two-primaries': 'no' } },
      ],
      [
        'POST',
        '/v1/resource-definitions/New_Rsc/volume-definitions',
        {
          volume_definition: {
            size_kib: 20480,
            flags: [],
            volume_number: 0,
            props: { StorPoolName: 'pool1' },
          },
        },
      ],
      [
        'POST',
        '/v1/resource-definitions/New_Rsc/volume-definitions',
        {
          volume_definition: {
            size_kib: 1024,
            flags: [],
            volume_number: 1,
            props: { StorPoolName: 'pool1' },
          },
        },
      ],
      [
        'POST',
        '/v1/resource-definitions/New_Rsc/autoplace',
        {
          diskless_on_remaining: false,
          select_filter: { place_count: 2, diskless_on_remaining: false, storage_pool_list: ['pool1'] },
        },
      ],
      ...refreshGets('New_Rsc'),
    ]);
    expect(r.linstorName).toBe('New_Rsc');
    expect(r.defined).toBe(true);
    expect(r.diskfulNodes()).toHaveLength(2);
    expect(r.volumes[1].bound).toBe(true);
    expect(r.volumes[1].devicePath).toMatch(/^\/dev\/drbd\d+$/);

    let readOnly: unknown;
    try {
      r.name = 'renamed';
    } catch (e) {
      readOnly = e;
    }
    expect(isLinstorReadOnlyAfterSetError(readOnly)).toBe(true);

    await r.deleteVolume(1);
    expect(rec.take()).toEqual([['DELETE', '/v1/resource-definitions/New_Rsc/volume-definitions/1']]);
    expect(r.volumes[1]).toBeUndefined();
  });

  test('volumes only take Volume objects; deletion goes through deleteVolume', async () => {
    const r = await Resource.open('x1', client());
    let error: unknown;
    try {
      (r.volumes as Record<number, unknown>)[0] = '20 MiB';
    } catch (e) {
      error = e;
    }
    expect(isLinstorArgumentError(error)).toBe(true);
    r.volumes[0] = new Volume('1 MiB');
    try {
      delete (r.volumes as Record<number, Volume | undefined>)[0];
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toContain('deleteVolume(0)');
    await r.deleteVolume(0); // never defined: nothing to send
    expect(r.volumes[0]).toBeUndefined();
    expect(rec.take()).toEqual([['GET', '/v1/resource-definitions?with_volume_definitions=true']]);
  });
});

describe('scenario 19: global delete', () => {
  beforeEach(async () => {
    await start({
      ...nodesWithPools(['alpha', 'bravo', 'charlie']),
      resources: [{ name: 'foo', placeCount: 2, volumeSizesKib: [20480] }],
    });
  });

  test('snapshots first, then the definition; the object is reset (quirk 12)', async () => {
    const foo = await Resource.open('foo', client());
    await foo.snapshotCreate('s1');
    rec.take();

    expect(await foo.delete('charlie')).toBe(true); // not assigned there: nothing sent
    expect(rec.take()).toEqual([]);

    await foo.delete();
    expect(rec.take()).toEqual([
      ['GET', '/v1/view/snapshots'],
      ['DELETE', '/v1/resource-definitions/foo/snapshots/s1'],
      ['DELETE', '/v1/resource-definitions/foo'],
      ['GET', '/v1/resource-definitions?with_volume_definitions=true'],
    ]);
    expect(foo.defined).toBe(false);
    expect(foo.linstorName).toBeUndefined();
    expect(Object.keys(foo.volumes)).toEqual([]);
    expect(foo.diskfulNodes()).toEqual([]);
    expect(sim.state.resourceDefinition('foo')).toBeUndefined();
    expect(await foo.delete()).toBe(true); // nothing left to delete
    expect(rec.take()).toEqual([]);
  });

  test("node delete of an assigned node; errors carry python's message", async () => {
    const foo = await Resource.open('foo', client());
    rec.take();
    await foo.delete('bravo');
    expect(rec.take()).toEqual([
      ['DELETE', '/v1/resource-definitions/foo/resources/bravo'],
      ...refreshGets('foo'),
    ]);
    expect(foo.isAssigned('bravo')).toBe(false);
    expect(sim.state.resource('foo', 'bravo')).toBeUndefined();
  });
});
