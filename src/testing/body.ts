// Strict request-body reading. The controller's JSON mapper fails on any unknown field and on
// structural type mismatches, while it coerces scalars (a number where a string is expected, "12"
// for an int). Shapes below list the fields of each request type the simulator accepts.

export type Shape =
  | 'string'
  | 'int'
  | 'long'
  | 'bool'
  | 'double'
  /** map string -> string */
  | 'props'
  /** map string -> int */
  | 'intMap'
  | readonly [Shape]
  | ObjectShape;

export interface ObjectShape {
  readonly cls: string;
  readonly fields: Readonly<Record<string, Shape>>;
}

/** Raised for text the mapper cannot turn into the request type; `details` is the mapper's message. */
export class BodyParseError {
  constructor(readonly details: string) {}
}

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'Array value' : typeof v === 'object' ? 'Object value' : typeof v;

function coerce(value: unknown, shape: Shape, path: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof shape === 'string') {
    switch (shape) {
      case 'string':
        if (typeof value === 'string') return value;
        if (typeof value === 'number' || typeof value === 'boolean') return String(value);
        break;
      case 'int':
      case 'long': {
        let n: number | undefined;
        if (typeof value === 'number') n = Math.trunc(value);
        else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) n = Number(value.trim());
        if (n !== undefined && Number.isFinite(n)) {
          if (shape === 'int' && (n > 2147483647 || n < -2147483648)) {
            throw new BodyParseError(`Numeric value (${n}) out of range of int at ${path}`);
          }
          return n;
        }
        break;
      }
      case 'double':
        if (typeof value === 'number') return value;
        if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
          return Number(value);
        }
        break;
      case 'bool':
        if (typeof value === 'boolean') return value;
        if (value === 'true' || value === 'false') return value === 'true';
        if (typeof value === 'number') return value !== 0;
        break;
      case 'props':
      case 'intMap': {
        if (typeof value !== 'object' || Array.isArray(value)) break;
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          const c = coerce(v, shape === 'props' ? 'string' : 'int', `${path}["${k}"]`);
          if (c !== undefined) out[k] = c;
        }
        return out;
      }
    }
    throw new BodyParseError(
      `Cannot deserialize value of type \`${shape}\` from ${describe(value)} at ${path}`,
    );
  }
  if (Array.isArray(shape)) {
    const items = Array.isArray(value) ? value : [value]; // single values are accepted as one-element arrays
    return items.map((v, i) => coerce(v, shape[0] as Shape, `${path}[${i}]`)).filter((v) => v !== undefined);
  }
  const obj = shape as ObjectShape;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new BodyParseError(
      `Cannot deserialize value of type \`JsonGenTypes$${obj.cls}\` from ${describe(value)} at ${path}`,
    );
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const fieldShape = obj.fields[k];
    if (fieldShape === undefined) {
      throw new BodyParseError(
        `Unrecognized field "${k}" (class JsonGenTypes$${obj.cls}), not marked as ignorable at ${path}`,
      );
    }
    const c = coerce(v, fieldShape, `${path}["${k}"]`);
    if (c !== undefined) out[k] = c;
  }
  return out;
}

/** Parses and checks `text` against `shape`; throws BodyParseError. Empty text is an error too. */
export function readBody<T>(text: string, shape: Shape): T {
  if (text.trim() === '') throw new BodyParseError('No content to map due to end-of-input');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new BodyParseError(`Unexpected token in JSON input: ${(e as { message?: string }).message ?? ''}`);
  }
  if (raw === null) throw new BodyParseError('No content to map: null');
  return coerce(raw, shape, '$') as T;
}

// ---- request shapes (field names as the controller's request types) ----

const arr = (s: Shape): readonly [Shape] => [s];
const strings = arr('string');

export const PropsModifyShape: ObjectShape = {
  cls: 'PropsModify',
  fields: { override_props: 'props', delete_props: strings, delete_namespaces: strings },
};

const NetInterfaceShape: ObjectShape = {
  cls: 'NetInterface',
  fields: {
    name: 'string',
    address: 'string',
    satellite_port: 'int',
    satellite_encryption_type: 'string',
    is_active: 'bool',
    uuid: 'string',
  },
};

export { NetInterfaceShape };

