import { ListResponse, RestResponse } from './rest-response';
import type { Properties, Schemas } from './schemas';
import { VolumeDefinition } from './volume-definition';

/** The DRBD settings of a resource definition. */
export class DrbdLayer extends RestResponse<Schemas['DrbdResourceDefinitionLayer']> {
  /** TCP port (deprecated: ports are per resource since LINSTOR 1.x). */
  get port(): number | undefined {
    return this.restData.port;
  }

  /** Shared secret. */
  get secret(): string | undefined {
    return this.restData.secret;
  }

  /** Peer slots. */
  get peerSlots(): number | undefined {
    return this.restData.peer_slots;
  }

  /** Transport type. */
  get transportType(): string | undefined {
    return this.restData.transport_type;
  }
}

/** One entry of a resource definition's layer data. */
export class ResourceDfnLayerData extends RestResponse<Schemas['ResourceDefinitionLayer']> {
  /** Layer type (`DRBD`, `STORAGE`, ...). */
  get type(): string | undefined {
    return this.restData.type;
  }

  /** The DRBD data when this is the DRBD layer. */
  get drbdResource(): DrbdLayer | undefined {
    const data = this.restData.data;
    return this.type === 'DRBD' && data !== undefined ? new DrbdLayer(data) : undefined;
  }
}

/** A resource definition. */
export class ResourceDefinition extends RestResponse<Schemas['ResourceDefinition']> {
  /** Resource definition name. */
  get name(): string {
    return this.restData.name ?? '';
  }

  /** Resource definition UUID. */
  get uuid(): string | undefined {
    return this.restData.uuid;
  }

  /** External name; `""` when unset. */
  get externalName(): string {
    return this.restData.external_name ?? '';
  }

  /** Flags. */
  get flags(): string[] {
    return this.restData.flags ?? [];
  }

  /** Properties. */
  get properties(): Properties {
    return this.restData.props ?? {};
  }

  /** Layer data, top-down. */
  get layerData(): ResourceDfnLayerData[] {
    return (this.restData.layer_data ?? []).map((l) => new ResourceDfnLayerData(l));
  }

  /** The DRBD layer settings, if the definition has a DRBD layer. */
  get drbdData(): DrbdLayer | undefined {
    for (const layer of this.layerData) {
      const drbd = layer.drbdResource;
      if (drbd !== undefined) return drbd;
    }
    return undefined;
  }

  /** Volume definitions (present when listed with volume definitions). */
  get volumeDefinitions(): VolumeDefinition[] {
    return (this.restData.volume_definitions ?? []).map((v) => new VolumeDefinition(v));
  }

  /** Resource group name; `""` when unset. */
  get resourceGroupName(): string {
    return this.restData.resource_group_name ?? '';
  }
}

/** The reply of a resource definition list. */
export class ResourceDefinitionResponse extends ListResponse<Schemas['ResourceDefinition']> {
  /** All resource definitions. */
  get resourceDefinitions(): ResourceDefinition[] {
    return this.restData.map((d) => new ResourceDefinition(d));
  }
}
