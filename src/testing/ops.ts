// Resource-level operations shared by resource create, autoplace, spawn, make-available, toggle-disk,
// snapshots, backups and snapshot restore: layer stacks, storage pool resolution, capacity, DRBD numbers, tie-breakers,
// and the reply entries these steps produce.
import {
  CREATED,
  FAIL_INVLD_LAYER_KIND,
  FAIL_INVLD_VLM_SIZE,
  FAIL_NOT_FOUND_DFLT_STOR_POOL,
  FAIL_POOL_EXHAUSTED_MINOR_NR,
  FAIL_POOL_EXHAUSTED_TCP_PORT,
  INFO_TIE_BREAKER_CREATED,
  INFO_TIE_BREAKER_DELETING,
  MASK_CRT,
  MASK_RSC,
  MASK_VLM,
  MODIFIED,
  WARN_ALL_DISKLESS,
  WARN_NOT_CONNECTED,
  WARN_NOT_ENOUGH_NODES_FOR_TIE_BREAKER,
  WARN_NOT_FOUND,
} from '../../generated/constants';
import { notConnectedDetails, quoteList, storPoolDfnNotFound, storPoolNotFound } from './messages';
import { entry, fail, type RcEntry } from './rc';
import { freeCapacity, isDeleting, isDiskless, poolKibFor } from './render';
import {
  DFLT_DISKLESS_STOR_POOL,
  DFLT_STOR_POOL,
  key,
  type NodeRecord,
  type Props,
  type ResourceDefinitionRecord,
  type ResourceRecord,
  type SimulatorState,
  type SnapshotRecord,
  type StoragePoolRecord,
  type VolumeDefinitionRecord,
  type VolumeRecord,
} from './state';

const LAYER_ALIASES: Record<string, string> = {
  DRBD: 'DRBD',
  LUKS: 'LUKS',
  CRYPT: 'LUKS',
  STORAGE: 'STORAGE',
  LVM: 'STORAGE',
  ZFS: 'STORAGE',
  SPDK: 'STORAGE',
  NVME: 'NVME',
  WRITECACHE: 'WRITECACHE',
  CACHE: 'CACHE',
  BCACHE: 'BCACHE',
};

/** Parses layer names case-insensitively; appends STORAGE when the stack does not end with it. */
export function normalizeLayerStack(list: readonly string[]): { stack: string[]; storageAdded: boolean } {
  const stack = list.map((l) => {
    const k = LAYER_ALIASES[l.toUpperCase()];
    if (!k) fail(FAIL_INVLD_LAYER_KIND, `Given layer kind '${l}' is invalid`);
    return k;
  });
  if (stack.length > 0 && stack[stack.length - 1] !== 'STORAGE')
    return { stack: [...stack, 'STORAGE'], storageAdded: true };
  return { stack, storageAdded: false };
}

export function liveResources(rd: ResourceDefinitionRecord): ResourceRecord[] {
  return [...rd.resources.values()].filter((r) => !isDeleting(r));
}

export function diskfulResources(rd: ResourceDefinitionRecord): ResourceRecord[] {
  return liveResources(rd).filter((r) => !isDiskless(r));
}

/** layer_list, else the RD's stack, else an existing resource's, else the group's filter, else DRBD,STORAGE. */
export function effectiveLayerStack(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  requested?: readonly string[],
): string[] {
  if (requested && requested.length > 0) return normalizeLayerStack(requested).stack;
  if (rd.layerStack && rd.layerStack.length > 0) return rd.layerStack;
  const existing = rd.resources.values().next().value as ResourceRecord | undefined;
  if (existing) return existing.layerStack;
  const rgStack = state.resourceGroup(rd.resourceGroup)?.selectFilter.layer_stack;
  if (rgStack && rgStack.length > 0) return normalizeLayerStack(rgStack).stack;
  return ['DRBD', 'STORAGE'];
}

/** DRBD minors are allocated lowest-free from 1000 when DRBD is in the RD's stack. */
export function ensureMinors(state: SimulatorState, rd: ResourceDefinitionRecord): void {
  if (!rd.layerStack?.includes('DRBD')) return;
  for (const vd of rd.volumeDefinitions.values()) {
    if (vd.minor !== undefined) continue;
    const minor = state.minors.allocate();
    if (minor === undefined) fail(FAIL_POOL_EXHAUSTED_MINOR_NR, 'No more free DRBD minor numbers available');
    vd.minor = minor;
  }
}

