import { ListResponse, RestResponse } from './rest-response';
import type { Properties, Schemas } from './schemas';

/** A volume group (the per-volume template of a resource group). */
export class VolumeGroup extends RestResponse<Schemas['VolumeGroup']> {
  /** Volume number. */
  get number(): number | undefined {
    return this.restData.volume_number;
  }

  /** Volume group properties. */
  get properties(): Properties {
    return this.restData.props ?? {};
  }

  /** Volume group flags (for example `GROSS_SIZE`). */
  get flags(): string[] {
    return this.restData.flags ?? [];
  }

  /** Volume group UUID. */
  get uuid(): string | undefined {
    return this.restData.uuid;
  }
}

/** The reply of a volume group list. */
export class VolumeGroupResponse extends ListResponse<Schemas['VolumeGroup']> {
  /** All volume groups. */
  get volumeGroups(): VolumeGroup[] {
    return this.restData.map((g) => new VolumeGroup(g));
  }
}
