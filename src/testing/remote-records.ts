// Records of the simulated controller's remotes, backup schedules (and where they are enabled) and
// backups, with the lookups, name rule and JSON shapes the remote/schedule/backup routes share.
// Secrets (S3/EBS keys, LINSTOR passphrases) are stored but never rendered.
import {
  FAIL_INVLD_REMOTE_NAME,
  FAIL_INVLD_SCHEDULE_NAME,
  FAIL_NOT_FOUND_REMOTE,
  FAIL_NOT_FOUND_SCHEDULE,
} from '../../generated/constants';
import type { ObjectShape } from './body';
import { NAME_LIMITS, requireValidName } from './names';
import { fail } from './rc';
import { compact, type Json } from './render';
import { key, type SimulatorState } from './state';

export type RemoteKind = 's3' | 'linstor' | 'ebs';

interface RemoteBase {
  name: string;
  uuid: string;
}

export interface S3RemoteRecord extends RemoteBase {
  kind: 's3';
  endpoint: string;
  bucket: string;
  region: string;
  accessKey: string;
  secretKey: string;
  usePathStyle: boolean;
}

export interface LinstorRemoteRecord extends RemoteBase {
  kind: 'linstor';
  url: string;
  passphrase?: string;
  clusterId?: string;
}

export interface EbsRemoteRecord extends RemoteBase {
  kind: 'ebs';
  endpoint: string;
  region: string;
  availabilityZone: string;
  accessKey: string;
  secretKey: string;
}

export type RemoteRecord = S3RemoteRecord | LinstorRemoteRecord | EbsRemoteRecord;

export type OnFailure = 'SKIP' | 'RETRY';

export interface ScheduleRecord {
  name: string;
  fullCron: string;
  incCron?: string;
  keepLocal?: number;
  keepRemote?: number;
  onFailure: OnFailure;
  maxRetries?: number;
  uuid: string;
}

/** Where a remote+schedule pair is switched on or off: the controller, a resource group or an RD. */
export type ScheduleLevel = 'ctrl' | 'rsc_grp' | 'rsc_dfn';

export interface ScheduleBindingRecord {
  remoteName: string;
  scheduleName: string;
  level: ScheduleLevel;
  /** display name of the resource group or resource definition; undefined on the controller level */
  target?: string;
  enabled: boolean;
  /** the enable request's shipping options (kept, not acted upon) */
  options: Record<string, unknown>;
}

export interface BackupVolumeRecord {
  number: number;
  sizeKib: number;
  storagePoolName: string;
  providerKind: string;
}

export interface BackupRecord {
  id: string;
  remoteName: string;
  rscName: string;
  snapName: string;
  nodeName: string;
  startTimestamp: number;
  /** undefined while the shipment is still queued (see `SimulatorState.backupsFinishImmediately`) */
  finishedTimestamp?: number;
  /** false once aborted */
  success: boolean;
  basedOnId?: string;
  volumes: BackupVolumeRecord[];
  layerStack: string[];
  /** S3 backups appear in the backup list; shipments to a LINSTOR remote only in state and the queue */
  targetKind: 's3' | 'linstor';
  /** the LINSTOR-remote shipment's destination resource */
  dstRscName?: string;
  /** why the backup failed (set by abort) */
  failMessages?: string;
}

// ---- names ----

/** Remote and schedule names follow the general name rule with the resource-name lengths. */
export const REMOTE_NAME_LIMITS = NAME_LIMITS.resource;
export const SCHEDULE_NAME_LIMITS = NAME_LIMITS.resource;

export const checkRemoteName = (name: string): void =>
  requireValidName(name, REMOTE_NAME_LIMITS, FAIL_INVLD_REMOTE_NAME, 'remote');

export const checkScheduleName = (name: string): void =>
  requireValidName(name, SCHEDULE_NAME_LIMITS, FAIL_INVLD_SCHEDULE_NAME, 'schedule');

// ---- lookups ----

