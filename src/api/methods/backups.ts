import type { ApiCallResponse } from '../../core/api-call-response';
import type { LinstorCore } from '../linstor-core';
import { BackupInfoResponse, BackupListResponse, BackupQueues } from '../responses/backup';
import type { ListResult } from '../responses/list-result';
import type { Schemas } from '../responses/schemas';
import { queryList } from './props-body';

type NameMap = Readonly<Record<string, string>>;

/** python's `if x:` for optional strings and maps: given and not empty. */
const truthy = (v: string | NameMap | null | undefined): v is string | NameMap =>
  typeof v === 'string' ? v.length > 0 : v !== undefined && v !== null && Object.keys(v).length > 0;

export interface BackupDeleteOptions {
  remoteName: string;
  /** Sent as `id`. */
  bakId?: string | null;
  /** Sent as `id_prefix`. */
  bakIdPrefix?: string | null;
  /** Sent as `cascading=True`. */
  cascade?: boolean;
  timestamp?: string | null;
  resourceName?: string | null;
  nodeName?: string | null;
  /** Sent as `all=True`. */
  allLinstor?: boolean;
  allLocalCluster?: boolean;
  /** Sent as `s3key`. */
  s3Key?: string | null;
  dryrun?: boolean | null;
  keepSnaps?: boolean | null;
}

