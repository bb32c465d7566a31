// The §2.10-§2.17 families end to end: the real `Linstor` class over HTTP against the simulated
// controller (src/testing) on 127.0.0.1.
import { Linstor } from '../../src/api/linstor';
import { ResourceResponse } from '../../src/api/responses/resource';
import { type RunningSimulator, startSimulator } from '../../src/testing';

let sim: RunningSimulator;
let lin: Linstor;

beforeAll(async () => {
  sim = await startSimulator({
    host: '127.0.0.1',
    seed: {
      nodes: [{ name: 'alpha' }, { name: 'beta' }, { name: 'gamma' }],
      storagePools: [{ name: 'pool1', providerKind: 'LVM_THIN', capacityKib: 100 * 1024 * 1024 }],
    },
  });
  lin = new Linstor(sim.url, { probeHttps: false });
});
afterAll(async () => {
  await sim.close();
});

const allOk = (replies: { isError(): boolean }[]) => replies.every((r) => !r.isError());

test('create and auto-place, list, make available, delete if diskless', async () => {
  expect(
    allOk(
      await lin.resourceCreateAndAutoPlace({
        rscName: 'res1',
        size: 20480,
        placeCount: 1,
        storagePool: 'pool1',
      }),
    ),
  ).toBe(true);
  const list = await lin.resourceListRaise({ filterByResources: ['res1'] });
  expect(list).toBeInstanceOf(ResourceResponse);
  const diskful = list.resources.map((r) => r.nodeName).sort();
  expect(diskful).toHaveLength(1); // one replica: no tiebreaker

  const spare = ['alpha', 'beta', 'gamma'].find((n) => !diskful.includes(n)) as string;
  expect(allOk(await lin.resourceMakeAvailable({ nodeName: spare, rscName: 'res1' }))).toBe(true);
  const after = await lin.volumeListRaise({ filterByNodes: [spare], filterByResources: ['res1'] });
  expect(after.resources[0].flags).toContain('DISKLESS');

  const deleted = await lin.resourceDeleteIfDiskless({ nodeName: spare, rscName: 'res1' });
  expect(allOk(deleted)).toBe(true);
  const again = await lin.resourceDeleteIfDiskless({ nodeName: spare, rscName: 'res1' });
  expect(again.map((r) => r.message)).toEqual([`Resource res1 did not exist on node ${spare}`]);
  const kept = await lin.resourceDeleteIfDiskless({ nodeName: diskful[0], rscName: 'res1' });
  expect(kept.map((r) => r.message)).toEqual([
    `Resource res1 not diskless on node ${diskful[0]}, not deleted`,
  ]);
});

test('snapshots, KV store and controller properties', async () => {
  expect(allOk(await lin.snapshotCreate({ rscName: 'res1', snapshotName: 'snap1' }))).toBe(true);
  const snaps = await lin.snapshotDfnListRaise({ filterByResources: ['res1'] });
  expect(snaps.snapshots.map((s) => s.name)).toContain('snap1');
  expect(allOk(await lin.snapshotDelete({ rscName: 'res1', snapshotName: 'snap1' }))).toBe(true);

  expect(allOk(await lin.keyvaluestoreModify({ instanceName: 'kv1', propertyDict: { '/a/b': 'c' } }))).toBe(
    true,
  );
  const kv = await lin.keyvaluestoreList({ instanceName: 'kv1' });
  expect(Object.values(kv.properties)).toContain('c');

  expect(allOk(await lin.controllerSetProp({ key: 'Aux/sdk-test', value: 'yes' }))).toBe(true);
  const props = await lin.controllerProps();
  expect((props[0] as { properties: Record<string, string> }).properties['Aux/sdk-test']).toBe('yes');
});

test('scenario 21 end to end: clone, wait for completion, wait for sync', async () => {
  const started = await lin.resourceDfnClone({ srcName: 'res1', cloneName: 'res1clone' });
  expect(started?.cloneName).toBe('res1clone');
  await expect(
    lin.resourceDfnCloneWaitComplete({
      srcName: 'res1',
      cloneName: 'res1clone',
      waitInterval: 0.01,
      timeout: 20,
    }),
  ).resolves.toBe(true);
  await expect(
    lin.resourceDfnWaitSynced({ rscName: 'res1clone', waitInterval: 0.01, timeout: 20 }),
  ).resolves.toBe(true);
});
