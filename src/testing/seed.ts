// Seeding helpers: a cluster in one call (nodes with storage pools, resource groups, resources), and
// a fast builder for very large clusters (1,000 nodes, 10,000 resources).
import { LinstorArgumentError } from '../core/errors';
import { createNode } from './handlers/nodes';
import { autoplaceEntries } from './handlers/resources';
import { createStoragePool } from './handlers/storage-pools';
import { commitResource } from './ops';
import { RcError } from './rc';
import { poolKibFor } from './render';
import {
  type AutoSelectFilter,
  key,
  type NodeRecord,
  type NodeType,
  type Props,
  type SimulatorState,
} from './state';

export interface StoragePoolSeed {
  name: string;
  /** default LVM_THIN */
  providerKind?: string;
  /** total capacity in KiB; default 100 GiB */
  capacityKib?: number;
  /** value of StorDriver/StorPoolName (volume group, zpool, directory); default `linstor_vg/thinpool` for LVM_THIN */
  driverPool?: string;
  props?: Props;
}

export interface NodeSeed {
  name: string;
  /** default SATELLITE */
  type?: NodeType | string;
  /** default 10.0.x.y derived from the node's position */
  address?: string;
  /** default true (connection_status ONLINE) */
  online?: boolean;
  props?: Props;
  /** pools on this node; default: the cluster's `storagePools` */
  storagePools?: StoragePoolSeed[];
}

export interface ResourceGroupSeed {
  name: string;
  selectFilter?: AutoSelectFilter;
  description?: string;
  /** number of volume groups (numbers 0..n-1); default 1 */
  volumeGroups?: number;
  props?: Props;
}

export interface ResourceSeed {
  name: string;
  /** volume sizes in KiB; default [102400] */
  volumeSizesKib?: number[];
  /** replicas placed by autoplace; default 2 */
  placeCount?: number;
  /** restrict placement to these pools */
  storagePools?: string[];
  resourceGroup?: string;
}

export interface SeedOptions {
  /** a node count (names `<nodePrefix>1`…) or explicit nodes */
  nodes?: number | NodeSeed[];
  /** default 'node' */
  nodePrefix?: string;
  /** pools created on every node; default one LVM_THIN pool named DfltStorPool (100 GiB) */
  storagePools?: StoragePoolSeed[];
  resourceGroups?: ResourceGroupSeed[];
  resources?: ResourceSeed[];
  /** key-value store instances: name -> props */
  keyValueStores?: Record<string, Props>;
  /**
   * controller properties to set first, e.g. `{ 'DrbdOptions/auto-add-quorum-tiebreaker': 'False' }` to
   * switch off the automatic tie-breaker
   */
  controllerProps?: Props;
}

export interface SeedResult {
  nodes: string[];
  resourceDefinitions: string[];
}

export const DEFAULT_POOL: StoragePoolSeed = {
  name: 'DfltStorPool',
  providerKind: 'LVM_THIN',
  capacityKib: 100 * 1024 * 1024,
  driverPool: 'linstor_vg/thinpool',
};

const addressFor = (i: number): string => {
  const n = i + 1;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

/** Seeding goes through the same code as the REST calls; a rejected seed is a caller error. */
function run<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RcError) {
      throw new LinstorArgumentError(`Cannot seed ${what}: ${e.entries.map((x) => x.message).join('; ')}`);
    }
    throw e;
  }
}

function driverProps(p: StoragePoolSeed): Props {
  const kind = (p.providerKind ?? 'LVM_THIN').toUpperCase();
  if (kind === 'DISKLESS') return { ...p.props };
  const fallback =
    kind === 'LVM_THIN'
      ? 'linstor_vg/thinpool'
      : kind.startsWith('ZFS')
        ? 'linstor_zpool'
        : kind.startsWith('FILE')
          ? '/var/lib/linstor-pools'
          : 'linstor_vg';
  return { 'StorDriver/StorPoolName': p.driverPool ?? fallback, ...p.props };
}

export function seedCluster(state: SimulatorState, opts: SeedOptions = {}): SeedResult {
  const prefix = opts.nodePrefix ?? 'node';
  const start = state.nodes.size;
  const nodes: NodeSeed[] =
    typeof opts.nodes === 'number'
      ? Array.from({ length: opts.nodes }, (_, i) => ({ name: `${prefix}${start + i + 1}` }))
      : (opts.nodes ?? []);
  const pools = opts.storagePools ?? [DEFAULT_POOL];
  Object.assign(state.controllerProps, opts.controllerProps);
  const names: string[] = [];
  nodes.forEach((n, i) => {
    run(`node '${n.name}'`, () =>
      createNode(
        state,
        {
          name: n.name,
          type: n.type ?? 'SATELLITE',
          props: n.props,
          net_interfaces: [
            {
              name: 'default',
              address: n.address ?? addressFor(start + i),
              satellite_port: 3366,
              satellite_encryption_type: 'PLAIN',
            },
          ],
        },
        { online: n.online ?? true },
      ),
    );
    names.push(n.name);
    for (const p of n.storagePools ?? pools) {
      run(`storage pool '${p.name}' on '${n.name}'`, () =>
        createStoragePool(
          state,
          n.name,
          { storage_pool_name: p.name, provider_kind: p.providerKind ?? 'LVM_THIN', props: driverProps(p) },
          { capacityKib: p.capacityKib ?? DEFAULT_POOL.capacityKib },
        ),
      );
    }
  });
  for (const g of opts.resourceGroups ?? []) {
    run(`resource group '${g.name}'`, () => {
      const filter = { ...g.selectFilter };
      if (filter.storage_pool !== undefined) {
        filter.storage_pool_list ??= [filter.storage_pool];
        delete filter.storage_pool;
      }
      const rg = state.resourceGroup(g.name) ?? state.addResourceGroup(g.name, filter);
      rg.selectFilter = filter;
      if (g.description) rg.description = g.description;
      Object.assign(rg.props, g.props);
      for (let nr = 0; nr < (g.volumeGroups ?? 1); nr++) {
        rg.volumeGroups.set(nr, { number: nr, props: {}, flags: [], uuid: state.uuid() });
      }
    });
  }
  for (const [name, props] of Object.entries(opts.keyValueStores ?? {})) {
    state.keyValueStores.set(key(name), { name, props: { ...props }, uuid: state.uuid() });
  }
  const rds: string[] = [];
  for (const r of opts.resources ?? []) {
    run(`resource '${r.name}'`, () => {
      seedResource(state, r);
      rds.push(r.name);
    });
  }
  return { nodes: names, resourceDefinitions: rds };
}

