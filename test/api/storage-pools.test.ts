import { storagePoolMethods } from '../../src/api/methods/storage-pools';
import { isListResponse } from '../../src/api/responses/list-result';
import { StoragePoolListResponse } from '../../src/api/responses/storage-pool';
import { StoragePoolDriver } from '../../src/api/responses/storage-pool-driver';
import { LinstorApiCallError, LinstorArgumentError, LinstorError } from '../../src/core/errors';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

const POOLS_JSON = `[
  {"storage_pool_name":"pool1","node_name":"alpha","provider_kind":"LVM_THIN","props":{"StorDriver/StorPoolName":"vg/thin"},
   "static_traits":{"Provisioning":"Thin","SupportsSnapshots":"true"},"free_capacity":1048576,"total_capacity":4194304,
   "free_space_mgr_name":"alpha;pool1","uuid":"u1","supports_snapshots":true,"external_locking":false,
   "reports":[{"ret_code":-9223372036837998574,"message":"thin pool nearly full"}]},
  {"storage_pool_name":"DfltDisklessStorPool","node_name":"alpha","provider_kind":"DISKLESS",
   "static_traits":{"SupportsSnapshots":"false"}},
  {"storage_pool_name":"fat","node_name":"beta","provider_kind":"LVM","static_traits":{"Provisioning":"Fat"}}
]`;