/** python-linstor §2.16: backups. */
export const backupMethods = {
  /** python `backup_list` (REST 1.10.0): `GET /v1/remotes/{rem}/backups?rsc_name=..&snap_name=..` → `[BackupListResponse]`. */
  async backupList(
    this: LinstorCore,
    opts: { remoteName: string; resourceName?: string | null; snapName?: string | null },
  ): Promise<ListResult<BackupListResponse>> {
    const reply = await this.call('GET', '/v1/remotes/{remote_name}/backups', {
      params: {
        path: { remote_name: opts.remoteName },
        query: { rsc_name: opts.resourceName || undefined, snap_name: opts.snapName || undefined },
      },
      minVersion: '1.10.0',
      versionMessage: 'Backup list not supported by server',
    });
    return reply.ok ? [new BackupListResponse(reply.data)] : reply.replies;
  },

  /** python `backup_create`: `POST /v1/remotes/{rem}/backups {"rsc_name","incremental","node_name"?,"snap_name"?}`. */
  async backupCreate(
    this: LinstorCore,
    opts: {
      remoteName: string;
      resourceName: string;
      incremental?: boolean;
      nodeName?: string | null;
      snapName?: string | null;
    },
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['BackupCreate'] = {
      rsc_name: opts.resourceName,
      incremental: opts.incremental ?? true,
    };
    if (opts.nodeName) body.node_name = opts.nodeName;
    if (opts.snapName) body.snap_name = opts.snapName;
    return this.callReplies('POST', '/v1/remotes/{remote_name}/backups', {
      params: { path: { remote_name: opts.remoteName } },
      body,
    });
  },

  /**
   * python `backup_delete`: `DELETE /v1/remotes/{rem}/backups?…`, one query parameter per truthy argument
   * with python's renames (`bakId`→`id`, `bakIdPrefix`→`id_prefix`, `cascade`→`cascading`,
   * `allLinstor`→`all`, `s3Key`→`s3key`); booleans are sent as `True`.
   */
  async backupDelete(this: LinstorCore, opts: BackupDeleteOptions): Promise<ApiCallResponse[]> {
    const flag = (v: boolean | null | undefined) => (v ? true : undefined);
    const text = (v: string | null | undefined) => (v ? v : undefined);
    return this.callReplies('DELETE', '/v1/remotes/{remote_name}/backups', {
      params: {
        path: { remote_name: opts.remoteName },
        query: {
          id: text(opts.bakId),
          id_prefix: text(opts.bakIdPrefix),
          cascading: flag(opts.cascade),
          timestamp: text(opts.timestamp),
          resource_name: text(opts.resourceName),
          node_name: text(opts.nodeName),
          all: flag(opts.allLinstor),
          all_local_cluster: flag(opts.allLocalCluster),
          s3key: text(opts.s3Key),
          dryrun: flag(opts.dryrun),
          keep_snaps: flag(opts.keepSnaps),
        },
      },
    });
  },

  /**
   * python `backup_restore`: `POST /v1/remotes/{rem}/backups/restore {"node_name","target_rsc_name",
   * "src_rsc_name"?,"src_snap_name"?,"last_backup"?,"passphrase"?,"stor_pool_map"?,"download_only"?,
   * "force_restore"?,"dst_rsc_grp"?,"force_mv_rsc_grp"?}`.
   */
  async backupRestore(
    this: LinstorCore,
    opts: {
      remoteName: string;
      targetNodeName: string;
      targetResourceName: string;
      resourceName?: string | null;
      bakId?: string | null;
      passphrase?: string | null;
      storPoolMap?: NameMap | null;
      downloadOnly?: boolean;
      forceRestore?: boolean;
      snapName?: string | null;
      dstRscGrp?: string | null;
      forceMvRscGrp?: boolean;
    },
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['BackupRestore'] = {
      node_name: opts.targetNodeName,
      target_rsc_name: opts.targetResourceName,
    };
    if (opts.resourceName) body.src_rsc_name = opts.resourceName;
    if (opts.snapName) body.src_snap_name = opts.snapName;
    if (opts.bakId) body.last_backup = opts.bakId;
    if (opts.passphrase) body.passphrase = opts.passphrase;
    if (truthy(opts.storPoolMap)) body.stor_pool_map = { ...opts.storPoolMap };
    if (opts.downloadOnly) body.download_only = true;
    if (opts.forceRestore) body.force_restore = true;
    if (opts.dstRscGrp) body.dst_rsc_grp = opts.dstRscGrp;
    if (opts.forceMvRscGrp) body.force_mv_rsc_grp = true;
    return this.callReplies('POST', '/v1/remotes/{remote_name}/backups/restore', {
      params: { path: { remote_name: opts.remoteName } },
      body,
    });
  },

  /** python `backup_abort`: `POST /v1/remotes/{rem}/backups/abort {"rsc_name","restore"?,"create"?,"snapshot"?}` (snapshot: REST 1.27.0). */
  async backupAbort(
    this: LinstorCore,
    opts: {
      remoteName: string;
      resourceName: string;
      restore?: boolean | null;
      create?: boolean | null;
      snapshot?: string | null;
    },
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['BackupAbort'] = { rsc_name: opts.resourceName };
    if (opts.restore !== undefined && opts.restore !== null) body.restore = opts.restore;
    if (opts.create !== undefined && opts.create !== null) body.create = opts.create;
    if (opts.snapshot) {
      await this.ensureConnected();
      this.requireVersion('1.27.0', 'Backup abort of a snapshot not supported by server');
      body.snapshot = opts.snapshot;
    }
    return this.callReplies('POST', '/v1/remotes/{remote_name}/backups/abort', {
      params: { path: { remote_name: opts.remoteName } },
      body,
    });
  },

  /**
   * python `backup_ship`: `POST /v1/remotes/{rem}/backups/ship`. Optional keys only when given; some need
   * a newer controller (force_restore 1.21.0, dst_rsc_grp/force_mv_rsc_grp 1.24.0, force_full 1.14.0,
   * src_snap 1.27.0) and throw before sending on an older one. `forceFull` is sent as `allow_incremental: false`.
   */
  async backupShip(
    this: LinstorCore,
    opts: {
      remoteName: string;
      srcRscName: string;
      dstRscName: string;
      srcNode?: string | null;
      dstNode?: string | null;
      dstNetIf?: string | null;
      dstStorPool?: string | null;
      storPoolRename?: NameMap | null;
      downloadOnly?: boolean;
      forceRestore?: boolean;
      dstRscGrp?: string | null;
      forceMvRscGrp?: boolean;
      forceFull?: boolean | null;
      srcSnap?: string | null;
    },
  ): Promise<ApiCallResponse[]> {
    await this.ensureConnected();
    const need = (version: string, what: string) =>
      this.requireVersion(version, `${what} not supported by server`);
    const body: Schemas['BackupShip'] = { src_rsc_name: opts.srcRscName, dst_rsc_name: opts.dstRscName };
    if (opts.srcNode) body.src_node_name = opts.srcNode;
    if (opts.dstNode) body.dst_node_name = opts.dstNode;
    if (opts.dstNetIf) body.dst_net_if_name = opts.dstNetIf;
    if (opts.dstStorPool) body.dst_stor_pool = opts.dstStorPool;
    if (truthy(opts.storPoolRename)) body.stor_pool_rename = { ...opts.storPoolRename };
    if (opts.downloadOnly) body.download_only = true;
    if (opts.forceRestore) {
      need('1.21.0', 'Backup ship force restore');
      body.force_restore = true;
    }
    if (opts.dstRscGrp) {
      need('1.24.0', 'Backup ship destination resource group');
      body.dst_rsc_grp = opts.dstRscGrp;
    }
    if (opts.forceMvRscGrp) {
      need('1.24.0', 'Backup ship force move resource group');
      body.force_mv_rsc_grp = true;
    }
    if (opts.forceFull) {
      need('1.14.0', 'Backup ship force full');
      body.allow_incremental = false;
    }
    if (opts.srcSnap) {
      need('1.27.0', 'Backup ship source snapshot');
      body.src_snap_name = opts.srcSnap;
    }
    return this.callReplies('POST', '/v1/remotes/{remote_name}/backups/ship', {
      params: { path: { remote_name: opts.remoteName } },
      body,
    });
  },

  /**
   * python `backup_info` (REST 1.10.2): `POST /v1/remotes/{rem}/backups/info
   * {"src_rsc_name"?,"src_snap_name"?,"last_backup"?,"node_name"?,"stor_pool_map"?}` → `[BackupInfoResponse]`.
   */
  async backupInfo(
    this: LinstorCore,
    opts: {
      remoteName: string;
      resourceName?: string | null;
      bakId?: string | null;
      targetNode?: string | null;
      storPoolMap?: NameMap | null;
      snapName?: string | null;
    },
  ): Promise<ListResult<BackupInfoResponse>> {
    const body: Schemas['BackupInfoRequest'] = {};
    if (opts.resourceName) body.src_rsc_name = opts.resourceName;
    if (opts.snapName) body.src_snap_name = opts.snapName;
    if (opts.bakId) body.last_backup = opts.bakId;
    if (opts.targetNode) body.node_name = opts.targetNode;
    if (truthy(opts.storPoolMap)) body.stor_pool_map = { ...opts.storPoolMap };
    const reply = await this.call('POST', '/v1/remotes/{remote_name}/backups/info', {
      params: { path: { remote_name: opts.remoteName } },
      body,
      minVersion: '1.10.2',
      versionMessage: 'Backup info not supported by server',
    });
    return reply.ok ? [new BackupInfoResponse(reply.data)] : reply.replies;
  },

  /**
   * python `backup_schedule_enable`: `PUT /v1/remotes/{rem}/backups/schedule/{sched}/enable` with the
   * given keys (`rsc_name`, `grp_name`, `node_name`, `dst_stor_pool`, `stor_pool_rename`, `force_restore`,
   * `dst_rsc_grp`, `dst_rsc_name`, `force_mv_rsc_grp`). No version gate, as python.
   */
  async backupScheduleEnable(
    this: LinstorCore,
    opts: {
      remoteName: string;
      scheduleName: string;
      resourceName?: string | null;
      resourceGroupName?: string | null;
      preferredNode?: string | null;
      dstStorPool?: string | null;
      storpoolRenameMap?: NameMap | null;
      forceRestore?: boolean;
      dstRscGrp?: string | null;
      forceMvRscGrp?: boolean;
      dstRscName?: string | null;
    },
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['BackupSchedule'] = {};
    if (opts.resourceName) body.rsc_name = opts.resourceName;
    if (opts.resourceGroupName) body.grp_name = opts.resourceGroupName;
    if (opts.preferredNode) body.node_name = opts.preferredNode;
    if (opts.dstStorPool) body.dst_stor_pool = opts.dstStorPool;
    if (truthy(opts.storpoolRenameMap)) body.stor_pool_rename = { ...opts.storpoolRenameMap };
    if (opts.forceRestore) body.force_restore = true;
    if (opts.dstRscGrp) body.dst_rsc_grp = opts.dstRscGrp;
    if (opts.dstRscName) body.dst_rsc_name = opts.dstRscName;
    if (opts.forceMvRscGrp) body.force_mv_rsc_grp = true;
    return this.callReplies('PUT', '/v1/remotes/{remote_name}/backups/schedule/{schedule_name}/enable', {
      params: { path: { remote_name: opts.remoteName, schedule_name: opts.scheduleName } },
      body,
      minVersion: null,
    });
  },

  /** python `backup_schedule_disable`: `PUT …/schedule/{sched}/disable {"rsc_name"?,"grp_name"?}`. */
  async backupScheduleDisable(
    this: LinstorCore,
    opts: {
      remoteName: string;
      scheduleName: string;
      resourceName?: string | null;
      resourceGroupName?: string | null;
    },
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['BackupSchedule'] = {};
    if (opts.resourceName) body.rsc_name = opts.resourceName;
    if (opts.resourceGroupName) body.grp_name = opts.resourceGroupName;
    return this.callReplies('PUT', '/v1/remotes/{remote_name}/backups/schedule/{schedule_name}/disable', {
      params: { path: { remote_name: opts.remoteName, schedule_name: opts.scheduleName } },
      body,
    });
  },

  /** python `backup_schedule_delete`: `DELETE …/schedule/{sched}/delete?rsc_dfn_name=..&rsc_grp_name=..`. */
  async backupScheduleDelete(
    this: LinstorCore,
    opts: {
      remoteName: string;
      scheduleName: string;
      resourceName?: string | null;
      resourceGroupName?: string | null;
    },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/remotes/{remote_name}/backups/schedule/{schedule_name}/delete', {
      params: {
        path: { remote_name: opts.remoteName, schedule_name: opts.scheduleName },
        query: {
          rsc_dfn_name: opts.resourceName || undefined,
          rsc_grp_name: opts.resourceGroupName || undefined,
        },
      },
    });
  },

  /**
   * python `backup_queue_list` (REST 1.20.0):
   * `GET /v1/view/backup/queue?nodes=..&snapshots=..&resources=..&remotes=..[&snap_to_node=True]` → `[BackupQueues]`.
   */
  async backupQueueList(
    this: LinstorCore,
    opts: {
      nodes?: readonly string[] | null;
      snaps?: readonly string[] | null;
      rscs?: readonly string[] | null;
      remotes?: readonly string[] | null;
      snapToNode?: boolean;
    } = {},
  ): Promise<ListResult<BackupQueues>> {
    const reply = await this.call('GET', '/v1/view/backup/queue', {
      params: {
        query: {
          nodes: queryList(opts.nodes),
          snapshots: queryList(opts.snaps),
          resources: queryList(opts.rscs),
          remotes: queryList(opts.remotes),
          snap_to_node: opts.snapToNode ? true : undefined,
        },
      },
      minVersion: '1.20.0',
      versionMessage: 'Backup queue list not supported by server',
    });
    return reply.ok ? [new BackupQueues(reply.data)] : reply.replies;
  },
};
