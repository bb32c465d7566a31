import type { ApiCallResponse } from '../../core/api-call-response';
import { LinstorApiCallError } from '../../core/errors';
import type { LinstorCore } from '../linstor-core';
import { CloneStarted, CloneStatus, SyncStatus } from '../responses/clone';
import { type ListResult, unwrapListResult } from '../responses/list-result';
import { ResourceDefinitionResponse } from '../responses/resource-definition';
import type { Properties, Schemas } from '../responses/schemas';
import { type PropertyDict, propsBody, queryList } from './props-body';

export interface ResourceDfnCreateOptions {
  /** Name of the definition (dropped when `externalName` is given). */
  name: string;
  /** DRBD TCP port. */
  port?: number | null;
  /** External name; the controller derives the name and returns it in `objRefs.RscDfn`. */
  externalName?: string | null;
  /** Layer stack, top-down (`drbd`, `storage`, ...). */
  layerList?: readonly string[] | null;
  resourceGroup?: string | null;
  peerSlots?: number | null;
}

export interface ResourceDfnCloneOptions {
  srcName: string;
  cloneName: string;
  cloneExternalName?: string | null;
  /** Use a ZFS clone instead of a copy (ignored, with a warning, below REST 1.12.1). */
  useZfsClone?: boolean | null;
  /** REST 1.22.0. */
  volumePassphrases?: readonly string[] | null;
  /** REST 1.23.0. */
  layerList?: readonly string[] | null;
  /** REST 1.23.0. */
  resourceGroup?: string | null;
  /** REST 1.26.0. */
  propertyDict?: PropertyDict | null;
  /** REST 1.26.0. */
  deleteProps?: readonly string[] | null;
}

export interface ResourceDfnModifyOptions {
  name: string;
  propertyDict: PropertyDict | null;
  deleteProps?: readonly string[] | null;
  peerSlots?: number | null;
  resourceGroup?: string | null;
  port?: number | null;
}

export interface ResourceDfnListOptions {
  /** Include the volume definitions (`with_volume_definitions=true`). Default true. */
  queryVolumeDefinitions?: boolean;
  filterByResourceDefinitions?: readonly string[] | null;
  filterByProps?: readonly string[] | null;
}

/** Layer names are sent as written (the controller accepts any case). */
const asLayers = (layers: readonly string[]): Schemas['LayerType'][] => [...layers] as Schemas['LayerType'][];

// python sends the literal string `true` here, not its usual `True` for booleans.
const WITH_VOLUME_DEFINITIONS = 'true' as unknown as boolean;

