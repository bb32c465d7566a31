import type { ApiCallResponse } from '../../core/api-call-response';
import { toApiCallResponses } from './reports';
import { ListResponse, RestResponse } from './rest-response';
import type { Properties, Schemas } from './schemas';

/** The auto-placement rules of a resource group (`select_filter`). */
export class SelectFilter extends RestResponse<Schemas['AutoSelectFilter']> {
  /** Number of diskful replicas. */
  get placeCount(): number | undefined {
    return this.restData.place_count;
  }

  /** Additional replicas to place. */
  get additionalPlaceCount(): number | undefined {
    return this.restData.additional_place_count;
  }

  /** Whether the remaining nodes get a diskless resource; false when unset. */
  get disklessOnRemaining(): boolean {
    return this.restData.diskless_on_remaining ?? false;
  }

  /** Diskless type (`DRBD_DISKLESS`, `NVME_INITIATOR`, ...). */
  get disklessType(): string | undefined {
    return this.restData.diskless_type;
  }

  /** The single storage pool (older controllers). */
  get storagePool(): string | undefined {
    return this.restData.storage_pool;
  }

  /** Storage pools to place on; falls back to the single `storage_pool` when there is no list. */
  get storagePoolList(): string[] {
    const list = this.restData.storage_pool_list;
    if (list !== undefined && list !== null) return list;
    const single = this.restData.storage_pool;
    return single === undefined ? [] : [single];
  }

  /** Storage pools for diskless resources. */
  get storagePoolDisklessList(): string[] {
    return this.restData.storage_pool_diskless_list ?? [];
  }

  /** Avoid nodes that have these resources. */
  get notPlaceWithRsc(): string[] {
    return this.restData.not_place_with_rsc ?? [];
  }

  /** Avoid nodes that have resources matching this regular expression. */
  get notPlaceWithRscRegex(): string | undefined {
    return this.restData.not_place_with_rsc_regex;
  }

  /** Property keys whose value must be the same on all replicas' nodes. */
  get replicasOnSame(): string[] {
    return this.restData.replicas_on_same ?? [];
  }

  /** Property keys whose value must differ between replicas' nodes. */
  get replicasOnDifferent(): string[] {
    return this.restData.replicas_on_different ?? [];
  }

  /** Property key -> how many replicas may share one value. */
  get xReplicasOnDifferent(): Record<string, number> {
    return this.restData.x_replicas_on_different_map ?? {};
  }

  /** Layer stack, top-down. */
  get layerStack(): string[] {
    return this.restData.layer_stack ?? [];
  }

  /** Allowed storage providers. */
  get providerList(): string[] {
    return this.restData.provider_list ?? [];
  }

  /** Multi-line human-readable summary. */
  override toString(): string {
    const list = (values: string[]) => values.join(', ');
    return [
      `PlaceCount: ${this.placeCount ?? ''}`,
      `StoragePool(s): ${list(this.storagePoolList)}`,
      `DisklessStoragePool(s): ${list(this.storagePoolDisklessList)}`,
      `DisklessOnRemaining: ${this.disklessOnRemaining}`,
      `NotPlaceWithRsc: ${list(this.notPlaceWithRsc)}`,
      `NotPlaceWithRscRegex: ${this.notPlaceWithRscRegex ?? ''}`,
      `ReplicasOnSame: ${list(this.replicasOnSame)}`,
      `ReplicasOnDifferent: ${list(this.replicasOnDifferent)}`,
      `XReplicasOnDifferent: ${Object.entries(this.xReplicasOnDifferent)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
      `LayerStack: ${list(this.layerStack)}`,
      `ProviderList: ${list(this.providerList)}`,
    ].join('\n');
  }
}

/** A resource group as the controller reports it. */
export class ResourceGroup extends RestResponse<Schemas['ResourceGroup']> {
  /** Resource group name. */
  get name(): string {
    return this.restData.name ?? '';
  }

  /** Description; `""` when unset. */
  get description(): string {
    return this.restData.description ?? '';
  }

  /** Group properties. */
  get properties(): Properties {
    return this.restData.props ?? {};
  }

  /** The placement rules. */
  get selectFilter(): SelectFilter {
    return new SelectFilter(this.restData.select_filter ?? {});
  }

  /** DRBD peer slots for new resources. */
  get peerSlots(): number | undefined {
    return this.restData.peer_slots;
  }

  /** Resource group UUID. */
  get uuid(): string | undefined {
    return this.restData.uuid;
  }
}

/** The reply of a resource group list. */
export class ResourceGroupResponse extends ListResponse<Schemas['ResourceGroup']> {
  /** All resource groups. */
  get resourceGroups(): ResourceGroup[] {
    return this.restData.map((g) => new ResourceGroup(g));
  }
}

/** One node/pool pair the next spawn would use. */
export class QuerySizeInfoSpawnResult extends RestResponse<Schemas['QuerySizeInfoSpawnResult']> {
  /** Node name. */
  get nodeName(): string {
    return this.restData.node_name;
  }

  /** Storage pool name. */
  get storPoolName(): string {
    return this.restData.stor_pool_name;
  }

  /** Oversubscription ratio of that pool. */
  get storPoolOversubscriptionRatio(): number | undefined {
    return this.restData.stor_pool_oversubscription_ratio;
  }
}

/** Space figures of a size-info query, in KiB. */
export class QuerySizeInfoResponseSpaceInfo extends RestResponse<Schemas['QuerySizeInfoResponseSpaceInfo']> {
  /** The largest volume a spawn could create. */
  get maxVlmSizeInKib(): number {
    return this.restData.max_vlm_size_in_kib;
  }

  /** Available space. */
  get availableSizeInKib(): number | undefined {
    return this.restData.available_size_in_kib;
  }

  /** Total capacity. */
  get capacityInKib(): number | undefined {
    return this.restData.capacity_in_kib;
  }

  /** The controller's default oversubscription ratio. */
  get defaultMaxOversubscriptionRatio(): number | undefined {
    return this.restData.default_max_oversubscription_ratio;
  }

  /** Where the next spawn would place its replicas. */
  get nextSpawnResult(): QuerySizeInfoSpawnResult[] {
    return (this.restData.next_spawn_result ?? []).map((r) => new QuerySizeInfoSpawnResult(r));
  }
}

/** The reply of `resourceGroupQuerySizeInfo`. */
export class QuerySizeInfoResponse extends RestResponse<Schemas['QuerySizeInfoResponse']> {
  /** The space figures, when present. */
  get spaceInfo(): QuerySizeInfoResponseSpaceInfo | undefined {
    const info = this.restData.space_info;
    return info === undefined ? undefined : new QuerySizeInfoResponseSpaceInfo(info);
  }

  /** Messages the controller attached. */
  get reports(): ApiCallResponse[] {
    return toApiCallResponses(this.restData.reports);
  }
}
