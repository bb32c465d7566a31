import { RestResponse } from './rest-response';
import type { Schemas } from './schemas';

/** One backup on a remote. */
export class Backup extends RestResponse<Schemas['Backup']> {
  get id(): string {
    return this.restData.id;
  }

  get startTime(): string | undefined {
    return this.restData.start_time;
  }

  /** Epoch milliseconds. */
  get startTimestamp(): number | undefined {
    return this.restData.start_timestamp;
  }

  get finishedTime(): string | undefined {
    return this.restData.finished_time;
  }

  /** Epoch milliseconds. */
  get finishedTimestamp(): number | undefined {
    return this.restData.finished_timestamp;
  }

  get originRscName(): string {
    return this.restData.origin_rsc;
  }

  get originSnapName(): string | undefined {
    return this.restData.origin_snap;
  }

  get originNode(): string | undefined {
    return this.restData.origin_node;
  }

  /** The id of the backup this incremental one builds on. */
  get basedOn(): string | undefined {
    return this.restData.based_on_id;
  }

  get success(): boolean | undefined {
    return this.restData.success;
  }

  get shipping(): boolean | undefined {
    return this.restData.shipping;
  }

  get restorable(): boolean | undefined {
    return this.restData.restorable;
  }

  get failMessages(): string | undefined {
    return this.restData.fail_messages;
  }
}

/** Files on the remote that do not belong to a LINSTOR backup. */
export class BackupOther extends RestResponse<Schemas['BackupOther']> {
  get files(): string[] {
    return this.restData.files ?? [];
  }
}

/** The reply of `backupList`. */
export class BackupListResponse extends RestResponse<Schemas['BackupList']> {
  /** The LINSTOR backups. */
  get linstor(): Backup[] {
    return Object.values(this.restData.linstor ?? {}).map((b) => new Backup(b));
  }

  get other(): BackupOther {
    return new BackupOther(this.restData.other ?? {});
  }
}

/** One volume of a storage pool in a backup-info reply. */
export class BackupInfoStorPoolVolume extends RestResponse<Schemas['BackupInfoVolume']> {
  get name(): string | undefined {
    return this.restData.name;
  }

  get layerType(): string {
    return this.restData.layer_type;
  }

  /** KiB. */
  get dlSize(): number | undefined {
    return this.restData.dl_size_kib;
  }

  /** KiB. */
  get allocSize(): number | undefined {
    return this.restData.alloc_size_kib;
  }

  /** KiB. */
  get usableSize(): number | undefined {
    return this.restData.usable_size_kib;
  }
}

/** One target storage pool in a backup-info reply. */
export class BackupInfoStorPool extends RestResponse<Schemas['BackupInfoStorPool']> {
  get name(): string {
    return this.restData.name;
  }

  get providerKind(): string | undefined {
    return this.restData.provider_kind;
  }

  get targetName(): string | undefined {
    return this.restData.target_name;
  }

  /** KiB. */
  get remainingSpace(): number | undefined {
    return this.restData.remaining_space_kib;
  }

  get volumes(): BackupInfoStorPoolVolume[] {
    return (this.restData.vlms ?? []).map((v) => new BackupInfoStorPoolVolume(v));
  }
}

/** The reply of `backupInfo`: what a restore would download and need. */
export class BackupInfoResponse extends RestResponse<Schemas['BackupInfo']> {
  get rsc(): string {
    return this.restData.rsc;
  }

  get full(): string {
    return this.restData.full;
  }

  get snap(): string | undefined {
    return this.restData.snap;
  }

  get latest(): string {
    return this.restData.latest;
  }

  get count(): number | undefined {
    return this.restData.count;
  }

  /** KiB to download. */
  get dlSize(): number {
    return this.restData.dl_size_kib;
  }

  /** KiB to allocate. */
  get allocSize(): number {
    return this.restData.alloc_size_kib;
  }

  get storpools(): BackupInfoStorPool[] {
    return (this.restData.storpools ?? []).map((s) => new BackupInfoStorPool(s));
  }
}

/** One snapshot waiting to be shipped. */
export class SnapQueue extends RestResponse<Schemas['SnapQueue']> {
  get resourceName(): string {
    return this.restData.resource_name;
  }

  get snapshotName(): string {
    return this.restData.snapshot_name;
  }

  get remoteName(): string {
    return this.restData.remote_name;
  }

  get incremental(): boolean {
    return this.restData.incremental;
  }

  get basedOn(): string | undefined {
    return this.restData.based_on;
  }

  /** Epoch milliseconds. */
  get startTimestamp(): number {
    return this.restData.start_timestamp;
  }

  get prefNode(): string {
    return this.restData.pref_node;
  }

  /** The nodes this snapshot waits for (when listed per snapshot). */
  get queue(): NodeQueue[] {
    return (this.restData.queue ?? []).map((n) => new NodeQueue(n));
  }
}

/** The shipping queue of one node. */
export class NodeQueue extends RestResponse<Schemas['NodeQueue']> {
  get nodeName(): string {
    return this.restData.node_name;
  }

  get queue(): SnapQueue[] {
    return (this.restData.queue ?? []).map((s) => new SnapQueue(s));
  }
}

/** The reply of `backupQueueList`. */
export class BackupQueues extends RestResponse<Schemas['BackupQueues']> {
  get nodeQueues(): NodeQueue[] {
    return (this.restData.node_queues ?? []).map((n) => new NodeQueue(n));
  }

  get snapQueues(): SnapQueue[] {
    return (this.restData.snap_queues ?? []).map((s) => new SnapQueue(s));
  }
}