export interface VolumePlan {
  vd: VolumeDefinitionRecord;
  pool: StoragePoolRecord;
  poolKib: number;
}

/** Storage pool for each volume of a diskful resource (CtrlStorPoolResolveHelper's order). */
export function resolveDiskfulPools(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  node: NodeRecord,
  rscProps: Props,
  stack: readonly string[],
): VolumePlan[] {
  const rg = state.resourceGroup(rd.resourceGroup);
  const plans: VolumePlan[] = [];
  const vds = [...rd.volumeDefinitions.values()];
  for (const vd of vds) {
    const explicit = state.lookupProp('StorPoolName', rscProps, vd.props, rd.props, rg?.props, node.props);
    let pool: StoragePoolRecord | undefined;
    if (explicit !== undefined) {
      pool = node.storagePools.get(key(explicit));
      if (!pool) {
        if (!state.storagePoolDefinitions.has(key(explicit))) storPoolDfnNotFound(explicit);
        storPoolNotFound(node.name, explicit);
      }
    } else {
      for (const peer of diskfulResources(rd)) {
        const name = peer.volumes.get(vd.number)?.storagePoolName;
        const candidate = name === undefined ? undefined : node.storagePools.get(key(name));
        if (candidate && candidate.providerKind !== 'DISKLESS') {
          pool = candidate;
          break;
        }
      }
      pool ??= node.storagePools.get(key(DFLT_STOR_POOL));
      if (!pool) {
        fail(
          FAIL_NOT_FOUND_DFLT_STOR_POOL,
          `The storage pool 'null' for resource '${rd.name}' for volume number '${vd.number}' is not deployed on node '${node.name}'.`,
          { objRefs: { RscDfn: rd.name, Node: node.name, VlmNr: String(vd.number) } },
        );
      }
    }
    plans.push({ vd, pool, poolKib: poolKibFor(pool.providerKind, stack, vd.sizeKib, rd.drbd.peerSlots) });
  }
  return plans;
}

/** Fails like the controller when the planned volumes do not fit into their pools. */
export function checkCapacity(rd: ResourceDefinitionRecord, plans: readonly VolumePlan[]): void {
  const need = new Map<StoragePoolRecord, number>();
  for (const p of plans) {
    if (p.pool.providerKind === 'DISKLESS') continue;
    const total = (need.get(p.pool) ?? 0) + p.poolKib;
    need.set(p.pool, total);
    if (total > freeCapacity(p.pool)) {
      fail(
        FAIL_INVLD_VLM_SIZE,
        `Not enough free space available for volume ${p.vd.number} of resource '${rd.name}'.`,
        {
          details: `Storage pool '${p.pool.name}' on node '${p.pool.nodeName}' has ${freeCapacity(p.pool)} KiB free, ${total} KiB needed.`,
        },
      );
    }
  }
}

/** The diskless pool a diskless resource uses: its StorPoolName prop, else DfltDisklessStorPool. */
export function resolveDisklessPool(node: NodeRecord, rscProps: Props): StoragePoolRecord {
  const name = rscProps.StorPoolName ?? DFLT_DISKLESS_STOR_POOL;
  const pool = node.storagePools.get(key(name));
  if (!pool) storPoolNotFound(node.name, name);
  return pool;
}

export interface NewResource {
  node: NodeRecord;
  props: Props;
  flags: Set<string>;
  stack: string[];
  /** volume plans for a diskful resource */
  plans?: VolumePlan[];
  /** pool of a diskless resource */
  disklessPool?: StoragePoolRecord;
  nodeId?: number;
  tcpPort?: number;
}

function lowestFreeNodeId(rd: ResourceDefinitionRecord): number {
  const used = new Set([...rd.resources.values()].map((r) => r.nodeId));
  let id = 0;
  while (used.has(id)) id++;
  return id;
}

function consume(pool: StoragePoolRecord, kib: number): void {
  if (pool.providerKind !== 'DISKLESS') pool.usedKib += kib;
}

