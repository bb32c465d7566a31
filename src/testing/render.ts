// Turns state records into the JSON objects the controller sends. Every object omits null, empty
// strings, empty lists and empty maps (the controller's NON_EMPTY rule); booleans and numbers stay.
import type {
  ErrorReportRecord,
  KvsRecord,
  NetInterfaceRecord,
  NodeRecord,
  ResourceDefinitionRecord,
  ResourceGroupRecord,
  ResourceRecord,
  SimulatorState,
  SnapshotRecord,
  StoragePoolRecord,
  VolumeDefinitionRecord,
  VolumeGroupRecord,
  VolumeRecord,
} from './state';

export type Json = Record<string, unknown>;

/**
 * Shallow NON_EMPTY rule for one object's own fields (map contents are left alone): null, '', [] and {}
 * become undefined, which JSON serialisation leaves out. Done in place: views of large clusters build
 * tens of thousands of these objects, and copying them doubles the garbage.
 */
export function compact<T extends Json>(obj: T): T {
  const o = obj as Json;
  for (const k in o) {
    const v = o[k];
    if (v === null || v === '') o[k] = undefined;
    else if (typeof v === 'object' && v !== undefined && isEmpty(v as object)) o[k] = undefined;
  }
  return obj;
}

function isEmpty(v: object): boolean {
  if (Array.isArray(v)) return v.length === 0;
  for (const _ in v) return false;
  return true;
}

/** Long.MAX: what diskless pools report as capacity; written as exact digits. */
export const LONG_MAX = 9223372036854775807n;

const RESOURCE_FLAG_ORDER = [
  'DELETE',
  'DISKLESS',
  'DISK_ADD_REQUESTED',
  'DISK_ADDING',
  'DISK_REMOVE_REQUESTED',
  'DISK_REMOVING',
  'EVACUATE',
  'RESTORE_FROM_SNAPSHOT',
  'DRBD_DELETE',
  'NVME_INITIATOR',
  'DRBD_DISKLESS',
  'TIE_BREAKER',
  'INACTIVE',
  'REACTIVATE',
  'INACTIVATING',
  'INACTIVE_PERMANENTLY',
  'EBS_INITIATOR',
  'AUTO_DISKFUL',
  'EVICTED',
  'CLEAN',
];
export const RESOURCE_FLAGS: ReadonlySet<string> = new Set(RESOURCE_FLAG_ORDER);

export function orderedFlags(flags: Set<string>): string[] {
  return RESOURCE_FLAG_ORDER.filter((f) => flags.has(f));
}

export const DISKLESS_FLAGS = ['DISKLESS', 'DRBD_DISKLESS', 'TIE_BREAKER', 'NVME_INITIATOR', 'EBS_INITIATOR'];

export function isDiskless(r: ResourceRecord): boolean {
  return r.flags.has('DISKLESS');
}

export function isDeleting(r: ResourceRecord): boolean {
  return r.flags.has('DELETE') || r.flags.has('EVICTED') || r.flags.has('EVACUATE');
}

const SUPPORTED_PROVIDERS = ['DISKLESS', 'LVM', 'LVM_THIN', 'ZFS', 'ZFS_THIN', 'FILE', 'FILE_THIN'];
const SUPPORTED_LAYERS = ['DRBD', 'LUKS', 'NVME', 'WRITECACHE', 'CACHE', 'BCACHE', 'STORAGE'];

export function netInterfaceJson(n: NetInterfaceRecord): Json {
  return compact({
    name: n.name,
    address: n.address,
    satellite_port: n.satellitePort,
    satellite_encryption_type: n.satelliteEncryptionType,
    is_active: n.isActive,
    uuid: n.uuid,
  });
}

export function nodeJson(n: NodeRecord): Json {
  const online = n.connectionStatus === 'ONLINE';
  return compact({
    name: n.name,
    type: n.type,
    flags: n.flags,
    props: n.props,
    net_interfaces: [...n.netInterfaces.values()].map(netInterfaceJson),
    connection_status: n.connectionStatus,
    uuid: n.uuid,
    storage_providers: online && n.type !== 'CONTROLLER' ? SUPPORTED_PROVIDERS : [],
    resource_layers: online && n.type !== 'CONTROLLER' ? SUPPORTED_LAYERS : [],
    platform: online ? 'LINUX' : undefined,
  });
}

export const isThin = (providerKind: string): boolean => providerKind.endsWith('_THIN');

export function supportsSnapshots(providerKind: string): boolean {
  return isThin(providerKind) || providerKind === 'ZFS';
}

export function freeCapacity(sp: StoragePoolRecord): number {
  return Math.max(0, sp.totalCapacity - sp.usedKib);
}