function seedResource(state: SimulatorState, r: ResourceSeed): void {
  const rgName = r.resourceGroup ?? 'DfltRscGrp';
  const rg = state.resourceGroup(rgName);
  if (!rg)
    throw new LinstorArgumentError(`Cannot seed resource '${r.name}': unknown resource group '${rgName}'`);
  if (state.resourceDefinition(r.name))
    throw new LinstorArgumentError(`Cannot seed resource '${r.name}': it exists`);
  const rd = {
    name: r.name,
    props: {},
    flags: [],
    uuid: state.uuid(),
    resourceGroup: rg.name,
    layerStack: undefined,
    drbd: { secret: state.randomSecret(), peerSlots: rg.peerSlots ?? 7, transportType: 'IP' },
    volumeDefinitions: new Map(),
    resources: new Map(),
    snapshots: new Map(),
  };
  state.resourceDefinitions.set(key(r.name), rd);
  (r.volumeSizesKib ?? [102400]).forEach((size, nr) => {
    rd.volumeDefinitions.set(nr, {
      number: nr,
      sizeKib: size,
      props: { DrbdCurrentGi: state.randomHex(16) },
      flags: [],
      uuid: state.uuid(),
    });
  });
  try {
    autoplaceEntries(state, rd, {
      select_filter: { place_count: r.placeCount ?? 2, storage_pool_list: r.storagePools },
    });
  } catch (e) {
    state.resourceDefinitions.delete(key(r.name));
    throw e;
  }
}

export interface LargeClusterOptions {
  /** default 1000 */
  nodes?: number;
  /** total number of resources (replicas) to create; default 10000 */
  resources?: number;
  /** diskful replicas per resource definition; default 3 */
  replicas?: number;
  /** volume size in KiB; default 1 GiB */
  volumeSizeKib?: number;
  /** pool capacity per node in KiB; default 10 TiB */
  poolCapacityKib?: number;
  /** resource definition name prefix; default 'res' */
  resourcePrefix?: string;
}

/**
 * Builds a big cluster quickly: nodes through the normal node-create path, resources placed round-robin
 * directly (the autoplacer's ranking is skipped for speed). Resource definitions get `replicas` diskful
 * resources each; the last one takes the remainder.
 */
export function seedLargeCluster(state: SimulatorState, opts: LargeClusterOptions = {}): SeedResult {
  const nodeCount = opts.nodes ?? 1000;
  const total = opts.resources ?? 10000;
  const replicas = Math.max(1, Math.min(opts.replicas ?? 3, nodeCount));
  const size = opts.volumeSizeKib ?? 1024 * 1024;
  const seeded = seedCluster(state, {
    nodes: nodeCount,
    storagePools: [{ ...DEFAULT_POOL, capacityKib: opts.poolCapacityKib ?? 10 * 1024 * 1024 * 1024 }],
  });
  const nodes = seeded.nodes.map((n) => state.node(n) as NodeRecord);
  const rg = state.resourceGroup('DfltRscGrp');
  const prefix = opts.resourcePrefix ?? 'res';
  const digits = String(Math.ceil(total / replicas)).length;
  const rds: string[] = [];
  let placed = 0;
  let cursor = 0;
  for (let i = 0; placed < total; i++) {
    const name = `${prefix}${String(i).padStart(digits, '0')}`;
    const rd = {
      name,
      props: {},
      flags: [],
      uuid: state.uuid(),
      resourceGroup: rg?.name ?? 'DfltRscGrp',
      layerStack: ['DRBD', 'STORAGE'],
      drbd: { secret: state.randomSecret(), peerSlots: 7, transportType: 'IP' },
      volumeDefinitions: new Map([
        [
          0,
          {
            number: 0,
            sizeKib: size,
            props: { DrbdCurrentGi: state.randomHex(16) },
            flags: [],
            uuid: state.uuid(),
          },
        ],
      ]),
      resources: new Map(),
      snapshots: new Map(),
    };
    state.resourceDefinitions.set(key(name), rd);
    const count = Math.min(replicas, total - placed);
    for (let k = 0; k < count; k++) {
      const node = nodes[cursor % nodes.length] as NodeRecord;
      cursor++;
      const pool = node.storagePools.get(key(DEFAULT_POOL.name));
      if (!pool) continue;
      const vd = rd.volumeDefinitions.get(0);
      commitResource(state, rd, {
        node,
        props: { StorPoolName: pool.name },
        flags: new Set(),
        stack: rd.layerStack,
        plans: vd ? [{ vd, pool, poolKib: poolKibFor(pool.providerKind, rd.layerStack, vd.sizeKib, 7) }] : [],
      });
      placed++;
    }
    rds.push(name);
  }
  return { nodes: seeded.nodes, resourceDefinitions: rds };
}
