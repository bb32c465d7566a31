import { ListResponse, RestResponse } from './rest-response';
import type { Properties, Schemas } from './schemas';

/** A storage pool definition (the cluster-wide name and properties of a pool). */
export class StoragePoolDefinition extends RestResponse<Schemas['StoragePoolDefinition']> {
  /** Storage pool name. */
  get name(): string | undefined {
    return this.restData.storage_pool_name;
  }

  /** Properties of the definition. */
  get properties(): Properties {
    return this.restData.props ?? {};
  }
}

/** The reply of a storage pool definition list. */
export class StoragePoolDefinitionResponse extends ListResponse<Schemas['StoragePoolDefinition']> {
  /** All storage pool definitions. */
  get storagePoolDefinitions(): StoragePoolDefinition[] {
    return this.restData.map((d) => new StoragePoolDefinition(d));
  }
}

/** One placement candidate of a max-volume-size query. */
export class Candidate extends RestResponse<Schemas['Candidate']> {
  /** The largest volume this candidate can hold, in KiB. */
  get maxVolumeSize(): number | undefined {
    return this.restData.max_volume_size_kib;
  }

  /** Storage pool name. */
  get storagePool(): string | undefined {
    return this.restData.storage_pool;
  }

  /** The nodes of this candidate. */
  get nodeNames(): string[] {
    return this.restData.node_names ?? [];
  }

  /** Whether every pool of the candidate is thin. */
  get allThin(): boolean | undefined {
    return this.restData.all_thin;
  }
}

/** The reply of a max-volume-size query. */
export class MaxVolumeSizeResponse extends RestResponse<Schemas['MaxVolumeSizes']> {
  /** The placement candidates. */
  get candidates(): Candidate[] {
    return (this.restData.candidates ?? []).map((c) => new Candidate(c));
  }

  /** The controller's default oversubscription ratio. */
  get defaultMaxOversubscriptionRatio(): number | undefined {
    return this.restData.default_max_oversubscription_ratio;
  }
}
