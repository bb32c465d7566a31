import { NodePairConnection } from './node-pair-connection';
import { ListResponse } from './rest-response';
import type { Schemas } from './schemas';

/** The data of a {@link NodeConnection}. */
export type NodeConnectionData = Schemas['NodeConnection'] & { flags?: string[] };

/** The connection settings between two nodes. */
export class NodeConnection extends NodePairConnection<NodeConnectionData> {}

/** The reply of a node-connection list. */
export class NodeConnectionsResponse extends ListResponse<NodeConnectionData> {
  /** All node connections. */
  get nodeConnections(): NodeConnection[] {
    return this.restData.map((c) => new NodeConnection(c));
  }
}
