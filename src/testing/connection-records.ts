// Node and resource connections of the simulated controller. A connection is keyed by the uuids of the
// two objects it joins, so it goes away with them: a node or resource deleted and made again under the
// same name starts without the old connection, and no other handler needs to know connections exist.
import { FAIL_INVLD_PROP } from '../../generated/constants';
import { fail } from './rc';
import { compact, type Json } from './render';
import {
  key,
  type NodeRecord,
  type Props,
  type ResourceDefinitionRecord,
  type ResourceRecord,
  type SimulatorState,
} from './state';

/** Flag a resource connection carries while DRBD Proxy runs between its two nodes. */
export const LOCAL_DRBD_PROXY = 'LOCAL_DRBD_PROXY';

export interface NodeConnectionRecord {
  /** display names; node_a sorts first (by upper-cased name) whatever order the request used */
  nodeA: string;
  nodeB: string;
  /** uuids of node_a and node_b when the connection was made */
  uuids: readonly [string, string];
  props: Props;
  uuid: string;
}

export interface ResourceConnectionRecord {
  rdName: string;
  /** display names; node_a sorts first (by upper-cased name) */
  nodeA: string;
  nodeB: string;
  /** uuids of the resources on node_a and node_b when the connection was made */
  uuids: readonly [string, string];
  props: Props;
  flags: string[];
  uuid: string;
  /** DRBD Proxy ports taken from node_a's and node_b's TCP port range while LOCAL_DRBD_PROXY is set */
  proxyPortA?: number;
  proxyPortB?: number;
}

/** The two sides ordered as the controller orders a connection: by upper-cased node name. */
export function orderPair<T>(x: T, y: T, name: (t: T) => string): [T, T] {
  return key(name(x)) <= key(name(y)) ? [x, y] : [y, x];
}

export const pairKey = (uuidA: string, uuidB: string): string =>
  uuidA < uuidB ? `${uuidA}|${uuidB}` : `${uuidB}|${uuidA}`;

/** Drops node connections whose nodes are gone (or were made again); returns the live ones, sorted. */
export function liveNodeConnections(state: SimulatorState): NodeConnectionRecord[] {
  for (const [k, c] of state.nodeConnections) {
    if (state.node(c.nodeA)?.uuid !== c.uuids[0] || state.node(c.nodeB)?.uuid !== c.uuids[1]) {
      state.nodeConnections.delete(k);
    }
  }
  return sortConnections([...state.nodeConnections.values()]);
}

/**
 * Drops resource connections whose resources are gone, handing their DRBD Proxy ports back to nodes
 * that still exist; returns the live connections of `rd` (all RDs without it), sorted.
 */
export function liveResourceConnections(
  state: SimulatorState,
  rd?: ResourceDefinitionRecord,
): ResourceConnectionRecord[] {
  for (const [k, c] of state.resourceConnections) {
    const a = state.resource(c.rdName, c.nodeA);
    const b = state.resource(c.rdName, c.nodeB);
    if (a?.uuid === c.uuids[0] && b?.uuid === c.uuids[1]) continue;
    releaseProxyPorts(state, c);
    state.resourceConnections.delete(k);
  }
  const all = [...state.resourceConnections.values()];
  return sortConnections(rd ? all.filter((c) => key(c.rdName) === key(rd.name)) : all);
}

function sortConnections<T extends { nodeA: string; nodeB: string }>(list: T[]): T[] {
  const k = (c: T): string => `${key(c.nodeA)}\u0000${key(c.nodeB)}`;
  return list.sort((x, y) => (k(x) < k(y) ? -1 : k(x) > k(y) ? 1 : 0));
}

/** Gives the DRBD Proxy ports of `c` back to the nodes' TCP port ranges and forgets them. */
export function releaseProxyPorts(state: SimulatorState, c: ResourceConnectionRecord): void {
  if (c.proxyPortA !== undefined) state.node(c.nodeA)?.usedTcpPorts.delete(c.proxyPortA);
  if (c.proxyPortB !== undefined) state.node(c.nodeB)?.usedTcpPorts.delete(c.proxyPortB);
  c.proxyPortA = undefined;
  c.proxyPortB = undefined;
}

