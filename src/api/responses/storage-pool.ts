import type { ApiCallResponse } from '../../core/api-call-response';
import { toApiCallResponses } from './reports';
import { ListResponse, RestResponse } from './rest-response';
import type { Properties, Schemas } from './schemas';
import { StoragePoolDriver } from './storage-pool-driver';

/** Free and total capacity of a storage pool, in KiB. */
export class FreeSpace {
  /** Free capacity in KiB. */
  readonly freeCapacity: number;
  /** Total capacity in KiB. */
  readonly totalCapacity: number;

  constructor(freeCapacity: number, totalCapacity: number) {
    this.freeCapacity = freeCapacity;
    this.totalCapacity = totalCapacity;
  }

  toString(): string {
    return `${this.totalCapacity - this.freeCapacity}/${this.totalCapacity} Kib used`;
  }
}

/** A storage pool on one node. */
export class StoragePool extends RestResponse<Schemas['StoragePool']> {
  /** Storage pool name. */
  get name(): string {
    return this.restData.storage_pool_name;
  }

  /** Storage pool UUID. */
  get uuid(): string | undefined {
    return this.restData.uuid;
  }

  /** The node the pool is on. */
  get nodeName(): string | undefined {
    return this.restData.node_name;
  }

  /** Provider kind (`LVM`, `ZFS_THIN`, ...). */
  get driver(): string {
    return this.restData.provider_kind;
  }

  /** Pool properties. */
  get properties(): Properties {
    return this.restData.props ?? {};
  }

  /** Traits the satellite reports (`Provisioning`, `SupportsSnapshots`, ...). */
  get staticTraits(): Record<string, string> {
    return this.restData.static_traits ?? {};
  }

  /** Free/total capacity, or `undefined` when the controller sent no free capacity. */
  get freeSpace(): FreeSpace | undefined {
    const free = this.restData.free_capacity;
    if (free === undefined) return undefined;
    return new FreeSpace(free, this.restData.total_capacity ?? 0);
  }

  /** Shared-space (free space manager) name. */
  get freeSpaceMgrName(): string | undefined {
    return this.restData.free_space_mgr_name;
  }

  /** Whether the pool's volumes are locked externally. */
  get externalLocking(): boolean {
    return this.restData.external_locking ?? false;
  }

  /** Problems the satellite reported for this pool. */
  get reports(): ApiCallResponse[] {
    return toApiCallResponses(this.restData.reports);
  }

  /** Whether the pool supports snapshots. */
  supportsSnapshots(): boolean {
    const flag = this.restData.supports_snapshots;
    if (flag !== undefined) return flag;
    return this.staticTraits.SupportsSnapshots === 'true';
  }

  /** Thin provisioned. */
  isThin(): boolean {
    return this.staticTraits.Provisioning === 'Thin';
  }

  /** Thick (fat) provisioned. */
  isFat(): boolean {
    return this.staticTraits.Provisioning === 'Fat';
  }

  /** A diskless pool (DISKLESS or EBS_INIT). */
  isDiskless(): boolean {
    return (StoragePoolDriver.disklessDriver() as string[]).includes(this.driver);
  }
}

/** The reply of a storage pool list. */
export class StoragePoolListResponse extends ListResponse<Schemas['StoragePool']> {
  /** All storage pools. */
  get storagePools(): StoragePool[] {
    return this.restData.map((p) => new StoragePool(p));
  }
}