/** Registers a resource in the state (volumes, pools, DRBD node id and port, minors). */
export function commitResource(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  spec: NewResource,
): ResourceRecord {
  if (!rd.layerStack || rd.layerStack.length === 0) rd.layerStack = spec.stack;
  if (spec.stack.includes('DRBD')) ensureMinors(state, rd);
  let tcpPort: number | undefined;
  if (spec.stack.includes('DRBD')) {
    tcpPort = spec.tcpPort ?? state.allocateTcpPort(spec.node);
    if (tcpPort === undefined)
      fail(FAIL_POOL_EXHAUSTED_TCP_PORT, `No more free TCP ports on node '${spec.node.name}'`);
    spec.node.usedTcpPorts.add(tcpPort);
  }
  const rsc: ResourceRecord = {
    rdName: rd.name,
    nodeName: spec.node.name,
    props: spec.props,
    flags: spec.flags,
    uuid: state.uuid(),
    layerStack: spec.stack,
    nodeId: spec.nodeId ?? lowestFreeNodeId(rd),
    tcpPort,
    createTimestamp: state.now(),
    volumes: new Map(),
    inUse: false,
  };
  if (spec.disklessPool && !rsc.props.StorPoolName) rsc.props.StorPoolName = spec.disklessPool.name;
  for (const vd of rd.volumeDefinitions.values()) {
    const plan = spec.plans?.find((p) => p.vd === vd);
    const pool = plan?.pool ?? (spec.disklessPool as StoragePoolRecord);
    const poolKib = plan?.poolKib ?? 0;
    consume(pool, poolKib);
    rsc.volumes.set(vd.number, {
      number: vd.number,
      storagePoolName: pool.name,
      providerKind: pool.providerKind,
      props: {},
      uuid: state.uuid(),
      poolKib,
    });
  }
  rd.resources.set(key(spec.node.name), rsc);
  spec.node.resourceCount += 1;
  return rsc;
}

/** Adds the volume of a new volume definition to an existing resource. */
export function addVolume(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  rsc: ResourceRecord,
  vd: VolumeDefinitionRecord,
): void {
  const node = state.node(rsc.nodeName) as NodeRecord;
  let pool: StoragePoolRecord | undefined;
  let poolKib = 0;
  if (isDiskless(rsc)) pool = node.storagePools.get(key(rsc.props.StorPoolName ?? DFLT_DISKLESS_STOR_POOL));
  else {
    const name =
      state.lookupProp('StorPoolName', rsc.props, vd.props, rd.props) ??
      rsc.volumes.values().next().value?.storagePoolName ??
      DFLT_STOR_POOL;
    pool = node.storagePools.get(key(name));
    if (pool) poolKib = poolKibFor(pool.providerKind, rsc.layerStack, vd.sizeKib, rd.drbd.peerSlots);
  }
  if (pool) consume(pool, poolKib);
  rsc.volumes.set(vd.number, {
    number: vd.number,
    storagePoolName: pool?.name ?? DFLT_STOR_POOL,
    providerKind: pool?.providerKind ?? 'DISKLESS',
    props: {},
    uuid: state.uuid(),
    poolKib,
  });
}

/** Gives a volume's space back to its pool (the counterpart of `consume`; diskless pools keep none). */
export function releaseVolume(state: SimulatorState, rsc: ResourceRecord, v: VolumeRecord): void {
  const pool = state.storagePool(rsc.nodeName, v.storagePoolName);
  if (pool && pool.providerKind !== 'DISKLESS') pool.usedKib = Math.max(0, pool.usedKib - v.poolKib);
}

function releaseVolumes(state: SimulatorState, rsc: ResourceRecord): void {
  for (const v of rsc.volumes.values()) releaseVolume(state, rsc, v);
}

export function removeResource(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  rsc: ResourceRecord,
): void {
  releaseVolumes(state, rsc);
  const node = state.node(rsc.nodeName);
  if (node) {
    if (rsc.tcpPort !== undefined) node.usedTcpPorts.delete(rsc.tcpPort);
    node.resourceCount = Math.max(0, node.resourceCount - 1);
  }
  rd.resources.delete(key(rsc.nodeName));
}

/** Turns a (diskless) resource diskful on the planned pools. */
export function makeDiskful(
  state: SimulatorState,
  rsc: ResourceRecord,
  plans: readonly VolumePlan[],
  explicitPool?: string,
): void {
  releaseVolumes(state, rsc);
  for (const f of ['DISKLESS', 'DRBD_DISKLESS', 'TIE_BREAKER', 'NVME_INITIATOR', 'EBS_INITIATOR'])
    rsc.flags.delete(f);
  if (explicitPool) rsc.props.StorPoolName = explicitPool;
  else delete rsc.props.StorPoolName;
  for (const p of plans) {
    consume(p.pool, p.poolKib);
    const v = rsc.volumes.get(p.vd.number);
    if (v) {
      v.storagePoolName = p.pool.name;
      v.providerKind = p.pool.providerKind;
      v.poolKib = p.poolKib;
    }
  }
}

