// Nodes and their net interfaces (controller-behavior.md §3.1).
import {
  CREATED,
  DELETED,
  FAIL_EXISTS_NET_IF,
  FAIL_EXISTS_NODE,
  FAIL_IN_USE,
  FAIL_INVLD_NET_ADDR,
  FAIL_INVLD_NET_NAME,
  FAIL_INVLD_NET_PORT,
  FAIL_INVLD_NET_TYPE,
  FAIL_INVLD_NODE_NAME,
  FAIL_INVLD_NODE_TYPE,
  FAIL_MISSING_NETCOM,
  FAIL_NO_STLT_CONN_DEFINED,
  FAIL_NODE_HAS_USED_RSC,
  FAIL_NOT_CONNECTED,
  FAIL_NOT_FOUND_NET_IF,
  FAIL_NOT_FOUND_NODE,
  FAIL_STLT_DOES_NOT_SUPPORT_PROVIDER,
  MASK_CRT,
  MASK_DEL,
  MASK_MOD,
  MASK_NET_IF,
  MASK_NODE,
  MASK_SUCCESS,
  MODIFIED,
  WARN_NOT_CONNECTED,
  WARN_NOT_EVACUATING,
  WARN_NOT_FOUND,
} from '../../../generated/constants';
import { NetInterfaceShape, NodeCreateShape, NodeModifyShape, type ObjectShape } from '../body';
import { nodeNotFound, notConnectedDetails } from '../messages';
import { hostNameCheck, isIpLiteral, NAME_LIMITS, nameCheck } from '../names';
import { reconcileTieBreaker, removeResource } from '../ops';
import { commitAutoplace, mergeFilters, planAutoplace } from '../placement';
import { entry, fail, failBare, type RcEntry, RcError } from '../rc';
import { isDiskless, netInterfaceJson, nodeJson } from '../render';
import type { Route, RouteContext } from '../router';
import {
  DFLT_DISKLESS_STOR_POOL,
  key,
  type NetInterfaceRecord,
  type NodeRecord,
  type NodeType,
  type Props,
  type ResourceDefinitionRecord,
  type ResourceRecord,
  type SimulatorState,
} from '../state';
import {
  initialProps,
  json,
  modifyProps,
  nameFilter,
  type PropsModify,
  paginate,
  propsFilter,
} from './common';
import { logLevel } from './controller';

const NODE_TYPES: NodeType[] = ['CONTROLLER', 'SATELLITE', 'COMBINED', 'AUXILIARY'];

interface NetIfBody {
  name?: string;
  address?: string;
  satellite_port?: number;
  satellite_encryption_type?: string;
  is_active?: boolean;
}

interface NodeBody {
  name?: string;
  type?: string;
  props?: Props;
  net_interfaces?: NetIfBody[];
}

export interface NodeCreateOptions {
  /** whether new nodes' satellites answer (connection_status ONLINE); default true */
  online?: boolean;
}

function checkNetInterface(nodeName: string, n: NetIfBody): NetInterfaceRecord & { hasStltConn: boolean } {
  const name = n.name ?? '';
  const bad = nameCheck(name, NAME_LIMITS.netInterface);
  if (bad) {
    fail(FAIL_INVLD_NET_NAME, `The specified net interface name '${name}' is invalid.`, {
      cause: bad,
      objRefs: { Node: nodeName },
    });
  }
  if (!n.address || !isIpLiteral(n.address)) {
    fail(FAIL_INVLD_NET_ADDR, 'Failed to parse IP address', {
      details: `The given address '${n.address ?? ''}' is not an IPv4 or IPv6 address.`,
      objRefs: { Node: nodeName },
    });
  }
  if (n.satellite_port !== undefined && (n.satellite_port < 1 || n.satellite_port > 65535)) {
    fail(FAIL_INVLD_NET_PORT, `The given port '${n.satellite_port}' is invalid.`, {
      cause: 'Ports have to be in the range 1 - 65535.',
    });
  }
  let enc: string | undefined;
  if (n.satellite_encryption_type !== undefined) {
    enc = n.satellite_encryption_type.toUpperCase();
    if (enc !== 'PLAIN' && enc !== 'SSL') {
      fail(FAIL_INVLD_NET_TYPE, `The given encryption type '${n.satellite_encryption_type}' is invalid.`, {
        correction: 'Use PLAIN or SSL.',
      });
    }
  }
  return {
    name,
    address: n.address,
    satellitePort: n.satellite_port,
    satelliteEncryptionType: enc,
    isActive: false,
    uuid: '',
    hasStltConn: n.satellite_port !== undefined && enc !== undefined,
  };
}

