import { ListResponse, RestResponse } from './rest-response';
import type { Properties, Schemas } from './schemas';

/** The node types the controller knows, as python-linstor's `NodeType` constants. */
export const NodeType = /* @__PURE__ */ Object.freeze({
  CONTROLLER: 'Controller',
  SATELLITE: 'Satellite',
  COMBINED: 'Combined',
  AUXILIARY: 'Auxiliary',
} as const);

/** One network interface of a node. */
export class NetInterface extends RestResponse<Schemas['NetInterface']> {
  /** Interface name. */
  get name(): string {
    return this.restData.name;
  }

  /** IP address. */
  get address(): string {
    return this.restData.address;
  }

  /** Satellite port, when this interface carries the satellite connection. */
  get stltPort(): number | undefined {
    return this.restData.satellite_port;
  }

  /** Satellite connection encryption (`PLAIN`/`SSL`), when set. */
  get stltEncryptionType(): string | undefined {
    return this.restData.satellite_encryption_type;
  }

  /** Whether this is the active satellite connection. */
  get isActive(): boolean | undefined {
    return this.restData.is_active;
  }

  /** Interface UUID. */
  get uuid(): string | undefined {
    return this.restData.uuid;
  }

  override toString(): string {
    return `NetInterface(${this.name}, ${this.address})`;
  }
}

/** A LINSTOR node. */
export class Node extends RestResponse<Schemas['Node']> {
  /** Node name. */
  get name(): string {
    return this.restData.name;
  }

  /** Node type as the controller sends it (for example `SATELLITE`). */
  get type(): string {
    return this.restData.type;
  }

  /** Operating system platform; `""` when not reported. */
  get platform(): string {
    return this.restData.platform ?? '';
  }

  /** Satellite connection status; `"OFFLINE"` when not reported. */
  get connectionStatus(): string {
    return this.restData.connection_status ?? 'OFFLINE';
  }

  /** The node's network interfaces. */
  get netInterfaces(): NetInterface[] {
    return (this.restData.net_interfaces ?? []).map((n) => new NetInterface(n));
  }

  /** Storage providers the satellite supports. */
  get storageProviders(): string[] {
    return this.restData.storage_providers ?? [];
  }

  /** Resource layers the satellite supports. */
  get resourceLayers(): string[] {
    return this.restData.resource_layers ?? [];
  }

  /** Unsupported providers, each with the reasons. */
  get unsupportedProviders(): Record<string, string[]> {
    return this.restData.unsupported_providers ?? {};
  }

  /** Unsupported layers, each with the reasons. */
  get unsupportedLayers(): Record<string, string[]> {
    return this.restData.unsupported_layers ?? {};
  }

  /** Node properties. */
  get properties(): Properties {
    return this.restData.props ?? {};
  }

  /** Node properties (python's `props` alias). */
  get props(): Properties {
    return this.properties;
  }

  /** Node flags. */
  get flags(): string[] {
    return this.restData.flags ?? [];
  }

  /** Eviction time in epoch milliseconds, when the node is being evicted. */
  get evictionTimestamp(): number | undefined {
    return this.restData.eviction_timestamp;
  }

  /** Node UUID. */
  get uuid(): string | undefined {
    return this.restData.uuid;
  }

  override toString(): string {
    return `Node(${this.name}, ${this.type}, ${this.connectionStatus})`;
  }
}

/** The reply of a node list: all nodes, plus lookup by name. */
export class NodeListResponse extends ListResponse<Schemas['Node']> {
  /** All nodes. */
  get nodes(): Node[] {
    return this.restData.map((n) => new Node(n));
  }

  /** The node with exactly this name, or `undefined`. */
  node(nodeName: string): Node | undefined {
    const data = this.restData.find((n) => n.name === nodeName);
    return data === undefined ? undefined : new Node(data);
  }
}