export function storagePoolJson(sp: StoragePoolRecord): Json {
  const diskless = sp.providerKind === 'DISKLESS';
  const traits: Record<string, string> = {};
  if (!diskless) {
    traits.Provisioning = isThin(sp.providerKind) ? 'Thin' : 'Fat';
    traits.SupportsSnapshots = String(supportsSnapshots(sp.providerKind));
    if (sp.providerKind.startsWith('LVM')) traits.AllocationUnit = '4096';
    if (sp.providerKind.startsWith('ZFS')) traits.AllocationUnit = '8';
  }
  return compact({
    storage_pool_name: sp.name,
    node_name: sp.nodeName,
    provider_kind: sp.providerKind,
    props: sp.props,
    static_traits: traits,
    free_capacity: diskless ? LONG_MAX : freeCapacity(sp),
    total_capacity: diskless ? LONG_MAX : sp.totalCapacity,
    free_space_mgr_name: sp.freeSpaceMgrName ?? `${sp.nodeName};${sp.name}`,
    uuid: sp.uuid,
    supports_snapshots: !diskless && supportsSnapshots(sp.providerKind),
    shared_space: sp.freeSpaceMgrName,
    external_locking: sp.externalLocking,
  });
}

/**
 * Per-request memo of the RD-level DRBD block, which every resource of the RD repeats: a view of a
 * big cluster then shares one object per RD instead of building thousands of copies.
 */
let rdLayerMemo: WeakMap<ResourceDefinitionRecord, Json> | undefined;

/** Runs `fn` with the RD-level layer data memoised (the state must not change inside `fn`). */
export function withRenderMemo<T>(fn: () => T): T {
  const outer = rdLayerMemo;
  rdLayerMemo = new WeakMap();
  try {
    return fn();
  } finally {
    rdLayerMemo = outer;
  }
}

function drbdRdLayerData(rd: ResourceDefinitionRecord): Json {
  const memo = rdLayerMemo?.get(rd);
  if (memo) return memo;
  const data = buildDrbdRdLayerData(rd);
  rdLayerMemo?.set(rd, data);
  return data;
}

function buildDrbdRdLayerData(rd: ResourceDefinitionRecord): Json {
  return compact({
    resource_name_suffix: '',
    peer_slots: rd.drbd.peerSlots,
    al_stripes: 1,
    al_stripe_size_kib: 32,
    port: rd.drbd.port ?? -1,
    transport_type: rd.drbd.transportType,
    secret: rd.drbd.secret,
    down: false,
  });
}

export function resourceDefinitionJson(rd: ResourceDefinitionRecord, withVolumeDefinitions: boolean): Json {
  return compact({
    name: rd.name,
    external_name: rd.externalName,
    props: rd.props,
    flags: rd.flags,
    layer_data: (rd.layerStack ?? []).map((t) =>
      t === 'DRBD' ? { type: t, data: drbdRdLayerData(rd) } : { type: t },
    ),
    uuid: rd.uuid,
    resource_group_name: rd.resourceGroup,
    volume_definitions: withVolumeDefinitions
      ? [...rd.volumeDefinitions.values()].map((vd) => volumeDefinitionJson(rd, vd))
      : undefined,
  });
}

export function volumeDefinitionJson(rd: ResourceDefinitionRecord, vd: VolumeDefinitionRecord): Json {
  const layers = (rd.layerStack ?? []).map((t) =>
    t === 'DRBD' && vd.minor !== undefined
      ? { type: t, data: compact({ volume_number: vd.number, minor_number: vd.minor }) }
      : { type: t },
  );
  return compact({
    volume_number: vd.number,
    size_kib: vd.sizeKib,
    props: vd.props,
    flags: vd.flags,
    layer_data: layers,
    uuid: vd.uuid,
  });
}

/** DRBD internal metadata (superblock, activity log, one bitmap per peer slot), in KiB. */
export function drbdGrossKib(usableKib: number, peerSlots: number): number {
  const bitmap = Math.ceil(usableKib / 32768) * peerSlots;
  const md = 4 + 32 + Math.ceil(bitmap / 4) * 4;
  return usableKib + md;
}

/** Storage-layer allocation: LVM rounds to 4 MiB extents, ZFS to 8 KiB, files to 4 KiB. */
export function storageAllocatedKib(providerKind: string, kib: number): number {
  const unit = providerKind.startsWith('LVM') ? 4096 : providerKind.startsWith('ZFS') ? 8 : 4;
  return Math.ceil(kib / unit) * unit;
}

/** The KiB a volume takes from its pool for a given stack (what placement must find free). */
export function poolKibFor(
  providerKind: string,
  layerStack: readonly string[],
  sizeKib: number,
  peerSlots: number,
) {
  const gross = layerStack.includes('DRBD') ? drbdGrossKib(sizeKib, peerSlots) : sizeKib;
  return storageAllocatedKib(providerKind, gross);
}