/** Registers a node as POST /v1/nodes does; returns the reply entries (also used by seeding). */
export function createNode(state: SimulatorState, body: NodeBody, opts: NodeCreateOptions = {}): RcEntry[] {
  const name = body.name ?? '';
  const type = (body.type ?? 'SATELLITE').toUpperCase() as NodeType;
  if (!NODE_TYPES.includes(type)) {
    fail(FAIL_INVLD_NODE_TYPE, `The specified node type '${body.type}' is invalid.`, {
      correction: `Valid node types are:\n${NODE_TYPES.join('\n')}`,
    });
  }
  const netIfs = body.net_interfaces ?? [];
  if (netIfs.length === 0) {
    fail(FAIL_MISSING_NETCOM, `Registration of node '${name}' failed.`, {
      cause: 'No network interfaces were given.',
      objRefs: { Node: name },
    });
  }
  const bad = hostNameCheck(name);
  if (bad) fail(FAIL_INVLD_NODE_NAME, `The given node name '${name}' is invalid.`, { cause: bad });
  if (state.node(name)) {
    fail(FAIL_EXISTS_NODE, `Registration of node '${name}' failed.`, {
      cause: `A node with the specified name '${name}' already exists.`,
      objRefs: { Node: name },
    });
  }
  const checked = netIfs.map((n) => checkNetInterface(name, n));
  const seen = new Set<string>();
  for (const n of checked) {
    if (seen.has(key(n.name))) {
      fail(FAIL_EXISTS_NET_IF, `A net interface with the name '${n.name}' already exists on node '${name}'.`);
    }
    seen.add(key(n.name));
  }
  const stlt = checked.find((n) => n.hasStltConn);
  if (!stlt) {
    fail(FAIL_NO_STLT_CONN_DEFINED, `No satellite connection defined for node '${name}'`, {
      objRefs: { Node: name },
    });
  }
  const out = initialProps(body.props, MASK_NODE);
  const online = opts.online ?? true;
  const node: NodeRecord = {
    name,
    type,
    flags: [],
    props: { ...body.props, CurStltConnName: stlt.name },
    netInterfaces: new Map(),
    connectionStatus: online ? 'ONLINE' : 'OFFLINE',
    uuid: state.uuid(),
    storagePools: new Map(),
    usedTcpPorts: new Set(),
    resourceCount: 0,
  };
  if (online) node.props.NodeUname = name;
  for (const n of checked) {
    const { hasStltConn: _ignored, ...rec } = n;
    node.netInterfaces.set(key(n.name), { ...rec, isActive: n === stlt, uuid: state.uuid() });
  }
  if (type !== 'CONTROLLER') {
    node.storagePools.set(key(DFLT_DISKLESS_STOR_POOL), {
      name: DFLT_DISKLESS_STOR_POOL,
      nodeName: name,
      providerKind: 'DISKLESS',
      props: {},
      totalCapacity: 0,
      usedKib: 0,
      uuid: state.uuid(),
      externalLocking: false,
    });
  }
  state.nodes.set(key(name), node);
  out.push(
    entry(CREATED, `New node '${name}' registered.`, {
      details: `Node '${name}' UUID is: ${node.uuid}`,
      objRefs: { Node: name, UUID: node.uuid },
    }),
  );
  if (!online) {
    out.push(
      entry(WARN_NOT_CONNECTED, `No active connection to satellite '${name}'`, {
        details: notConnectedDetails,
        objRefs: { Node: name },
      }),
    );
  }
  return out;
}

