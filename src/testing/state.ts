// The simulated controller's state: plain records, keyed case-insensitively (upper-cased keys, display
// names kept as given, like the controller's GenericName). Handlers mutate it synchronously.

import type { NodeConnectionRecord, ResourceConnectionRecord } from './connection-records';
import type { EncryptionRecord } from './encryption-records';
import type { ExternalFileRecord } from './external-files';
import type { AuthTokenRecord } from './handlers/auth-tokens';
import type { BackupRecord, RemoteRecord, ScheduleBindingRecord, ScheduleRecord } from './remote-records';

export type Props = Record<string, string>;

export type NodeType = 'SATELLITE' | 'CONTROLLER' | 'COMBINED' | 'AUXILIARY';

export type ConnectionStatus = 'ONLINE' | 'OFFLINE' | 'CONNECTED' | 'VERSION_MISMATCH' | 'UNKNOWN';

export interface NetInterfaceRecord {
  name: string;
  address: string;
  satellitePort?: number;
  satelliteEncryptionType?: string;
  isActive: boolean;
  uuid: string;
}

export interface StoragePoolRecord {
  name: string;
  nodeName: string;
  providerKind: string;
  props: Props;
  /** KiB; ignored for DISKLESS pools, which report Long.MAX */
  totalCapacity: number;
  /** KiB taken by the volumes placed in this pool */
  usedKib: number;
  uuid: string;
  freeSpaceMgrName?: string;
  externalLocking: boolean;
}

export interface NodeRecord {
  name: string;
  type: NodeType;
  flags: string[];
  props: Props;
  netInterfaces: Map<string, NetInterfaceRecord>;
  connectionStatus: ConnectionStatus;
  uuid: string;
  storagePools: Map<string, StoragePoolRecord>;
  usedTcpPorts: Set<number>;
  /** number of resources on this node, kept for the autoplacer's ranking */
  resourceCount: number;
}

export interface StoragePoolDefinitionRecord {
  name: string;
  props: Props;
  uuid: string;
}

export interface VolumeDefinitionRecord {
  number: number;
  sizeKib: number;
  props: Props;
  flags: string[];
  uuid: string;
  minor?: number;
}

export interface VolumeRecord {
  number: number;
  storagePoolName: string;
  providerKind: string;
  props: Props;
  uuid: string;
  /** KiB taken from the storage pool (storage layer allocation) */
  poolKib: number;
}

export interface ResourceRecord {
  rdName: string;
  nodeName: string;
  props: Props;
  flags: Set<string>;
  uuid: string;
  layerStack: string[];
  nodeId: number;
  tcpPort?: number;
  createTimestamp: number;
  volumes: Map<number, VolumeRecord>;
  inUse: boolean;
}

export interface SnapshotNodeRecord {
  nodeName: string;
  uuid: string;
  createTimestamp: number;
  volumes: { number: number; storagePoolName: string; providerKind: string; uuid: string }[];
}

export interface SnapshotRecord {
  name: string;
  rdName: string;
  props: Props;
  flags: string[];
  uuid: string;
  createTimestamp: number;
  volumeDefinitions: { number: number; sizeKib: number }[];
  nodes: Map<string, SnapshotNodeRecord>;
}

export interface DrbdRdSettings {
  port?: number;
  secret: string;
  peerSlots: number;
  transportType: string;
}

export interface ResourceDefinitionRecord {
  name: string;
  externalName?: string;
  props: Props;
  flags: string[];
  uuid: string;
  resourceGroup: string;
  /** undefined until set explicitly or by the first resource */
  layerStack?: string[];
  drbd: DrbdRdSettings;
  volumeDefinitions: Map<number, VolumeDefinitionRecord>;
  resources: Map<string, ResourceRecord>;
  snapshots: Map<string, SnapshotRecord>;
}

/** AutoSelectFilter as the JSON object the controller reads and writes (snake_case). */
export interface AutoSelectFilter {
  place_count?: number;
  additional_place_count?: number;
  node_name_list?: string[];
  storage_pool?: string;
  storage_pool_list?: string[];
  storage_pool_diskless_list?: string[];
  not_place_with_rsc?: string[];
  not_place_with_rsc_regex?: string;
  replicas_on_same?: string[];
  replicas_on_different?: string[];
  x_replicas_on_different_map?: Record<string, number>;
  layer_stack?: string[];
  provider_list?: string[];
  diskless_on_remaining?: boolean;
  diskless_type?: string;
  overprovision?: number;
  port_count?: number;
}

