// Node connections, resource connections and DRBD Proxy. Connections are made on their first modify
// (the controller loads or creates them) and listed once they exist; their records live in
// connection-records.ts. DRBD Proxy is the LOCAL_DRBD_PROXY flag of a resource connection plus one
// proxy port per side, taken from that node's TCP port range (7000-7999, as DRBD ports are) unless
// the request names the ports. PUT drbd-proxy keeps its options on the resource definition: options
// under DrbdOptions/Proxy/, the compression type as DrbdProxy/CompressionType and its settings under
// DrbdOptions/ProxyCompression/.
import {
  FAIL_INVLD_DRBD_PROXY_COMPRESSION_TYPE,
  FAIL_INVLD_LAYER_STACK,
  FAIL_INVLD_NET_PORT,
  FAIL_INVLD_REQUEST,
  FAIL_NOT_FOUND_NODE,
  FAIL_NOT_FOUND_NODE_CONN,
  FAIL_NOT_FOUND_RSC_CONN,
  FAIL_POOL_EXHAUSTED_TCP_PORT,
  INFO_NOOP,
  MASK_MOD,
  MASK_NODE_CONN,
  MASK_RSC_CONN,
  MASK_RSC_DFN,
  MODIFIED,
  VAL_DRBD_PROXY_COMPRESSION_LZ4,
  VAL_DRBD_PROXY_COMPRESSION_LZMA,
  VAL_DRBD_PROXY_COMPRESSION_NONE,
  VAL_DRBD_PROXY_COMPRESSION_ZLIB,
  VAL_DRBD_PROXY_COMPRESSION_ZSTD,
} from '../../../generated/constants';
import { type ObjectShape, PropsModifyShape } from '../body';
import {
  checkPathProp,
  ensureNodeConnection,
  ensureResourceConnection,
  findNodeConnection,
  findResourceConnection,
  LOCAL_DRBD_PROXY,
  liveNodeConnections,
  liveResourceConnections,
  nodeConnectionJson,
  releaseProxyPorts,
  resourceConnectionJson,
} from '../connection-records';
import { nodeNotFound, rscDfnNotFound, rscNotFound } from '../messages';
import { entry, fail, failBare } from '../rc';
import type { Route, RouteContext } from '../router';
import {
  key,
  type NodeRecord,
  type Props,
  type ResourceDefinitionRecord,
  type ResourceRecord,
} from '../state';
import { checkPropKey, json, modifyProps, type PropsModify, paginate } from './common';

const RD = '/v1/resource-definitions/{resource}';

const DrbdProxyEnableShape: ObjectShape = {
  cls: 'DrbdProxyEnable',
  fields: { port: 'int', port_src: 'int', port_target: 'int' },
};

const DrbdProxyModifyShape: ObjectShape = {
  cls: 'DrbdProxyModify',
  fields: {
    override_props: 'props',
    delete_props: ['string'],
    compression_type: 'string',
    compression_props: 'props',
  },
};

const COMPRESSION_TYPES = [
  VAL_DRBD_PROXY_COMPRESSION_NONE,
  VAL_DRBD_PROXY_COMPRESSION_ZSTD,
  VAL_DRBD_PROXY_COMPRESSION_ZLIB,
  VAL_DRBD_PROXY_COMPRESSION_LZMA,
  VAL_DRBD_PROXY_COMPRESSION_LZ4,
];

/** Where the DRBD Proxy options of a resource definition are kept in its properties. */
const PROXY_OPTIONS_NS = 'DrbdOptions/Proxy/';
const PROXY_COMPRESSION_NS = 'DrbdOptions/ProxyCompression/';
const PROXY_COMPRESSION_TYPE_KEY = 'DrbdProxy/CompressionType';

/** The two distinct nodes of a `{node_a}/{node_b}` path (params at `first` and `first + 1`). */
function nodePair(ctx: RouteContext, first: number): [NodeRecord, NodeRecord] {
  const na = ctx.params[first] as string;
  const nb = ctx.params[first + 1] as string;
  if (key(na) === key(nb)) {
    fail(FAIL_INVLD_REQUEST, `A connection needs two different nodes, but both are '${na}'.`);
  }
  return [ctx.state.node(na) ?? nodeNotFound(na), ctx.state.node(nb) ?? nodeNotFound(nb)];
}

