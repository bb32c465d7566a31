import type { ApiCallResponse } from '../../core/api-call-response';
import { toApiCallResponses } from './reports';
import { ListResponse, RestResponse } from './rest-response';
import type { Properties, Schemas } from './schemas';

type ResourceData = Schemas['ResourceWithVolumes'];
type VolumeData = Schemas['Volume'];

/** The replication state towards one peer (python's `ReplicationState`). */
export class ReplicationState extends RestResponse<Schemas['ReplicationState']> {
  /** For example `Established`, `SyncSource`, `SyncTarget`. */
  get replicationState(): string | undefined {
    return this.restData.replication_state;
  }

  /** Sync progress in percent, while syncing. */
  get donePercentage(): number | undefined {
    return this.restData.done_percentage;
  }
}

/** The state of one volume as the satellite reports it (python's `VolumeState`). */
export class VolumeState extends RestResponse<Schemas['VolumeState'] & { vlm_nr?: number }> {
  /** The volume number (only set on states built by {@link ResourceResponse.resourceStates}). */
  get number(): number | undefined {
    return this.restData.vlm_nr;
  }

  /** For example `UpToDate`, `Diskless`, `Inconsistent`. */
  get diskState(): string | undefined {
    return this.restData.disk_state;
  }

  /** Replication state per peer node name. */
  get replicationStates(): Record<string, ReplicationState> {
    return mapValues(this.restData.replication_states ?? {}, (r) => new ReplicationState(r));
  }
}

/** The state of one resource on one node (python's `ResourceState`, built from the view data). */
export class ResourceState {
  constructor(
    /** Resource name. */
    readonly name: string,
    /** Node name. */
    readonly nodeName: string,
    /** Whether the resource is open (primary) on that node; `undefined` when unknown. */
    readonly inUse: boolean | undefined,
    /** One state per volume. */
    readonly volumeStates: readonly VolumeState[],
  ) {}

  /** python's `rsc_name` alias. */
  get rscName(): string {
    return this.name;
  }
}

/** The DRBD connection state to one peer. */
export class DrbdConnection extends RestResponse<Schemas['DrbdConnection']> {
  get connected(): boolean | undefined {
    return this.restData.connected;
  }

  /** Connection state word such as `Connected` or `StandAlone`. */
  get message(): string | undefined {
    return this.restData.message;
  }
}

/** The DRBD part of a resource's layer data. */
export class DrbdResource extends RestResponse<Schemas['DrbdResource']> {
  get nodeId(): number | undefined {
    return this.restData.node_id;
  }

  get peerSlots(): number | undefined {
    return this.restData.peer_slots;
  }

  get alStripes(): number | undefined {
    return this.restData.al_stripes;
  }

  get alSize(): number | undefined {
    return this.restData.al_size;
  }

  get flags(): string[] {
    return this.restData.flags ?? [];
  }

  /** DRBD connection per peer node name. */
  get connections(): Record<string, DrbdConnection> {
    return mapValues(this.restData.connections ?? {}, (c) => new DrbdConnection(c));
  }

  get tcpPorts(): number[] {
    return this.restData.tcp_ports ?? [];
  }

  get promotionScore(): number | undefined {
    return this.restData.promotion_score;
  }

  get mayPromote(): boolean | undefined {
    return this.restData.may_promote;
  }
}

/** One level of a resource's layer tree (python's `ResourceLayerData`). */
export class ResourceLayerData extends RestResponse<Schemas['ResourceLayer']> {
  /** The layer kind, for example `DRBD` or `STORAGE`. */
  get type(): string | undefined {
    return this.restData.type;
  }

  get nameSuffix(): string | undefined {
    return this.restData.resource_name_suffix;
  }

  get children(): ResourceLayerData[] {
    return (this.restData.children ?? []).map((c) => new ResourceLayerData(c));
  }

