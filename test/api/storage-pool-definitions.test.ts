import { storagePoolDefinitionMethods } from '../../src/api/methods/storage-pool-definitions';
import { isListResponse } from '../../src/api/responses/list-result';
import {
  MaxVolumeSizeResponse,
  type StoragePoolDefinitionResponse,
} from '../../src/api/responses/storage-pool-definition';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

const MAX_SIZES = {
  candidates: [
    { storage_pool: 'pool1', max_volume_size_kib: 104857600, node_names: ['alpha', 'beta'], all_thin: true },
  ],
  default_max_oversubscription_ratio: 20,
};

describe('storage pool definitions (§2.4)', () => {
  test('create, modify, delete', async () => {
    const d = controllerDouble();
    const lin = d.client(storagePoolDefinitionMethods);
    await lin.storagePoolDfnCreate({ name: 'pool1' });
    await lin.storagePoolDfnModify({ name: 'pool1', propertyDict: { 'Aux/a': 'b' } });
    await lin.storagePoolDfnModify({ name: 'pool1', propertyDict: null, deleteProps: ['Aux/a'] });
    await lin.storagePoolDfnDelete({ name: 'po ol' });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/storage-pool-definitions',
        query: '',
        body: { storage_pool_name: 'pool1' },
      },
      {
        method: 'PUT',
        path: '/v1/storage-pool-definitions/pool1',
        query: '',
        body: { override_props: { 'Aux/a': 'b' } },
      },
      {
        method: 'PUT',
        path: '/v1/storage-pool-definitions/pool1',
        query: '',
        body: { delete_props: ['Aux/a'] },
      },
      { method: 'DELETE', path: '/v1/storage-pool-definitions/po%20ol', query: '' },
    ]);
  });

  test('storagePoolDfnList: typed reply or errors', async () => {
    const d = controllerDouble((s) =>
      s.path === '/v1/storage-pool-definitions'
        ? json([{ storage_pool_name: 'DfltStorPool', props: { a: 'b' } }, { storage_pool_name: 'pool1' }])
        : undefined,
    );
    const result = await d.client(storagePoolDefinitionMethods).storagePoolDfnList();
    expect(req(d.work()[0])).toEqual({ method: 'GET', path: '/v1/storage-pool-definitions', query: '' });
    expect(isListResponse(result)).toBe(true);
    const list = result[0] as StoragePoolDefinitionResponse;
    expect(list.storagePoolDefinitions.map((p) => [p.name, p.properties])).toEqual([
      ['DfltStorPool', { a: 'b' }],
      ['pool1', {}],
    ]);
    const err = controllerDouble((s) =>
      s.method === 'GET' && s.path !== '/v1/controller/version' ? json(ERROR_REPLY, 500) : undefined,
    );
    const failed = await err.client(storagePoolDefinitionMethods).storagePoolDfnList();
    expect(isListResponse(failed)).toBe(false);
  });

  test('storagePoolDfnMaxVlmSizes: OPTIONS with the flat body', async () => {
    const d = controllerDouble((s) => (s.method === 'OPTIONS' ? json(MAX_SIZES) : undefined));
    const lin = d.client(storagePoolDefinitionMethods);
    await lin.storagePoolDfnMaxVlmSizes({ placeCount: 2 });
    const result = await lin.storagePoolDfnMaxVlmSizes({
      placeCount: 3,
      storagePoolName: 'pool1',
      doNotPlaceWith: ['r1'],
      doNotPlaceWithRegex: 'r.*',
      replicasOnSame: ['Aux/site'],
      replicasOnDifferent: ['Aux/rack'],
      xReplicasOnDifferent: { 'Aux/zone': 2 },
    });
    expect(d.work().map(req)).toEqual([
      { method: 'OPTIONS', path: '/v1/query-max-volume-size', query: '', body: { place_count: 2 } },
      {
        method: 'OPTIONS',
        path: '/v1/query-max-volume-size',
        query: '',
        body: {
          place_count: 3,
          storage_pool: 'pool1',
          not_place_with_rsc: ['r1'],
          not_place_with_rsc_regex: 'r.*',
          replicas_on_same: ['Aux/site'],
          replicas_on_different: ['Aux/rack'],
          x_replicas_on_different: { 'Aux/zone': 2 },
        },
      },
    ]);
    const sizes = result[0] as MaxVolumeSizeResponse;
    expect(sizes).toBeInstanceOf(MaxVolumeSizeResponse);
    expect(sizes.defaultMaxOversubscriptionRatio).toBe(20);
    const [c] = sizes.candidates;
    expect([c.storagePool, c.maxVolumeSize, c.nodeNames, c.allThin]).toEqual([
      'pool1',
      104857600,
      ['alpha', 'beta'],
      true,
    ]);
  });
});
