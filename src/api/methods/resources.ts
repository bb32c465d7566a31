import { ApiCallResponse } from '../../core/api-call-response';
import { LinstorArgumentError } from '../../core/errors';
import type { LinstorCore } from '../linstor-core';
import { ResourceData, type ResourceDataInit } from '../resource-data';
import { type ListResult, unwrapListResult } from '../responses/list-result';
import type { ResourceResponse } from '../responses/resource';
import type { Schemas } from '../responses/schemas';
import { buildSelectFilter, type SelectFilterOptions } from '../select-filter';
import { type PropertyDict, propsBody } from './props-body';
import { type VolumeListOptions, volumeMethods } from './volumes';

/** Layer names are sent as the caller wrote them (python does not normalise case; the controller accepts any). */
export const asLayers = (layers: readonly string[]): Schemas['LayerType'][] =>
  [...layers] as Schemas['LayerType'][];

/** A synthetic success reply, as python builds for the client-side outcomes of resourceDeleteIfDiskless. */
const syntheticSuccess = (message: string) => [new ApiCallResponse({ ret_code: 0n, message })];

export interface ResourceCreateOptions {
  /** The resources to create; all must belong to the definition of the first one (its name is in the URL). */
  rscs: readonly (ResourceData | ResourceDataInit)[];
  /** Accepted for python compatibility; ignored. */
  asyncMsg?: boolean;
}

export interface ResourceAutoPlaceOptions
  extends Omit<SelectFilterOptions, 'placeCount' | 'disklessOnRemaining' | 'storagePool'> {
  rscName: string;
  /** Number of diskful replicas to reach (`null` when only `additionalPlaceCount` is given). */
  placeCount: number | null;
  storagePool?: string | readonly string[] | null;
  /** Put diskless resources on every remaining node. Default false (always sent). */
  disklessOnRemaining?: boolean;
  asyncMsg?: boolean;
}

export interface ResourceListOptions {
  filterByNodes?: readonly string[] | null;
  filterByResources?: readonly string[] | null;
  filterByProps?: readonly string[] | null;
}

/** Body entry of `POST …/resources` for one ResourceData (python's order of flags). */
function resourceCreateEntry(r: ResourceData): Schemas['ResourceCreate'] {
  const flags: string[] = [];
  if (r.diskless) flags.push('DISKLESS');
  if (r.drbdDiskless) flags.push('DRBD_DISKLESS');
  if (r.nvmeInitiator) flags.push('NVME_INITIATOR');
  if (r.ebsInitiator) flags.push('EBS_INITIATOR');
  if (!r.active) flags.push('INACTIVE');
  const resource: Schemas['Resource'] = { node_name: r.nodeName };
  if (r.storagePool) resource.props = { StorPoolName: r.storagePool };
  if (flags.length > 0) resource.flags = flags;
  const entry: Schemas['ResourceCreate'] = { resource };
  if (r.nodeId !== null) entry.drbd_node_id = r.nodeId;
  if (r.layerList && r.layerList.length > 0) entry.layer_list = asLayers(r.layerList);
  if (r.drbdTcpPorts && r.drbdTcpPorts.length > 0) entry.drbd_tcp_ports = [...r.drbdTcpPorts];
  return entry;
}

