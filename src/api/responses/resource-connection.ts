import { NodePairConnection } from './node-pair-connection';
import { ListResponse } from './rest-response';
import type { Schemas } from './schemas';

/** The connection settings of one resource between two nodes. */
export class ResourceConnection extends NodePairConnection<Schemas['ResourceConnection']> {
  /** DRBD proxy port (deprecated by the controller in favour of the per-side ports). */
  get port(): number | undefined {
    return this.restData.port;
  }

  get drbdProxyPortA(): number | undefined {
    return this.restData.drbd_proxy_port_a;
  }

  get drbdProxyPortB(): number | undefined {
    return this.restData.drbd_proxy_port_b;
  }
}

/** The reply of `resourceConnList`. */
export class ResourceConnectionsResponse extends ListResponse<Schemas['ResourceConnection']> {
  get resourceConnections(): ResourceConnection[] {
    return this.restData.map((c) => new ResourceConnection(c));
  }
}