export function makeDiskless(state: SimulatorState, rsc: ResourceRecord, pool: StoragePoolRecord): void {
  releaseVolumes(state, rsc);
  rsc.flags.add('DISKLESS');
  rsc.flags.add('DRBD_DISKLESS');
  rsc.props.StorPoolName = pool.name;
  for (const v of rsc.volumes.values()) {
    v.storagePoolName = pool.name;
    v.providerKind = pool.providerKind;
    v.poolKib = 0;
  }
}

/** Entries of a freshly registered resource and its volumes (resource create). */
export function registeredEntries(rd: ResourceDefinitionRecord, rsc: ResourceRecord): RcEntry[] {
  const out = [
    entry(CREATED, `New resource '${rd.name}' on node '${rsc.nodeName}' registered.`, {
      details: `Resource '${rd.name}' on node '${rsc.nodeName}' UUID is: ${rsc.uuid}`,
      objRefs: { RscDfn: rd.name, Node: rsc.nodeName },
    }),
  ];
  for (const v of rsc.volumes.values()) {
    out.push(
      entry(
        MASK_VLM | MASK_CRT | CREATED,
        `Volume with number '${v.number}' on resource '${rd.name}' on node '${rsc.nodeName}' successfully registered`,
        {
          details: `Volume UUID is: ${v.uuid}`,
          objRefs: { RscDfn: rd.name, Node: rsc.nodeName, VlmNr: String(v.number) },
        },
      ),
    );
  }
  return out;
}

const online = (state: SimulatorState, nodeName: string): boolean =>
  state.node(nodeName)?.connectionStatus === 'ONLINE';

/** What the satellites answer after new resources were deployed (controller-behavior.md §3.5). */
export function deployEntries(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  created: readonly ResourceRecord[],
): RcEntry[] {
  const out: RcEntry[] = [];
  if (rd.volumeDefinitions.size === 0) {
    out.push(entry(WARN_NOT_FOUND, `No volumes have been defined for resource '${rd.name}'`));
  }
  const newNodes = created.map((r) => r.nodeName);
  for (const r of created) {
    if (online(state, r.nodeName))
      out.push(entry(MODIFIED, `Created resource '${rd.name}' on '${r.nodeName}'`));
    else {
      out.push(
        entry(WARN_NOT_CONNECTED, `No active connection to satellite '${r.nodeName}'`, {
          details: notConnectedDetails,
          objRefs: { Node: r.nodeName },
        }),
      );
    }
  }
  for (const peer of liveResources(rd)) {
    if (newNodes.includes(peer.nodeName) || !online(state, peer.nodeName)) continue;
    out.push(
      entry(MODIFIED, `Added peer(s) ${quoteList(newNodes)} to resource '${rd.name}' on '${peer.nodeName}'`),
    );
  }
  if (rd.resources.size > 1) {
    for (const r of created) {
      if (online(state, r.nodeName))
        out.push(entry(CREATED, `Resource '${rd.name}' on '${r.nodeName}' ready`));
    }
  }
  const live = liveResources(rd);
  if (live.length > 0 && live.every(isDiskless)) {
    out.push(
      entry(WARN_ALL_DISKLESS, `Resource '${rd.name}' is unusable because it is diskless on all its nodes`),
    );
  }
  return out;
}

function tieBreakerEnabled(state: SimulatorState, rd: ResourceDefinitionRecord): boolean {
  const rg = state.resourceGroup(rd.resourceGroup);
  const chain = [rd.props, rg?.props, state.controllerProps];
  const add = state.lookupProp('DrbdOptions/auto-add-quorum-tiebreaker', ...chain) ?? 'True';
  const quorum = state.lookupProp('DrbdOptions/auto-quorum', ...chain) ?? 'io-error';
  return add.toLowerCase() === 'true' && quorum.toLowerCase() !== 'disabled';
}

/**
 * The automatic tie-breaker rule (controller-behavior.md §6.7): an RD with an even number (>= 2) of
 * diskful DRBD resources and no other diskless one gets a TIE_BREAKER diskless resource on another
 * online node with a diskless pool; a tie-breaker that is no longer needed is removed.
 */
/** Whether new replicas (placed ones and tie-breakers) may go to the node: online, a satellite, not evacuating. */
export const takesNewReplicas = (n: NodeRecord): boolean =>
  n.connectionStatus === 'ONLINE' && n.type !== 'CONTROLLER' && !n.flags.includes('EVACUATE');

