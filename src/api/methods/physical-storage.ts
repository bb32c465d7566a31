import type { ApiCallResponse } from '../../core/api-call-response';
import type { LinstorCore } from '../linstor-core';
import { unwrapListResult } from '../responses/list-result';
import { PhysicalStorageList } from '../responses/physical-storage';
import type { Schemas } from '../responses/schemas';
import type { PropertyDict } from './props-body';

const GATE = { minVersion: '1.0.10', versionMessage: 'Physical storage not supported by server' } as const;

export interface PhysicalStorageCreateDevicePoolOptions {
  nodeName: string;
  providerKind: Schemas['ProviderKind'];
  devicePaths: readonly string[];
  poolName?: string | null;
  /** Accepted for python compatibility and never sent (python does not send it either, quirk 16). */
  raidLevel?: string;
  vdoEnable?: boolean;
  vdoLogicalSizeKib?: number | null;
  vdoSlabSizeKib?: number | null;
  storagePoolName?: string | null;
  storagePoolProps?: PropertyDict | null;
  sed?: boolean;
  pvCreateArguments?: readonly string[] | null;
  vgCreateArguments?: readonly string[] | null;
  lvCreateArguments?: readonly string[] | null;
  zpoolCreateArguments?: readonly string[] | null;
}

/** python-linstor §2.15: physical storage. */
export const physicalStorageMethods = {
  /**
   * python `physical_storage_list` (REST 1.0.10): `GET /v1/physical-storage` → `PhysicalStorageList`.
   * Error replies throw `LinstorApiCallError`; in dry-run mode the result is `undefined` (python: None).
   */
  async physicalStorageList(this: LinstorCore): Promise<PhysicalStorageList | undefined> {
    const reply = await this.call('GET', '/v1/physical-storage', GATE);
    if (!reply.ok && reply.replies.length === 0) return undefined;
    return unwrapListResult(reply.ok ? [new PhysicalStorageList(reply.data)] : reply.replies);
  },

  /**
   * python `physical_storage_create_device_pool` (REST 1.0.10): `POST /v1/physical-storage/{node}`.
   * `pool_name` is always sent (null when absent); the VDO sizes only with `vdoEnable`; `with_storage_pool`
   * only with a `storagePoolName`. `raidLevel` is never sent.
   */
  async physicalStorageCreateDevicePool(
    this: LinstorCore,
    opts: PhysicalStorageCreateDevicePoolOptions,
  ): Promise<ApiCallResponse[]> {
    const vdoEnable = opts.vdoEnable ?? false;
    const body: Schemas['PhysicalStorageCreate'] = {
      device_paths: [...opts.devicePaths],
      provider_kind: opts.providerKind,
      pool_name: (opts.poolName ?? null) as string,
      vdo_enable: vdoEnable,
    };
    if (vdoEnable) {
      if (opts.vdoLogicalSizeKib !== undefined && opts.vdoLogicalSizeKib !== null) {
        body.vdo_logical_size_kib = opts.vdoLogicalSizeKib;
      }
      if (opts.vdoSlabSizeKib !== undefined && opts.vdoSlabSizeKib !== null)
        body.vdo_slab_size_kib = opts.vdoSlabSizeKib;
    }
    if (opts.storagePoolName) {
      const pool: Schemas['PhysicalStorageStoragePoolCreate'] = { name: opts.storagePoolName };
      if (opts.storagePoolProps && Object.keys(opts.storagePoolProps).length > 0) {
        pool.props = { ...opts.storagePoolProps };
      }
      body.with_storage_pool = pool;
    }
    if (opts.sed) body.sed = true;
    if (opts.pvCreateArguments?.length) body.pv_create_arguments = [...opts.pvCreateArguments];
    if (opts.vgCreateArguments?.length) body.vg_create_arguments = [...opts.vgCreateArguments];
    if (opts.lvCreateArguments?.length) body.lv_create_arguments = [...opts.lvCreateArguments];
    if (opts.zpoolCreateArguments?.length) body.zpool_create_arguments = [...opts.zpoolCreateArguments];
    return this.callReplies('POST', '/v1/physical-storage/{node}', {
      params: { path: { node: opts.nodeName } },
      body,
      ...GATE,
    });
  },
};