const KIND_TEXT: Record<RemoteKind, string> = {
  s3: 'S3 remote',
  linstor: 'LINSTOR remote',
  ebs: 'EBS remote',
};

/** The remote of one of `kinds` (any kind when omitted); fails with the remote "not found" code. */
export function remoteOf<K extends RemoteKind>(
  state: SimulatorState,
  name: string,
  kinds?: readonly K[],
): Extract<RemoteRecord, { kind: K }> {
  const r = state.remotes.get(key(name));
  if (!r || (kinds && !(kinds as readonly string[]).includes(r.kind))) {
    const what = kinds ? kinds.map((k) => KIND_TEXT[k]).join(' or ') : 'Remote';
    fail(FAIL_NOT_FOUND_REMOTE, `${what[0]?.toUpperCase()}${what.slice(1)} '${name}' not found.`, {
      cause: r ? `'${r.name}' is a ${KIND_TEXT[r.kind]}.` : `No remote named '${name}' exists.`,
      correction: r ? undefined : `Create a remote with the name '${name}' first.`,
      objRefs: { Remote: name },
    });
  }
  return r as Extract<RemoteRecord, { kind: K }>;
}

export function scheduleOf(state: SimulatorState, name: string): ScheduleRecord {
  const s = state.schedules.get(key(name));
  if (!s) {
    fail(FAIL_NOT_FOUND_SCHEDULE, `Schedule '${name}' not found.`, {
      cause: `No backup schedule named '${name}' exists.`,
      correction: `Create a schedule with the name '${name}' first.`,
      objRefs: { Schedule: name },
    });
  }
  return s;
}

// ---- JSON (secrets never leave the simulator) ----

export function remoteJson(r: RemoteRecord): Json {
  switch (r.kind) {
    case 's3':
      return {
        remote_name: r.name,
        endpoint: r.endpoint,
        bucket: r.bucket,
        region: r.region,
        use_path_style: r.usePathStyle,
      };
    case 'linstor':
      return compact({ remote_name: r.name, url: r.url, cluster_id: r.clusterId });
    case 'ebs':
      return {
        remote_name: r.name,
        endpoint: r.endpoint,
        region: r.region,
        availability_zone: r.availabilityZone,
      };
  }
}

export function scheduleJson(s: ScheduleRecord): Json {
  return compact({
    schedule_name: s.name,
    full_cron: s.fullCron,
    inc_cron: s.incCron,
    keep_local: s.keepLocal,
    keep_remote: s.keepRemote,
    on_failure: s.onFailure,
    max_retries: s.maxRetries,
  });
}

// ---- request shapes ----

export const S3RemoteShape: ObjectShape = {
  cls: 'S3Remote',
  fields: {
    remote_name: 'string',
    endpoint: 'string',
    bucket: 'string',
    region: 'string',
    access_key: 'string',
    secret_key: 'string',
    use_path_style: 'bool',
  },
};

export const LinstorRemoteShape: ObjectShape = {
  cls: 'LinstorRemote',
  fields: { remote_name: 'string', url: 'string', passphrase: 'string', cluster_id: 'string' },
};

export const EbsRemoteShape: ObjectShape = {
  cls: 'EbsRemote',
  fields: {
    remote_name: 'string',
    endpoint: 'string',
    region: 'string',
    availability_zone: 'string',
    access_key: 'string',
    secret_key: 'string',
  },
};

const SCHEDULE_FIELDS = {
  full_cron: 'string',
  inc_cron: 'string',
  keep_local: 'int',
  keep_remote: 'int',
  on_failure: 'string',
  max_retries: 'int',
} as const;

export const ScheduleShape: ObjectShape = {
  cls: 'Schedule',
  fields: { schedule_name: 'string', ...SCHEDULE_FIELDS },
};

export const ScheduleModifyShape: ObjectShape = { cls: 'ScheduleModify', fields: SCHEDULE_FIELDS };

