import type { ApiCallResponse } from '../../core/api-call-response';
import type { LinstorCore } from '../linstor-core';
import { type ListResult, unwrapListResult } from '../responses/list-result';
import { NodeConnection, NodeConnectionsResponse } from '../responses/node-connection';
import { type PropertyDict, propsBody } from './props-body';

export interface NodeConnListOptions {
  nodeA?: string | null;
  nodeB?: string | null;
}

/** python-linstor §2.3: node connections. */
export const nodeConnectionMethods = {
  /** python `node_conn_modify`: `PUT /v1/node-connections/{a}/{b}` with the property edits. */
  async nodeConnModify(
    this: LinstorCore,
    opts: {
      nodeA: string;
      nodeB: string;
      propertyDict: PropertyDict | null;
      deleteProps: readonly string[] | null;
    },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('PUT', '/v1/node-connections/{node_a}/{node_b}', {
      params: { path: { node_a: opts.nodeA, node_b: opts.nodeB } },
      body: propsBody(opts.propertyDict, opts.deleteProps),
    });
  },

  /** python `node_conn_list`: `GET /v1/node-connections?node_a=..&node_b=..`; `[NodeConnectionsResponse]` or errors. */
  async nodeConnList(
    this: LinstorCore,
    opts: NodeConnListOptions = {},
  ): Promise<ListResult<NodeConnectionsResponse>> {
    const reply = await this.call('GET', '/v1/node-connections', {
      params: { query: { node_a: opts.nodeA || undefined, node_b: opts.nodeB || undefined } },
    });
    return reply.ok ? [new NodeConnectionsResponse(reply.data)] : reply.replies;
  },

  /**
   * python `node_conn_list_specific_pair`: the same GET for one pair; `[NodeConnection]` or the error
   * replies (404 when the pair has no connection).
   * Differs from python (quirk 13): the `NodeConnection` wraps the matching element, not the whole array.
   */
  async nodeConnListSpecificPair(
    this: LinstorCore,
    opts: { nodeA: string; nodeB: string },
  ): Promise<[NodeConnection] | ApiCallResponse[]> {
    const reply = await this.call('GET', '/v1/node-connections', {
      params: { query: { node_a: opts.nodeA, node_b: opts.nodeB } },
    });
    if (!reply.ok) return reply.replies;
    const first = reply.data[0];
    return first === undefined ? [] : [new NodeConnection(first)];
  },

  /** python `node_conn_list_raise`: the `NodeConnectionsResponse`, or throws `LinstorApiCallError`. */
  async nodeConnListRaise(
    this: LinstorCore,
    opts: NodeConnListOptions = {},
  ): Promise<NodeConnectionsResponse> {
    return unwrapListResult(await nodeConnectionMethods.nodeConnList.call(this, opts));
  },
};