const nodeOf = (ctx: RouteContext): NodeRecord =>
  ctx.state.node(ctx.params[0] as string) ?? nodeNotFound(ctx.params[0] as string);

function deleteNode(state: SimulatorState, name: string): RcEntry[] {
  const node = state.node(name);
  if (!node) {
    return [
      entry(WARN_NOT_FOUND, `Deletion of node '${name}' had no effect.`, {
        cause: `Node '${name}' does not exist.`,
        objRefs: { Node: name },
      }),
    ];
  }
  const held = [...state.resourceDefinitions.values()]
    .map((rd) => ({ rd, r: rd.resources.get(key(name)) }))
    .filter((x) => x.r !== undefined);
  for (const { rd, r } of held) {
    const rsc = r as NonNullable<typeof r>;
    const lastDiskful =
      !isDiskless(rsc) &&
      [...rd.resources.values()].filter((p) => !isDiskless(p)).length === 1 &&
      [...rd.resources.values()].some((p) => isDiskless(p) && !p.flags.has('TIE_BREAKER'));
    if (rsc.inUse || lastDiskful) {
      fail(FAIL_NODE_HAS_USED_RSC, `Node '${name}' still has resources that are in use or needed by peers.`, {
        details: `Resource '${rd.name}' on node '${name}' ${rsc.inUse ? 'is in use' : 'is the last diskful replica'}.`,
        objRefs: { Node: name, RscDfn: rd.name },
      });
    }
  }
  for (const { rd, r } of held) removeResource(state, rd, r as NonNullable<typeof r>);
  state.nodes.delete(key(name));
  forgetNodeExtras(state, name);
  const followUps = held.flatMap(({ rd }) => reconcileTieBreaker(state, rd));
  return [
    entry(DELETED, `Node '${name}' deleted.`, {
      details: `Node '${name}' UUID was: ${node.uuid}`,
      objRefs: { Node: name, UUID: node.uuid },
    }),
    ...followUps,
  ];
}

// ---- evacuate, restore, satellite config, EBS, drbd-reactorctl ----

const NodeRestoreShape: ObjectShape = {
  cls: 'NodeRestore',
  fields: { delete_resources: 'bool', delete_snapshots: 'bool' },
};
const NodeEvacuateShape: ObjectShape = {
  cls: 'NodeEvacuate',
  fields: { target: ['string'], do_not_target: ['string'] },
};
const NodeCreateEbsShape: ObjectShape = {
  cls: 'NodeCreateEbs',
  fields: { name: 'string', ebs_remote_name: 'string' },
};
const SatelliteConfigShape: ObjectShape = {
  cls: 'SatelliteConfig',
  fields: {
    config: { cls: 'ControllerConfigConfig', fields: { dir: 'string' } },
    debug: { cls: 'ControllerConfigDebug', fields: { console_enabled: 'bool' } },
    log: {
      cls: 'SatelliteConfigLog',
      fields: { print_stack_trace: 'bool', directory: 'string', level: 'string', level_linstor: 'string' },
    },
    stlt_override_node_name: 'string',
    remote_spdk: 'bool',
    ebs: 'bool',
    special_satellite: 'bool',
    drbd_keep_res_pattern: 'string',
    net: { cls: 'SatelliteConfigNet', fields: { bind_address: 'string', port: 'int', com_type: 'string' } },
  },
};
const ReactorExecShape: ObjectShape = {
  cls: 'ReactorExecRequest',
  fields: { nodes: ['string'], resource: 'string', wait: 'bool' },
};
const ReactorPluginShape: ObjectShape = {
  cls: 'ReactorPluginRequest',
  fields: { nodes: ['string'], config: 'string', now: 'bool' },
};

const OUT_OF_SERVICE_FLAGS = ['EVACUATE', 'EVICTED'];