const rdOf = (ctx: RouteContext): ResourceDefinitionRecord =>
  ctx.state.resourceDefinition(ctx.params[0] as string) ?? rscDfnNotFound(ctx.params[0] as string);

/** The RD of the path and its resources on the path's two nodes. */
function resourcePair(ctx: RouteContext): [ResourceDefinitionRecord, ResourceRecord, ResourceRecord] {
  const rd = rdOf(ctx);
  const [a, b] = nodePair(ctx, 1);
  const ra = rd.resources.get(key(a.name)) ?? rscNotFound(rd.name, a.name);
  const rb = rd.resources.get(key(b.name)) ?? rscNotFound(rd.name, b.name);
  return [rd, ra, rb];
}

/** Checks the keys a connection modify sets: `Paths/...` against the pair, the rest by the whitelist. */
function checkConnectionProps(body: PropsModify, nodes: readonly NodeRecord[]): void {
  for (const [k, v] of Object.entries(body.override_props ?? {})) {
    if (!checkPathProp(k, v, nodes)) checkPropKey(k);
  }
}

function rscConnNotFound(a: string, b: string): never {
  return failBare(FAIL_NOT_FOUND_RSC_CONN, `Resource connection between '${a}' and '${b}' not found.`);
}

/** A proxy port: the one asked for (must be free on the node) or the node's next free TCP port. */
function takeProxyPort(ctx: RouteContext, node: NodeRecord, wanted: number | undefined): number {
  if (wanted === undefined) {
    const port = ctx.state.allocateTcpPort(node);
    if (port === undefined) {
      fail(FAIL_POOL_EXHAUSTED_TCP_PORT, `No free TCP port left on node '${node.name}' for DRBD Proxy.`);
    }
    return port;
  }
  if (wanted < 1 || wanted > 65535) {
    fail(FAIL_INVLD_NET_PORT, `The port ${wanted} is invalid; ports are in the range 1 - 65535.`);
  }
  if (node.usedTcpPorts.has(wanted)) {
    fail(FAIL_INVLD_NET_PORT, `The port ${wanted} is already in use on node '${node.name}'.`);
  }
  node.usedTcpPorts.add(wanted);
  return wanted;
}

function nodeConnectionRoutes(): Route[] {
  return [
    {
      method: 'GET',
      template: '/v1/node-connections',
      handler: ({ state, query }) => {
        const na = query.get('node_a') || undefined;
        const nb = query.get('node_b') || undefined;
        if (na !== undefined && nb !== undefined) {
          const a = state.node(na) ?? failBare(FAIL_NOT_FOUND_NODE, `Node '${na}' not found.`);
          const b = state.node(nb) ?? failBare(FAIL_NOT_FOUND_NODE, `Node '${nb}' not found.`);
          const c = findNodeConnection(state, a, b);
          if (!c)
            failBare(FAIL_NOT_FOUND_NODE_CONN, `Node connection between '${na}' and '${nb}' not found.`);
          return json([nodeConnectionJson(c)]);
        }
        const one = na ?? nb;
        const list = liveNodeConnections(state).filter(
          (c) => one === undefined || key(c.nodeA) === key(one) || key(c.nodeB) === key(one),
        );
        return json(paginate(list, query).map(nodeConnectionJson));
      },
    },
    {
      method: 'PUT',
      template: '/v1/node-connections/{node_a}/{node_b}',
      context: [MASK_NODE_CONN, MASK_MOD],
      handler: (ctx) => {
        const body = ctx.body<PropsModify>(PropsModifyShape);
        const [a, b] = nodePair(ctx, 0);
        checkConnectionProps(body, [a, b]);
        const c = ensureNodeConnection(ctx.state, a, b);
        const out = modifyProps(c.props, body, MASK_NODE_CONN, false);
        out.push(
          entry(MODIFIED, `Node connection between nodes '${c.nodeA}' and '${c.nodeB}' modified.`, {
            details: `Node connection between nodes '${c.nodeA}' and '${c.nodeB}' UUID is: ${c.uuid}`,
            objRefs: { SourceNode: c.nodeA, TargetNode: c.nodeB },
          }),
        );
        return { entries: out };
      },
    },
  ];
}

