import type { ApiCallResponse } from '../../core/api-call-response';
import { LinstorArgumentError } from '../../core/errors';
import { parseVolumeSizeToKib } from '../../objects/size-calc';
import type { LinstorCore } from '../linstor-core';
import { type ListResult, unwrapListResult } from '../responses/list-result';
import { QuerySizeInfoResponse, ResourceGroupResponse } from '../responses/resource-group';
import type { Schemas } from '../responses/schemas';
import { MaxVolumeSizeResponse } from '../responses/storage-pool-definition';
import { buildSelectFilter, type SelectFilterOptions } from '../select-filter';
import { type PropertyDict, propsBody, queryList } from './props-body';

/** The placement arguments resource-group create/modify/spawn/query take (python's names, camelCase). */
export type ResourceGroupFilterOptions = Pick<
  SelectFilterOptions,
  | 'placeCount'
  | 'storagePool'
  | 'doNotPlaceWith'
  | 'doNotPlaceWithRegex'
  | 'replicasOnSame'
  | 'replicasOnDifferent'
  | 'xReplicasOnDifferent'
  | 'disklessOnRemaining'
  | 'layerList'
  | 'providerList'
  | 'disklessStoragePool'
>;

export interface ResourceGroupCreateOptions extends ResourceGroupFilterOptions {
  name: string;
  description?: string | null;
  propertyDict?: PropertyDict | null;
  /** DRBD peer slots for new resources (REST 1.21.0); 0 is refused. */
  peerSlots?: number | null;
}

export interface ResourceGroupModifyOptions extends ResourceGroupCreateOptions {
  deleteProps?: readonly string[] | null;
}

export interface ResourceGroupSpawnOptions extends ResourceGroupFilterOptions {
  rscGrpName: string;
  rscDfnName: string;
  /** Sizes of the volumes: a number is KiB, a string is parsed (no unit = GiB, `"20 MiB"` works). */
  vlmSizes: readonly (number | string)[];
  partial?: boolean;
  definitionsOnly?: boolean;
  /** External name of the new definition (REST 1.0.16); the controller derives the name. */
  externalName?: string | null;
  peerSlots?: number | null;
  /** One passphrase per volume (REST 1.22.0). */
  volumePassphrases?: readonly string[] | null;
}

export interface ResourceGroupListOptions {
  filterByResourceGroups?: readonly string[] | null;
  filterByProps?: readonly string[] | null;
}

/** `peer_slots`: refused when 0, needs REST 1.21.0 (call after `ensureConnected`). */
function checkPeerSlots(lin: LinstorCore, peerSlots: number | null | undefined): number | undefined {
  if (peerSlots === undefined || peerSlots === null) return undefined;
  if (peerSlots === 0) throw new LinstorArgumentError('peer_slots must not be 0');
  lin.requireVersion('1.21.0', "Resource group's peer-slots not supported by server");
  return peerSlots;
}

function volumeSizeKib(size: number | string): number {
  if (typeof size === 'number') {
    if (!Number.isSafeInteger(size))
      throw new LinstorArgumentError(`Volume size ${size} is not a whole number of KiB`);
    return size;
  }
  return parseVolumeSizeToKib(size);
}

