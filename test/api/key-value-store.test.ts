import { keyValueStoreMethods } from '../../src/api/methods/key-value-store';
import { KeyValueStore, KeyValueStoresResponse } from '../../src/api/responses/key-value-store';
import { LinstorApiCallError } from '../../src/core/errors';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

const STORES = [
  { name: 'myKV', props: { 'foo/bar/key': 'val' } },
  { name: 'other', props: {} },
];

describe('key-value store (§2.15)', () => {
  test('keyvaluestoreModify sends the property edits to the instance', async () => {
    const d = controllerDouble();
    const lin = d.client(keyValueStoreMethods);
    await lin.keyvaluestoreModify({ instanceName: 'my KV', propertyDict: { '/foo/bar/key': 'val' } });
    await lin.keyvaluestoreModify({ instanceName: 'myKV', deleteProps: ['/foo/bar/key'] });
    await lin.keyvaluestoreModify({ instanceName: 'myKV' });
    expect(d.work().map(req)).toEqual([
      {
        method: 'PUT',
        path: '/v1/key-value-store/my%20KV',
        query: '',
        body: { override_props: { '/foo/bar/key': 'val' } },
      },
      {
        method: 'PUT',
        path: '/v1/key-value-store/myKV',
        query: '',
        body: { delete_props: ['/foo/bar/key'] },
      },
      { method: 'PUT', path: '/v1/key-value-store/myKV', query: '', body: {} },
    ]);
  });

  test('keyvaluestores and keyvaluestoreList read every instance; unknown gives an empty store', async () => {
    let ok = true;
    const d = controllerDouble((s) =>
      s.path === '/v1/key-value-store' ? (ok ? json(STORES) : json(ERROR_REPLY, 500)) : undefined,
    );
    const lin = d.client(keyValueStoreMethods);
    const all = await lin.keyvaluestores();
    expect(all).toBeInstanceOf(KeyValueStoresResponse);
    expect(all.instances()).toEqual(['myKV', 'other']);
    const kv = await lin.keyvaluestoreList({ instanceName: 'myKV' });
    expect(kv).toBeInstanceOf(KeyValueStore);
    expect(kv.properties).toEqual({ 'foo/bar/key': 'val' });
    expect((await lin.keyvaluestoreList({ instanceName: 'nope' })).properties).toEqual({});
    expect(d.work().map(req)).toEqual([
      { method: 'GET', path: '/v1/key-value-store', query: '' },
      { method: 'GET', path: '/v1/key-value-store', query: '' },
      { method: 'GET', path: '/v1/key-value-store', query: '' },
    ]);
    ok = false;
    await expect(lin.keyvaluestores()).rejects.toBeInstanceOf(LinstorApiCallError);
  });
});