function resourceConnectionRoutes(): Route[] {
  return [
    {
      method: 'GET',
      template: `${RD}/resource-connections`,
      handler: (ctx) => {
        const rd = rdOf(ctx);
        return json(paginate(liveResourceConnections(ctx.state, rd), ctx.query).map(resourceConnectionJson));
      },
    },
    {
      method: 'GET',
      template: `${RD}/resource-connections/{node_a}/{node_b}`,
      handler: (ctx) => {
        // The controller answers the single object (the SDK also takes a one-element array).
        const rd = rdOf(ctx);
        const [na, nb] = [ctx.params[1] as string, ctx.params[2] as string];
        const ra = rd.resources.get(key(na));
        const rb = rd.resources.get(key(nb));
        const c = ra && rb ? findResourceConnection(ctx.state, ra, rb) : undefined;
        if (!c) rscConnNotFound(na, nb);
        return json(resourceConnectionJson(c));
      },
    },
    {
      method: 'PUT',
      template: `${RD}/resource-connections/{node_a}/{node_b}`,
      context: [MASK_RSC_CONN, MASK_MOD],
      handler: (ctx) => {
        const body = ctx.body<PropsModify>(PropsModifyShape);
        const [rd, ra, rb] = resourcePair(ctx);
        const nodes = [ra, rb].map((r) => ctx.state.node(r.nodeName) ?? nodeNotFound(r.nodeName));
        checkConnectionProps(body, nodes);
        const c = ensureResourceConnection(ctx.state, rd, ra, rb);
        const out = modifyProps(c.props, body, MASK_RSC_CONN, false);
        out.push(
          entry(
            MODIFIED,
            `Resource connection between nodes '${c.nodeA}' and '${c.nodeB}' of resource '${rd.name}' modified.`,
            {
              details: `Resource connection between nodes '${c.nodeA}' and '${c.nodeB}' of resource '${rd.name}' UUID is: ${c.uuid}`,
              objRefs: { RscDfn: rd.name, SourceNode: c.nodeA, TargetNode: c.nodeB },
            },
          ),
        );
        return { entries: out };
      },
    },
  ];
}

