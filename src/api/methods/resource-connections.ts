import type { ApiCallResponse } from '../../core/api-call-response';
import { LinstorError } from '../../core/errors';
import type { LinstorCore } from '../linstor-core';
import { type ListResult, unwrapListResult } from '../responses/list-result';
import { ResourceConnection, ResourceConnectionsResponse } from '../responses/resource-connection';
import type { Schemas } from '../responses/schemas';
import { type PropertyDict, propsBody } from './props-body';

/** python-linstor §2.12: resource connections and DRBD proxy. */
export const resourceConnectionMethods = {
  /** python `resource_conn_modify`: `PUT …/{rscName}/resource-connections/{nodeA}/{nodeB}` with the property edits. */
  async resourceConnModify(
    this: LinstorCore,
    opts: {
      rscName: string;
      nodeA: string;
      nodeB: string;
      propertyDict: PropertyDict | null;
      deleteProps: readonly string[] | null;
    },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies(
      'PUT',
      '/v1/resource-definitions/{resource}/resource-connections/{node_a}/{node_b}',
      {
        params: { path: { resource: opts.rscName, node_a: opts.nodeA, node_b: opts.nodeB } },
        body: propsBody(opts.propertyDict, opts.deleteProps),
      },
    );
  },

  /** python `resource_conn_list`: `[ResourceConnectionsResponse]`, or the error replies. */
  async resourceConnList(
    this: LinstorCore,
    opts: { rscName: string },
  ): Promise<ListResult<ResourceConnectionsResponse>> {
    const reply = await this.call('GET', '/v1/resource-definitions/{resource}/resource-connections', {
      params: { path: { resource: opts.rscName } },
    });
    return reply.ok ? [new ResourceConnectionsResponse(reply.data)] : reply.replies;
  },

  /** python `resource_conn_list_raise`: the `ResourceConnectionsResponse`, or throws. */
  async resourceConnListRaise(
    this: LinstorCore,
    opts: { rscName: string },
  ): Promise<ResourceConnectionsResponse> {
    return unwrapListResult(await resourceConnectionMethods.resourceConnList.call(this, opts));
  },

  /**
   * python `resource_conn_node_list_raise`: the connection between two nodes (in either order). The
   * controller sends one object; the upstream description declares an array, so a one-element array
   * is accepted too (quirk 13). Throws `LinstorApiCallError` on an error reply (404 when absent).
   */
  async resourceConnNodeListRaise(
    this: LinstorCore,
    opts: { rscName: string; nodeA: string; nodeB: string },
  ): Promise<ResourceConnection> {
    const reply = await this.call(
      'GET',
      '/v1/resource-definitions/{resource}/resource-connections/{node_a}/{node_b}',
      { params: { path: { resource: opts.rscName, node_a: opts.nodeA, node_b: opts.nodeB } } },
    );
    if (!reply.ok) return unwrapListResult<ResourceConnection>(reply.replies);
    const data: Schemas['ResourceConnection'] | undefined = Array.isArray(reply.data)
      ? reply.data[0]
      : reply.data;
    if (typeof data !== 'object' || data === null) throw new LinstorError('No list response received.');
    return new ResourceConnection(data);
  },

  /** python `drbd_proxy_enable`: `POST …/drbd-proxy/enable/{nodeA}/{nodeB}` with `{"port"?}` (so `{}` without). */
  async drbdProxyEnable(
    this: LinstorCore,
    opts: { rscName: string; nodeA: string; nodeB: string; port?: number | null },
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['DrbdProxyEnable'] = {};
    if (opts.port !== undefined && opts.port !== null) body.port = opts.port;
    return this.callReplies(
      'POST',
      '/v1/resource-definitions/{resource}/drbd-proxy/enable/{node_a}/{node_b}',
      {
        params: { path: { resource: opts.rscName, node_a: opts.nodeA, node_b: opts.nodeB } },
        body,
      },
    );
  },

  /** python `drbd_proxy_disable`: `POST …/drbd-proxy/disable/{nodeA}/{nodeB}`, no body. */
  async drbdProxyDisable(
    this: LinstorCore,
    opts: { rscName: string; nodeA: string; nodeB: string },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies(
      'POST',
      '/v1/resource-definitions/{resource}/drbd-proxy/disable/{node_a}/{node_b}',
      {
        params: { path: { resource: opts.rscName, node_a: opts.nodeA, node_b: opts.nodeB } },
      },
    );
  },

  /**
   * python `drbd_proxy_modify`: `PUT …/drbd-proxy` with the property edits, `compression_type`, and
   * `compression_props` (only together with a type).
   */
  async drbdProxyModify(
    this: LinstorCore,
    opts: {
      rscName: string;
      propertyDict?: PropertyDict | null;
      deleteProps?: readonly string[] | null;
      compressionType?: Schemas['DrbdProxyModify']['compression_type'] | null;
      compressionPropertyDict?: PropertyDict | null;
    },
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['DrbdProxyModify'] = propsBody(opts.propertyDict, opts.deleteProps);
    if (opts.compressionType) {
      body.compression_type = opts.compressionType;
      if (opts.compressionPropertyDict) body.compression_props = { ...opts.compressionPropertyDict };
    }
    return this.callReplies('PUT', '/v1/resource-definitions/{resource}/drbd-proxy', {
      params: { path: { resource: opts.rscName } },
      body,
    });
  },
};
