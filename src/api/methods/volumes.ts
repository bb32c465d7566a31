import type { ApiCallResponse } from '../../core/api-call-response';
import type { LinstorCore } from '../linstor-core';
import { type ListResult, unwrapListResult } from '../responses/list-result';
import { ResourceResponse } from '../responses/resource';
import { type PropertyDict, propsBody, queryList } from './props-body';

export interface VolumeListOptions {
  filterByNodes?: readonly string[] | null;
  filterByStorPools?: readonly string[] | null;
  filterByResources?: readonly string[] | null;
  filterByProps?: readonly string[] | null;
}

/** python-linstor §2.11: volumes. */
export const volumeMethods = {
  /**
   * python `volume_list`: `GET /v1/view/resources?nodes=..&storage_pools=..&resources=..&props=..`.
   * Returns `[ResourceResponse]` (volumes are in each resource's `volumes`), or the error replies.
   */
  async volumeList(this: LinstorCore, opts: VolumeListOptions = {}): Promise<ListResult<ResourceResponse>> {
    const reply = await this.call('GET', '/v1/view/resources', {
      params: {
        query: {
          nodes: queryList(opts.filterByNodes),
          storage_pools: queryList(opts.filterByStorPools),
          resources: queryList(opts.filterByResources),
          props: queryList(opts.filterByProps),
        },
      },
    });
    return reply.ok ? [new ResourceResponse(reply.data)] : reply.replies;
  },

  /** python `volume_list_raise`: the `ResourceResponse`, or throws `LinstorApiCallError`. */
  async volumeListRaise(this: LinstorCore, opts: VolumeListOptions = {}): Promise<ResourceResponse> {
    return unwrapListResult(await volumeMethods.volumeList.call(this, opts));
  },

  /** python `volume_modify` (REST 1.0.6): `PUT …/resources/{node}/volumes/{nr}` with the property edits. */
  async volumeModify(
    this: LinstorCore,
    opts: {
      nodeName: string;
      rscName: string;
      vlmNr: number;
      propertyDict: PropertyDict | null;
      deleteProps?: readonly string[] | null;
    },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies(
      'PUT',
      '/v1/resource-definitions/{resource}/resources/{node}/volumes/{volume_number}',
      {
        params: { path: { resource: opts.rscName, node: opts.nodeName, volume_number: opts.vlmNr } },
        body: propsBody(opts.propertyDict, opts.deleteProps),
        minVersion: '1.0.6',
        versionMessage: 'Volume modify not supported by server',
      },
    );
  },
};