function drbdProxyRoutes(): Route[] {
  return [
    {
      method: 'PUT',
      template: `${RD}/drbd-proxy`,
      context: [MASK_RSC_DFN, MASK_MOD],
      handler: (ctx) => {
        const body = ctx.body<{
          override_props?: Props;
          delete_props?: string[];
          compression_type?: string;
          compression_props?: Props;
        }>(DrbdProxyModifyShape);
        const rd = rdOf(ctx);
        // Option names are given without their namespace (e.g. 'memlimit'); a full key is kept as is.
        const inNs = (k: string): string => (k.startsWith(PROXY_OPTIONS_NS) ? k : `${PROXY_OPTIONS_NS}${k}`);
        const overrides: Props = {};
        for (const [k, v] of Object.entries(body.override_props ?? {})) overrides[inNs(k)] = v;
        const type = body.compression_type;
        if (type === undefined && body.compression_props !== undefined) {
          fail(FAIL_INVLD_REQUEST, 'Compression settings need the compression type they belong to.', {
            correction: 'Send compression_type together with compression_props.',
          });
        }
        if (type !== undefined) {
          if (!COMPRESSION_TYPES.includes(type.toLowerCase())) {
            fail(FAIL_INVLD_DRBD_PROXY_COMPRESSION_TYPE, `Invalid DRBD Proxy compression type '${type}'.`, {
              cause: `Known compression types: ${COMPRESSION_TYPES.join(', ')}.`,
            });
          }
          overrides[PROXY_COMPRESSION_TYPE_KEY] = type.toLowerCase();
          for (const [k, v] of Object.entries(body.compression_props ?? {})) {
            overrides[`${PROXY_COMPRESSION_NS}${k}`] = v;
          }
        }
        const out = modifyProps(
          rd.props,
          {
            override_props: overrides,
            delete_props: (body.delete_props ?? []).map(inNs),
            // A compression type brings its own settings: those of the previous type go.
            delete_namespaces: type === undefined ? [] : [PROXY_COMPRESSION_NS],
          },
          MASK_RSC_DFN,
        );
        out.push(entry(MODIFIED, `DRBD Proxy options of resource definition '${rd.name}' modified.`));
        return { entries: out };
      },
    },
    {
      method: 'POST',
      template: `${RD}/drbd-proxy/enable/{node_a}/{node_b}`,
      context: [MASK_RSC_CONN, MASK_MOD],
      handler: (ctx) => {
        const body = ctx.optionalBody<{ port?: number; port_src?: number; port_target?: number }>(
          DrbdProxyEnableShape,
        );
        const [rd, ra, rb] = resourcePair(ctx);
        for (const r of [ra, rb]) {
          if (!r.layerStack.includes('DRBD')) {
            fail(
              FAIL_INVLD_LAYER_STACK,
              `DRBD Proxy needs the DRBD layer, but resource '${rd.name}' on node '${r.nodeName}' has none.`,
            );
          }
        }
        const c = ensureResourceConnection(ctx.state, rd, ra, rb);
        const pair = `'${c.nodeA}' and '${c.nodeB}'`;
        if (c.flags.includes(LOCAL_DRBD_PROXY)) {
          return {
            entries: [
              entry(INFO_NOOP, `DRBD Proxy is already enabled between ${pair} for resource '${rd.name}'.`),
            ],
          };
        }
        // port_src belongs to the node given first in the path, port_target to the second one.
        const srcFirst = key(ctx.params[1] as string) === key(c.nodeA);
        const wantA = (srcFirst ? body?.port_src : body?.port_target) ?? body?.port;
        const wantB = (srcFirst ? body?.port_target : body?.port_src) ?? body?.port;
        const nodeA = ctx.state.node(c.nodeA) ?? nodeNotFound(c.nodeA);
        const nodeB = ctx.state.node(c.nodeB) ?? nodeNotFound(c.nodeB);
        const portA = takeProxyPort(ctx, nodeA, wantA);
        try {
          c.proxyPortB = takeProxyPort(ctx, nodeB, wantB);
        } catch (e) {
          nodeA.usedTcpPorts.delete(portA);
          throw e;
        }
        c.proxyPortA = portA;
        c.flags.push(LOCAL_DRBD_PROXY);
        return {
          entries: [
            entry(
              MODIFIED,
              `DRBD Proxy enabled between ${pair} for resource '${rd.name}' (ports ${c.proxyPortA} and ${c.proxyPortB}).`,
              { objRefs: { RscDfn: rd.name, SourceNode: c.nodeA, TargetNode: c.nodeB } },
            ),
          ],
        };
      },
    },
    {
      method: 'POST',
      template: `${RD}/drbd-proxy/disable/{node_a}/{node_b}`,
      context: [MASK_RSC_CONN, MASK_MOD],
      handler: (ctx) => {
        const [rd, ra, rb] = resourcePair(ctx);
        const c = findResourceConnection(ctx.state, ra, rb);
        if (!c?.flags.includes(LOCAL_DRBD_PROXY)) {
          return {
            entries: [
              entry(
                INFO_NOOP,
                `DRBD Proxy is not enabled between '${ra.nodeName}' and '${rb.nodeName}' for resource '${rd.name}'.`,
              ),
            ],
          };
        }
        releaseProxyPorts(ctx.state, c);
        c.flags = c.flags.filter((f) => f !== LOCAL_DRBD_PROXY);
        return {
          entries: [
            entry(
              MODIFIED,
              `DRBD Proxy disabled between '${c.nodeA}' and '${c.nodeB}' for resource '${rd.name}'.`,
              {
                objRefs: { RscDfn: rd.name, SourceNode: c.nodeA, TargetNode: c.nodeB },
              },
            ),
          ],
        };
      },
    },
  ];
}

export function connectionRoutes(): Route[] {
  return [...nodeConnectionRoutes(), ...resourceConnectionRoutes(), ...drbdProxyRoutes()];
}