/** python-linstor §2.6: resource groups. */
export const resourceGroupMethods = {
  /**
   * python `resource_group_create` (REST 1.0.8): `POST /v1/resource-groups {"name", "description"?,
   * "props"?, "select_filter", "peer_slots"?}`. A single storage pool name is wrapped into a list.
   */
  async resourceGroupCreate(this: LinstorCore, opts: ResourceGroupCreateOptions): Promise<ApiCallResponse[]> {
    const versionMessage = 'Resource group create not supported by server';
    await this.ensureConnected();
    this.requireVersion('1.0.8', versionMessage);
    const body: Schemas['ResourceGroup'] = { name: opts.name };
    if (opts.description) body.description = opts.description;
    if (opts.propertyDict && Object.keys(opts.propertyDict).length > 0) body.props = { ...opts.propertyDict };
    body.select_filter = buildSelectFilter(opts, this);
    const peerSlots = checkPeerSlots(this, opts.peerSlots);
    if (peerSlots !== undefined) body.peer_slots = peerSlots;
    return this.callReplies('POST', '/v1/resource-groups', { body, versionMessage });
  },

  /**
   * python `resource_group_modify` (REST 1.0.8): `PUT /v1/resource-groups/{rg}` with `description`
   * (whenever given, also `""`), `select_filter`, the property edits and `peer_slots`.
   */
  async resourceGroupModify(this: LinstorCore, opts: ResourceGroupModifyOptions): Promise<ApiCallResponse[]> {
    const versionMessage = 'Resource group modify not supported by server';
    await this.ensureConnected();
    this.requireVersion('1.0.8', versionMessage);
    const body: Schemas['ResourceGroupModify'] = {};
    if (opts.description != null) body.description = opts.description;
    body.select_filter = buildSelectFilter(opts, this);
    Object.assign(body, propsBody(opts.propertyDict, opts.deleteProps));
    const peerSlots = checkPeerSlots(this, opts.peerSlots);
    if (peerSlots !== undefined) body.peer_slots = peerSlots;
    return this.callReplies('PUT', '/v1/resource-groups/{resource_group}', {
      params: { path: { resource_group: opts.name } },
      body,
      versionMessage,
    });
  },

  /** python `resource_group_delete` (REST 1.0.8): `DELETE /v1/resource-groups/{rg}`. */
  async resourceGroupDelete(this: LinstorCore, opts: { name: string }): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/resource-groups/{resource_group}', {
      params: { path: { resource_group: opts.name } },
      versionMessage: 'Resource group delete not supported by server',
    });
  },

  /**
   * python `resource_group_list_raise` (REST 1.0.8): `GET /v1/resource-groups?resource_groups=..&props=..`;
   * the `ResourceGroupResponse`, or throws `LinstorApiCallError` (dry-run: an empty response).
   */
  async resourceGroupListRaise(
    this: LinstorCore,
    opts: ResourceGroupListOptions = {},
  ): Promise<ResourceGroupResponse> {
    const reply = await this.call('GET', '/v1/resource-groups', {
      params: {
        query: {
          resource_groups: queryList(opts.filterByResourceGroups),
          props: queryList(opts.filterByProps),
        },
      },
      versionMessage: 'Resource group list not supported by server',
    });
    if (!reply.ok && this.dryRun) return new ResourceGroupResponse([]);
    const result: ListResult<ResourceGroupResponse> = reply.ok
      ? [new ResourceGroupResponse(reply.data)]
      : reply.replies;
    return unwrapListResult(result);
  },

  /**
   * python `resource_group_spawn` (REST 1.0.8): `POST /v1/resource-groups/{rg}/spawn`. String sizes are
   * parsed to KiB (no unit = GiB). With `externalName` (REST 1.0.16) the name is sent as `""`.
   * Differs from python: whitespace in sizes is accepted (quirk 4), and a single storage pool name is
   * wrapped into a list (python sends the bare string).
   */
  async resourceGroupSpawn(this: LinstorCore, opts: ResourceGroupSpawnOptions): Promise<ApiCallResponse[]> {
    const versionMessage = 'Resource group API not supported by server';
    await this.ensureConnected();
    this.requireVersion('1.0.8', versionMessage);
    const volumeSizes = opts.vlmSizes.map(volumeSizeKib);
    const body: Schemas['ResourceGroupSpawn'] = {
      resource_definition_name: opts.rscDfnName,
      volume_sizes: volumeSizes,
      partial: opts.partial ?? false,
      definitions_only: opts.definitionsOnly ?? false,
    };
    if (opts.externalName) {
      this.requireVersion('1.0.16', 'Spawn with external name not supported by server');
      body.resource_definition_name = '';
      body.resource_definition_external_name = opts.externalName;
    }
    body.select_filter = buildSelectFilter(opts, this);
    const peerSlots = checkPeerSlots(this, opts.peerSlots);
    if (peerSlots !== undefined) body.peer_slots = peerSlots;
    if (opts.volumePassphrases != null) {
      if (opts.volumePassphrases.length !== volumeSizes.length) {
        throw new LinstorArgumentError('volume_passphrases must have same count as volume sizes provided');
      }
      this.requireVersion('1.22.0', 'Volume passphrases not supported by server');
      body.volume_passphrases = [...opts.volumePassphrases];
    }
    return this.callReplies('POST', '/v1/resource-groups/{resource_group}/spawn', {
      params: { path: { resource_group: opts.rscGrpName } },
      body,
      versionMessage,
    });
  },

  /**
   * python `resource_group_qmvs` (REST 1.0.12, deprecated by the controller):
   * `GET /v1/resource-groups/{rg}/query-max-volume-size`; `[MaxVolumeSizeResponse]` or errors.
   */
  async resourceGroupQmvs(
    this: LinstorCore,
    opts: { rscGrpName: string },
  ): Promise<ListResult<MaxVolumeSizeResponse>> {
    const reply = await this.call('GET', '/v1/resource-groups/{resource_group}/query-max-volume-size', {
      params: { path: { resource_group: opts.rscGrpName } },
      versionMessage: 'Query max volume size on resource group API not supported by server',
    });
    return reply.ok ? [new MaxVolumeSizeResponse(reply.data)] : reply.replies;
  },

  /**
   * python `resource_group_query_size_info` (REST 1.17.0): `POST /v1/resource-groups/{rg}/query-size-info
   * {"select_filter"}`; the first element of the reply (`QuerySizeInfoResponse` or an `ApiCallResponse`),
   * or `undefined`. Differs from python: a single storage pool name is wrapped into a list.
   */
  async resourceGroupQuerySizeInfo(
    this: LinstorCore,
    opts: ResourceGroupFilterOptions & { rscGrpName: string },
  ): Promise<QuerySizeInfoResponse | ApiCallResponse | undefined> {
    const versionMessage = 'Query size info on resource group API not supported by server';
    await this.ensureConnected();
    this.requireVersion('1.17.0', versionMessage);
    const reply = await this.call('POST', '/v1/resource-groups/{resource_group}/query-size-info', {
      params: { path: { resource_group: opts.rscGrpName } },
      body: { select_filter: buildSelectFilter(opts, this) },
      versionMessage,
    });
    return reply.ok ? new QuerySizeInfoResponse(reply.data) : reply.replies[0];
  },

  /**
   * python `resource_group_adjust` (REST 1.10.0): `POST /v1/resource-groups/{rg}/adjust`, or
   * `POST /v1/resource-groups/adjustall` when no name is given. No body.
   */
  async resourceGroupAdjust(
    this: LinstorCore,
    opts: { rscGrpName?: string | null } = {},
  ): Promise<ApiCallResponse[]> {
    const versionMessage = 'Resource group API not supported by server';
    if (!opts.rscGrpName)
      return this.callReplies('POST', '/v1/resource-groups/adjustall', { versionMessage });
    return this.callReplies('POST', '/v1/resource-groups/{resource_group}/adjust', {
      params: { path: { resource_group: opts.rscGrpName } },
      versionMessage,
    });
  },
};
