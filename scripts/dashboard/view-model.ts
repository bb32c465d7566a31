// Turns the controller's lists into the rows the page shows, and checks the raw replies against the
// generated (ahead-of-time compiled, eval-free) OpenAPI validators.
import { validateResponse } from '../../generated/validators';
import type { Linstor, responses } from '../../src/index';

export interface NodeRow {
  name: string;
  type: string;
  address: string;
  /** ONLINE, OFFLINE, CONNECTED, ... as the controller reports it */
  connection: string;
  resourceCount: number;
}

export interface PoolRow {
  node: string;
  pool: string;
  driver: string;
  /** undefined for diskless pools (the controller reports them as unlimited) */
  freeKib?: number;
  totalKib?: number;
}

export interface ReplicaRow {
  node: string;
  devicePaths: string[];
  /** UpToDate, Diskless, Inconsistent, ... (first volume that reports one) */
  diskState: string;
  inUse: boolean;
  tieBreaker: boolean;
}

export interface ResourceRow {
  name: string;
  /** usable size of all volumes of one diskful replica */
  sizeKib?: number;
  diskful: ReplicaRow[];
  diskless: ReplicaRow[];
  /** 'ok' when every diskful replica is UpToDate, 'warn' otherwise, 'error' without any diskful replica */
  health: 'ok' | 'warn' | 'error';
  summary: string;
}

export interface Snapshot {
  nodes: NodeRow[];
  pools: PoolRow[];
  resources: ResourceRow[];
  groups: string[];
  /** operationId -> schema problems of its reply (empty when all replies matched) */
  schemaProblems: Record<string, string[]>;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** One consistent-enough picture of the cluster: four list calls in parallel. */
export async function loadSnapshot(lin: Linstor): Promise<Snapshot> {
  const [nodes, pools, resources, groups] = await Promise.all([
    lin.nodeListRaise(),
    lin.storagePoolListRaise(),
    lin.resourceListRaise(),
    lin.resourceGroupListRaise(),
  ]);
  const schemaProblems: Record<string, string[]> = {};
  const check = (operationId: string, body: unknown) => {
    const result = validateResponse(operationId, 200, body);
    if (!result.ok) schemaProblems[operationId] = result.errors;
  };
  check('nodeList', nodes.restData);
  check('viewStoragePools', pools.restData);
  check('viewResources', resources.restData);
  check('resourceGroupList', groups.restData);

  const resourceRows = resourceRowsOf(resources);
  const perNode = new Map<string, number>();
  for (const r of resources.resources) perNode.set(r.nodeName, (perNode.get(r.nodeName) ?? 0) + 1);

  return {
    nodes: nodes.nodes
      .map((n) => ({
        name: n.name,
        type: n.type,
        address: n.netInterfaces[0]?.address ?? '',
        connection: n.connectionStatus || 'UNKNOWN',
        resourceCount: perNode.get(n.name) ?? 0,
      }))
      .sort(byName),
    pools: pools.storagePools
      .map((p) => {
        const diskless = p.driver === 'DISKLESS';
        return {
          node: p.nodeName ?? '',
          pool: p.name,
          driver: p.driver,
          freeKib: diskless ? undefined : p.freeSpace?.freeCapacity,
          totalKib: diskless ? undefined : p.freeSpace?.totalCapacity,
        };
      })
      .sort((a, b) => a.node.localeCompare(b.node) || a.pool.localeCompare(b.pool)),
    resources: resourceRows,
    groups: groups.resourceGroups.map((g) => g.name).sort(),
    schemaProblems,
  };
}

function resourceRowsOf(list: responses.ResourceResponse): ResourceRow[] {
  const byResource = new Map<string, responses.Resource[]>();
  for (const r of list.resources) {
    const replicas = byResource.get(r.name) ?? [];
    replicas.push(r);
    byResource.set(r.name, replicas);
  }
  const rows: ResourceRow[] = [];
  for (const [name, replicas] of byResource) {
    const diskful: ReplicaRow[] = [];
    const diskless: ReplicaRow[] = [];
    let sizeKib: number | undefined;
    for (const r of replicas.sort((a, b) => a.nodeName.localeCompare(b.nodeName))) {
      const isDiskless = r.flags.includes('DISKLESS');
      const row: ReplicaRow = {
        node: r.nodeName,
        devicePaths: r.volumes.map((v) => v.devicePath).filter((p): p is string => Boolean(p)),
        diskState:
          r.volumes.map((v) => v.state.diskState).find(Boolean) ?? (isDiskless ? 'Diskless' : 'Unknown'),
        inUse: r.inUse === true,
        tieBreaker: r.flags.includes('TIE_BREAKER'),
      };
      if (isDiskless) {
        diskless.push(row);
      } else {
        diskful.push(row);
        sizeKib ??= r.volumes.reduce((sum, v) => sum + (v.usableSize ?? 0), 0) || undefined;
      }
    }
    const notUpToDate = diskful.filter((d) => d.diskState !== 'UpToDate');
    const inUse = [...diskful, ...diskless].find((d) => d.inUse);
    let health: ResourceRow['health'] = 'ok';
    let summary = `${diskful.length} × UpToDate`;
    if (diskful.length === 0) {
      health = 'error';
      summary = 'no diskful replica';
    } else if (notUpToDate.length > 0) {
      health = 'warn';
      summary = notUpToDate.map((d) => `${d.diskState} on ${d.node}`).join(', ');
    }
    if (inUse) summary += `, in use on ${inUse.node}`;
    rows.push({ name, sizeKib, diskful, diskless, health, summary });
  }
  return rows.sort(byName);
}
