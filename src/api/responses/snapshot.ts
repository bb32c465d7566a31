import { ListResponse, RestResponse } from './rest-response';
import type { Properties, Schemas } from './schemas';

/** The size of one volume of a snapshot definition. */
export class SnapshotVolumeDefinition extends RestResponse<Schemas['SnapshotVolumeDefinition']> {
  get number(): number | undefined {
    return this.restData.volume_number;
  }

  /** KiB. */
  get size(): number | undefined {
    return this.restData.size_kib;
  }
}

/** One volume of a snapshot on one node. */
export class SnapshotVolume extends RestResponse<Schemas['SnapshotVolumeNode']> {
  get uuid(): string | undefined {
    return this.restData.uuid;
  }

  get vlmNr(): number | undefined {
    return this.restData.vlm_nr;
  }

  get state(): string | undefined {
    return this.restData.state;
  }

  get properties(): Properties {
    return this.restData.props ?? {};
  }
}

/** A snapshot on one node. */
export class Snapshot extends RestResponse<Schemas['SnapshotNode']> {
  get name(): string | undefined {
    return this.restData.snapshot_name;
  }

  get nodeName(): string | undefined {
    return this.restData.node_name;
  }

  get flags(): string[] {
    return this.restData.flags ?? [];
  }

  get createDatetime(): Date | undefined {
    return RestResponse.epochMs(this.restData.create_timestamp);
  }

  get uuid(): string | undefined {
    return this.restData.uuid;
  }

  get snapshotVolumes(): SnapshotVolume[] {
    return (this.restData.snapshot_volumes ?? []).map((v) => new SnapshotVolume(v));
  }
}

/** A snapshot definition: one named snapshot of a resource, across its nodes. */
export class SnapshotDefinition extends RestResponse<Schemas['Snapshot']> {
  get name(): string {
    return this.restData.name ?? '';
  }

  /** python's alias of {@link name}. */
  get snapshotName(): string {
    return this.name;
  }

  get uuid(): string | undefined {
    return this.restData.uuid;
  }

  get resourceName(): string {
    return this.restData.resource_name ?? '';
  }

  /** python's alias of {@link resourceName}. */
  get rscName(): string {
    return this.resourceName;
  }

  get nodes(): string[] {
    return this.restData.nodes ?? [];
  }

  get flags(): string[] {
    return this.restData.flags ?? [];
  }

  get properties(): Properties {
    return this.restData.props ?? {};
  }

  get snapshotVolumeDefinitions(): SnapshotVolumeDefinition[] {
    return (this.restData.volume_definitions ?? []).map((v) => new SnapshotVolumeDefinition(v));
  }

  /** The per-node snapshots. */
  get snapshots(): Snapshot[] {
    return (this.restData.snapshots ?? []).map((s) => new Snapshot(s));
  }

  override toString(): string {
    return `SnapshotDefinition(${this.resourceName}, ${this.name})`;
  }
}

/** The reply of `snapshotDfnList`. */
export class SnapshotResponse extends ListResponse<Schemas['Snapshot']> {
  get snapshots(): SnapshotDefinition[] {
    return this.restData.map((s) => new SnapshotDefinition(s));
  }
}
