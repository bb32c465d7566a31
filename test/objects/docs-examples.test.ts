// Every high-level example of python-linstor's documentation (issue 5 §2), in TypeScript, against the
// simulated controller over real HTTP; each test checks the controller's resulting state.
import { KV } from '../../src/objects/kv';
import { Resource } from '../../src/objects/resource';
import { ResourceGroup } from '../../src/objects/resource-group';
import { Volume } from '../../src/objects/volume';
import type { RunningSimulator } from '../../src/testing';
import { simulator } from './helpers';

let sim: RunningSimulator;

beforeEach(async () => {
  // four satellites with an SSD pool and the pool the docs call 'drbdpool'
  sim = await simulator({
    nodes: ['alpha', 'bravo', 'charlie', 'delta'].map((name) => ({ name })),
    storagePools: [
      { name: 'myssdpool', providerKind: 'LVM_THIN' },
      { name: 'drbdpool', providerKind: 'LVM' },
    ],
  });
});
afterEach(async () => {
  await sim.close();
});

const uri = () => sim.url;
/** node -> 'diskful' | 'diskless' for every resource of `rd` on the controller */
function placement(rd: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of sim.state.resourceDefinition(rd)?.resources.values() ?? []) {
    out[r.nodeName] = r.flags.has('DISKLESS') ? 'diskless' : 'diskful';
  }
  return out;
}
const sizeKib = (rd: string, nr = 0) => sim.state.resourceDefinition(rd)?.volumeDefinitions.get(nr)?.sizeKib;

/** python: rg = ResourceGroup('threeSSD', uri=…); rg.redundancy = 3; rg.storage_pool = 'myssdpool'; rg.create_resource('foo', ['20 MiB']) */
async function threeWayFoo(): Promise<Resource> {
  const rg = await ResourceGroup.open('threeSSD', { uri: uri() });
  await rg.setRedundancy(3);
  await rg.setStoragePool('myssdpool');
  return rg.createResource('foo', ['20 MiB']);
}

test('resource group -> 3-way redundant resource (the size with a space works)', async () => {
  const foo = await threeWayFoo();
  const group = sim.state.resourceGroup('threeSSD');
  expect(group?.selectFilter.place_count).toBe(3);
  expect(group?.selectFilter.storage_pool_list).toEqual(['myssdpool']);
  expect(sizeKib('foo')).toBe(20480);
  const replicas = [...(sim.state.resourceDefinition('foo')?.resources.values() ?? [])];
  expect(replicas).toHaveLength(3);
  for (const r of replicas) expect(r.props.StorPoolName).toBe('myssdpool');
  expect(foo.diskfulNodes()).toHaveLength(3);
  await foo.client.disconnect();
});

test('Resource + Volume + autoplace: "foo" of 20 MiB, 3 times redundant', async () => {
  const foo = await Resource.open('foo', { uri: uri() });
  foo.volumes[0] = new Volume('20 MiB');
  foo.placement.redundancy = 3;
  await foo.autoplace();
  expect(sizeKib('foo')).toBe(20480);
  expect(Object.values(placement('foo')).filter((k) => k === 'diskful')).toHaveLength(3);
  expect(foo.diskfulNodes()).toHaveLength(3);
  await foo.close();
});

test('resize: set 30 MiB, then grow by 10 * 1024 * 1024 bytes', async () => {
  await (await threeWayFoo()).close();
  const foo = await Resource.open('foo', { uri: uri() });
  await foo.volumes[0].setSize('30 MiB');
  expect(sizeKib('foo')).toBe(30720);
  await foo.volumes[0].grow(10 * 1024 * 1024);
  expect(sizeKib('foo')).toBe(40960);
  expect(foo.volumes[0].size).toBe(40 * 1024 * 1024);
  await foo.close();
});