export const NodeCreateShape: ObjectShape = {
  cls: 'Node',
  fields: {
    name: 'string',
    type: 'string',
    flags: strings,
    props: 'props',
    net_interfaces: arr(NetInterfaceShape),
    connection_status: 'string',
    uuid: 'string',
    storage_providers: strings,
    resource_layers: strings,
    unsupported_providers: 'props',
    unsupported_layers: 'props',
    eviction_timestamp: 'long',
    platform: 'string',
    os_variant: 'string',
  },
};

export const NodeModifyShape: ObjectShape = {
  cls: 'NodeModify',
  fields: { ...PropsModifyShape.fields, node_type: 'string' },
};

export const StoragePoolCreateShape: ObjectShape = {
  cls: 'StoragePool',
  fields: {
    storage_pool_name: 'string',
    node_name: 'string',
    provider_kind: 'string',
    props: 'props',
    static_traits: 'props',
    free_capacity: 'long',
    total_capacity: 'long',
    free_space_mgr_name: 'string',
    uuid: 'string',
    supports_snapshots: 'bool',
    shared_space: 'string',
    external_locking: 'bool',
  },
};

export const StoragePoolDefinitionShape: ObjectShape = {
  cls: 'StoragePoolDefinition',
  fields: { storage_pool_name: 'string', props: 'props' },
};

const LayerDataShape: ObjectShape = {
  cls: 'ResourceDefinitionLayer',
  fields: {
    type: 'string',
    data: {
      cls: 'DrbdResourceDefinitionLayer',
      fields: {
        resource_name_suffix: 'string',
        peer_slots: 'int',
        al_stripes: 'int',
        al_stripe_size_kib: 'long',
        port: 'int',
        transport_type: 'string',
        secret: 'string',
        down: 'bool',
      },
    },
  },
};

const VlmDfnLayerShape: ObjectShape = {
  cls: 'VolumeDefinitionLayer',
  fields: {
    type: 'string',
    data: {
      cls: 'DrbdVolumeDefinition',
      fields: { resource_name_suffix: 'string', volume_number: 'int', minor_number: 'int' },
    },
  },
};

export const VolumeDefinitionShape: ObjectShape = {
  cls: 'VolumeDefinition',
  fields: {
    volume_number: 'int',
    size_kib: 'long',
    props: 'props',
    flags: strings,
    layer_data: arr(VlmDfnLayerShape),
    uuid: 'string',
  },
};

export const ResourceDefinitionCreateShape: ObjectShape = {
  cls: 'ResourceDefinitionCreate',
  fields: {
    drbd_port: 'int',
    drbd_secret: 'string',
    drbd_peer_slots: 'int',
    drbd_transport_type: 'string',
    resource_definition: {
      cls: 'ResourceDefinition',
      fields: {
        name: 'string',
        external_name: 'string',
        props: 'props',
        flags: strings,
        layer_data: arr(LayerDataShape),
        uuid: 'string',
        resource_group_name: 'string',
        volume_definitions: arr(VolumeDefinitionShape),
      },
    },
  },
};

export const ResourceDefinitionModifyShape: ObjectShape = {
  cls: 'ResourceDefinitionModify',
  fields: {
    ...PropsModifyShape.fields,
    drbd_port: 'int',
    drbd_peer_slots: 'int',
    layer_stack: strings,
    resource_group: 'string',
  },
};

export const VolumeDefinitionCreateShape: ObjectShape = {
  cls: 'VolumeDefinitionCreate',
  fields: { volume_definition: VolumeDefinitionShape, drbd_minor_number: 'int', passphrase: 'string' },
};

export const VolumeDefinitionModifyShape: ObjectShape = {
  cls: 'VolumeDefinitionModify',
  fields: { ...PropsModifyShape.fields, size_kib: 'long', flags: strings },
};

// Resource bodies: nested layer objects in a create body are accepted loosely (they are echoes of GETs).
const ResourceShape: ObjectShape = {
  cls: 'Resource',
  fields: {
    name: 'string',
    node_name: 'string',
    props: 'props',
    flags: strings,
    uuid: 'string',
    create_timestamp: 'long',
  },
};