const vlmSuffix = (nr: number): string => String(nr).padStart(5, '0');

export function storageDevicePath(
  sp: StoragePoolRecord | undefined,
  rscName: string,
  nr: number,
): string | undefined {
  if (!sp || sp.providerKind === 'DISKLESS') return undefined;
  const driverPool = sp.props['StorDriver/StorPoolName'] ?? sp.name;
  const base = `${rscName}_${vlmSuffix(nr)}`;
  if (sp.providerKind.startsWith('LVM')) return `/dev/${driverPool.split('/')[0]}/${base}`;
  if (sp.providerKind.startsWith('ZFS')) return `/dev/zvol/${driverPool}/${base}`;
  return `${driverPool.startsWith('/') ? driverPool : `/var/lib/linstor/${driverPool}`}/${base}.img`;
}

interface VolumeView {
  drbd?: Json;
  storage: Json;
  devicePath?: string;
  allocatedKib?: number;
  usableKib: number;
  diskState: string;
}

function volumeView(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  r: ResourceRecord,
  v: VolumeRecord,
  online: boolean,
): VolumeView {
  const vd = rd.volumeDefinitions.get(v.number);
  const size = vd?.sizeKib ?? 0;
  const diskless = isDiskless(r);
  const sp = state.storagePool(r.nodeName, v.storagePoolName);
  const storagePath = diskless ? undefined : storageDevicePath(sp, r.rdName, v.number);
  const hasDrbd = r.layerStack.includes('DRBD');
  const diskState = !online ? 'DUnknown' : diskless ? 'Diskless' : 'UpToDate';
  const storage = compact({
    volume_number: v.number,
    device_path: storagePath,
    allocated_size_kib: diskless ? undefined : v.poolKib,
    usable_size_kib: diskless ? undefined : hasDrbd ? v.poolKib : size,
  });
  if (!hasDrbd) {
    const top = r.layerStack[0];
    const devicePath = top === 'STORAGE' ? storagePath : `/dev/mapper/${r.rdName}_${vlmSuffix(v.number)}`;
    return {
      storage,
      devicePath,
      allocatedKib: diskless ? undefined : v.poolKib,
      usableKib: size,
      diskState,
    };
  }
  const devicePath = vd?.minor !== undefined ? `/dev/drbd${vd.minor}` : undefined;
  const allocated = diskless ? undefined : drbdGrossKib(size, rd.drbd.peerSlots);
  const drbd = compact({
    drbd_volume_definition: compact({ volume_number: v.number, minor_number: vd?.minor }),
    device_path: devicePath,
    backing_device: storagePath,
    meta_disk: diskless ? undefined : 'internal',
    allocated_size_kib: allocated,
    usable_size_kib: size,
    disk_state: diskState,
  });
  return { drbd, storage, devicePath, allocatedKib: allocated, usableKib: size, diskState };
}

function peersOf(rd: ResourceDefinitionRecord, r: ResourceRecord): ResourceRecord[] {
  return [...rd.resources.values()].filter((p) => p !== r);
}

/**
 * DRBD's may_promote as resource lists show it (and the promotion event stream follows): known while the
 * node is online, true for a diskful replica that is not in use.
 */
export function mayPromote(r: ResourceRecord, online: boolean): boolean | undefined {
  return online ? !isDiskless(r) && !r.inUse : undefined;
}

export function resourceLayerJson(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  r: ResourceRecord,
  views: VolumeView[],
  online: boolean,
): Json {
  const build = (i: number): Json => {
    const type = r.layerStack[i] as string;
    const child = i + 1 < r.layerStack.length ? [build(i + 1)] : undefined;
    if (type === 'STORAGE') {
      return compact({ type, storage: { storage_volumes: views.map((v) => v.storage) } });
    }
    if (type === 'DRBD') {
      const diskless = isDiskless(r);
      const connections: Record<string, Json> = {};
      for (const p of peersOf(rd, r)) {
        // DRBD only connects where at least one side has a disk.
        if (diskless && isDiskless(p)) continue;
        const peerOnline = state.node(p.nodeName)?.connectionStatus === 'ONLINE';
        connections[p.nodeName] =
          online && peerOnline
            ? { connected: true, message: 'Connected' }
            : { connected: false, message: 'Connecting' };
      }
      const flags = ['INITIALIZED'];
      if (diskless) flags.unshift('DISKLESS');
      return compact({
        type,
        children: child,
        drbd: compact({
          drbd_resource_definition: drbdRdLayerData(rd),
          node_id: r.nodeId,
          tcp_ports: r.tcpPort === undefined ? undefined : [r.tcpPort],
          peer_slots: rd.drbd.peerSlots,
          al_stripes: 1,
          al_size: 32,
          flags,
          drbd_volumes: views.map((v) => v.drbd).filter((d) => d !== undefined),
          connections: online ? connections : undefined,
          promotion_score: online ? (diskless ? 0 : 10102) : undefined,
          may_promote: mayPromote(r, online),
        }),
      });
    }
    return compact({ type, children: child });
  };
  return build(0);
}