describe('storage pools (§2.5)', () => {
  test('storagePoolCreate: scenario 5 bodies', async () => {
    const d = controllerDouble();
    const lin = d.client(storagePoolMethods);
    await lin.storagePoolCreate({
      nodeName: 'alpha',
      storagePoolName: 'pool1',
      storageDriver: 'LVM_THIN',
      driverPoolName: 'vg/thin',
      propertyDict: { x: 'y' },
    });
    await lin.storagePoolCreate({
      nodeName: 'alpha',
      storagePoolName: 'dl',
      storageDriver: 'DISKLESS',
      driverPoolName: null,
    });
    await lin.storagePoolCreate({
      nodeName: 'alpha',
      storagePoolName: 'shared',
      storageDriver: 'LVM',
      driverPoolName: 'vg',
      sharedSpace: 'vg-shared',
      externalLocking: true,
    });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/nodes/alpha/storage-pools',
        query: '',
        body: {
          storage_pool_name: 'pool1',
          provider_kind: 'LVM_THIN',
          props: { 'StorDriver/StorPoolName': 'vg/thin', x: 'y' },
        },
      },
      {
        method: 'POST',
        path: '/v1/nodes/alpha/storage-pools',
        query: '',
        body: { storage_pool_name: 'dl', provider_kind: 'DISKLESS' },
      },
      {
        method: 'POST',
        path: '/v1/nodes/alpha/storage-pools',
        query: '',
        body: {
          storage_pool_name: 'shared',
          provider_kind: 'LVM',
          free_space_mgr_name: 'vg-shared',
          external_locking: true,
          props: { 'StorDriver/StorPoolName': 'vg' },
        },
      },
    ]);
  });

  test('storagePoolCreate: scenario 5 errors before any request', async () => {
    const d = controllerDouble();
    const lin = d.client(storagePoolMethods);
    await expect(
      lin.storagePoolCreate({
        nodeName: 'alpha',
        storagePoolName: 'p',
        storageDriver: 'LVM',
        driverPoolName: null,
      }),
    ).rejects.toThrow("Driver 'LVM' needs a driver pool name.");
    const err = await lin
      .storagePoolCreate({
        nodeName: 'alpha',
        storagePoolName: 'p',
        storageDriver: 'lvm',
        driverPoolName: 'vg',
      })
      .catch((e) => e);
    expect(err).toBeInstanceOf(LinstorError);
    expect(err).toBeInstanceOf(LinstorArgumentError);
    expect(err.message).toBe('Unknown storage driver: lvm');
    expect(d.all).toEqual([]);
  });

  test('storagePoolCreate: legacy driver properties below REST 1.2.0 (soft gate)', async () => {
    const d = controllerDouble(undefined, '1.1.0');
    const lin = d.client(storagePoolMethods);
    await lin.storagePoolCreate({
      nodeName: 'a',
      storagePoolName: 'p',
      storageDriver: 'LVM_THIN',
      driverPoolName: 'vg/thin',
    });
    await lin.storagePoolCreate({
      nodeName: 'a',
      storagePoolName: 'z',
      storageDriver: 'ZFS',
      driverPoolName: 'tank',
    });
    expect(d.work().map((s) => (s.body as { props: object }).props)).toEqual([
      { 'StorDriver/LvmVg': 'vg', 'StorDriver/ThinPool': 'thin' },
      { 'StorDriver/ZPool': 'tank' },
    ]);
    await expect(
      lin.storagePoolCreate({
        nodeName: 'a',
        storagePoolName: 'p',
        storageDriver: 'LVM_THIN',
        driverPoolName: 'novg',
      }),
    ).rejects.toBeInstanceOf(LinstorError);
  });

  test('storagePoolModify and storagePoolDelete', async () => {
    const d = controllerDouble();
    const lin = d.client(storagePoolMethods);
    await lin.storagePoolModify({
      nodeName: 'alpha',
      storagePoolName: 'pool1',
      propertyDict: { a: '1' },
      deleteProps: ['b'],
    });
    await lin.storagePoolDelete({ nodeName: 'alpha', storagePoolName: 'po/ol' });
    expect(d.work().map(req)).toEqual([
      {
        method: 'PUT',
        path: '/v1/nodes/alpha/storage-pools/pool1',
        query: '',
        body: { override_props: { a: '1' }, delete_props: ['b'] },
      },
      { method: 'DELETE', path: '/v1/nodes/alpha/storage-pools/po%2Fol', query: '' },
    ]);
  });

  test('storagePoolList / Raise: filters and the typed pools', async () => {
    const d = controllerDouble((s) => (s.path === '/v1/view/storage-pools' ? json(POOLS_JSON) : undefined));
    const lin = d.client(storagePoolMethods);
    const result = await lin.storagePoolList({
      filterByNodes: ['alpha', 'beta'],
      filterByStorPools: ['pool1'],
      filterByProps: ['Aux/x'],
    });
    const raised = await lin.storagePoolListRaise();
    expect(d.work().map(req)).toEqual([
      {
        method: 'GET',
        path: '/v1/view/storage-pools',
        query: 'nodes=alpha&nodes=beta&storage_pools=pool1&props=Aux%2Fx',
      },
      { method: 'GET', path: '/v1/view/storage-pools', query: '' },
    ]);
    expect(isListResponse(result)).toBe(true);
    expect(result[0]).toBeInstanceOf(StoragePoolListResponse);
    const [thin, diskless, fat] = raised.storagePools;
    expect([thin.name, thin.nodeName, thin.driver, thin.uuid, thin.freeSpaceMgrName]).toEqual([
      'pool1',
      'alpha',
      'LVM_THIN',
      'u1',
      'alpha;pool1',
    ]);
    expect(thin.freeSpace?.toString()).toBe('3145728/4194304 Kib used');
    expect([thin.isThin(), thin.isFat(), thin.isDiskless(), thin.supportsSnapshots()]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(thin.reports[0].retCode).toBe(0x8000000001000012n);
    expect(thin.properties).toEqual({ 'StorDriver/StorPoolName': 'vg/thin' });
    expect(StoragePoolDriver.storagePropsToDriverPool(thin.driver, thin.properties)).toBe('vg/thin');
    expect([diskless.isDiskless(), diskless.supportsSnapshots(), diskless.freeSpace]).toEqual([
      true,
      false,
      undefined,
    ]);
    expect([fat.isFat(), fat.isThin(), fat.reports, fat.externalLocking]).toEqual([true, false, [], false]);
  });

  test('storagePoolListRaise: throws on error replies', async () => {
    const d = controllerDouble((s) =>
      s.path === '/v1/view/storage-pools' ? json(ERROR_REPLY, 500) : undefined,
    );
    await expect(d.client(storagePoolMethods).storagePoolListRaise()).rejects.toBeInstanceOf(
      LinstorApiCallError,
    );
  });

  test('StoragePoolDriver helpers', () => {
    expect(StoragePoolDriver.list()).toEqual([
      'LVM',
      'LVM_THIN',
      'ZFS',
      'ZFS_THIN',
      'DISKLESS',
      'FILE',
      'FILE_THIN',
      'SPDK',
      'REMOTE_SPDK',
      'STORAGE_SPACES',
      'STORAGE_SPACES_THIN',
      'EBS_TARGET',
      'EBS_INIT',
    ]);
    expect(StoragePoolDriver.disklessDriver()).toEqual(['DISKLESS', 'EBS_INIT']);
    expect(StoragePoolDriver.storageDriverPoolToProps('FILE_THIN', '/var/lib/x')).toEqual({
      'StorDriver/FileDir': '/var/lib/x',
    });
    expect(StoragePoolDriver.storageDriverPoolToProps('ZFS_THIN', 'tank')).toEqual({
      'StorDriver/ZPoolThin': 'tank',
    });
    expect(StoragePoolDriver.storageDriverPoolToProps('STORAGE_SPACES', 's')).toEqual({
      'StorDriver/StorPoolName': 's',
    });
    expect(StoragePoolDriver.storageDriverPoolToProps('DISKLESS', 'x')).toEqual({});
    expect(
      StoragePoolDriver.storagePropsToDriverPool('LVM_THIN', {
        'StorDriver/LvmVg': 'vg',
        'StorDriver/ThinPool': 'tp',
      }),
    ).toBe('vg/tp');
    expect(StoragePoolDriver.storagePropsToDriverPool('LVM', { 'StorDriver/LvmVg': 'vg' })).toBe('vg');
    expect(StoragePoolDriver.storagePropsToDriverPool('DISKLESS', {})).toBe('');
  });
});