  /** The layer kinds from this level down, depth-first (for example `['DRBD', 'STORAGE']`). */
  get layerStack(): string[] {
    const stack: string[] = [];
    const walk = (layer: Schemas['ResourceLayer']) => {
      if (layer.type !== undefined) stack.push(layer.type);
      for (const child of layer.children ?? []) walk(child);
    };
    walk(this.restData);
    return stack;
  }

  /** The DRBD data, when this is the DRBD layer. */
  get drbdResource(): DrbdResource | undefined {
    return this.restData.drbd === undefined ? undefined : new DrbdResource(this.restData.drbd);
  }
}

/** The DRBD volume-definition data inside a volume's DRBD layer. */
export class DrbdVolumeDefinition extends RestResponse<Schemas['DrbdVolumeDefinition']> {
  get number(): number | undefined {
    return this.restData.volume_number;
  }

  get minor(): number | undefined {
    return this.restData.minor_number;
  }

  get resourceNameSuffix(): string | undefined {
    return this.restData.resource_name_suffix;
  }
}

/** The DRBD layer data of a volume (device, backing device, sizes). */
export class DrbdVolumeData extends RestResponse<Schemas['DrbdVolume']> {
  get drbdVolumeDefinition(): DrbdVolumeDefinition | undefined {
    const d = this.restData.drbd_volume_definition;
    return d === undefined ? undefined : new DrbdVolumeDefinition(d);
  }

  /** For example `/dev/drbd1000`. */
  get devicePath(): string | undefined {
    return this.restData.device_path;
  }

  get backingDevice(): string | undefined {
    return this.restData.backing_device;
  }

  get metaDisk(): string | undefined {
    return this.restData.meta_disk;
  }

  /** KiB. */
  get allocatedSize(): number | undefined {
    return this.restData.allocated_size_kib;
  }

  /** KiB. */
  get usableSize(): number | undefined {
    return this.restData.usable_size_kib;
  }

  get diskState(): string | undefined {
    return this.restData.disk_state;
  }
}

type VolumeLayer = Schemas['VolumeLayer'];

/** One entry of a volume's layer list: the layer kind and its data. */
export class VolumeLayerData extends RestResponse<VolumeLayer> {
  /** The layer kind, for example `DRBD`, `LUKS` or `STORAGE`. */
  get layerType(): string | undefined {
    return this.restData.type;
  }

  /** The layer's own data; its shape depends on {@link layerType}. */
  get data(): VolumeLayer['data'] {
    return this.restData.data;
  }
}

/** One effective property: its value, where it comes from and what it overrides. */
export class EffectiveProp extends RestResponse<Schemas['EffectivePropertiesMapValue']> {
  /** Which object the value comes from (for example `rsc`, `rd`, `ctrl`). */
  get type(): string {
    return this.restData.type;
  }

  get value(): string {
    return this.restData.value;
  }

  get descr(): string | undefined {
    return this.restData.descr;
  }

  /** Values set on other levels that this one overrides. */
  get other(): Schemas['PropertyWithDescription'][] {
    return this.restData.other ?? [];
  }
}

/** One volume of a deployed resource (python's `responses.Volume`). */
export class Volume extends RestResponse<VolumeData> {
  get number(): number | undefined {
    return this.restData.volume_number;
  }

  get uuid(): string | undefined {
    return this.restData.uuid;
  }

  get storagePoolName(): string | undefined {
    return this.restData.storage_pool_name;
  }

  /** The storage provider kind (python's `storage_pool_driver_name`). */
  get storagePoolDriverName(): string | undefined {
    return this.restData.provider_kind;
  }

  get devicePath(): string | undefined {
    return this.restData.device_path;
  }

  /** KiB. */
  get allocatedSize(): number | undefined {
    return this.restData.allocated_size_kib;
  }

  /** KiB: the volume's own value, else the DRBD layer's. */
  get usableSize(): number | undefined {
    return this.restData.usable_size_kib ?? this.drbdData?.usableSize;
  }

  get flags(): string[] {
    return this.restData.flags ?? [];
  }

  get properties(): Properties {
    return this.restData.props ?? {};
  }