test('activate: a diskless assignment only where there is none; deactivate: only diskless ones go', async () => {
  await threeWayFoo();
  const foo = await Resource.open('foo', { uri: uri() });
  const [onDisk] = foo.diskfulNodes();
  const spare = ['alpha', 'bravo', 'charlie', 'delta'].find((n) => !foo.isAssigned(n)) as string;

  await foo.activate(spare);
  expect(placement('foo')[spare]).toBe('diskless');
  await foo.deactivate(spare);
  expect(placement('foo')[spare]).toBeUndefined();

  await foo.activate(onDisk);
  expect(placement('foo')[onDisk]).toBe('diskful');
  await foo.deactivate(onDisk);
  expect(placement('foo')[onDisk]).toBe('diskful');
  await foo.close();
});

test("placement.storagePool = 'drbdpool'; diskful, diskless, delete, diskless on alpha", async () => {
  await threeWayFoo();
  const foo = await Resource.open('foo', { uri: uri() });
  foo.placement.storagePool = 'drbdpool';
  const node = ['alpha', 'bravo', 'charlie', 'delta'].find((n) => !foo.isAssigned(n)) as string;

  await foo.diskful(node); // whatever it was, it is now diskful
  expect(placement('foo')[node]).toBe('diskful');
  expect(sim.state.resource('foo', node)?.props.StorPoolName).toBe('drbdpool');
  await foo.diskless(node); // converted to diskless
  expect(placement('foo')[node]).toBe('diskless');
  await foo.delete(node);
  expect(placement('foo')[node]).toBeUndefined();
  await foo.diskless(node); // created diskless
  expect(placement('foo')[node]).toBe('diskless');
  expect(foo.isDiskless(node)).toBe(true);
  await foo.close();
});

test('dual primary on and off', async () => {
  await threeWayFoo();
  const foo = await Resource.open('foo', { uri: uri() });
  const prop = () => sim.state.resourceDefinition('foo')?.props['DrbdOptions/Net/allow-two-primaries'];
  await foo.setAllowTwoPrimaries(true);
  expect(prop()).toBe('yes');
  // ... a live migration would happen here ...
  await foo.setAllowTwoPrimaries(false);
  expect(prop()).toBe('no');
  await foo.close();
});

test('queries: disklessNodes, isDiskful, isAssigned, backingDisk, devicePath', async () => {
  await threeWayFoo();
  const foo = await Resource.open('foo', { uri: uri() });
  const spare = ['alpha', 'bravo', 'charlie', 'delta'].find((n) => !foo.isAssigned(n)) as string;
  await foo.activate(spare);

  expect(foo.disklessNodes()).toEqual([spare]);
  for (const [node, kind] of Object.entries(placement('foo'))) {
    expect(foo.isDiskful(node)).toBe(kind === 'diskful');
    expect(foo.isAssigned(node)).toBe(true);
  }
  const volume = foo.volumes[0];
  expect(volume.devicePath).toBe(`/dev/drbd${volume.minor}`);
  // the DRBD layer's backing device of a diskful node (LVM_THIN: /dev/<vg>/<rsc>_<vlmNr>)
  expect(volume.backingDisk).toMatch(/^\/dev\/.+\/foo_00000$/);
  expect([...volume.backingDisks.keys()].sort()).toEqual(foo.diskfulNodes().sort());
  await foo.close();
});

test("KV('myKV', namespace '/foo/bar/'): namespaces hide each other's keys", async () => {
  const kv = await KV.open('myKV', { uri: uri(), namespace: '/foo/bar/' });
  await kv.set('key', 'val');
  expect([...kv.items()]).toEqual([['key', 'val']]);
  kv.namespace = '/';
  expect([...kv.items()]).toEqual([['foo/bar/key', 'val']]);
  await kv.set('foo/baz/key', 'valbaz');
  kv.namespace = '/foo/bar';
  expect([...kv.items()]).toEqual([['key', 'val']]);
  expect(sim.state.keyValueStores.get('MYKV')?.props).toEqual({
    'foo/bar/key': 'val',
    'foo/baz/key': 'valbaz',
  });
  await kv.close();
});
