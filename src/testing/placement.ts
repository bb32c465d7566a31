// A simple autoplacer (controller-behavior.md §6): candidates are diskful pools on online nodes that
// pass the select filter and have room for every volume; ranked by free space, then fewest resources,
// then name; at most one pool per node; replicas_on_same / replicas_on_different honoured.
import {
  CREATED,
  FAIL_NOT_ENOUGH_NODES,
  MASK_RSC,
  WARN_RSC_ALREADY_DEPLOYED,
} from '../../generated/constants';
import { quoteList } from './messages';
import {
  commitResource,
  deployEntries,
  diskfulResources,
  effectiveLayerStack,
  liveResources,
  makeDiskful,
  normalizeLayerStack,
  propsSetEntry,
  reconcileTieBreaker,
  takesNewReplicas,
  type VolumePlan,
} from './ops';
import { entry, fail, type RcEntry } from './rc';
import { freeCapacity, isDiskless, isThin, poolKibFor } from './render';
import {
  type AutoSelectFilter,
  key,
  type NodeRecord,
  type ResourceDefinitionRecord,
  type ResourceGroupRecord,
  type ResourceRecord,
  type SimulatorState,
  type StoragePoolRecord,
} from './state';

export interface Candidate {
  node: NodeRecord;
  pool: StoragePoolRecord;
  needKib: number;
}

/** Request filter over the group's filter: request fields that are set win. */
export function mergeFilters(request: AutoSelectFilter, group: AutoSelectFilter): AutoSelectFilter {
  const out: AutoSelectFilter = { ...group };
  for (const [k, v] of Object.entries(request) as [keyof AutoSelectFilter, unknown][]) {
    if (v !== undefined && v !== null) (out as Record<string, unknown>)[k] = v;
  }
  if (request.storage_pool !== undefined && request.storage_pool_list === undefined) {
    out.storage_pool_list = [request.storage_pool];
  }
  delete out.storage_pool;
  return out;
}

function propCondition(entryText: string): { k: string; v?: string } {
  const eq = entryText.indexOf('=');
  return eq < 0 ? { k: entryText } : { k: entryText.slice(0, eq), v: entryText.slice(eq + 1) };
}

/** Volume sizes the candidate must hold, per pool kind. */
function neededKib(rd: ResourceDefinitionRecord, pool: StoragePoolRecord, stack: readonly string[]): number {
  let sum = 0;
  for (const vd of rd.volumeDefinitions.values()) {
    sum += poolKibFor(pool.providerKind, stack, vd.sizeKib, rd.drbd.peerSlots);
  }
  return sum;
}

function holdsDiskful(state: SimulatorState, rdName: string, node: NodeRecord): boolean {
  const r = state.resourceDefinition(rdName)?.resources.get(key(node.name));
  return r !== undefined && !isDiskless(r);
}

/** The node and pool tests of a select filter, shared by placement and the size queries. */
interface FilterChecks {
  nodeOk(node: NodeRecord): boolean;
  poolOk(pool: StoragePoolRecord): boolean;
}

/** Builds the filter's checks; `rdName` (the RD being placed) is avoided like not_place_with_rsc. */
function filterChecks(state: SimulatorState, filter: AutoSelectFilter, rdName?: string): FilterChecks {
  // Empty lists mean "no restriction" (python-linstor sends storage_pool_list: [] for unset pools).
  const nonEmpty = (l: string[] | undefined) => (l && l.length > 0 ? l : undefined);
  const poolNames = nonEmpty(filter.storage_pool_list)?.map(key);
  const providers = nonEmpty(filter.provider_list)?.map((p) => p.toUpperCase());
  const nodeNames = nonEmpty(filter.node_name_list)?.map(key);
  const avoid = [...(rdName === undefined ? [] : [rdName]), ...(filter.not_place_with_rsc ?? [])];
  let avoidRe: RegExp | undefined;
  if (filter.not_place_with_rsc_regex) {
    try {
      avoidRe = new RegExp(filter.not_place_with_rsc_regex, 'i');
    } catch {
      avoidRe = undefined;
    }
  }
  const avoidByRegex = avoidRe
    ? [...state.resourceDefinitions.values()].filter((r) => avoidRe.test(r.name)).map((r) => r.name)
    : [];
  const sameFixed = (filter.replicas_on_same ?? []).map(propCondition).filter((c) => c.v !== undefined);
  return {
    nodeOk: (node) =>
      takesNewReplicas(node) &&
      (!nodeNames || nodeNames.includes(key(node.name))) &&
      ![...avoid, ...avoidByRegex].some((n) => holdsDiskful(state, n, node)) &&
      !sameFixed.some((c) => node.props[c.k] !== c.v),
    poolOk: (pool) =>
      pool.providerKind !== 'DISKLESS' &&
      (!poolNames || poolNames.includes(key(pool.name))) &&
      (!providers || providers.includes(pool.providerKind)),
  };
}

