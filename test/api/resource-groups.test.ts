import { resourceGroupMethods } from '../../src/api/methods/resource-groups';
import { isListResponse } from '../../src/api/responses/list-result';
import { QuerySizeInfoResponse, ResourceGroupResponse } from '../../src/api/responses/resource-group';
import type { MaxVolumeSizeResponse } from '../../src/api/responses/storage-pool-definition';
import { buildSelectFilter } from '../../src/api/select-filter';
import { ApiCallResponse } from '../../src/core/api-call-response';
import { LinstorApiCallError, LinstorArgumentError, LinstorError } from '../../src/core/errors';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

const RGS = [
  {
    name: 'rg1',
    description: 'three replicas',
    props: { k: 'v' },
    select_filter: {
      place_count: 3,
      storage_pool_list: ['pool1', 'pool2'],
      layer_stack: ['DRBD', 'STORAGE'],
      x_replicas_on_different_map: { 'Aux/zone': 1 },
      diskless_on_remaining: true,
    },
    uuid: 'u-rg1',
    peer_slots: 5,
  },
  { name: 'DfltRscGrp', select_filter: { place_count: 2, storage_pool: 'old' } },
];

describe('resource groups (§2.6)', () => {
  test('resourceGroupCreate: scenario 6 and scenario 13 bodies', async () => {
    const d = controllerDouble();
    const lin = d.client(resourceGroupMethods);
    await lin.resourceGroupCreate({
      name: 'rg1',
      placeCount: 3,
      storagePool: 'pool1',
      layerList: ['drbd', 'storage'],
      propertyDict: { k: 'v' },
    });
    await lin.resourceGroupCreate({ name: 'threeSSD' });
    await lin.resourceGroupCreate({
      name: 'd',
      description: 'text',
      peerSlots: 7,
      disklessStoragePool: 'dl',
    });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/resource-groups',
        query: '',
        body: {
          name: 'rg1',
          props: { k: 'v' },
          select_filter: { place_count: 3, storage_pool_list: ['pool1'], layer_stack: ['drbd', 'storage'] },
        },
      },
      {
        method: 'POST',
        path: '/v1/resource-groups',
        query: '',
        body: { name: 'threeSSD', select_filter: {} },
      },
      {
        method: 'POST',
        path: '/v1/resource-groups',
        query: '',
        body: {
          name: 'd',
          description: 'text',
          select_filter: { storage_pool_diskless_list: ['dl'] },
          peer_slots: 7,
        },
      },
    ]);
  });

  test('resourceGroupCreate: peer slots 0, and the gates (1.0.8 operation, 1.21.0 peer slots, 1.7.0 diskless pool)', async () => {
    const d = controllerDouble(undefined, '1.20.0');
    const lin = d.client(resourceGroupMethods);
    await expect(lin.resourceGroupCreate({ name: 'x', peerSlots: 0 })).rejects.toBeInstanceOf(
      LinstorArgumentError,
    );
    await expect(lin.resourceGroupCreate({ name: 'x', peerSlots: 4 })).rejects.toThrow(
      "Resource group's peer-slots not supported by server, REST-API-VERSION: 1.20.0; needed 1.21.0",
    );
    expect(d.work()).toEqual([]);
    const old = controllerDouble(undefined, '1.0.7');
    await expect(old.client(resourceGroupMethods).resourceGroupCreate({ name: 'x' })).rejects.toThrow(
      'Resource group create not supported by server, REST-API-VERSION: 1.0.7; needed 1.0.8',
    );
    await expect(old.client(resourceGroupMethods).resourceGroupDelete({ name: 'x' })).rejects.toThrow(
      LinstorError,
    );
    const v16 = controllerDouble(undefined, '1.6.0');
    await expect(
      v16.client(resourceGroupMethods).resourceGroupCreate({ name: 'x', disklessStoragePool: ['dl'] }),
    ).rejects.toThrow('REST action not supported by server, REST-API-VERSION: 1.6.0; needed 1.7.0');
    expect([...old.work(), ...v16.work()]).toEqual([]);
  });

  test('resourceGroupModify: scenario 13 bodies, description "" is sent', async () => {
    const d = controllerDouble();
    const lin = d.client(resourceGroupMethods);
    await lin.resourceGroupModify({
      name: 'threeSSD',
      description: '',
      placeCount: 3,
      disklessOnRemaining: false,
      storagePool: [],
    });
    await lin.resourceGroupModify({
      name: 'threeSSD',
      description: '',
      placeCount: 3,
      disklessOnRemaining: false,
      storagePool: ['myssdpool'],
    });
    await lin.resourceGroupModify({
      name: 'rg 1',
      propertyDict: { a: 'b' },
      deleteProps: ['c'],
      peerSlots: 3,
      storagePool: [''],
    });
    expect(d.work().map(req)).toEqual([
      {
        method: 'PUT',
        path: '/v1/resource-groups/threeSSD',
        query: '',
        body: {
          description: '',
          select_filter: { place_count: 3, diskless_on_remaining: false, storage_pool_list: [] },
        },
      },
      {
        method: 'PUT',
        path: '/v1/resource-groups/threeSSD',
        query: '',
        body: {
          description: '',
          select_filter: { place_count: 3, diskless_on_remaining: false, storage_pool_list: ['myssdpool'] },
        },
      },
      {
        method: 'PUT',
        path: '/v1/resource-groups/rg%201',
        query: '',
        body: {
          select_filter: { storage_pool_list: [] },
          override_props: { a: 'b' },
          delete_props: ['c'],
          peer_slots: 3,
        },
      },
    ]);
  });

  test('resourceGroupDelete', async () => {
    const d = controllerDouble();
    await d.client(resourceGroupMethods).resourceGroupDelete({ name: 'rg1' });
    expect(req(d.work()[0])).toEqual({ method: 'DELETE', path: '/v1/resource-groups/rg1', query: '' });
  });

  test('resourceGroupListRaise: query, typed reply, SelectFilter accessors', async () => {
    const d = controllerDouble((s) => (s.path === '/v1/resource-groups' ? json(RGS) : undefined));
    const lin = d.client(resourceGroupMethods);
    const list = await lin.resourceGroupListRaise({
      filterByResourceGroups: ['threeSSD'],
      filterByProps: ['k=v'],
    });
    await lin.resourceGroupListRaise();
    expect(d.work().map(req)).toEqual([
      { method: 'GET', path: '/v1/resource-groups', query: 'resource_groups=threeSSD&props=k%3Dv' },
      { method: 'GET', path: '/v1/resource-groups', query: '' },
    ]);
    expect(list).toBeInstanceOf(ResourceGroupResponse);
    const [rg1, dflt] = list.resourceGroups;
    expect([rg1.name, rg1.description, rg1.properties, rg1.uuid, rg1.peerSlots]).toEqual([
      'rg1',
      'three replicas',
      { k: 'v' },
      'u-rg1',
      5,
    ]);
    const sf = rg1.selectFilter;
    expect([
      sf.placeCount,
      sf.storagePoolList,
      sf.layerStack,
      sf.xReplicasOnDifferent,
      sf.disklessOnRemaining,
    ]).toEqual([3, ['pool1', 'pool2'], ['DRBD', 'STORAGE'], { 'Aux/zone': 1 }, true]);
    expect(sf.toString()).toContain('PlaceCount: 3');
    expect(sf.toString()).toContain('StoragePool(s): pool1, pool2');
    expect([
      dflt.description,
      dflt.selectFilter.storagePoolList,
      dflt.selectFilter.disklessOnRemaining,
    ]).toEqual(['', ['old'], false]);
  });

  test('resourceGroupListRaise: throws on error replies, empty response in dry-run', async () => {
    const d = controllerDouble((s) =>
      s.path === '/v1/resource-groups' ? json(ERROR_REPLY, 500) : undefined,
    );
    await expect(d.client(resourceGroupMethods).resourceGroupListRaise()).rejects.toBeInstanceOf(
      LinstorApiCallError,
    );
    const dry = controllerDouble();
    const empty = await dry.client(resourceGroupMethods, { dryRun: true }).resourceGroupListRaise();
    expect(empty.resourceGroups).toEqual([]);
    expect(dry.all).toEqual([]);
  });

  test('resourceGroupSpawn: scenario 6 sizes and external name', async () => {
    const d = controllerDouble();
    const lin = d.client(resourceGroupMethods);
    await lin.resourceGroupSpawn({
      rscGrpName: 'rg1',
      rscDfnName: 'res1',
      vlmSizes: ['20MiB', 1024, '1G', '100MB', '5', '1k', '3tib'],
    });
    await lin.resourceGroupSpawn({
      rscGrpName: 'rg1',
      rscDfnName: 'res1',
      vlmSizes: ['20 MiB'],
      externalName: 'Ext Name',
      definitionsOnly: true,
    });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/resource-groups/rg1/spawn',
        query: '',
        body: {
          resource_definition_name: 'res1',
          volume_sizes: [20480, 1024, 1048576, 97657, 5242880, 1, 3221225472],
          partial: false,
          definitions_only: false,
          select_filter: {},
        },
      },
      {
        method: 'POST',
        path: '/v1/resource-groups/rg1/spawn',
        query: '',
        body: {
          resource_definition_name: '',
          resource_definition_external_name: 'Ext Name',
          volume_sizes: [20480],
          partial: false,
          definitions_only: true,
          select_filter: {},
        },
      },
    ]);
  });

  test('resourceGroupSpawn: filter, peer slots, passphrases, storage pool string wrapped', async () => {
    const d = controllerDouble();
    const lin = d.client(resourceGroupMethods);
    await lin.resourceGroupSpawn({
      rscGrpName: 'rg1',
      rscDfnName: 'res2',
      vlmSizes: [1024, 2048],
      partial: true,
      placeCount: 2,
      storagePool: 'pool1',
      replicasOnDifferent: ['Aux/rack'],
      peerSlots: 4,
      volumePassphrases: ['a', 'b'],
    });
    expect(d.work()[0].body).toEqual({
      resource_definition_name: 'res2',
      volume_sizes: [1024, 2048],
      partial: true,
      definitions_only: false,
      select_filter: { place_count: 2, storage_pool_list: ['pool1'], replicas_on_different: ['Aux/rack'] },
      peer_slots: 4,
      volume_passphrases: ['a', 'b'],
    });
    await expect(
      lin.resourceGroupSpawn({
        rscGrpName: 'rg1',
        rscDfnName: 'r',
        vlmSizes: [1],
        volumePassphrases: ['a', 'b'],
      }),
    ).rejects.toBeInstanceOf(LinstorArgumentError);
    await expect(
      lin.resourceGroupSpawn({ rscGrpName: 'rg1', rscDfnName: 'r', vlmSizes: ['1.5G'] }),
    ).rejects.toBeInstanceOf(LinstorArgumentError);
    await expect(
      lin.resourceGroupSpawn({ rscGrpName: 'rg1', rscDfnName: 'r', vlmSizes: [1.5] }),
    ).rejects.toBeInstanceOf(LinstorArgumentError);
    expect(d.work()).toHaveLength(1);
    const v121 = controllerDouble(undefined, '1.21.0');
    await expect(
      v121
        .client(resourceGroupMethods)
        .resourceGroupSpawn({ rscGrpName: 'rg', rscDfnName: 'r', vlmSizes: [1], volumePassphrases: ['a'] }),
    ).rejects.toThrow('needed 1.22.0');
    expect(v121.work()).toEqual([]);
  });

  test('resourceGroupQmvs: deprecated GET, typed reply, 1.0.12 gate', async () => {
    const d = controllerDouble((s) =>
      s.path.endsWith('/query-max-volume-size')
        ? json({ candidates: [{ storage_pool: 'p', max_volume_size_kib: 10 }] })
        : undefined,
    );
    const result = await d.client(resourceGroupMethods).resourceGroupQmvs({ rscGrpName: 'rg1' });
    expect(req(d.work()[0])).toEqual({
      method: 'GET',
      path: '/v1/resource-groups/rg1/query-max-volume-size',
      query: '',
    });
    expect(isListResponse(result)).toBe(true);
    expect((result[0] as MaxVolumeSizeResponse).candidates[0].maxVolumeSize).toBe(10);
    const old = controllerDouble(undefined, '1.0.11');
    await expect(old.client(resourceGroupMethods).resourceGroupQmvs({ rscGrpName: 'rg1' })).rejects.toThrow(
      'needed 1.0.12',
    );
  });

  test('resourceGroupQuerySizeInfo: POST select_filter, first element of the reply', async () => {
    const info = {
      space_info: {
        max_vlm_size_in_kib: 1000,
        available_size_in_kib: 2000,
        capacity_in_kib: 4000,
        default_max_oversubscription_ratio: 20,
        next_spawn_result: [
          { node_name: 'alpha', stor_pool_name: 'pool1', stor_pool_oversubscription_ratio: 2 },
        ],
      },
      reports: [],
    };
    const d = controllerDouble((s) =>
      s.path === '/v1/resource-groups/rg1/query-size-info'
        ? json(info)
        : s.path === '/v1/resource-groups/nope/query-size-info'
          ? json(ERROR_REPLY, 404)
          : undefined,
    );
    const lin = d.client(resourceGroupMethods);
    const result = await lin.resourceGroupQuerySizeInfo({
      rscGrpName: 'rg1',
      placeCount: 2,
      storagePool: ['pool1'],
    });
    expect(req(d.work()[0])).toEqual({
      method: 'POST',
      path: '/v1/resource-groups/rg1/query-size-info',
      query: '',
      body: { select_filter: { place_count: 2, storage_pool_list: ['pool1'] } },
    });
    expect(result).toBeInstanceOf(QuerySizeInfoResponse);
    const space = (result as QuerySizeInfoResponse).spaceInfo;
    expect([
      space?.maxVlmSizeInKib,
      space?.availableSizeInKib,
      space?.capacityInKib,
      space?.defaultMaxOversubscriptionRatio,
    ]).toEqual([1000, 2000, 4000, 20]);
    const spawn = space?.nextSpawnResult[0];
    expect([spawn?.nodeName, spawn?.storPoolName, spawn?.storPoolOversubscriptionRatio]).toEqual([
      'alpha',
      'pool1',
      2,
    ]);
    const err = await lin.resourceGroupQuerySizeInfo({ rscGrpName: 'nope' });
    expect(err).toBeInstanceOf(ApiCallResponse);
    const old = controllerDouble(undefined, '1.16.0');
    await expect(
      old.client(resourceGroupMethods).resourceGroupQuerySizeInfo({ rscGrpName: 'rg1' }),
    ).rejects.toThrow(
      'Query size info on resource group API not supported by server, REST-API-VERSION: 1.16.0; needed 1.17.0',
    );
  });

  test('resourceGroupAdjust: one group or adjustall', async () => {
    const d = controllerDouble();
    const lin = d.client(resourceGroupMethods);
    await lin.resourceGroupAdjust({ rscGrpName: 'rg1' });
    await lin.resourceGroupAdjust({ rscGrpName: null });
    await lin.resourceGroupAdjust();
    expect(d.work().map(req)).toEqual([
      { method: 'POST', path: '/v1/resource-groups/rg1/adjust', query: '' },
      { method: 'POST', path: '/v1/resource-groups/adjustall', query: '' },
      { method: 'POST', path: '/v1/resource-groups/adjustall', query: '' },
    ]);
    const old = controllerDouble(undefined, '1.9.0');
    await expect(old.client(resourceGroupMethods).resourceGroupAdjust()).rejects.toThrow('needed 1.10.0');
  });
});

