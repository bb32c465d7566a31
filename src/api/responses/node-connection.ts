import { RestResponse } from './rest-response';
import type { Properties, Schemas } from './schemas';

type NodeConnectionData = Schemas['NodeConnection'] & { flags?: string[] };

/** The connection settings between two nodes. */
export class NodeConnection extends RestResponse<NodeConnectionData> {
  /** First node of the pair. */
  get nodeA(): string | undefined {
    return this.restData.node_a;
  }

  /** Second node of the pair. */
  get nodeB(): string | undefined {
    return this.restData.node_b;
  }

  /** Connection flags. */
  get flags(): string[] {
    return this.restData.flags ?? [];
  }

  /** Connection properties. */
  get properties(): Properties {
    return this.restData.props ?? {};
  }
}

/** The reply of a node-connection list. */
export class NodeConnectionsResponse extends RestResponse<NodeConnectionData[]> {
  /** All node connections. */
  get nodeConnections(): NodeConnection[] {
    return this.restData.map((c) => new NodeConnection(c));
  }
}