/** Larger free space first, then fewer resources, then node name. */
const byRank = (a: Candidate, b: Candidate): number =>
  freeCapacity(b.pool) - freeCapacity(a.pool) ||
  a.node.resourceCount - b.node.resourceCount ||
  (key(a.node.name) < key(b.node.name) ? -1 : 1);

/** Every eligible (node, best pool) pair, ranked. */
export function candidates(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  filter: AutoSelectFilter,
  stack: readonly string[],
): Candidate[] {
  const checks = filterChecks(state, filter, rd.name);
  const out: Candidate[] = [];
  for (const node of state.nodes.values()) {
    if (!checks.nodeOk(node)) continue;
    let best: Candidate | undefined;
    for (const pool of node.storagePools.values()) {
      if (!checks.poolOk(pool)) continue;
      const needKib = neededKib(rd, pool, stack);
      if (freeCapacity(pool) < needKib) continue;
      if (
        !best ||
        freeCapacity(pool) > freeCapacity(best.pool) ||
        (freeCapacity(pool) === freeCapacity(best.pool) && key(pool.name) < key(best.pool.name))
      ) {
        best = { node, pool, needKib };
      }
    }
    if (best) out.push(best);
  }
  return out.sort(byRank);
}

/** Greedy selection honouring replicas_on_same / replicas_on_different against already placed nodes. */
function select(
  ranked: Candidate[],
  additional: number,
  placed: NodeRecord[],
  filter: AutoSelectFilter,
): Candidate[] | undefined {
  const same = (filter.replicas_on_same ?? []).map(propCondition).filter((c) => c.v === undefined);
  const different = (filter.replicas_on_different ?? []).map(propCondition);
  const tryGroup = (pool: Candidate[]): Candidate[] | undefined => {
    const chosen: Candidate[] = [];
    const nodes = [...placed];
    for (const c of pool) {
      if (chosen.length === additional) break;
      const clash = different.some(
        (d) => c.node.props[d.k] !== undefined && nodes.some((n) => n.props[d.k] === c.node.props[d.k]),
      );
      if (clash) continue;
      chosen.push(c);
      nodes.push(c.node);
    }
    return chosen.length === additional ? chosen : undefined;
  };
  if (same.length === 0) return tryGroup(ranked);
  const sig = (n: NodeRecord): string | undefined => {
    const vals = same.map((c) => n.props[c.k]);
    return vals.some((v) => v === undefined) ? undefined : JSON.stringify(vals);
  };
  if (placed.length > 0) {
    const fixed = sig(placed[0] as NodeRecord);
    return fixed === undefined ? undefined : tryGroup(ranked.filter((c) => sig(c.node) === fixed));
  }
  const groups = new Map<string, Candidate[]>();
  for (const c of ranked) {
    const s = sig(c.node);
    if (s === undefined) continue;
    const g = groups.get(s) ?? [];
    g.push(c);
    groups.set(s, g);
  }
  for (const g of groups.values()) {
    const ok = tryGroup(g);
    if (ok) return ok;
  }
  return undefined;
}

export interface PlacementPlan {
  rd: ResourceDefinitionRecord;
  filter: AutoSelectFilter;
  stack: string[];
  chosen: Candidate[];
  /** nodes that get a diskless resource (diskless_on_remaining) */
  disklessNodes: NodeRecord[];
  /** warning entries when nothing needs to be placed */
  skipped?: RcEntry[];
}

function notEnoughNodes(rd: ResourceDefinitionRecord, filter: AutoSelectFilter, additional: number): never {
  const need = [...rd.volumeDefinitions.values()].reduce((s, v) => s + v.sizeKib, 0);
  const lines = [
    'Not enough nodes fulfilling the following auto-place criteria:',
    filter.storage_pool_list && filter.storage_pool_list.length > 0
      ? ` * has a deployed storage pool named ${JSON.stringify(filter.storage_pool_list)}`
      : ' * has a deployed diskful storage pool',
    ` * the storage pools have to have at least '${need}' free space`,
    ' * the current access context has enough privileges to use the node and the storage pool',
    ' * the node is online',
    '',
    'Auto-place configuration details:',
    `   Replica count: ${filter.place_count ?? 0}`,
    `   Additional replica count: ${additional}`,
  ];
  if (filter.node_name_list?.length) lines.push(`   Node name: ${JSON.stringify(filter.node_name_list)}`);
  if (filter.replicas_on_same?.length)
    lines.push(`   Replicas on same nodes: ${JSON.stringify(filter.replicas_on_same)}`);
  if (filter.replicas_on_different?.length) {
    lines.push(`   Replicas on different nodes: ${JSON.stringify(filter.replicas_on_different)}`);
  }
  if (filter.layer_stack?.length) lines.push(`   Layer stack: ${JSON.stringify(filter.layer_stack)}`);
  fail(FAIL_NOT_ENOUGH_NODES, 'Not enough available nodes', {
    details: lines.join('\n'),
    objRefs: { RscDfn: rd.name },
  });
}