export function reconcileTieBreaker(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  opts: { keep?: boolean } = {},
): RcEntry[] {
  if (!rd.layerStack?.includes('DRBD')) return [];
  const live = liveResources(rd);
  const diskful = live.filter((r) => !isDiskless(r)).length;
  const tieBreakers = live.filter((r) => r.flags.has('TIE_BREAKER'));
  const otherDiskless = live.filter((r) => isDiskless(r) && !r.flags.has('TIE_BREAKER')).length;
  const needed = tieBreakerEnabled(state, rd) && diskful >= 2 && diskful % 2 === 0 && otherDiskless === 0;
  if (needed && tieBreakers.length === 0) {
    const candidates = state
      .sortedNodes()
      .filter(
        (n) =>
          takesNewReplicas(n) &&
          !rd.resources.has(key(n.name)) &&
          [...n.storagePools.values()].some((p) => p.providerKind === 'DISKLESS'),
      )
      .sort((a, b) => a.resourceCount - b.resourceCount);
    const node = candidates[0];
    if (!node) {
      return [
        entry(
          WARN_NOT_ENOUGH_NODES_FOR_TIE_BREAKER,
          `Could not find suitable node to automatically create a tie breaking resource for '${rd.name}'.`,
        ),
      ];
    }
    const pool = [...node.storagePools.values()].find(
      (p) => p.providerKind === 'DISKLESS',
    ) as StoragePoolRecord;
    const rsc = commitResource(state, rd, {
      node,
      props: {},
      flags: new Set(['DISKLESS', 'DRBD_DISKLESS', 'TIE_BREAKER']),
      stack: rd.layerStack,
      disklessPool: pool,
    });
    return [
      entry(INFO_TIE_BREAKER_CREATED, `Tie breaker resource '${rd.name}' created on ${rsc.nodeName}`, {
        objRefs: { RscDfn: rd.name, Node: rsc.nodeName },
      }),
    ];
  }
  if (!needed && tieBreakers.length > 0 && !opts.keep) {
    for (const tb of tieBreakers) removeResource(state, rd, tb);
    return [
      entry(INFO_TIE_BREAKER_DELETING, 'Tie breaker marked for deletion', { objRefs: { RscDfn: rd.name } }),
    ];
  }
  return [];
}

export const propsSetEntry = (objMask: bigint, keys: readonly string[]): RcEntry =>
  entry(objMask | MASK_CRT | CREATED, `Successfully set property key(s): ${keys.join(',')}`);

export const rscPropsSetEntry = (keys: readonly string[]): RcEntry => propsSetEntry(MASK_RSC, keys);

/** Where a snapshot's volumes are kept on one node. */
export interface SnapshotNodePlan {
  nodeName: string;
  volumes: readonly { number: number; storagePoolName: string; providerKind: string }[];
}

/** The snapshot volumes of a resource: its volumes, in the same pools. */
export const snapshotNodeOf = (r: ResourceRecord): SnapshotNodePlan => ({
  nodeName: r.nodeName,
  volumes: [...r.volumes.values()],
});

/**
 * Records a snapshot of `rd` (a plain snapshot, a backup's source or a restored backup) on the given
 * nodes and registers it on the definition. The volume sizes default to the definition's.
 */
export function addSnapshotRecord(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  snapshot: {
    name: string;
    flags: string[];
    props?: Props;
    nodes: readonly SnapshotNodePlan[];
    volumeSizes?: readonly { number: number; sizeKib: number }[];
  },
): SnapshotRecord {
  const now = state.now();
  const sizes = snapshot.volumeSizes ?? [...rd.volumeDefinitions.values()];
  const snap: SnapshotRecord = {
    name: snapshot.name,
    rdName: rd.name,
    props: { ...snapshot.props },
    flags: snapshot.flags,
    uuid: state.uuid(),
    createTimestamp: now,
    volumeDefinitions: sizes.map((v) => ({ number: v.number, sizeKib: v.sizeKib })),
    nodes: new Map(
      snapshot.nodes.map((n) => [
        key(n.nodeName),
        {
          nodeName: n.nodeName,
          uuid: state.uuid(),
          createTimestamp: now,
          volumes: n.volumes.map((v) => ({
            number: v.number,
            storagePoolName: v.storagePoolName,
            providerKind: v.providerKind,
            uuid: state.uuid(),
          })),
        },
      ]),
    ),
  };
  rd.snapshots.set(key(snapshot.name), snap);
  return snap;
}