/** python-linstor §2.8: resource definitions (the polling helpers are in the long-operations family). */
export const resourceDefinitionMethods = {
  /**
   * python `resource_dfn_create`: `POST /v1/resource-definitions {"resource_definition": {"name",
   * "layer_data"?, "resource_group_name"?}, "drbd_port"?, "drbd_peer_slots"?}`; with `externalName` the
   * definition carries `external_name` instead of `name`.
   */
  async resourceDfnCreate(this: LinstorCore, opts: ResourceDfnCreateOptions): Promise<ApiCallResponse[]> {
    const rd: Schemas['ResourceDefinition'] = {};
    if (opts.externalName) rd.external_name = opts.externalName;
    else rd.name = opts.name;
    if (opts.layerList && opts.layerList.length > 0) {
      rd.layer_data = asLayers(opts.layerList).map((type) => ({ type }));
    }
    if (opts.resourceGroup) rd.resource_group_name = opts.resourceGroup;
    const body: Schemas['ResourceDefinitionCreate'] = { resource_definition: rd };
    if (opts.port != null) body.drbd_port = opts.port;
    if (opts.peerSlots) body.drbd_peer_slots = opts.peerSlots;
    return this.callReplies('POST', '/v1/resource-definitions', { body });
  },

  /**
   * python `resource_dfn_clone` (REST 1.10.0): `POST /v1/resource-definitions/{src}/clone {"name"} or
   * {"external_name"}` plus the optional settings. The controller answers with the clone-started object
   * whatever the status (even on 4xx, with its errors in `messages`); returns it, or `undefined` in
   * dry-run mode. A plain error list (no clone object) throws `LinstorApiCallError`.
   */
  async resourceDfnClone(
    this: LinstorCore,
    opts: ResourceDfnCloneOptions,
  ): Promise<CloneStarted | undefined> {
    const versionMessage = 'Resource definition clone API not supported by server';
    await this.ensureConnected();
    this.requireVersion('1.10.0', versionMessage);
    const body: Schemas['ResourceDefinitionCloneRequest'] = {};
    if (opts.cloneExternalName) body.external_name = opts.cloneExternalName;
    else body.name = opts.cloneName;
    if (opts.useZfsClone != null) {
      if (this.apiVersionSmaller('1.12.1')) {
        console.warn('IGNORING use_zfs_clone: not supported by server');
      } else {
        body.use_zfs_clone = opts.useZfsClone;
      }
    }
    if (opts.volumePassphrases != null) {
      this.requireVersion('1.22.0', 'Volume passphrases not supported by server');
      body.volume_passphrases = [...opts.volumePassphrases];
    }
    if (opts.layerList && opts.layerList.length > 0) {
      this.requireVersion('1.23.0', 'Clone with layer-list not supported');
      body.layer_list = asLayers(opts.layerList);
    }
    if (opts.resourceGroup) {
      this.requireVersion('1.23.0', 'Clone resource-group parameter not supported');
      body.resource_group = opts.resourceGroup;
    }
    const props = propsBody(opts.propertyDict, opts.deleteProps);
    if (props.override_props) {
      this.requireVersion('1.26.0', 'Clone property override not supported');
      body.override_props = props.override_props;
    }
    if (props.delete_props) {
      this.requireVersion('1.26.0', 'Clone property delete not supported');
      body.delete_props = props.delete_props;
    }
    const reply = await this.call('POST', '/v1/resource-definitions/{resource}/clone', {
      params: { path: { resource: opts.srcName } },
      body,
      expect: 'envelope',
      versionMessage,
    });
    if (reply.ok) return new CloneStarted(reply.data);
    if (reply.replies.length === 0) return undefined;
    throw new LinstorApiCallError(reply.replies[0], reply.replies);
  },

  /**
   * python `resource_dfn_clone_status` (REST 1.10.0): `GET /v1/resource-definitions/{src}/clone/{clone}`;
   * the `CloneStatus`, or throws `LinstorApiCallError`.
   */
  async resourceDfnCloneStatus(
    this: LinstorCore,
    opts: { srcName: string; cloneName: string },
  ): Promise<CloneStatus> {
    const reply = await this.call('GET', '/v1/resource-definitions/{resource}/clone/{resourceClone}', {
      params: { path: { resource: opts.srcName, resourceClone: opts.cloneName } },
      versionMessage: 'Resource definition clone API not supported by server',
    });
    return unwrapListResult(reply.ok ? [new CloneStatus(reply.data)] : reply.replies);
  },

  /**
   * python `resource_dfn_sync_status` (REST 1.13.0): `GET /v1/resource-definitions/{r}/sync-status`;
   * the `SyncStatus`, or throws `LinstorApiCallError`.
   */
  async resourceDfnSyncStatus(this: LinstorCore, opts: { rscName: string }): Promise<SyncStatus> {
    const reply = await this.call('GET', '/v1/resource-definitions/{resource}/sync-status', {
      params: { path: { resource: opts.rscName } },
      versionMessage: 'Resource definition sync-status API not supported by server',
    });
    return unwrapListResult(reply.ok ? [new SyncStatus(reply.data)] : reply.replies);
  },

  /**
   * python `resource_dfn_modify`: `PUT /v1/resource-definitions/{r} {"drbd_peer_slots"?,
   * "override_props"?, "delete_props"?, "resource_group"?, "drbd_port"?}`.
   */
  async resourceDfnModify(this: LinstorCore, opts: ResourceDfnModifyOptions): Promise<ApiCallResponse[]> {
    const body: Schemas['ResourceDefinitionModify'] = {};
    if (opts.peerSlots != null) body.drbd_peer_slots = opts.peerSlots;
    Object.assign(body, propsBody(opts.propertyDict, opts.deleteProps));
    if (opts.resourceGroup) body.resource_group = opts.resourceGroup;
    if (opts.port) body.drbd_port = opts.port;
    return this.callReplies('PUT', '/v1/resource-definitions/{resource}', {
      params: { path: { resource: opts.name } },
      body,
    });
  },

  /** python `resource_dfn_delete`: `DELETE /v1/resource-definitions/{r}`. */
  async resourceDfnDelete(
    this: LinstorCore,
    opts: { name: string; asyncMsg?: boolean },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/resource-definitions/{resource}', {
      params: { path: { resource: opts.name } },
    });
  },

  /**
   * python `resource_dfn_list`: `GET /v1/resource-definitions?resource_definitions=..&with_volume_definitions=true&props=..`
   * (the volume definitions by default); `[ResourceDefinitionResponse]` or errors. Below REST 1.0.10 (no
   * query parameters yet) it lists all definitions and fetches the volume definitions per definition.
   */
  async resourceDfnList(
    this: LinstorCore,
    opts: ResourceDfnListOptions = {},
  ): Promise<ListResult<ResourceDefinitionResponse>> {
    const withVolumes = opts.queryVolumeDefinitions ?? true;
    await this.ensureConnected();
    if (this.apiVersionSmaller('1.0.10')) return listWithoutQuery(this, withVolumes);
    const reply = await this.call('GET', '/v1/resource-definitions', {
      params: {
        query: {
          resource_definitions: queryList(opts.filterByResourceDefinitions),
          with_volume_definitions: withVolumes ? WITH_VOLUME_DEFINITIONS : undefined,
          props: queryList(opts.filterByProps),
        },
      },
    });
    return reply.ok ? [new ResourceDefinitionResponse(reply.data)] : reply.replies;
  },

  /** python `resource_dfn_list_raise`: the `ResourceDefinitionResponse`, or throws `LinstorApiCallError`. */
  async resourceDfnListRaise(
    this: LinstorCore,
    opts: ResourceDfnListOptions = {},
  ): Promise<ResourceDefinitionResponse> {
    return unwrapListResult(await resourceDefinitionMethods.resourceDfnList.call(this, opts));
  },

  /**
   * python `resource_dfn_props_list`: `GET /v1/resource-definitions?resource_definitions={r}`, then the
   * properties of the definition (name matched case-insensitively) whose key starts with
   * `filterByNamespace`; `{}` when there is no such definition. An error reply throws `LinstorApiCallError`.
   */
  async resourceDfnPropsList(
    this: LinstorCore,
    opts: { rscName: string; filterByNamespace?: string },
  ): Promise<Properties> {
    const list = await resourceDefinitionMethods.resourceDfnListRaise.call(this, {
      queryVolumeDefinitions: false,
      filterByResourceDefinitions: [opts.rscName],
    });
    const wanted = opts.rscName.toLowerCase();
    const rd = list.resourceDefinitions.find((d) => d.name.toLowerCase() === wanted);
    if (rd === undefined) return {};
    const namespace = opts.filterByNamespace ?? '';
    return Object.fromEntries(Object.entries(rd.properties).filter(([key]) => key.startsWith(namespace)));
  },
};

/**
 * python's path for controllers before REST 1.0.10: a plain list (filters are not sent), then
 * `GET …/{r}/volume-definitions` per definition, merged in; a failed volume-definition GET is skipped.
 */
async function listWithoutQuery(
  lin: LinstorCore,
  withVolumes: boolean,
): Promise<ListResult<ResourceDefinitionResponse>> {
  const reply = await lin.call('GET', '/v1/resource-definitions');
  if (!reply.ok) return reply.replies;
  if (withVolumes) {
    for (const rd of reply.data) {
      if (!rd.name) continue;
      const vds = await lin.call('GET', '/v1/resource-definitions/{resource}/volume-definitions', {
        params: { path: { resource: rd.name } },
      });
      if (vds.ok) rd.volume_definitions = vds.data;
    }
  }
  return [new ResourceDefinitionResponse(reply.data)];
}