/**
 * Moves one resource off an evacuating node: a replacement is autoplaced with the RD's group filter
 * on the allowed nodes, then the old replica goes at once (the controller waits for the sync first).
 * Resources in use stay, with a warning.
 */
function evacuateResource(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  rsc: ResourceRecord,
  allowed: string[],
): RcEntry[] {
  if (rsc.inUse) {
    return [
      entry(WARN_NOT_EVACUATING, `Resource '${rd.name}' on node '${rsc.nodeName}' is in use and stays.`, {
        correction: 'Make the resource secondary elsewhere, then evacuate the node again.',
        objRefs: { RscDfn: rd.name, Node: rsc.nodeName },
      }),
    ];
  }
  const out: RcEntry[] = [];
  if (!isDiskless(rsc)) {
    const group = state.resourceGroup(rd.resourceGroup)?.selectFilter ?? {};
    const filter = mergeFilters({ additional_place_count: 1, node_name_list: allowed }, group);
    try {
      out.push(...commitAutoplace(state, planAutoplace(state, rd, filter)));
    } catch (e) {
      if (!(e instanceof RcError)) throw e;
      // No replacement: the replica stays so the data is not lost.
      return e.entries;
    }
  }
  out.push(
    entry(MASK_SUCCESS | DELETED, `Resource '${rd.name}' moved away from node '${rsc.nodeName}'.`, {
      objRefs: { RscDfn: rd.name, Node: rsc.nodeName },
    }),
    ...dropResource(state, rd, rsc, 'EVACUATE'),
  );
  return out;
}

/**
 * Removes a resource the way the controller retires one: flagged first, so the tie-breaker rule
 * already counts it as gone but does not pick its node for a new tie-breaker, then deleted.
 */
function dropResource(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  rsc: ResourceRecord,
  flag: string,
) {
  rsc.flags.add(flag);
  const entries = reconcileTieBreaker(state, rd);
  removeResource(state, rd, rsc);
  return entries;
}

function evacuate(
  state: SimulatorState,
  node: NodeRecord,
  target?: string[],
  doNotTarget?: string[],
): RcEntry[] {
  if (!node.flags.includes('EVACUATE')) node.flags.push('EVACUATE');
  const wanted = target?.map(key);
  const avoided = new Set((doNotTarget ?? []).map(key));
  const allowed = state
    .sortedNodes()
    .filter((n) => n !== node && (!wanted || wanted.includes(key(n.name))) && !avoided.has(key(n.name)))
    .map((n) => n.name);
  const out: RcEntry[] = [
    entry(MODIFIED, `Node '${node.name}' is being evacuated.`, {
      details: `Node '${node.name}' UUID is: ${node.uuid}`,
      objRefs: { Node: node.name },
    }),
  ];
  if (allowed.length === 0) {
    // python-linstor lets an empty target list through; nothing can move then.
    return [...out, entry(WARN_NOT_EVACUATING, `No node is left to take the resources of '${node.name}'.`)];
  }
  for (const rd of state.sortedResourceDefinitions()) {
    const rsc = rd.resources.get(key(node.name));
    if (rsc) out.push(...evacuateResource(state, rd, rsc, allowed));
  }
  return out;
}

/** Takes a node out of the RD's snapshots; a snapshot left on no node goes as a whole. */
function dropSnapshotsOn(rd: ResourceDefinitionRecord, node: NodeRecord): void {
  for (const [k, snap] of [...rd.snapshots.entries()]) {
    snap.nodes.delete(key(node.name));
    if (snap.nodes.size === 0) rd.snapshots.delete(k);
  }
}

/** Forgets what the simulator keeps about a node outside its record (used devices, satellite config). */
export function forgetNodeExtras(state: SimulatorState, name: string): void {
  state.usedPhysicalDevices.delete(key(name));
  state.satelliteLogLevels.delete(key(name));
}

