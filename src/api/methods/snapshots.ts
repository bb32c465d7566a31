import type { ApiCallResponse } from '../../core/api-call-response';
import type { LinstorCore } from '../linstor-core';
import { type ListResult, unwrapListResult } from '../responses/list-result';
import type { Schemas } from '../responses/schemas';
import { SnapshotResponse } from '../responses/snapshot';
import { type PropertyDict, propsBody, queryList } from './props-body';

export interface SnapshotDfnListOptions {
  filterByNodes?: readonly string[] | null;
  filterByResources?: readonly string[] | null;
}

/** python-linstor §2.13: snapshots. */
export const snapshotMethods = {
  /** python `snapshot_create`: `POST …/{rscName}/snapshots {"name", "nodes"?}` (nodes only when non-empty). */
  async snapshotCreate(
    this: LinstorCore,
    opts: { nodeNames?: readonly string[] | null; rscName: string; snapshotName: string; asyncMsg?: boolean },
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['Snapshot'] = { name: opts.snapshotName };
    const nodes = queryList(opts.nodeNames);
    if (nodes) body.nodes = nodes;
    return this.callReplies('POST', '/v1/resource-definitions/{resource}/snapshots', {
      params: { path: { resource: opts.rscName } },
      body,
    });
  },

  /**
   * python `snapshot_create_multi` (REST 1.18.0): one consistent snapshot of several resources,
   * `POST /v1/actions/snapshot/multi {"snapshots":[{"name","resource_name","nodes"?}…]}`.
   */
  async snapshotCreateMulti(
    this: LinstorCore,
    opts: { nodeNames?: readonly string[] | null; rscNames: readonly string[]; snapshotName: string },
  ): Promise<ApiCallResponse[]> {
    const nodes = queryList(opts.nodeNames);
    const snapshots = opts.rscNames.map((resourceName) => {
      const s: Schemas['Snapshot'] = { name: opts.snapshotName, resource_name: resourceName };
      if (nodes) s.nodes = nodes;
      return s;
    });
    return this.callReplies('POST', '/v1/actions/snapshot/multi', {
      body: { snapshots },
      minVersion: '1.18.0',
      versionMessage: 'Multi snapshot not supported by server',
    });
  },

  /** python `snapshot_volume_definition_restore`: `POST …/{from}/snapshot-restore-volume-definition/{snap} {"to_resource"}`. */
  async snapshotVolumeDefinitionRestore(
    this: LinstorCore,
    opts: { fromResource: string; fromSnapshot: string; toResource: string },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies(
      'POST',
      '/v1/resource-definitions/{resource}/snapshot-restore-volume-definition/{snapshot}',
      {
        params: { path: { resource: opts.fromResource, snapshot: opts.fromSnapshot } },
        body: { to_resource: opts.toResource },
      },
    );
  },

  /** python `snapshot_resource_restore`: `POST …/{from}/snapshot-restore-resource/{snap} {"to_resource","nodes"?,"stor_pool_rename"?}`. */
  async snapshotResourceRestore(
    this: LinstorCore,
    opts: {
      nodeNames?: readonly string[] | null;
      fromResource: string;
      fromSnapshot: string;
      toResource: string;
      storpoolRenameMap?: Readonly<Record<string, string>> | null;
    },
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['SnapshotRestore'] = { to_resource: opts.toResource };
    const nodes = queryList(opts.nodeNames);
    if (nodes) body.nodes = nodes;
    if (opts.storpoolRenameMap && Object.keys(opts.storpoolRenameMap).length > 0) {
      body.stor_pool_rename = { ...opts.storpoolRenameMap };
    }
    return this.callReplies(
      'POST',
      '/v1/resource-definitions/{resource}/snapshot-restore-resource/{snapshot}',
      {
        params: { path: { resource: opts.fromResource, snapshot: opts.fromSnapshot } },
        body,
      },
    );
  },

  /** python `snapshot_delete`: `DELETE …/{rscName}/snapshots/{snap}[?nodes=a&nodes=b]`. */
  async snapshotDelete(
    this: LinstorCore,
    opts: { rscName: string; snapshotName: string; nodeNames?: readonly string[] | null },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/resource-definitions/{resource}/snapshots/{snapshot}', {
      params: {
        path: { resource: opts.rscName, snapshot: opts.snapshotName },
        query: { nodes: queryList(opts.nodeNames) },
      },
    });
  },

  /**
   * python `snapshot_rollback`: `POST …/snapshot-rollback/{snap}`; the body is always an object: `{}`, or
   * `{"zfs_rollback_strategy"}` (needs REST 1.26.0).
   */
  async snapshotRollback(
    this: LinstorCore,
    opts: {
      rscName: string;
      snapshotName: string;
      zfsRollbackStrategy?: Schemas['SnapshotRollback']['zfs_rollback_strategy'] | null;
    },
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['SnapshotRollback'] = {};
    if (opts.zfsRollbackStrategy) {
      await this.ensureConnected();
      this.requireVersion('1.26.0', 'ZFS rollback strategy not supported by server');
      body.zfs_rollback_strategy = opts.zfsRollbackStrategy;
    }
    return this.callReplies('POST', '/v1/resource-definitions/{resource}/snapshot-rollback/{snapshot}', {
      params: { path: { resource: opts.rscName, snapshot: opts.snapshotName } },
      body,
    });
  },

  /**
   * python `snapshot_dfn_list`: `GET /v1/view/snapshots?nodes=..&resources=..` → `[SnapshotResponse]`.
   * Controllers below REST 1.1.0 have no view: then every resource definition is listed and its
   * snapshots fetched one by one, concatenated into one SnapshotResponse (filters do not apply there,
   * as in python). The first error reply of that fallback is returned as is.
   */
  async snapshotDfnList(
    this: LinstorCore,
    opts: SnapshotDfnListOptions = {},
  ): Promise<ListResult<SnapshotResponse>> {
    await this.ensureConnected();
    if (this.apiVersionSmaller('1.1.0')) {
      const rds = await this.call('GET', '/v1/resource-definitions');
      if (!rds.ok) return rds.replies;
      const all: Schemas['Snapshot'][] = [];
      for (const rd of rds.data) {
        if (rd.name === undefined) continue;
        const snaps = await this.call('GET', '/v1/resource-definitions/{resource}/snapshots', {
          params: { path: { resource: rd.name } },
        });
        if (!snaps.ok) return snaps.replies;
        all.push(...snaps.data);
      }
      return [new SnapshotResponse(all)];
    }
    const reply = await this.call('GET', '/v1/view/snapshots', {
      params: {
        query: { nodes: queryList(opts.filterByNodes), resources: queryList(opts.filterByResources) },
      },
    });
    return reply.ok ? [new SnapshotResponse(reply.data)] : reply.replies;
  },

  /** python `snapshot_dfn_list_raise`: the `SnapshotResponse`, or throws `LinstorApiCallError`. */
  async snapshotDfnListRaise(
    this: LinstorCore,
    opts: SnapshotDfnListOptions = {},
  ): Promise<SnapshotResponse> {
    return unwrapListResult(await snapshotMethods.snapshotDfnList.call(this, opts));
  },

  /** python `snapshot_dfn_modify`: `PUT …/{resourceName}/snapshots/{snap}` with the property edits. */
  async snapshotDfnModify(
    this: LinstorCore,
    opts: {
      resourceName: string;
      snapshotName: string;
      propertyDict: PropertyDict | null;
      deleteProps?: readonly string[] | null;
    },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('PUT', '/v1/resource-definitions/{resource}/snapshots/{snapshot}', {
      params: { path: { resource: opts.resourceName, snapshot: opts.snapshotName } },
      body: propsBody(opts.propertyDict, opts.deleteProps),
    });
  },
};
