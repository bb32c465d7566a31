import type { ApiCallResponse } from '../../core/api-call-response';
import { LinstorArgumentError } from '../../core/errors';
import type { LinstorCore } from '../linstor-core';
import { listItems } from '../responses/list-items';
import { type ListResult, unwrapListResult } from '../responses/list-result';
import { NetInterface, NodeListResponse } from '../responses/node';
import type { Schemas } from '../responses/schemas';
import { connectionMethods } from './connection';
import { type PropertyDict, propsBody, queryList } from './props-body';

type NetInterfaceBody = Schemas['NetInterface'];
type EncryptionType = NetInterfaceBody['satellite_encryption_type'];

export interface NodeCreateOptions {
  nodeName: string;
  /** `Controller`, `Satellite`, `Combined`, `Auxiliary` or `Remote_Spdk`, any case; sent as given. */
  nodeType: string;
  /** Address of the default network interface. */
  ip: string;
  /** `Plain` (default) or `SSL`. */
  comType?: string;
  /** Satellite port; default by type and `comType`, any case (Plain: 3370 controller / 3366 other; SSL: 3367 satellite / 3371 other). */
  port?: number | null;
  /** Name of the network interface. Default `default`. */
  netifName?: string;
  propertyDict?: PropertyDict | null;
}

export interface NodeModifyOptions {
  nodeName: string;
  nodeType?: string | null;
  propertyDict?: PropertyDict | null;
  deleteProps?: readonly string[] | null;
}

export interface NodeNameOptions {
  nodeName: string;
  /** Accepted for python compatibility; ignored. */
  asyncMsg?: boolean;
}

export interface NetInterfaceOptions {
  nodeName: string;
  interfaceName: string;
}

export interface NetInterfaceCreateOptions extends NetInterfaceOptions {
  ip: string;
  port?: number | null;
  comType?: string | null;
  isActive?: boolean;
}

export interface NetInterfaceModifyOptions extends NetInterfaceOptions {
  ip?: string | null;
  port?: number | null;
  comType?: string | null;
  isActive?: boolean;
}

export interface NodeListOptions {
  filterByNodes?: readonly string[] | null;
  filterByProps?: readonly string[] | null;
}

/** python `LogLevelEnum` names. */
export type LogLevelName = Schemas['LogLevel'];

const PLAIN = 'Plain';
const SSL = 'SSL';

function defaultSatellitePort(nodeType: string, comType: string): number {
  const type = nodeType.toLowerCase();
  const com = comType.toLowerCase();
  if (com === PLAIN.toLowerCase()) return type === 'controller' ? 3370 : 3366;
  if (com === SSL.toLowerCase()) return type === 'satellite' ? 3367 : 3371;
  throw new LinstorArgumentError(`Communication type ${comType} has no default port`);
}

