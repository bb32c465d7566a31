import type { ApiCallResponse } from '../../core/api-call-response';
import type { LinstorCore } from '../linstor-core';
import type { ListResult } from '../responses/list-result';
import type { Schemas } from '../responses/schemas';
import { MaxVolumeSizeResponse, StoragePoolDefinitionResponse } from '../responses/storage-pool-definition';
import { type PropertyDict, propsBody } from './props-body';

export interface StoragePoolDfnMaxVlmSizesOptions {
  placeCount: number;
  storagePoolName?: string | null;
  doNotPlaceWith?: readonly string[] | null;
  doNotPlaceWithRegex?: string | null;
  replicasOnSame?: readonly string[] | null;
  replicasOnDifferent?: readonly string[] | null;
  xReplicasOnDifferent?: Readonly<Record<string, number>> | null;
}

// python writes this one key without the `_map` suffix used everywhere else (kept for parity).
type MaxVlmSizesBody = Schemas['AutoSelectFilter'] & { x_replicas_on_different?: Record<string, number> };

/** python-linstor §2.4: storage pool definitions. */
export const storagePoolDefinitionMethods = {
  /** python `storage_pool_dfn_create`: `POST /v1/storage-pool-definitions {"storage_pool_name"}`. */
  async storagePoolDfnCreate(this: LinstorCore, opts: { name: string }): Promise<ApiCallResponse[]> {
    return this.callReplies('POST', '/v1/storage-pool-definitions', {
      body: { storage_pool_name: opts.name },
    });
  },

  /** python `storage_pool_dfn_modify`: `PUT /v1/storage-pool-definitions/{name}` with the property edits. */
  async storagePoolDfnModify(
    this: LinstorCore,
    opts: { name: string; propertyDict: PropertyDict | null; deleteProps?: readonly string[] | null },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('PUT', '/v1/storage-pool-definitions/{storagepool}', {
      params: { path: { storagepool: opts.name } },
      body: propsBody(opts.propertyDict, opts.deleteProps),
    });
  },

  /** python `storage_pool_dfn_delete`: `DELETE /v1/storage-pool-definitions/{name}`. */
  async storagePoolDfnDelete(this: LinstorCore, opts: { name: string }): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/storage-pool-definitions/{storagepool}', {
      params: { path: { storagepool: opts.name } },
    });
  },

  /** python `storage_pool_dfn_list`: `GET /v1/storage-pool-definitions`; `[StoragePoolDefinitionResponse]` or errors. */
  async storagePoolDfnList(
    this: LinstorCore,
    _opts: Record<string, never> = {},
  ): Promise<ListResult<StoragePoolDefinitionResponse>> {
    const reply = await this.call('GET', '/v1/storage-pool-definitions');
    return reply.ok ? [new StoragePoolDefinitionResponse(reply.data)] : reply.replies;
  },

  /**
   * python `storage_pool_dfn_max_vlm_sizes`: `OPTIONS /v1/query-max-volume-size` with a flat filter body
   * (`place_count`, `storage_pool`, `not_place_with_rsc`, ...); `[MaxVolumeSizeResponse]` or errors.
   * As python, the x-replicas map goes out as `x_replicas_on_different` (no `_map` suffix).
   */
  async storagePoolDfnMaxVlmSizes(
    this: LinstorCore,
    opts: StoragePoolDfnMaxVlmSizesOptions,
  ): Promise<ListResult<MaxVolumeSizeResponse>> {
    const body: MaxVlmSizesBody = { place_count: opts.placeCount };
    // python writes a key only for a truthy argument (an empty list or map is left out).
    if (opts.storagePoolName) body.storage_pool = opts.storagePoolName;
    if (opts.doNotPlaceWith?.length) body.not_place_with_rsc = [...opts.doNotPlaceWith];
    if (opts.doNotPlaceWithRegex) body.not_place_with_rsc_regex = opts.doNotPlaceWithRegex;
    if (opts.replicasOnSame?.length) body.replicas_on_same = [...opts.replicasOnSame];
    if (opts.replicasOnDifferent?.length) body.replicas_on_different = [...opts.replicasOnDifferent];
    if (opts.xReplicasOnDifferent && Object.keys(opts.xReplicasOnDifferent).length > 0) {
      body.x_replicas_on_different = { ...opts.xReplicasOnDifferent };
    }
    const reply = await this.call('OPTIONS', '/v1/query-max-volume-size', { body });
    return reply.ok ? [new MaxVolumeSizeResponse(reply.data)] : reply.replies;
  },
};