export function resourceJson(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  r: ResourceRecord,
  withVolumes: boolean,
): Json {
  const node = state.node(r.nodeName);
  const online = node?.connectionStatus === 'ONLINE';
  const vlms = [...r.volumes.values()];
  const views = vlms.map((v) => volumeView(state, rd, r, v, online));
  const base: Json = {
    name: rd.name,
    node_name: r.nodeName,
    props: r.props,
    flags: orderedFlags(r.flags),
    layer_object: r.layerStack.length > 0 ? resourceLayerJson(state, rd, r, views, online) : undefined,
    state: online ? { in_use: r.inUse } : undefined,
    uuid: r.uuid,
    create_timestamp: r.createTimestamp,
  };
  if (withVolumes) {
    const peers = peersOf(rd, r).filter((p) => !(isDiskless(r) && isDiskless(p)));
    base.volumes = vlms.map((v, i) => {
      const view = views[i] as VolumeView;
      const replication: Record<string, Json> = {};
      for (const p of peers) replication[p.nodeName] = { replication_state: 'Established' };
      const layerList: Json[] = [];
      if (view.drbd) layerList.push({ type: 'DRBD', data: view.drbd });
      for (const t of r.layerStack) {
        if (t !== 'DRBD' && t !== 'STORAGE') layerList.push({ type: t, data: { volume_number: v.number } });
      }
      layerList.push({ type: 'STORAGE', data: view.storage });
      return compact({
        volume_number: v.number,
        storage_pool_name: v.storagePoolName,
        provider_kind: v.providerKind,
        device_path: view.devicePath,
        allocated_size_kib: view.allocatedKib,
        usable_size_kib: view.usableKib,
        props: v.props,
        state: online ? compact({ disk_state: view.diskState, replication_states: replication }) : undefined,
        layer_data_list: layerList,
        uuid: v.uuid,
      });
    });
  }
  return compact(base);
}

export function selectFilterJson(f: ResourceGroupRecord['selectFilter']): Json {
  const list = f.storage_pool_list;
  return compact({
    ...f,
    storage_pool: list && list.length === 1 ? list[0] : undefined,
  });
}

export function resourceGroupJson(rg: ResourceGroupRecord): Json {
  // select_filter is an object, not a collection, so the controller writes it even when all its fields are empty.
  const out = compact({
    name: rg.name,
    description: rg.description,
    props: rg.props,
    select_filter: undefined as unknown,
  });
  out.select_filter = selectFilterJson(rg.selectFilter);
  return Object.assign(out, compact({ uuid: rg.uuid, peer_slots: rg.peerSlots }));
}

export function volumeGroupJson(vg: VolumeGroupRecord): Json {
  return compact({ volume_number: vg.number, props: vg.props, uuid: vg.uuid, flags: vg.flags });
}

export function kvsJson(k: KvsRecord): Json {
  return compact({ name: k.name, props: k.props });
}

export function snapshotJson(s: SnapshotRecord, rd: ResourceDefinitionRecord): Json {
  const nodes = [...s.nodes.values()];
  return compact({
    name: s.name,
    resource_name: rd.name,
    nodes: nodes.map((n) => n.nodeName),
    props: s.props,
    snapshot_definition_props: s.props,
    resource_definition_props: rd.props,
    flags: s.flags,
    volume_definitions: s.volumeDefinitions.map((v) =>
      compact({ volume_number: v.number, size_kib: v.sizeKib }),
    ),
    uuid: s.uuid,
    snapshots: nodes.map((n) =>
      compact({
        snapshot_name: s.name,
        node_name: n.nodeName,
        create_timestamp: n.createTimestamp,
        flags: s.flags,
        uuid: n.uuid,
        snapshot_volumes: n.volumes.map((v) =>
          compact({ uuid: v.uuid, vlm_nr: v.number, state: 'Successful' }),
        ),
      }),
    ),
  });
}

export function errorReportJson(e: ErrorReportRecord, withContent: boolean): Json {
  return compact({
    node_name: e.nodeName,
    error_time: e.errorTime,
    filename: `ErrorReport-${e.id}.log`,
    text: withContent ? e.text : undefined,
    module: e.module,
    version: e.version,
    exception: e.exception,
    exception_message: e.exceptionMessage,
    origin_file: e.originFile,
    origin_method: e.originMethod,
    origin_line: e.originLine,
  });
}