/** python-linstor §2.2: nodes and their network interfaces. */
export const nodeMethods = {
  /**
   * python `node_create`: `POST /v1/nodes` with the node and one network interface. The type is checked
   * case-insensitively and sent as given; `is_active: true` is added for controllers with REST >= 1.0.7.
   */
  async nodeCreate(this: LinstorCore, opts: NodeCreateOptions): Promise<ApiCallResponse[]> {
    const known = connectionMethods.nodeTypes.call(this);
    if (!known.some((t) => t.toLowerCase() === String(opts.nodeType).toLowerCase())) {
      throw new LinstorArgumentError(
        `Unknown node type '${opts.nodeType}'. Known types are: ${known.join(', ')}`,
      );
    }
    const comType = opts.comType ?? PLAIN;
    const port = opts.port ?? defaultSatellitePort(opts.nodeType, comType);
    await this.ensureConnected();
    const netIf: NetInterfaceBody = {
      name: opts.netifName ?? 'default',
      address: opts.ip,
      satellite_port: port,
      satellite_encryption_type: comType as EncryptionType,
    };
    if (isActiveSupported(this)) netIf.is_active = true;
    const body: Schemas['Node'] = {
      name: opts.nodeName,
      type: opts.nodeType as Schemas['Node']['type'],
      net_interfaces: [netIf],
    };
    if (opts.propertyDict && Object.keys(opts.propertyDict).length > 0) body.props = { ...opts.propertyDict };
    return this.callReplies('POST', '/v1/nodes', { body });
  },

  /** python `node_create_ebs`: `POST /v1/nodes/ebs {"name", "ebs_remote_name"}`. */
  async nodeCreateEbs(
    this: LinstorCore,
    opts: { nodeName: string; ebsRemoteName: string },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('POST', '/v1/nodes/ebs', {
      body: { name: opts.nodeName, ebs_remote_name: opts.ebsRemoteName },
    });
  },

  /** python `node_modify`: `PUT /v1/nodes/{node}` with `node_type` and the property edits. */
  async nodeModify(this: LinstorCore, opts: NodeModifyOptions): Promise<ApiCallResponse[]> {
    const body: Schemas['NodeModify'] = {};
    if (opts.nodeType != null) body.node_type = opts.nodeType;
    Object.assign(body, propsBody(opts.propertyDict, opts.deleteProps));
    return this.callReplies('PUT', '/v1/nodes/{node}', { params: { path: { node: opts.nodeName } }, body });
  },

  /** python `node_delete`: `DELETE /v1/nodes/{node}`. */
  async nodeDelete(this: LinstorCore, opts: NodeNameOptions): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/nodes/{node}', { params: { path: { node: opts.nodeName } } });
  },

  /** python `node_lost`: `DELETE /v1/nodes/{node}/lost`. */
  async nodeLost(this: LinstorCore, opts: NodeNameOptions): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/nodes/{node}/lost', { params: { path: { node: opts.nodeName } } });
  },

  /** python `node_reconnect`: `PUT /v1/nodes/{node}/reconnect` once per node, in order; all replies joined. */
  async nodeReconnect(this: LinstorCore, opts: { nodeNames: readonly string[] }): Promise<ApiCallResponse[]> {
    const replies: ApiCallResponse[] = [];
    for (const node of opts.nodeNames) {
      replies.push(
        ...(await this.callReplies('PUT', '/v1/nodes/{node}/reconnect', { params: { path: { node } } })),
      );
    }
    return replies;
  },

  /**
   * python `node_restore`: `PUT /v1/nodes/{node}/restore`, body `{"delete_resources": true}` and/or
   * `{"delete_snapshots": true}` (REST 1.10.1 each), or no body.
   */
  async nodeRestore(
    this: LinstorCore,
    opts: { nodeName: string; deleteResources?: boolean | null; deleteSnapshots?: boolean | null },
  ): Promise<ApiCallResponse[]> {
    let body: Schemas['NodeRestore'] | undefined;
    if (opts.deleteResources || opts.deleteSnapshots) {
      await this.ensureConnected();
      body = {};
      if (opts.deleteResources) {
        this.requireVersion('1.10.1', 'Delete resources during restore is not supported by server');
        body.delete_resources = true;
      }
      if (opts.deleteSnapshots) {
        this.requireVersion('1.10.1', 'Delete snapshots during restore is not supported by server');
        body.delete_snapshots = true;
      }
    }
    return this.callReplies('PUT', '/v1/nodes/{node}/restore', {
      params: { path: { node: opts.nodeName } },
      body,
    });
  },

  /**
   * python `node_evacuate` (REST 1.12.0): `PUT /v1/nodes/{node}/evacuate`, body `{"target": [...]}` or
   * `{"do_not_target": [...]}` (REST 1.27.0), or no body. Both at once is an argument error.
   */
  async nodeEvacuate(
    this: LinstorCore,
    opts: { nodeName: string; target?: readonly string[] | null; doNotTarget?: readonly string[] | null },
  ): Promise<ApiCallResponse[]> {
    await this.ensureConnected();
    const versionMessage = 'Node evacuate is not supported by server';
    this.requireVersion('1.12.0', versionMessage);
    const target = queryList(opts.target);
    const doNotTarget = queryList(opts.doNotTarget);
    if (target && doNotTarget) {
      throw new LinstorArgumentError('Node evacuate: target and doNotTarget cannot be used together');
    }
    let body: Schemas['NodeEvacuate'] | undefined;
    if (target) {
      this.requireVersion('1.27.0', 'Node evacuate --target is not supported by server');
      body = { target };
    } else if (doNotTarget) {
      this.requireVersion('1.27.0', 'Node evacuate --do-not-target is not supported by server');
      body = { do_not_target: doNotTarget };
    }
    return this.callReplies('PUT', '/v1/nodes/{node}/evacuate', {
      params: { path: { node: opts.nodeName } },
      body,
      versionMessage,
    });
  },

  /**
   * python `netinterface_create`: `POST /v1/nodes/{node}/net-interfaces {"name","address",...}`; the
   * satellite port and encryption type only with a port; `is_active` for REST >= 1.0.7.
   */
  async netinterfaceCreate(this: LinstorCore, opts: NetInterfaceCreateOptions): Promise<ApiCallResponse[]> {
    await this.ensureConnected();
    const body: NetInterfaceBody = { name: opts.interfaceName, address: opts.ip };
    setSatelliteConnection(body, opts.port, opts.comType);
    if (isActiveSupported(this)) body.is_active = opts.isActive ?? false;
    return this.callReplies('POST', '/v1/nodes/{node}/net-interfaces', {
      params: { path: { node: opts.nodeName } },
      body,
    });
  },

  /**
   * python `netinterface_modify`: `PUT /v1/nodes/{node}/net-interfaces/{netif}`; `address` only when
   * given, the satellite settings only with a port, and `is_active` always (default false).
   */
  async netinterfaceModify(this: LinstorCore, opts: NetInterfaceModifyOptions): Promise<ApiCallResponse[]> {
    await this.ensureConnected();
    const body = { name: opts.interfaceName } as NetInterfaceBody;
    if (opts.ip) body.address = opts.ip;
    setSatelliteConnection(body, opts.port, opts.comType);
    if (isActiveSupported(this)) body.is_active = opts.isActive ?? false;
    return this.callReplies('PUT', '/v1/nodes/{node}/net-interfaces/{netinterface}', {
      params: { path: { node: opts.nodeName, netinterface: opts.interfaceName } },
      body,
    });
  },

  /** python `netinterface_delete`: `DELETE /v1/nodes/{node}/net-interfaces/{netif}`. */
  async netinterfaceDelete(this: LinstorCore, opts: NetInterfaceOptions): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/nodes/{node}/net-interfaces/{netinterface}', {
      params: { path: { node: opts.nodeName, netinterface: opts.interfaceName } },
    });
  },

  /**
   * python `net_interface_list`: `GET /v1/nodes/{node}/net-interfaces`.
   * Differs from python (quirk 14): returns typed `NetInterface`s instead of `ApiCallResponse` wrappers;
   * an error status still gives the controller's replies.
   */
  async netInterfaceList(
    this: LinstorCore,
    opts: { nodeName: string },
  ): Promise<NetInterface[] | ApiCallResponse[]> {
    const reply = await this.call('GET', '/v1/nodes/{node}/net-interfaces', {
      params: { path: { node: opts.nodeName } },
    });
    return reply.ok
      ? listItems(reply.data, 'netInterfaceList').map((n) => new NetInterface(n))
      : reply.replies;
  },

  /** python `node_list`: `GET /v1/nodes?nodes=..&props=..`; `[NodeListResponse]` or the error replies. */
  async nodeList(this: LinstorCore, opts: NodeListOptions = {}): Promise<ListResult<NodeListResponse>> {
    const reply = await this.call('GET', '/v1/nodes', {
      params: { query: { nodes: queryList(opts.filterByNodes), props: queryList(opts.filterByProps) } },
    });
    return reply.ok ? [new NodeListResponse(reply.data)] : reply.replies;
  },

  /** python `node_list_raise`: the `NodeListResponse`, or throws `LinstorApiCallError`. */
  async nodeListRaise(this: LinstorCore, opts: NodeListOptions = {}): Promise<NodeListResponse> {
    return unwrapListResult(await nodeMethods.nodeList.call(this, opts));
  },

  /**
   * python `node_set_log_level`: `PUT /v1/nodes/{node}/config {"log": {"level_linstor": LEVEL}}`, or
   * key `level` (the library log level) with `library: true`.
   */
  async nodeSetLogLevel(
    this: LinstorCore,
    opts: { nodeName: string; level: LogLevelName; library?: boolean },
  ): Promise<ApiCallResponse[]> {
    const level = String(opts.level) as LogLevelName;
    const log: Schemas['SatelliteConfigLog'] = opts.library ? { level } : { level_linstor: level };
    return this.callReplies('PUT', '/v1/nodes/{node}/config', {
      params: { path: { node: opts.nodeName } },
      body: { log },
    });
  },
};

/** `is_active` exists from REST 1.0.7; python adds it only when connected to such a controller. */
function isActiveSupported(lin: LinstorCore): boolean {
  return lin.apiVersionSmaller('1.0.7') === false;
}

/** python sends the satellite port and encryption type only when a port is given (the type may be null). */
function setSatelliteConnection(
  body: NetInterfaceBody,
  port: number | null | undefined,
  comType: string | null | undefined,
) {
  if (!port) return;
  body.satellite_port = port;
  (body as { satellite_encryption_type?: EncryptionType | null }).satellite_encryption_type = (comType ??
    null) as EncryptionType | null;
}