export function findNodeConnection(
  state: SimulatorState,
  a: NodeRecord,
  b: NodeRecord,
): NodeConnectionRecord | undefined {
  liveNodeConnections(state);
  return state.nodeConnections.get(pairKey(a.uuid, b.uuid));
}

export function findResourceConnection(
  state: SimulatorState,
  a: ResourceRecord,
  b: ResourceRecord,
): ResourceConnectionRecord | undefined {
  liveResourceConnections(state);
  return state.resourceConnections.get(pairKey(a.uuid, b.uuid));
}

/** The connection between two nodes, made (without properties) when there is none yet. */
export function ensureNodeConnection(
  state: SimulatorState,
  x: NodeRecord,
  y: NodeRecord,
): NodeConnectionRecord {
  const found = findNodeConnection(state, x, y);
  if (found) return found;
  const [a, b] = orderPair(x, y, (n) => n.name);
  const rec: NodeConnectionRecord = {
    nodeA: a.name,
    nodeB: b.name,
    uuids: [a.uuid, b.uuid],
    props: {},
    uuid: state.uuid(),
  };
  state.nodeConnections.set(pairKey(a.uuid, b.uuid), rec);
  return rec;
}

/** The connection between two resources of one RD, made (empty) when there is none yet. */
export function ensureResourceConnection(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  x: ResourceRecord,
  y: ResourceRecord,
): ResourceConnectionRecord {
  const found = findResourceConnection(state, x, y);
  if (found) return found;
  const [a, b] = orderPair(x, y, (r) => r.nodeName);
  const rec: ResourceConnectionRecord = {
    rdName: rd.name,
    nodeA: a.nodeName,
    nodeB: b.nodeName,
    uuids: [a.uuid, b.uuid],
    props: {},
    flags: [],
    uuid: state.uuid(),
  };
  state.resourceConnections.set(pairKey(a.uuid, b.uuid), rec);
  return rec;
}

const PATHS_NS = 'Paths/';

/**
 * Connection-only keys: `Paths/<path name>/<node>` = `<net interface>` names the interface a DRBD
 * path uses on one side. The node must be one of the pair and own that interface. Returns whether
 * `k` is such a key (other keys go through the general whitelist).
 */
export function checkPathProp(k: string, value: string, nodes: readonly NodeRecord[]): boolean {
  if (!k.startsWith(PATHS_NS)) return false;
  const parts = k.slice(PATHS_NS.length).split('/');
  const [pathName, nodeName] = parts;
  if (parts.length !== 2 || !pathName || !nodeName) {
    fail(FAIL_INVLD_PROP, `Invalid property key: ${k}`, {
      cause: `A path key has the form 'Paths/<path name>/<node name>'.`,
    });
  }
  const node = nodes.find((n) => key(n.name) === key(nodeName));
  if (!node) {
    fail(FAIL_INVLD_PROP, `Invalid property key: ${k}`, {
      cause: `Node '${nodeName}' is not one of the connected nodes ${nodes.map((n) => `'${n.name}'`).join(' and ')}.`,
    });
  }
  if (!node.netInterfaces.has(key(value))) {
    fail(FAIL_INVLD_PROP, `Invalid property(${k}) value: ${value}`, {
      cause: `Node '${node.name}' has no network interface named '${value}'.`,
    });
  }
  return true;
}

export function nodeConnectionJson(c: NodeConnectionRecord): Json {
  return compact({ node_a: c.nodeA, node_b: c.nodeB, props: c.props });
}

export function resourceConnectionJson(c: ResourceConnectionRecord): Json {
  return compact({
    node_a: c.nodeA,
    node_b: c.nodeB,
    props: c.props,
    flags: c.flags,
    drbd_proxy_port_a: c.proxyPortA,
    drbd_proxy_port_b: c.proxyPortB,
  });
}