function restore(
  state: SimulatorState,
  node: NodeRecord,
  body: { delete_resources?: boolean; delete_snapshots?: boolean },
): RcEntry[] {
  if (!node.flags.some((f) => OUT_OF_SERVICE_FLAGS.includes(f))) {
    return [
      entry(WARN_NOT_EVACUATING, `Node '${node.name}' is neither evicted nor being evacuated.`, {
        details: 'Nothing to restore.',
        objRefs: { Node: node.name },
      }),
    ];
  }
  node.flags = node.flags.filter((f) => !OUT_OF_SERVICE_FLAGS.includes(f));
  const out: RcEntry[] = [];
  for (const rd of state.sortedResourceDefinitions()) {
    if (body.delete_snapshots) dropSnapshotsOn(rd, node);
    const rsc = rd.resources.get(key(node.name));
    if (!rsc || !body.delete_resources) continue;
    out.push(entry(MASK_SUCCESS | DELETED, `Resource '${rd.name}' on node '${node.name}' deleted.`));
    out.push(...dropResource(state, rd, rsc, 'DELETE'));
  }
  return [
    entry(MODIFIED, `Node '${node.name}' restored.`, {
      details: `Node '${node.name}' UUID is: ${node.uuid}`,
      objRefs: { Node: node.name },
    }),
    ...out,
  ];
}

/** The node of the path, whose satellite must answer: the GET says 503 (as documented), the PUT fails with 500. */
function onlineNode(ctx: RouteContext, status?: number): NodeRecord {
  const node = nodeOf(ctx);
  if (node.connectionStatus !== 'ONLINE') {
    const e = entry(FAIL_NOT_CONNECTED, `No active connection to satellite '${node.name}'`, {
      details: notConnectedDetails,
      objRefs: { Node: node.name },
    });
    throw new RcError([e], status, status !== undefined);
  }
  return node;
}

function satelliteLevels(state: SimulatorState, node: NodeRecord) {
  return state.satelliteLogLevels.get(key(node.name)) ?? { level: 'INFO', level_linstor: 'INFO' };
}

function satelliteConfigJson(state: SimulatorState, node: NodeRecord) {
  return {
    config: { dir: '/etc/linstor' },
    debug: { console_enabled: false },
    log: {
      print_stack_trace: false,
      directory: '/var/log/linstor-satellite',
      ...satelliteLevels(state, node),
    },
    remote_spdk: false,
    ebs: false,
    special_satellite: false,
    drbd_keep_res_pattern: '',
    net: {
      bind_address: '::',
      port: [...node.netInterfaces.values()].find((n) => n.isActive)?.satellitePort ?? 3366,
      com_type: 'PLAIN',
    },
  };
}

type ReactorAction = 'status' | 'evict' | 'disable' | 'enable' | 'restart';

const PROMOTER_CONFIG = '/etc/drbd-reactor.d/linstor-promoter.toml';