export interface VolumeGroupRecord {
  number: number;
  props: Props;
  flags: string[];
  uuid: string;
}

export interface ResourceGroupRecord {
  name: string;
  description?: string;
  props: Props;
  selectFilter: AutoSelectFilter;
  uuid: string;
  peerSlots?: number;
  volumeGroups: Map<number, VolumeGroupRecord>;
}

export interface KvsRecord {
  name: string;
  props: Props;
  uuid: string;
}

export interface ErrorReportRecord {
  id: string;
  nodeName: string;
  errorTime: number;
  module: string;
  version: string;
  exception: string;
  exceptionMessage: string;
  originFile?: string;
  originMethod?: string;
  originLine?: number;
  text: string;
}

export interface ControllerVersion {
  version: string;
  git_hash: string;
  build_time: string;
  rest_api_version: string;
}

export const DEFAULT_CONTROLLER_VERSION: ControllerVersion = {
  version: '1.34.0-rc.1',
  git_hash: '3e9306a9d8215606544c64c50ced150625ee4926',
  build_time: '2026-06-02T10:45:56+00:00',
  rest_api_version: '1.28.0',
};

export const DFLT_RSC_GRP = 'DfltRscGrp';
export const DFLT_STOR_POOL = 'DfltStorPool';
export const DFLT_DISKLESS_STOR_POOL = 'DfltDisklessStorPool';
export const MINOR_AUTO_MIN = 1000;
export const MINOR_AUTO_MAX = 49999;
export const TCP_PORT_AUTO_MIN = 7000;
export const TCP_PORT_AUTO_MAX = 7999;

/** Fresh-database controller properties (controller-behavior.md §3.13). */
const FRESH_CONTROLLER_PROPS: Props = {
  'DrbdOptions/auto-quorum': 'io-error',
  'DrbdOptions/auto-add-quorum-tiebreaker': 'True',
  'DrbdOptions/auto-diskful-allow-cleanup': 'True',
  'DrbdOptions/AutoEvictAllowEviction': 'True',
  'NetCom/PlainConnector/bindaddress': '::0',
  'NetCom/PlainConnector/enabled': 'true',
  'NetCom/PlainConnector/port': '3376',
  'NetCom/PlainConnector/type': 'plain',
  'NetCom/SslConnector/enabled': 'true',
  'NetCom/SslConnector/port': '3377',
  'NetCom/SslConnector/type': 'ssl',
};

export const key = (name: string): string => name.toUpperCase();

export interface SimulatorStateOptions {
  /** controller version reply; fields not given keep the defaults (REST API 1.28.0) */
  version?: Partial<ControllerVersion>;
  /** clock for timestamps and created_at (epoch ms); defaults to Date.now */
  now?: () => number;
}

/** Lowest-free number pool (DRBD minors, node ids); freed numbers are reused. */
export class NumberPool {
  private readonly used = new Set<number>();
  private next: number;
  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {
    this.next = min;
  }
  allocate(): number | undefined {
    for (let n = this.next; n <= this.max; n++) {
      if (!this.used.has(n)) {
        this.used.add(n);
        this.next = n + 1;
        return n;
      }
    }
    return undefined;
  }
  reserve(n: number): boolean {
    if (this.used.has(n)) return false;
    this.used.add(n);
    return true;
  }
  has(n: number): boolean {
    return this.used.has(n);
  }
  free(n: number): void {
    if (this.used.delete(n) && n >= this.min && n < this.next) this.next = n;
  }
}