/** Works out where to place; throws FAIL_NOT_ENOUGH_NODES without changing anything. */
export function planAutoplace(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  filter: AutoSelectFilter,
): PlacementPlan {
  const stack = effectiveLayerStack(state, rd, filter.layer_stack);
  const diskful = diskfulResources(rd);
  const disklessExisting = liveResources(rd).filter(isDiskless);
  const countingDiskless = filter.diskless_type !== undefined && filter.diskless_type !== '';
  const additional =
    filter.additional_place_count !== undefined && filter.additional_place_count > 0
      ? filter.additional_place_count
      : (filter.place_count ?? 0) - (countingDiskless ? disklessExisting.length : diskful.length);
  const disklessNodes = (chosenNodes: NodeRecord[]): NodeRecord[] =>
    filter.diskless_on_remaining
      ? state
          .sortedNodes()
          .filter(
            (n) =>
              n.type !== 'CONTROLLER' &&
              !rd.resources.has(key(n.name)) &&
              !chosenNodes.includes(n) &&
              [...n.storagePools.values()].some((p) => p.providerKind === 'DISKLESS'),
          )
      : [];
  const used = diskful.map((r) => r.nodeName);
  if (additional < 0) {
    return {
      rd,
      filter,
      stack,
      chosen: [],
      disklessNodes: [],
      skipped: [
        entry(
          WARN_RSC_ALREADY_DEPLOYED,
          `The resource '${rd.name}' was already deployed on ${used.length} nodes: ${quoteList(used)}. The resource would have to be deleted from nodes to reach the placement count.`,
        ),
      ],
    };
  }
  if (additional === 0) {
    return {
      rd,
      filter,
      stack,
      chosen: [],
      disklessNodes: disklessNodes([]),
      skipped: [
        entry(
          WARN_RSC_ALREADY_DEPLOYED,
          `Resource '${rd.name}' was already deployed on ${used.length} nodes. Skipping.`,
          {
            details: `Used nodes: ${quoteList(used)}`,
          },
        ),
      ],
    };
  }
  const placed = diskful.map((r) => state.node(r.nodeName)).filter((n): n is NodeRecord => n !== undefined);
  const chosen = select(candidates(state, rd, filter, stack), additional, placed, filter);
  if (!chosen) notEnoughNodes(rd, filter, additional);
  return { rd, filter, stack, chosen, disklessNodes: disklessNodes(chosen.map((c) => c.node)) };
}

/** Applies a plan: resources (or diskless-to-diskful upgrades) plus the reply entries. */
export function commitAutoplace(state: SimulatorState, plan: PlacementPlan): RcEntry[] {
  const { rd, chosen, stack } = plan;
  const out: RcEntry[] = [...(plan.skipped ?? [])];
  const created: ResourceRecord[] = [];
  for (const c of chosen) {
    const existing = rd.resources.get(key(c.node.name));
    const plans: VolumePlan[] = [...rd.volumeDefinitions.values()].map((vd) => ({
      vd,
      pool: c.pool,
      poolKib: poolKibFor(c.pool.providerKind, stack, vd.sizeKib, rd.drbd.peerSlots),
    }));
    out.push(propsSetEntry(MASK_RSC, ['StorPoolName']));
    if (existing) {
      makeDiskful(state, existing, plans, c.pool.name);
      continue;
    }
    created.push(
      commitResource(state, rd, {
        node: c.node,
        props: { StorPoolName: c.pool.name },
        flags: new Set(),
        stack,
        plans,
      }),
    );
  }
  if (chosen.length > 0) {
    const objRefs: Record<string, string> = { RscDfn: rd.name };
    chosen.forEach((c, i) => {
      objRefs[`Node/${i}`] = c.node.name;
      objRefs[`StoragePool/${i}/0`] = `${c.pool.name},${c.pool.providerKind}`;
    });
    out.push(
      entry(CREATED, `Resource '${rd.name}' successfully autoplaced on ${chosen.length} nodes`, {
        details: `Used nodes (storage pool name): ${chosen.map((c) => `'${c.node.name} (${c.pool.name})'`).join(', ')}`,
        objRefs,
      }),
    );
  }
  for (const node of plan.disklessNodes) {
    const pool = [...node.storagePools.values()].find(
      (p) => p.providerKind === 'DISKLESS',
    ) as StoragePoolRecord;
    created.push(
      commitResource(state, rd, {
        node,
        props: {},
        flags: new Set(['DISKLESS', 'DRBD_DISKLESS']),
        stack,
        disklessPool: pool,
      }),
    );
  }
  if (created.length > 0) out.push(...deployEntries(state, rd, created));
  out.push(...reconcileTieBreaker(state, rd));
  return out;
}