export const ResourceCreateShape: ObjectShape = {
  cls: 'ResourceCreate',
  fields: {
    resource: ResourceShape,
    layer_list: strings,
    drbd_node_id: 'int',
    drbd_tcp_port_count: 'int',
    drbd_tcp_ports: arr('int'),
    snap_names: strings,
    copy_all_snaps: 'bool',
    drbd_client: 'bool',
  },
};

export const ResourceModifyShape: ObjectShape = {
  cls: 'ResourceModify',
  fields: { ...PropsModifyShape.fields, drbd_tiebreaker: 'bool', drbd_client: 'bool' },
};

export const ToggleDiskDiskfulShape: ObjectShape = {
  cls: 'ToggleDiskDiskful',
  fields: { layer_list: strings },
};

export const ToggleDiskRequestShape: ObjectShape = {
  cls: 'ToggleDiskRequest',
  fields: { operation: 'string', storage_pool: 'string', migrate_from: 'string', layer_list: strings },
};

export const MakeAvailableShape: ObjectShape = {
  cls: 'ResourceMakeAvailable',
  fields: {
    layer_list: strings,
    diskful: 'bool',
    drbd_tcp_ports: arr('int'),
    snap_names: strings,
    copy_all_snaps: 'bool',
  },
};

export const AutoSelectFilterShape: ObjectShape = {
  cls: 'AutoSelectFilter',
  fields: {
    place_count: 'int',
    additional_place_count: 'int',
    node_name_list: strings,
    storage_pool: 'string',
    storage_pool_list: strings,
    storage_pool_diskless_list: strings,
    not_place_with_rsc: strings,
    not_place_with_rsc_regex: 'string',
    replicas_on_same: strings,
    replicas_on_different: strings,
    x_replicas_on_different_map: 'intMap',
    layer_stack: strings,
    provider_list: strings,
    diskless_on_remaining: 'bool',
    diskless_type: 'string',
    overprovision: 'double',
    port_count: 'int',
  },
};

export const AutoPlaceRequestShape: ObjectShape = {
  cls: 'AutoPlaceRequest',
  fields: {
    diskless_on_remaining: 'bool',
    select_filter: AutoSelectFilterShape,
    layer_list: strings,
    snap_names: strings,
    copy_all_snaps: 'bool',
  },
};

export const ResourceGroupShape: ObjectShape = {
  cls: 'ResourceGroup',
  fields: {
    name: 'string',
    description: 'string',
    props: 'props',
    select_filter: AutoSelectFilterShape,
    uuid: 'string',
    peer_slots: 'int',
  },
};

export const ResourceGroupModifyShape: ObjectShape = {
  cls: 'ResourceGroupModify',
  fields: {
    ...PropsModifyShape.fields,
    description: 'string',
    select_filter: AutoSelectFilterShape,
    peer_slots: 'int',
    snap_names: strings,
    copy_all_snaps: 'bool',
  },
};

export const ResourceGroupSpawnShape: ObjectShape = {
  cls: 'ResourceGroupSpawn',
  fields: {
    resource_definition_name: 'string',
    resource_definition_external_name: 'string',
    volume_sizes: arr('long'),
    select_filter: AutoSelectFilterShape,
    partial: 'bool',
    definitions_only: 'bool',
    peer_slots: 'int',
    volume_passphrases: strings,
    resource_definition_props: 'props',
  },
};

export const VolumeGroupShape: ObjectShape = {
  cls: 'VolumeGroup',
  fields: { volume_number: 'int', props: 'props', uuid: 'string', flags: strings },
};

export const VolumeGroupModifyShape: ObjectShape = {
  cls: 'VolumeGroupModify',
  fields: { ...PropsModifyShape.fields, flags: strings },
};

export const SnapshotCreateShape: ObjectShape = {
  cls: 'Snapshot',
  fields: {
    name: 'string',
    resource_name: 'string',
    nodes: strings,
    props: 'props',
    flags: strings,
    uuid: 'string',
  },
};

export const SnapshotRestoreShape: ObjectShape = {
  cls: 'SnapshotRestore',
  fields: { to_resource: 'string', nodes: strings, stor_pool_rename: 'props' },
};

export const SnapshotRollbackShape: ObjectShape = {
  cls: 'SnapshotRollback',
  fields: { zfs_rollback_strategy: 'string' },
};