/** python-linstor §2.10: resources. */
export const resourceMethods = {
  /**
   * python `resource_create(rscs)`: `POST /v1/resource-definitions/{rscs[0].rscName}/resources` with one
   * body entry per resource. Plain objects are accepted as well as {@link ResourceData}.
   */
  async resourceCreate(this: LinstorCore, opts: ResourceCreateOptions): Promise<ApiCallResponse[]> {
    const rscs = opts.rscs.map((r) => (r instanceof ResourceData ? r : new ResourceData(r)));
    const first = rscs[0];
    if (first === undefined) throw new LinstorArgumentError('resourceCreate needs at least one resource');
    return this.callReplies('POST', '/v1/resource-definitions/{resource}/resources', {
      params: { path: { resource: first.rscName } },
      body: rscs.map(resourceCreateEntry),
    });
  },

  /**
   * python `resource_auto_place`: `POST …/{rscName}/autoplace`. `diskless_on_remaining` is sent at the top
   * level and inside `select_filter` (always, default false); `layer_list` also goes to the top level.
   */
  async resourceAutoPlace(this: LinstorCore, opts: ResourceAutoPlaceOptions): Promise<ApiCallResponse[]> {
    await this.ensureConnected();
    const disklessOnRemaining = opts.disklessOnRemaining ?? false;
    const selectFilter = buildSelectFilter({ ...opts, disklessOnRemaining }, this);
    const body: Schemas['AutoPlaceRequest'] = {
      diskless_on_remaining: disklessOnRemaining,
      select_filter: selectFilter,
    };
    if (opts.layerList && opts.layerList.length > 0) body.layer_list = asLayers(opts.layerList);
    return this.callReplies('POST', '/v1/resource-definitions/{resource}/autoplace', {
      params: { path: { resource: opts.rscName } },
      body,
    });
  },

  /**
   * python `resource_create_and_auto_place`: creates the definition, one volume definition of `size` KiB,
   * then auto-places. Stops with that step's replies as soon as a step's first reply is not a plain
   * success (so a warning stops it too, as in python).
   */
  async resourceCreateAndAutoPlace(
    this: LinstorCore,
    opts: {
      rscName: string;
      /** KiB. */
      size: number;
      placeCount: number;
      storagePool?: string | null;
      disklessOnRemaining?: boolean;
    },
  ): Promise<ApiCallResponse[]> {
    const stopped = (replies: ApiCallResponse[]) => replies.length > 0 && !replies[0].isSuccess();
    let replies = await this.callReplies('POST', '/v1/resource-definitions', {
      body: { resource_definition: { name: opts.rscName } },
    });
    if (stopped(replies)) return replies;
    const volumeDefinition: Schemas['VolumeDefinition'] = { size_kib: opts.size, flags: [] };
    if (opts.storagePool) volumeDefinition.props = { StorPoolName: opts.storagePool };
    replies = await this.callReplies('POST', '/v1/resource-definitions/{resource}/volume-definitions', {
      params: { path: { resource: opts.rscName } },
      body: { volume_definition: volumeDefinition },
    });
    if (stopped(replies)) return replies;
    return resourceMethods.resourceAutoPlace.call(this, {
      rscName: opts.rscName,
      placeCount: opts.placeCount,
      storagePool: opts.storagePool,
      disklessOnRemaining: opts.disklessOnRemaining ?? false,
    });
  },

  /** python `resource_make_available`: `POST …/resources/{node}/make-available {"diskful", …}`. */
  async resourceMakeAvailable(
    this: LinstorCore,
    opts: {
      nodeName: string;
      rscName: string;
      diskful?: boolean;
      layerList?: readonly string[] | null;
      drbdTcpPorts?: readonly number[] | null;
    },
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['ResourceMakeAvailable'] = { diskful: opts.diskful ?? false };
    if (opts.layerList && opts.layerList.length > 0) body.layer_list = asLayers(opts.layerList);
    if (opts.drbdTcpPorts && opts.drbdTcpPorts.length > 0) body.drbd_tcp_ports = [...opts.drbdTcpPorts];
    return this.callReplies('POST', '/v1/resource-definitions/{resource}/resources/{node}/make-available', {
      params: { path: { resource: opts.rscName, node: opts.nodeName } },
      body,
    });
  },

  /** python `resource_modify`: `PUT …/resources/{node}` with the property edits. */
  async resourceModify(
    this: LinstorCore,
    opts: {
      nodeName: string;
      rscName: string;
      propertyDict: PropertyDict | null;
      deleteProps?: readonly string[] | null;
    },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('PUT', '/v1/resource-definitions/{resource}/resources/{node}', {
      params: { path: { resource: opts.rscName, node: opts.nodeName } },
      body: propsBody(opts.propertyDict, opts.deleteProps),
    });
  },

  /** python `resource_delete`: `DELETE …/resources/{node}`, plus `?keep_tiebreaker=True` when asked. */
  async resourceDelete(
    this: LinstorCore,
    opts: { nodeName: string; rscName: string; asyncMsg?: boolean; keepTiebreaker?: boolean },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/resource-definitions/{resource}/resources/{node}', {
      params: {
        path: { resource: opts.rscName, node: opts.nodeName },
        query: opts.keepTiebreaker ? { keep_tiebreaker: true } : undefined,
      },
    });
  },

  /**
   * python `resource_delete_if_diskless`: lists the resource on the node and deletes it only when it has
   * the `DISKLESS` flag; otherwise a synthetic success "Resource R not diskless on node N, not deleted".
   * An error from the list is returned unchanged.
   * Differs from python (quirk 10): when the resource does not exist on the node, python crashes with an
   * IndexError; here the result is the synthetic success "Resource R did not exist on node N" and no
   * DELETE is sent.
   */
  async resourceDeleteIfDiskless(
    this: LinstorCore,
    opts: { nodeName: string; rscName: string },
  ): Promise<ApiCallResponse[]> {
    const reply = await this.call('GET', '/v1/view/resources', {
      params: { query: { nodes: [opts.nodeName], resources: [opts.rscName] } },
    });
    if (!reply.ok) return reply.replies;
    const resource = reply.data[0];
    if (resource === undefined) {
      return syntheticSuccess(`Resource ${opts.rscName} did not exist on node ${opts.nodeName}`);
    }
    if ((resource.flags ?? []).includes('DISKLESS')) {
      return resourceMethods.resourceDelete.call(this, { nodeName: opts.nodeName, rscName: opts.rscName });
    }
    return syntheticSuccess(`Resource ${opts.rscName} not diskless on node ${opts.nodeName}, not deleted`);
  },

  /** python `resource_activate` (REST 1.2.0): `POST …/resources/{node}/activate`. */
  async resourceActivate(
    this: LinstorCore,
    opts: { nodeName: string; rscName: string },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('POST', '/v1/resource-definitions/{resource}/resources/{node}/activate', {
      params: { path: { resource: opts.rscName, node: opts.nodeName } },
      minVersion: '1.2.0',
      versionMessage: 'REST action not supported by server',
    });
  },

  /** python `resource_deactivate` (REST 1.2.0): `POST …/resources/{node}/deactivate`. */
  async resourceDeactivate(
    this: LinstorCore,
    opts: { nodeName: string; rscName: string },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('POST', '/v1/resource-definitions/{resource}/resources/{node}/deactivate', {
      params: { path: { resource: opts.rscName, node: opts.nodeName } },
      minVersion: '1.2.0',
      versionMessage: 'REST action not supported by server',
    });
  },

  /** python `resource_list`: `GET /v1/view/resources?nodes=..&resources=..&props=..` (via `volumeList`). */
  async resourceList(
    this: LinstorCore,
    opts: ResourceListOptions = {},
  ): Promise<ListResult<ResourceResponse>> {
    return volumeMethods.volumeList.call(this, listToVolumeOptions(opts));
  },

  /** python `resource_list_raise`: the `ResourceResponse`, or throws `LinstorApiCallError`. */
  async resourceListRaise(this: LinstorCore, opts: ResourceListOptions = {}): Promise<ResourceResponse> {
    return unwrapListResult(await resourceMethods.resourceList.call(this, opts));
  },

  /**
   * python `resource_toggle_disk`: `PUT …/resources/{node}/toggle-disk/{diskless|diskful}[/{pool}]`, or with
   * `migrateFrom` `PUT …/resources/{node}/migrate-disk/{from}[/{pool}]` (then `diskless` is ignored). No body.
   */
  async resourceToggleDisk(
    this: LinstorCore,
    opts: {
      nodeName: string;
      rscName: string;
      storagePool?: string | null;
      diskless?: boolean;
      asyncMsg?: boolean;
      migrateFrom?: string | null;
    },
  ): Promise<ApiCallResponse[]> {
    const base = { resource: opts.rscName, node: opts.nodeName };
    const pool = opts.storagePool || undefined;
    if (opts.migrateFrom) {
      const from = { ...base, fromnode: opts.migrateFrom };
      return pool
        ? this.callReplies(
            'PUT',
            '/v1/resource-definitions/{resource}/resources/{node}/migrate-disk/{fromnode}/{storagepool}',
            { params: { path: { ...from, storagepool: pool } } },
          )
        : this.callReplies(
            'PUT',
            '/v1/resource-definitions/{resource}/resources/{node}/migrate-disk/{fromnode}',
            {
              params: { path: from },
            },
          );
    }
    if (opts.diskless) {
      return pool
        ? this.callReplies(
            'PUT',
            '/v1/resource-definitions/{resource}/resources/{node}/toggle-disk/diskless/{disklesspool}',
            { params: { path: { ...base, disklesspool: pool } } },
          )
        : this.callReplies(
            'PUT',
            '/v1/resource-definitions/{resource}/resources/{node}/toggle-disk/diskless',
            {
              params: { path: base },
            },
          );
    }
    return pool
      ? this.callReplies(
          'PUT',
          '/v1/resource-definitions/{resource}/resources/{node}/toggle-disk/diskful/{storagepool}',
          { params: { path: { ...base, storagepool: pool } } },
        )
      : this.callReplies('PUT', '/v1/resource-definitions/{resource}/resources/{node}/toggle-disk/diskful', {
          params: { path: base },
        });
  },
};

function listToVolumeOptions(opts: ResourceListOptions): VolumeListOptions {
  return {
    filterByNodes: opts.filterByNodes,
    filterByResources: opts.filterByResources,
    filterByProps: opts.filterByProps,
  };
}