/**
 * Places more replicas of `rd` when its group's place_count is above the diskful resources it has
 * (counting those being deleted), with the group's select filter; no entries when nothing is missing.
 */
export function placeUpToGroupCount(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  rg: ResourceGroupRecord,
  request: AutoSelectFilter = {},
): RcEntry[] {
  const filter = mergeFilters(request, rg.selectFilter);
  const diskful = [...rd.resources.values()].filter((r) => !isDiskless(r)).length;
  if ((filter.place_count ?? 0) <= diskful) return [];
  return commitAutoplace(state, planAutoplace(state, rd, filter));
}

// ---- size queries (query-max-volume-size, query-size-info) ----

/** Replica count of a query whose filter names none (the default group's place count). */
const DEFAULT_PLACE_COUNT = 2;
/** Peer slots assumed for DRBD metadata when no resource definition exists yet. */
const DEFAULT_PEER_SLOTS = 7;
/** Reported as the controller's default; the simulator never over-provisions thin pools. */
export const DEFAULT_OVERSUBSCRIPTION_RATIO = 20;

/** Largest usable size (KiB) whose allocation with `stack` fits into `freeKib` of a pool of this kind. */
export function largestVolumeKib(
  providerKind: string,
  stack: readonly string[],
  freeKib: number,
  peerSlots = DEFAULT_PEER_SLOTS,
): number {
  const fits = (kib: number) => poolKibFor(providerKind, stack, kib, peerSlots) <= freeKib;
  if (!fits(0)) return 0;
  // The allocation grows with the size, so a binary search finds the boundary.
  let lo = 0;
  let hi = freeKib;
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** One storage pool name that can hold a query's replicas: where they go and the largest volume. */
export interface SizeCandidate {
  poolName: string;
  chosen: Candidate[];
  maxVolumeKib: number;
  allThin: boolean;
}

function queryStack(filter: AutoSelectFilter): string[] {
  const asked = filter.layer_stack;
  return asked && asked.length > 0 ? normalizeLayerStack(asked).stack : ['DRBD', 'STORAGE'];
}

function queryPlaceCount(filter: AutoSelectFilter): number {
  return Math.max(1, filter.place_count ?? DEFAULT_PLACE_COUNT);
}

/** Every (node, pool) pair a query's filter allows, unranked. */
function eligiblePairs(state: SimulatorState, filter: AutoSelectFilter): Candidate[] {
  const checks = filterChecks(state, filter);
  const out: Candidate[] = [];
  for (const node of state.sortedNodes()) {
    if (!checks.nodeOk(node)) continue;
    for (const pool of node.storagePools.values())
      if (checks.poolOk(pool)) out.push({ node, pool, needKib: 0 });
  }
  return out;
}

/**
 * Per storage pool name (sorted): the nodes the filter's place count would use (most free space
 * first, replicas_on_same/different honoured) and the largest volume all of them hold. Pool names
 * without enough eligible nodes are left out, as the controller does.
 */
export function sizeCandidates(state: SimulatorState, filter: AutoSelectFilter): SizeCandidate[] {
  const stack = queryStack(filter);
  const byPool = new Map<string, Candidate[]>();
  for (const c of eligiblePairs(state, filter)) {
    const list = byPool.get(key(c.pool.name)) ?? [];
    list.push(c);
    byPool.set(key(c.pool.name), list);
  }
  const out: SizeCandidate[] = [];
  for (const poolKey of [...byPool.keys()].sort()) {
    const chosen = select(
      (byPool.get(poolKey) as Candidate[]).sort(byRank),
      queryPlaceCount(filter),
      [],
      filter,
    );
    if (!chosen) continue;
    out.push({
      poolName: (chosen[0] as Candidate).pool.name,
      chosen,
      maxVolumeKib: Math.min(
        ...chosen.map((c) => largestVolumeKib(c.pool.providerKind, stack, freeCapacity(c.pool))),
      ),
      allThin: chosen.every((c) => isThin(c.pool.providerKind)),
    });
  }
  return out;
}

/** Where the next spawn with this filter would put its replicas (best pool per node); undefined if nowhere. */
export function nextSpawnTargets(state: SimulatorState, filter: AutoSelectFilter): Candidate[] | undefined {
  const best = new Map<string, Candidate>();
  for (const c of eligiblePairs(state, filter)) {
    const held = best.get(key(c.node.name));
    if (!held || byRank(c, held) < 0) best.set(key(c.node.name), c);
  }
  return select([...best.values()].sort(byRank), queryPlaceCount(filter), [], filter);
}
