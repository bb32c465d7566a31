import { ListResponse, RestResponse } from './rest-response';
import type { Properties, Schemas } from './schemas';

/** The DRBD part of a volume definition (minor number and resource suffix). */
export class DrbdVolumeDefinitionData extends RestResponse<Schemas['DrbdVolumeDefinition']> {
  /** Suffix of the DRBD resource name. */
  get resourceNameSuffix(): string | undefined {
    return this.restData.resource_name_suffix;
  }

  /** DRBD minor number. */
  get minor(): number | undefined {
    return this.restData.minor_number;
  }

  /** Volume number. */
  get number(): number | undefined {
    return this.restData.volume_number;
  }
}

/** A volume definition (size and settings of one volume of a resource definition). */
export class VolumeDefinition extends RestResponse<Schemas['VolumeDefinition']> {
  /** Volume number. */
  get number(): number | undefined {
    return this.restData.volume_number;
  }

  /** Volume definition UUID. */
  get uuid(): string | undefined {
    return this.restData.uuid;
  }

  /** Size in KiB. */
  get size(): number {
    return this.restData.size_kib;
  }

  /** Flags (`ENCRYPTED`, `GROSS_SIZE`, ...). */
  get flags(): string[] {
    return this.restData.flags ?? [];
  }

  /** Volume definition properties. */
  get properties(): Properties {
    return this.restData.props ?? {};
  }

  /** The DRBD layer data (first DRBD entry of `layer_data` that has data), if any. */
  get drbdData(): DrbdVolumeDefinitionData | undefined {
    const layer = (this.restData.layer_data ?? []).find((l) => l.type === 'DRBD' && l.data !== undefined);
    return layer?.data === undefined ? undefined : new DrbdVolumeDefinitionData(layer.data);
  }
}

/** A list of volume definitions. */
export class VolumeDefinitionResponse extends ListResponse<Schemas['VolumeDefinition']> {
  /** All volume definitions. */
  get volumeDefinitions(): VolumeDefinition[] {
    return this.restData.map((v) => new VolumeDefinition(v));
  }
}
