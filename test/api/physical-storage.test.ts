import { physicalStorageMethods } from '../../src/api/methods/physical-storage';
import { PhysicalStorageList } from '../../src/api/responses/physical-storage';
import { LinstorApiCallError } from '../../src/core/errors';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

const DEVICES = [
  {
    size: 107374182400,
    rotational: false,
    nodes: { alpha: [{ device: '/dev/sdb', model: 'QEMU', serial: 's1', wwn: 'w1' }] },
  },
];

describe('physical storage (§2.15)', () => {
  test('physicalStorageList: wrapper, error throws, REST 1.0.10', async () => {
    let ok = true;
    const d = controllerDouble((s) =>
      s.path === '/v1/physical-storage' ? (ok ? json(DEVICES) : json(ERROR_REPLY, 500)) : undefined,
    );
    const lin = d.client(physicalStorageMethods);
    const list = await lin.physicalStorageList();
    expect(req(d.work()[0])).toEqual({ method: 'GET', path: '/v1/physical-storage', query: '' });
    expect(list).toBeInstanceOf(PhysicalStorageList);
    const dev = list?.physicalDevices[0];
    expect([dev?.size, dev?.rotational, dev?.nodes.alpha[0].device]).toEqual([
      107374182400,
      false,
      '/dev/sdb',
    ]);
    ok = false;
    await expect(lin.physicalStorageList()).rejects.toBeInstanceOf(LinstorApiCallError);
    const old = controllerDouble(undefined, '1.0.9');
    await expect(old.client(physicalStorageMethods).physicalStorageList()).rejects.toThrow('needed 1.0.10');
  });

  test('physicalStorageCreateDevicePool: minimal and full bodies; raid level never sent', async () => {
    const d = controllerDouble();
    const lin = d.client(physicalStorageMethods);
    await lin.physicalStorageCreateDevicePool({
      nodeName: 'alpha',
      providerKind: 'LVM',
      devicePaths: ['/dev/sdb'],
    });
    await lin.physicalStorageCreateDevicePool({
      nodeName: 'alpha',
      providerKind: 'LVM_THIN',
      devicePaths: ['/dev/sdb', '/dev/sdc'],
      poolName: 'vg/thin',
      raidLevel: 'JBOD',
      vdoEnable: true,
      vdoLogicalSizeKib: 1024,
      vdoSlabSizeKib: 64,
      storagePoolName: 'pool1',
      storagePoolProps: { 'Aux/x': 'y' },
      sed: true,
      pvCreateArguments: ['--pv'],
      vgCreateArguments: ['--vg'],
      lvCreateArguments: ['--lv'],
      zpoolCreateArguments: ['--zp'],
    });
    await lin.physicalStorageCreateDevicePool({
      nodeName: 'alpha',
      providerKind: 'ZFS',
      devicePaths: ['/dev/sdd'],
      vdoLogicalSizeKib: 1024,
      storagePoolName: 'zp',
    });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/physical-storage/alpha',
        query: '',
        body: { device_paths: ['/dev/sdb'], provider_kind: 'LVM', pool_name: null, vdo_enable: false },
      },
      {
        method: 'POST',
        path: '/v1/physical-storage/alpha',
        query: '',
        body: {
          device_paths: ['/dev/sdb', '/dev/sdc'],
          provider_kind: 'LVM_THIN',
          pool_name: 'vg/thin',
          vdo_enable: true,
          vdo_logical_size_kib: 1024,
          vdo_slab_size_kib: 64,
          with_storage_pool: { name: 'pool1', props: { 'Aux/x': 'y' } },
          sed: true,
          pv_create_arguments: ['--pv'],
          vg_create_arguments: ['--vg'],
          lv_create_arguments: ['--lv'],
          zpool_create_arguments: ['--zp'],
        },
      },
      {
        method: 'POST',
        path: '/v1/physical-storage/alpha',
        query: '',
        body: {
          device_paths: ['/dev/sdd'],
          provider_kind: 'ZFS',
          pool_name: null,
          vdo_enable: false,
          with_storage_pool: { name: 'zp' },
        },
      },
    ]);
  });
});
