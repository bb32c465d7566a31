import type { ApiCallResponse } from '../../core/api-call-response';
import { LinstorArgumentError } from '../../core/errors';
import type { LinstorCore } from '../linstor-core';
import { type ListResult, unwrapListResult } from '../responses/list-result';
import type { Schemas } from '../responses/schemas';
import { StoragePoolListResponse } from '../responses/storage-pool';
import { StoragePoolDriver } from '../responses/storage-pool-driver';
import { type PropertyDict, propsBody, queryList } from './props-body';

export interface StoragePoolCreateOptions {
  nodeName: string;
  storagePoolName: string;
  /** One of `StoragePoolDriver.list()`, exact case (`LVM`, `LVM_THIN`, `ZFS`, `DISKLESS`, ...). */
  storageDriver: string;
  /** Backing pool (`vg`, `vg/thinpool`, `zpool`, a directory); not needed for DISKLESS and EBS_INIT. */
  driverPoolName: string | null;
  /** Shared-space name (`free_space_mgr_name`). */
  sharedSpace?: string | null;
  propertyDict?: PropertyDict | null;
  externalLocking?: boolean;
}

export interface StoragePoolListOptions {
  filterByNodes?: readonly string[] | null;
  filterByStorPools?: readonly string[] | null;
  filterByProps?: readonly string[] | null;
}

/** python-linstor §2.5: storage pools. */
export const storagePoolMethods = {
  /**
   * python `storage_pool_create`: `POST /v1/nodes/{node}/storage-pools`. The backing pool goes into
   * `props["StorDriver/StorPoolName"]` (legacy per-driver keys below REST 1.2.0), `propertyDict` is merged in.
   */
  async storagePoolCreate(this: LinstorCore, opts: StoragePoolCreateOptions): Promise<ApiCallResponse[]> {
    const driver = opts.storageDriver;
    if (!(StoragePoolDriver.list() as string[]).includes(driver)) {
      throw new LinstorArgumentError(`Unknown storage driver: ${driver}`);
    }
    let props: Record<string, string> = {};
    if (!(StoragePoolDriver.disklessDriver() as string[]).includes(driver)) {
      if (!opts.driverPoolName)
        throw new LinstorArgumentError(`Driver '${driver}' needs a driver pool name.`);
      await this.ensureConnected();
      props = this.apiVersionSmaller('1.2.0')
        ? StoragePoolDriver.storageDriverPoolToProps(driver, opts.driverPoolName)
        : { 'StorDriver/StorPoolName': opts.driverPoolName };
    }
    if (opts.propertyDict) Object.assign(props, opts.propertyDict);
    const body: Schemas['StoragePool'] = {
      storage_pool_name: opts.storagePoolName,
      provider_kind: driver as Schemas['ProviderKind'],
    };
    if (opts.sharedSpace) body.free_space_mgr_name = opts.sharedSpace;
    if (opts.externalLocking) body.external_locking = true;
    if (Object.keys(props).length > 0) body.props = props;
    return this.callReplies('POST', '/v1/nodes/{node}/storage-pools', {
      params: { path: { node: opts.nodeName } },
      body,
    });
  },

  /** python `storage_pool_modify`: `PUT /v1/nodes/{node}/storage-pools/{sp}` with the property edits. */
  async storagePoolModify(
    this: LinstorCore,
    opts: {
      nodeName: string;
      storagePoolName: string;
      propertyDict: PropertyDict | null;
      deleteProps?: readonly string[] | null;
    },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('PUT', '/v1/nodes/{node}/storage-pools/{storagepool}', {
      params: { path: { node: opts.nodeName, storagepool: opts.storagePoolName } },
      body: propsBody(opts.propertyDict, opts.deleteProps),
    });
  },

  /** python `storage_pool_delete`: `DELETE /v1/nodes/{node}/storage-pools/{sp}`. */
  async storagePoolDelete(
    this: LinstorCore,
    opts: { nodeName: string; storagePoolName: string },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/nodes/{node}/storage-pools/{storagepool}', {
      params: { path: { node: opts.nodeName, storagepool: opts.storagePoolName } },
    });
  },

  /**
   * python `storage_pool_list`: `GET /v1/view/storage-pools?nodes=..&storage_pools=..&props=..`;
   * `[StoragePoolListResponse]` or the error replies.
   */
  async storagePoolList(
    this: LinstorCore,
    opts: StoragePoolListOptions = {},
  ): Promise<ListResult<StoragePoolListResponse>> {
    const reply = await this.call('GET', '/v1/view/storage-pools', {
      params: {
        query: {
          nodes: queryList(opts.filterByNodes),
          storage_pools: queryList(opts.filterByStorPools),
          props: queryList(opts.filterByProps),
        },
      },
    });
    return reply.ok ? [new StoragePoolListResponse(reply.data)] : reply.replies;
  },

  /** python `storage_pool_list_raise`: the `StoragePoolListResponse`, or throws `LinstorApiCallError`. */
  async storagePoolListRaise(
    this: LinstorCore,
    opts: StoragePoolListOptions = {},
  ): Promise<StoragePoolListResponse> {
    return unwrapListResult(await storagePoolMethods.storagePoolList.call(this, opts));
  },
};