  /**
   * The layer list, top-down. (python reads a `layer_data` key here, which the controller never sends;
   * this reads `layer_data_list`, like python's `drbd_data`.)
   */
  get layerData(): VolumeLayerData[] {
    return (this.restData.layer_data_list ?? []).map((l) => new VolumeLayerData(l));
  }

  /** The DRBD layer data, when the volume has a DRBD layer. */
  get drbdData(): DrbdVolumeData | undefined {
    const layer = this.layerOfType('DRBD');
    return layer === undefined ? undefined : new DrbdVolumeData(layer as Schemas['DrbdVolume']);
  }

  /** The STORAGE layer data (python wraps it as DRBD data; here it is the storage layer's own shape). */
  get storageData(): Schemas['StorageVolume'] | undefined {
    return this.layerOfType('STORAGE') as Schemas['StorageVolume'] | undefined;
  }

  /** The LUKS layer data (python wraps it as DRBD data; here it is the LUKS layer's own shape). */
  get luksData(): Schemas['LUKSVolume'] | undefined {
    return this.layerOfType('LUKS') as Schemas['LUKSVolume'] | undefined;
  }

  get state(): VolumeState {
    return new VolumeState(this.restData.state ?? {});
  }

  /** Problems the satellite reported for this volume. */
  get reports(): ApiCallResponse[] {
    return toApiCallResponses(this.restData.reports);
  }

  private layerOfType(type: string): VolumeLayer['data'] | undefined {
    return this.restData.layer_data_list?.find((l) => l.type === type && l.data !== undefined)?.data;
  }
}

/** One resource on one node (python's `responses.Resource`). */
export class Resource extends RestResponse<ResourceData> {
  get name(): string {
    return this.restData.name ?? '';
  }

  get uuid(): string | undefined {
    return this.restData.uuid;
  }

  get nodeName(): string {
    return this.restData.node_name ?? '';
  }

  get volumes(): Volume[] {
    return (this.restData.volumes ?? []).map((v) => new Volume(v));
  }

  get flags(): string[] {
    return this.restData.flags ?? [];
  }

  get properties(): Properties {
    return this.restData.props ?? {};
  }

  /** Effective properties (with their origin), keyed by property name. */
  get effectiveProperties(): Record<string, EffectiveProp> {
    return mapValues(this.restData.effective_props ?? {}, (p) => new EffectiveProp(p));
  }

  /** The root of the layer tree (from `layer_object`). */
  get layerData(): ResourceLayerData | undefined {
    const l = this.restData.layer_object;
    return l === undefined ? undefined : new ResourceLayerData(l);
  }

  /** Creation time, when the controller reports it. */
  get createDatetime(): Date | undefined {
    return RestResponse.epochMs(this.restData.create_timestamp);
  }

  /** Whether the resource is in use (primary) on its node; `undefined` when unknown. */
  get inUse(): boolean | undefined {
    return this.restData.state?.in_use;
  }

  override toString(): string {
    return `Resource(${this.name}, ${this.nodeName})`;
  }
}

/** The reply of `resourceList`/`volumeList`: every resource with its volumes. */
export class ResourceResponse extends ListResponse<ResourceData> {
  get resources(): Resource[] {
    return this.restData.map((r) => new Resource(r));
  }

  /** The node names, one per resource entry. */
  get nodes(): string[] {
    return this.restData.map((r) => r.node_name ?? '');
  }

  /** A state summary per resource: `inUse` plus each volume's disk and replication states. */
  get resourceStates(): ResourceState[] {
    return this.restData.map(
      (r) =>
        new ResourceState(
          r.name ?? '',
          r.node_name ?? '',
          r.state?.in_use,
          (r.volumes ?? []).map((v) => new VolumeState({ ...(v.state ?? {}), vlm_nr: v.volume_number })),
        ),
    );
  }
}

function mapValues<A, B>(record: Record<string, A>, f: (a: A) => B): Record<string, B> {
  const out: Record<string, B> = {};
  for (const [k, v] of Object.entries(record)) out[k] = f(v);
  return out;
}