/** What drbd-reactorctl prints on one node; the simulator runs no drbd-reactor, so this is made up. */
function reactorOutput(
  state: SimulatorState,
  node: NodeRecord,
  action: ReactorAction,
  arg: string | undefined,
): { node: string; exit_code: number; stdout_utf8?: string; stderr_utf8?: string; active_node?: string } {
  if (node.connectionStatus !== 'ONLINE') {
    return {
      node: node.name,
      exit_code: 1,
      stderr_utf8: `No active connection to satellite '${node.name}'\n`,
    };
  }
  if (action !== 'status' && action !== 'evict') {
    const past = action === 'disable' ? 'Disabled' : action === 'enable' ? 'Enabled' : 'Restarted';
    return { node: node.name, exit_code: 0, stdout_utf8: `${past} ${arg ?? PROMOTER_CONFIG}\n` };
  }
  const rds = state
    .sortedResourceDefinitions()
    .filter((rd) => rd.resources.has(key(node.name)) && (arg === undefined || key(rd.name) === key(arg)));
  if (arg !== undefined && rds.length === 0) {
    return {
      node: node.name,
      exit_code: 1,
      stderr_utf8: `No promoter configuration for resource '${arg}'\n`,
    };
  }
  const activeOn = (rd: ResourceDefinitionRecord) =>
    [...rd.resources.values()].find((r) => r.inUse)?.nodeName;
  const lines = [`${PROMOTER_CONFIG}:`];
  for (const rd of rds) {
    const active = activeOn(rd);
    if (action === 'evict' && active !== undefined && key(active) === key(node.name)) {
      // Evicting stops the services here; the simulator does not start them on a peer.
      state.setInUse(rd.name, node.name, false);
      lines.push(`Resource '${rd.name}' evicted from this node.`);
    } else {
      lines.push(
        `Promoter: resource '${rd.name}' is ${active === undefined ? 'not active on any node' : `active on '${active}'`}.`,
      );
    }
  }
  const result = { node: node.name, exit_code: 0, stdout_utf8: `${lines.join('\n')}\n` };
  const single = rds.length === 1 ? activeOn(rds[0] as ResourceDefinitionRecord) : undefined;
  return single === undefined ? result : { ...result, active_node: single };
}

function reactorRoute(action: ReactorAction): Route {
  const plugin = action === 'disable' || action === 'enable' || action === 'restart';
  return {
    method: 'POST',
    template: `/v1/nodes/exec/drbd-reactorctl/${action}`,
    parseErrorStatus: 400,
    handler: (ctx) => {
      const body = ctx.body<{ nodes?: string[]; resource?: string; config?: string }>(
        plugin ? ReactorPluginShape : ReactorExecShape,
      );
      const nodes = (body.nodes ?? []).map((n) => ctx.state.node(n) ?? nodeNotFound(n));
      return json(
        nodes.map((n) => reactorOutput(ctx.state, n, action, plugin ? body.config : body.resource)),
      );
    },
  };
}

function nodeExtraRoutes(): Route[] {
  return [
    {
      method: 'PUT',
      template: '/v1/nodes/{node}/evacuate',
      context: [MASK_NODE, MASK_MOD],
      handler: (ctx) => {
        const node = nodeOf(ctx);
        const body =
          ctx.optionalBody<{ target?: string[]; do_not_target?: string[] }>(NodeEvacuateShape) ?? {};
        return { entries: evacuate(ctx.state, node, body.target, body.do_not_target) };
      },
    },
    {
      method: 'PUT',
      template: '/v1/nodes/{node}/restore',
      context: [MASK_NODE, MASK_MOD],
      handler: (ctx) => {
        const node = nodeOf(ctx);
        const body = ctx.optionalBody<{ delete_resources?: boolean; delete_snapshots?: boolean }>(
          NodeRestoreShape,
        );
        return { entries: restore(ctx.state, node, body ?? {}) };
      },
    },
    {
      method: 'GET',
      template: '/v1/nodes/{node}/config',
      handler: (ctx) => json(satelliteConfigJson(ctx.state, onlineNode(ctx, 503))),
    },
    {
      method: 'PUT',
      template: '/v1/nodes/{node}/config',
      context: [MASK_NODE, MASK_MOD],
      handler: (ctx) => {
        const node = onlineNode(ctx);
        const body = ctx.body<{ log?: { level?: string; level_linstor?: string } }>(SatelliteConfigShape);
        const levels = { ...satelliteLevels(ctx.state, node) };
        const out: RcEntry[] = [];
        for (const field of ['level', 'level_linstor'] as const) {
          const v = body.log?.[field];
          if (v === undefined) continue;
          levels[field] = logLevel(v);
          out.push(
            entry(MODIFIED, `Log level '${field}' of satellite '${node.name}' set to '${levels[field]}'.`),
          );
        }
        ctx.state.satelliteLogLevels.set(key(node.name), levels);
        return { entries: out };
      },
    },
    {
      method: 'POST',
      template: '/v1/nodes/ebs',
      success: 201,
      parseErrorStatus: 400,
      context: [MASK_NODE, MASK_CRT],
      handler: (ctx) => {
        const body = ctx.body<{ name?: string; ebs_remote_name?: string }>(NodeCreateEbsShape);
        const name = body.name ?? '';
        const bad = hostNameCheck(name);
        if (bad) fail(FAIL_INVLD_NODE_NAME, `The given node name '${name}' is invalid.`, { cause: bad });
        if (ctx.state.node(name)) {
          fail(FAIL_EXISTS_NODE, `Registration of node '${name}' failed.`, {
            cause: `A node with the specified name '${name}' already exists.`,
            objRefs: { Node: name },
          });
        }
        // EBS volumes live in AWS; the simulator has no EBS provider to back such a node with.
        fail(FAIL_STLT_DOES_NOT_SUPPORT_PROVIDER, `Registration of EBS node '${name}' failed.`, {
          cause: 'The simulated controller does not simulate EBS storage (provider EBS_TARGET).',
          objRefs: { Node: name, Remote: body.ebs_remote_name ?? '' },
        });
      },
    },
    ...(['status', 'evict', 'disable', 'enable', 'restart'] as const).map(reactorRoute),
  ];
}

