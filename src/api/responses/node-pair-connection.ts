import { RestResponse } from './rest-response';
import type { Properties } from './schemas';

/** The fields every connection between two nodes carries (node and resource connections alike). */
export interface NodePairConnectionData {
  node_a?: string;
  node_b?: string;
  flags?: string[];
  props?: Properties;
}

/** Base of the wrappers of a connection between two nodes: the pair, its flags and its properties. */
export abstract class NodePairConnection<T extends NodePairConnectionData> extends RestResponse<T> {
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