describe('select-filter builder (§2.6)', () => {
  const gate = (version: string | undefined) => ({
    apiVersionSmaller: (v: string) =>
      version === undefined ? undefined : version.localeCompare(v, undefined, { numeric: true }) < 0,
    requireVersion: (v: string, msg: string) => {
      if (version !== undefined && version.localeCompare(v, undefined, { numeric: true }) < 0)
        throw new LinstorError(msg);
    },
  });

  test('no arguments give {}; null counts as not given', () => {
    expect(buildSelectFilter({}, gate('1.25.0'))).toEqual({});
    expect(
      buildSelectFilter({ placeCount: null, storagePool: null, layerList: null }, gate('1.25.0')),
    ).toEqual({});
  });

  test('every key', () => {
    expect(
      buildSelectFilter(
        {
          placeCount: 2,
          additionalPlaceCount: 1,
          disklessType: 'DRBD_DISKLESS',
          disklessOnRemaining: false,
          storagePool: ['a', 'b'],
          disklessStoragePool: 'dl',
          doNotPlaceWith: ['r'],
          doNotPlaceWithRegex: 'x',
          replicasOnSame: ['s'],
          replicasOnDifferent: ['d'],
          xReplicasOnDifferent: { z: 2 },
          layerList: ['drbd'],
          providerList: ['LVM'],
        },
        gate('1.25.0'),
      ),
    ).toEqual({
      place_count: 2,
      additional_place_count: 1,
      diskless_type: 'DRBD_DISKLESS',
      diskless_on_remaining: false,
      storage_pool_list: ['a', 'b'],
      storage_pool_diskless_list: ['dl'],
      not_place_with_rsc: ['r'],
      not_place_with_rsc_regex: 'x',
      replicas_on_same: ['s'],
      replicas_on_different: ['d'],
      x_replicas_on_different_map: { z: 2 },
      layer_stack: ['drbd'],
      provider_list: ['LVM'],
    });
  });

  test('additional place count: only non-zero, needs 1.6.0', () => {
    expect(buildSelectFilter({ additionalPlaceCount: 0 }, gate('1.0.8'))).toEqual({});
    expect(() => buildSelectFilter({ additionalPlaceCount: 1 }, gate('1.5.0'))).toThrow(LinstorArgumentError);
  });

  test('storage pool below 1.1.0: the single key, more than one pool is refused', () => {
    expect(buildSelectFilter({ storagePool: 'p' }, gate('1.0.9'))).toEqual({ storage_pool: 'p' });
    expect(() => buildSelectFilter({ storagePool: ['p', 'q'] }, gate('1.0.9'))).toThrow(LinstorArgumentError);
    // not connected (dry-run): no version is known, the current format is used
    expect(buildSelectFilter({ storagePool: 'p' }, gate(undefined))).toEqual({ storage_pool_list: ['p'] });
  });
});