export function nodeRoutes(opts: () => NodeCreateOptions): Route[] {
  return [
    ...nodeExtraRoutes(),
    {
      method: 'GET',
      template: '/v1/nodes',
      handler: ({ state, query }) => {
        const names = nameFilter(query, 'nodes');
        const byProps = propsFilter(query);
        const list = state
          .sortedNodes()
          .filter((n) => (!names || names.has(key(n.name))) && byProps(n.props));
        return json(paginate(list, query).map(nodeJson));
      },
    },
    {
      method: 'GET',
      template: '/v1/nodes/{node}',
      handler: ({ state, params }) => {
        const node = state.node(params[0] as string);
        if (!node) failBare(FAIL_NOT_FOUND_NODE, `Node '${params[0]}' not found.`);
        return json(nodeJson(node));
      },
    },
    {
      method: 'POST',
      template: '/v1/nodes',
      success: 201,
      context: [MASK_NODE, MASK_CRT],
      handler: (ctx) => ({ entries: createNode(ctx.state, ctx.body<NodeBody>(NodeCreateShape), opts()) }),
    },
    {
      method: 'PUT',
      template: '/v1/nodes/{node}',
      context: [MASK_NODE, MASK_MOD],
      handler: (ctx) => {
        const node = nodeOf(ctx);
        const body = ctx.body<PropsModify & { node_type?: string }>(NodeModifyShape);
        if (body.node_type !== undefined) {
          const t = body.node_type.toUpperCase() as NodeType;
          if (!NODE_TYPES.includes(t))
            fail(FAIL_INVLD_NODE_TYPE, `The specified node type '${body.node_type}' is invalid.`);
          node.type = t;
        }
        const out = modifyProps(node.props, body, MASK_NODE);
        out.push(
          entry(MODIFIED, `Node '${node.name}' modified.`, {
            details: `Node '${node.name}' UUID is: ${node.uuid}`,
            objRefs: { Node: node.name },
          }),
        );
        return { entries: out };
      },
    },
    {
      method: 'DELETE',
      template: '/v1/nodes/{node}',
      context: [MASK_NODE, MASK_DEL],
      handler: ({ state, params }) => ({ entries: deleteNode(state, params[0] as string) }),
    },
    {
      method: 'PUT',
      template: '/v1/nodes/{node}/reconnect',
      context: [MASK_NODE, MASK_MOD],
      handler: (ctx) => {
        const node = nodeOf(ctx);
        return {
          entries: [
            entry(MODIFIED, `Node '${node.name}' reconnect requested.`, { objRefs: { Node: node.name } }),
          ],
        };
      },
    },
    // ---- net interfaces ----
    {
      method: 'GET',
      template: '/v1/nodes/{node}/net-interfaces',
      handler: (ctx) =>
        json(paginate([...nodeOf(ctx).netInterfaces.values()], ctx.query).map(netInterfaceJson)),
    },
    {
      method: 'GET',
      template: '/v1/nodes/{node}/net-interfaces/{netinterface}',
      handler: ({ state, params }) => {
        const node = state.node(params[0] as string);
        if (!node) failBare(FAIL_NOT_FOUND_NODE, `Node '${params[0]}' not found.`);
        const n = node.netInterfaces.get(key(params[1] as string));
        if (!n)
          failBare(FAIL_NOT_FOUND_NET_IF, `Net interface '${params[1]}' on node '${node.name}' not found.`);
        return json(netInterfaceJson(n));
      },
    },
    {
      method: 'POST',
      template: '/v1/nodes/{node}/net-interfaces',
      success: 201,
      context: [MASK_NET_IF, MASK_CRT],
      handler: (ctx) => {
        const node = nodeOf(ctx);
        const checked = checkNetInterface(node.name, ctx.body<NetIfBody>(NetInterfaceShape));
        if (node.netInterfaces.has(key(checked.name))) {
          fail(
            FAIL_EXISTS_NET_IF,
            `A net interface with the name '${checked.name}' already exists on node '${node.name}'.`,
          );
        }
        const { hasStltConn: _ignored, ...rec } = checked;
        const uuid = ctx.state.uuid();
        node.netInterfaces.set(key(checked.name), { ...rec, uuid });
        return {
          entries: [
            entry(CREATED, `New net interface '${checked.name}' on node '${node.name}' created.`, {
              details: `Net interface '${checked.name}' on node '${node.name}' UUID is: ${uuid}`,
              objRefs: { Node: node.name },
            }),
          ],
        };
      },
    },
    {
      method: 'PUT',
      template: '/v1/nodes/{node}/net-interfaces/{netinterface}',
      context: [MASK_NET_IF, MASK_MOD],
      handler: (ctx) => {
        const node = nodeOf(ctx);
        const current = node.netInterfaces.get(key(ctx.params[1] as string));
        if (!current) {
          fail(FAIL_NOT_FOUND_NET_IF, `Net interface '${ctx.params[1]}' on node '${node.name}' not found.`);
        }
        const body = ctx.body<NetIfBody>(NetInterfaceShape);
        const checked = checkNetInterface(node.name, {
          ...body,
          name: current.name,
          address: body.address ?? current.address,
        });
        current.address = checked.address;
        if (checked.satellitePort !== undefined) current.satellitePort = checked.satellitePort;
        if (checked.satelliteEncryptionType !== undefined)
          current.satelliteEncryptionType = checked.satelliteEncryptionType;
        return {
          entries: [
            entry(MODIFIED, `Net interface '${current.name}' on node '${node.name}' modified.`, {
              details: `Net interface '${current.name}' on node '${node.name}' UUID is: ${current.uuid}`,
              objRefs: { Node: node.name },
            }),
          ],
        };
      },
    },
    {
      method: 'DELETE',
      template: '/v1/nodes/{node}/net-interfaces/{netinterface}',
      context: [MASK_NET_IF, MASK_DEL],
      handler: (ctx) => {
        const node = nodeOf(ctx);
        const current = node.netInterfaces.get(key(ctx.params[1] as string));
        if (!current) {
          return {
            entries: [
              entry(WARN_NOT_FOUND, `Net interface '${ctx.params[1]}' on node '${node.name}' not found.`),
            ],
          };
        }
        if (current.isActive) {
          fail(
            FAIL_IN_USE,
            `Net interface '${current.name}' on node '${node.name}' is the active satellite connection.`,
          );
        }
        node.netInterfaces.delete(key(current.name));
        return {
          entries: [
            entry(DELETED, `Net interface '${current.name}' on node '${node.name}' deleted.`, {
              details: `Net interface '${current.name}' on node '${node.name}' UUID was: ${current.uuid}`,
            }),
          ],
        };
      },
    },
  ];
}
