// python-linstor-behavior.md §9 scenario 13 (ResourceGroup lifecycle), request-exact, against the
// simulated controller over HTTP.
import { isLinstorArgumentError, isLinstorReadOnlyAfterSetError } from '../../src/core/errors';
import { ResourceGroup } from '../../src/objects/resource-group';
import type { RunningSimulator } from '../../src/testing';
import { nodesWithPools, type Recorder, recorder, simulator } from './helpers';

let sim: RunningSimulator;
let rec: Recorder;

beforeEach(async () => {
  sim = await simulator(nodesWithPools(['alpha', 'bravo', 'charlie'], ['myssdpool']));
  rec = recorder();
});
afterEach(async () => {
  await sim.close();
});

const open = (name = 'threeSSD') => ResourceGroup.open(name, { uri: sim.url, fetch: rec.fetch });

describe('scenario 13: ResourceGroup lifecycle', () => {
  test('a new group is created with one volume group, then read', async () => {
    const rg = await open();
    expect(rec.take()).toEqual([
      ['GET', '/v1/resource-groups?resource_groups=threeSSD'],
      ['POST', '/v1/resource-groups', { name: 'threeSSD', select_filter: {} }],
      ['POST', '/v1/resource-groups/threeSSD/volume-groups', { volume_number: 0 }],
      ['GET', '/v1/resource-groups?resource_groups=threeSSD'],
      ['GET', '/v1/resource-groups/threeSSD/volume-groups'],
    ]);
    expect(rg.name).toBe('threeSSD');
    expect(rg.nrVolumes).toBe(1);
    expect(rg.description).toBe('');
    expect(rg.redundancy).toBeUndefined();
    expect(rg.storagePool).toEqual([]);
    expect(sim.state.resourceGroup('threeSSD')?.volumeGroups.size).toBe(1);
  });

  test('setters send the whole cached group', async () => {
    const rg = await open();
    rec.take();
    await rg.setRedundancy(3);
    expect(rec.take()).toEqual([
      [
        'PUT',
        '/v1/resource-groups/threeSSD',
        {
          description: '',
          select_filter: { place_count: 3, diskless_on_remaining: false, storage_pool_list: [] },
        },
      ],
    ]);
    await rg.setStoragePool('myssdpool');
    expect(rec.take()).toEqual([
      [
        'PUT',
        '/v1/resource-groups/threeSSD',
        {
          description: '',
          select_filter: { place_count: 3, diskless_on_remaining: false, storage_pool_list: ['myssdpool'] },
        },
      ],
    ]);
    expect(rg.redundancy).toBe(3);
    expect(rg.storagePool).toEqual(['myssdpool']);
    const stored = sim.state.resourceGroup('threeSSD')?.selectFilter;
    expect(stored?.place_count).toBe(3);
    expect(stored?.storage_pool_list).toEqual(['myssdpool']);
  });

  test('an existing group is only read (3 GETs), never recreated', async () => {
    const first = await open();
    await first.setRedundancy(3);
    await first.close();
    rec.take();
    const again = await open();
    expect(rec.take()).toEqual([
      ['GET', '/v1/resource-groups?resource_groups=threeSSD'],
      ['GET', '/v1/resource-groups?resource_groups=threeSSD'],
      ['GET', '/v1/resource-groups/threeSSD/volume-groups'],
    ]);
    expect(again.redundancy).toBe(3);
  });

  test('nrVolumes: grow, shrink, refuse 0', async () => {
    const rg = await open();
    rec.take();
    await rg.setNrVolumes(3);
    expect(rec.take()).toEqual([
      ['POST', '/v1/resource-groups/threeSSD/volume-groups', { volume_number: 1 }],
      ['POST', '/v1/resource-groups/threeSSD/volume-groups', { volume_number: 2 }],
    ]);
    expect(rg.nrVolumes).toBe(3);
    expect(sim.state.resourceGroup('threeSSD')?.volumeGroups.size).toBe(3);
    await rg.setNrVolumes(1);
    expect(rec.take()).toEqual([
      ['DELETE', '/v1/resource-groups/threeSSD/volume-groups/2'],
      ['DELETE', '/v1/resource-groups/threeSSD/volume-groups/1'],
    ]);
    expect(rg.nrVolumes).toBe(1);
    const refused = await rg.setNrVolumes(0).catch((e: unknown) => e);
    expect(isLinstorArgumentError(refused)).toBe(true);
    expect(refused).toHaveProperty('message', 'A resource group needs at least one volume group');
    expect(rec.take()).toEqual([]);
  });

  test('one handshake for the whole life of the object', async () => {
    const rg = await open();
    await rg.setRedundancy(2);
    await rg.setNrVolumes(2);
    await rg.refresh();
    expect(rec.versionGets()).toBe(2); // the HTTPS probe and the version GET, once
  });

  test('the name is read-only; refresh re-reads; delete removes the group', async () => {
    const rg = await open();
    let thrown: unknown;
    try {
      rg.name = 'other';
    } catch (e) {
      thrown = e;
    }
    expect(isLinstorReadOnlyAfterSetError(thrown)).toBe(true);
    expect(rg.name).toBe('threeSSD');
    const record = sim.state.resourceGroup('threeSSD');
    if (record) record.description = 'changed elsewhere';
    await rg.refresh();
    expect(rg.description).toBe('changed elsewhere');
    rec.take();
    await rg.delete();
    expect(rec.take()).toEqual([['DELETE', '/v1/resource-groups/threeSSD']]);
    expect(sim.state.resourceGroup('threeSSD')).toBeUndefined();
  });

  test('a failed modify throws with the controller message and keeps the old cached value', async () => {
    const rg = await open();
    await expect(rg.setLayerList(['bogus'])).rejects.toThrow(
      /^Could not modify resource group threeSSD: ERRO:/,
    );
    expect(rg.layerList).toBeUndefined();
  });

  test('close() disconnects the client the group created; an existing client stays connected', async () => {
    const rg = await open();
    expect(rg.client.connected).toBe(true);
    await rg.close();
    expect(rg.client.connected).toBe(false);
    const shared = await ResourceGroup.open('other', { existingClient: rg.client });
    await shared.close();
    expect(rg.client.connected).toBe(true);
  });
});