export const BackupScheduleShape: ObjectShape = {
  cls: 'BackupSchedule',
  fields: {
    rsc_name: 'string',
    grp_name: 'string',
    node_name: 'string',
    dst_stor_pool: 'string',
    stor_pool_rename: 'props',
    force_restore: 'bool',
    dst_rsc_grp: 'string',
    dst_rsc_name: 'string',
    force_mv_rsc_grp: 'bool',
  },
};

export const BackupCreateShape: ObjectShape = {
  cls: 'BackupCreate',
  fields: {
    rsc_name: 'string',
    node_name: 'string',
    snap_name: 'string',
    incremental: 'bool',
    dst_snap_name: 'string',
  },
};

export const BackupRestoreShape: ObjectShape = {
  cls: 'BackupRestore',
  fields: {
    src_rsc_name: 'string',
    src_snap_name: 'string',
    last_backup: 'string',
    stor_pool_map: 'props',
    target_rsc_name: 'string',
    passphrase: 'string',
    node_name: 'string',
    download_only: 'bool',
    force_restore: 'bool',
    dst_rsc_grp: 'string',
    force_mv_rsc_grp: 'bool',
  },
};

export const BackupInfoRequestShape: ObjectShape = {
  cls: 'BackupInfoRequest',
  fields: {
    src_rsc_name: 'string',
    src_snap_name: 'string',
    last_backup: 'string',
    stor_pool_map: 'props',
    node_name: 'string',
  },
};

export const BackupAbortShape: ObjectShape = {
  cls: 'BackupAbort',
  fields: { rsc_name: 'string', restore: 'bool', create: 'bool', snapshot: 'string' },
};

export const BackupShipShape: ObjectShape = {
  cls: 'BackupShip',
  fields: {
    src_node_name: 'string',
    src_rsc_name: 'string',
    dst_rsc_name: 'string',
    dst_node_name: 'string',
    dst_net_if_name: 'string',
    dst_stor_pool: 'string',
    stor_pool_rename: 'props',
    download_only: 'bool',
    force_restore: 'bool',
    allow_incremental: 'bool',
    dst_rsc_grp: 'string',
    force_mv_rsc_grp: 'bool',
    src_snap_name: 'string',
    dst_snap_name: 'string',
  },
};

// ---- backups ----

/** Whether a backup's shipment is still queued (created while `backupsFinishImmediately` was false). */
export const isQueued = (b: BackupRecord): boolean => b.finishedTimestamp === undefined;

/** Finishes every queued shipment now (what the satellites would report later). */
export function finishQueuedBackups(state: SimulatorState): void {
  for (const b of state.backups) if (isQueued(b)) b.finishedTimestamp = state.now();
  state.changed();
}

/** The S3 object key of one volume of a backup. */
export const volumeKey = (b: BackupRecord, vlmNr: number): string =>
  `${b.rscName}_${String(vlmNr).padStart(5, '0')}_${b.snapName}`;

export const metaKey = (b: BackupRecord): string => `${b.rscName}_${b.snapName}.meta`;

const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

export function backupJson(b: BackupRecord): Json {
  const queued = isQueued(b);
  return compact({
    id: b.id,
    start_time: iso(b.startTimestamp),
    start_timestamp: b.startTimestamp,
    finished_time: iso(b.finishedTimestamp),
    finished_timestamp: b.finishedTimestamp,
    origin_rsc: b.rscName,
    origin_snap: b.snapName,
    origin_node: b.nodeName,
    fail_messages: b.failMessages,
    vlms: b.volumes.map((v) =>
      compact({
        vlm_nr: v.number,
        finished_time: iso(b.finishedTimestamp),
        finished_timestamp: b.finishedTimestamp,
        s3: { key: volumeKey(b, v.number) },
      }),
    ),
    success: queued ? undefined : b.success,
    shipping: queued,
    restorable: !queued && b.success,
    s3: { meta_name: metaKey(b) },
    based_on_id: b.basedOnId,
  });
}