export class SimulatorState {
  readonly nodes = new Map<string, NodeRecord>();
  readonly storagePoolDefinitions = new Map<string, StoragePoolDefinitionRecord>();
  readonly resourceDefinitions = new Map<string, ResourceDefinitionRecord>();
  readonly resourceGroups = new Map<string, ResourceGroupRecord>();
  readonly keyValueStores = new Map<string, KvsRecord>();
  readonly errorReports: ErrorReportRecord[] = [];
  // node/resource connections, external files, encryption (connection-records.ts, files.ts, encryption.ts)
  /** node connections, keyed by the two nodes' uuids (connection-records.ts pairKey) */
  readonly nodeConnections = new Map<string, NodeConnectionRecord>();
  /** resource connections (with DRBD Proxy state), keyed by the two resources' uuids */
  readonly resourceConnections = new Map<string, ResourceConnectionRecord>();
  /** external files by path (case-sensitive, as on the nodes; external-files.ts) */
  readonly externalFiles = new Map<string, ExternalFileRecord>();
  /** master passphrase state and volume passphrases (encryption-records.ts; never sent in replies) */
  readonly encryption: EncryptionRecord = { unlocked: false, volumePassphrases: new Map() };
  // auth tokens, physical storage, satellite config (handlers/auth-tokens.ts, physical-storage.ts, nodes.ts)
  /** auth tokens by id (revoked ones stay, with deletedAt set) */
  readonly authTokens = new Map<number, AuthTokenRecord>();
  /** device paths turned into pools by POST /v1/physical-storage/{node}, by upper-cased node name */
  readonly usedPhysicalDevices = new Map<string, Set<string>>();
  /** satellite log levels of /v1/nodes/{node}/config, by upper-cased node name (INFO when absent) */
  readonly satelliteLogLevels = new Map<string, { level: string; level_linstor: string }>();
  // remotes, schedules, backups (remote-records.ts)
  /** remotes of every kind, keyed by upper-cased name (one name space for S3, LINSTOR and EBS) */
  readonly remotes = new Map<string, RemoteRecord>();
  /** backup schedules, keyed by upper-cased name */
  readonly schedules = new Map<string, ScheduleRecord>();
  /** remote+schedule pairs enabled or disabled on the controller, a resource group or an RD */
  readonly scheduleBindings: ScheduleBindingRecord[] = [];
  /** backups on S3 remotes and shipments to LINSTOR remotes, in creation order */
  readonly backups: BackupRecord[] = [];
  /** when false, new backups stay queued (shipping) until finishQueuedBackups(); lets tests abort them */
  backupsFinishImmediately = true;
  readonly controllerProps: Props = { ...FRESH_CONTROLLER_PROPS };
  /** log levels of GET/PUT /v1/controller/config */
  readonly logLevels: {
    level: string;
    level_linstor: string;
    level_global?: string;
    level_linstor_global?: string;
  } = {
    level: 'INFO',
    level_linstor: 'INFO',
  };
  readonly minors = new NumberPool(MINOR_AUTO_MIN, MINOR_AUTO_MAX);
  version: ControllerVersion;
  now: () => number;
  private uuidCounter = 0;
  private rand = 0x2545f491;

  constructor(opts: SimulatorStateOptions = {}) {
    this.version = { ...DEFAULT_CONTROLLER_VERSION, ...opts.version };
    this.now = opts.now ?? Date.now;
    // The database starts with these two storage pool definitions and the default resource group.
    for (const sp of [DFLT_STOR_POOL, DFLT_DISKLESS_STOR_POOL]) {
      this.storagePoolDefinitions.set(key(sp), { name: sp, props: {}, uuid: this.uuid() });
    }
    this.addResourceGroup(DFLT_RSC_GRP, { place_count: 2 });
  }

  /** Deterministic, unique UUID-shaped ids (reproducible demo output). */
  uuid(): string {
    this.uuidCounter += 1;
    const hex = this.uuidCounter.toString(16).padStart(12, '0');
    return `5e7a7e00-0000-4000-8000-${hex}`;
  }

  /** Small deterministic PRNG for secrets and DrbdCurrentGi values. */
  random(): number {
    // xorshift32
    let x = this.rand;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.rand = x >>> 0;
    return this.rand / 0x100000000;
  }

  randomHex(len: number): string {
    let s = '';
    while (s.length < len)
      s += Math.floor(this.random() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return s.slice(0, len).toUpperCase();
  }

  randomSecret(): string {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    let s = '';
    for (let i = 0; i < 20; i++) s += chars[Math.floor(this.random() * chars.length)];
    return s;
  }

  // ---- lookups (case-insensitive) ----
  node(name: string): NodeRecord | undefined {
    return this.nodes.get(key(name));
  }
  resourceDefinition(name: string): ResourceDefinitionRecord | undefined {
    return this.resourceDefinitions.get(key(name));
  }
  resourceGroup(name: string): ResourceGroupRecord | undefined {
    return this.resourceGroups.get(key(name));
  }
  storagePool(nodeName: string, poolName: string): StoragePoolRecord | undefined {
    return this.node(nodeName)?.storagePools.get(key(poolName));
  }
  resource(rdName: string, nodeName: string): ResourceRecord | undefined {
    return this.resourceDefinition(rdName)?.resources.get(key(nodeName));
  }

  /** Lists sorted like the controller's TreeMaps (by upper-cased name). */
  sortedNodes(): NodeRecord[] {
    return sortByKey([...this.nodes.values()], (n) => n.name);
  }
  sortedResourceDefinitions(): ResourceDefinitionRecord[] {
    // The map keys are the upper-cased names already.
    return [...this.resourceDefinitions.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map((e) => e[1]);
  }

  private readonly changeListeners = new Set<() => void>();

  /** Calls `listener` after each change() (event streams watch the state this way); returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    const own = () => listener();
    this.changeListeners.add(own);
    return () => {
      this.changeListeners.delete(own);
    };
  }

  /**
   * Says that records may have changed. The controller calls it after every non-GET request and the
   * helpers below after theirs; code that edits records directly calls it to get node events sent.
   */
  changed(): void {
    for (const l of [...this.changeListeners]) l();
  }

  /** Simulates a satellite going away or coming back (connection_status OFFLINE / ONLINE). */
  setNodeOnline(name: string, online: boolean): void {
    const node = this.node(name);
    if (node) node.connectionStatus = online ? 'ONLINE' : 'OFFLINE';
    this.changed();
  }

  /** Simulates a resource being opened (DRBD Primary / mounted): deletes and disk removal then fail. */
  setInUse(rdName: string, nodeName: string, inUse: boolean): void {
    const r = this.resource(rdName, nodeName);
    if (r) r.inUse = inUse;
    this.changed();
  }

  addResourceGroup(name: string, selectFilter: AutoSelectFilter = {}): ResourceGroupRecord {
    const rg: ResourceGroupRecord = {
      name,
      props: {},
      selectFilter,
      uuid: this.uuid(),
      volumeGroups: new Map(),
    };
    this.resourceGroups.set(key(name), rg);
    return rg;
  }

  ensureStoragePoolDefinition(name: string): StoragePoolDefinitionRecord {
    let spd = this.storagePoolDefinitions.get(key(name));
    if (!spd) {
      spd = { name, props: {}, uuid: this.uuid() };
      this.storagePoolDefinitions.set(key(name), spd);
    }
    return spd;
  }

  private errorReportCounter = 0;

  /** Records an error report as the controller writes one; returns its id (`%08X-%05X-%06d`). */
  addErrorReport(
    report: Omit<ErrorReportRecord, 'id' | 'errorTime' | 'version' | 'module' | 'nodeName'> &
      Partial<Pick<ErrorReportRecord, 'nodeName' | 'module'>>,
  ): string {
    this.errorReportCounter += 1;
    const id = `5E7A7E00-00000-${String(this.errorReportCounter).padStart(6, '0')}`;
    this.errorReports.push({
      nodeName: 'linstor-controller',
      module: 'CONTROLLER',
      ...report,
      id,
      errorTime: this.now(),
      version: this.version.version,
    });
    return id;
  }

  allocateTcpPort(node: NodeRecord): number | undefined {
    for (let p = TCP_PORT_AUTO_MIN; p <= TCP_PORT_AUTO_MAX; p++) {
      if (!node.usedTcpPorts.has(p)) {
        node.usedTcpPorts.add(p);
        return p;
      }
    }
    return undefined;
  }

  /** Effective value of a property along the controller's priority chain (first hit wins). */
  lookupProp(propKey: string, ...chain: (Props | undefined)[]): string | undefined {
    for (const props of chain) {
      const v = props?.[propKey];
      if (v !== undefined) return v;
    }
    return undefined;
  }
}

export function sortByKey<T>(items: T[], name: (t: T) => string): T[] {
  // Keys computed once per item, not once per comparison.
  const keyed = items.map((item) => ({ k: key(name(item)), item }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((x) => x.item);
}
