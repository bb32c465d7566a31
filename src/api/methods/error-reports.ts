import type { ApiCallResponse } from '../../core/api-call-response';
import { optionalEpochMs, type TimeArg } from '../epoch-ms';
import type { LinstorCore } from '../linstor-core';
import { ErrorReport } from '../responses/error-report';
import { listItems } from '../responses/list-items';
import type { Schemas } from '../responses/schemas';
import { queryList } from './props-body';

/** python-linstor §2.15: error reports. */
export const errorReportMethods = {
  /**
   * python `error_report_list`. With `ids`: one `GET /v1/error-reports/{id}` per id (keeping the first
   * report of each); else with `nodes`: one `GET /v1/error-reports?…&node=<n>` per node; else one
   * `GET /v1/error-reports`. The query is `withContent=True|False`, plus `since`/`to`.
   * Returns python's shape: every report as an `ErrorReport`, with the `ApiCallResponse`s of a failed
   * request mixed into the same list.
   * Differs from python: `since`/`to` take a `Date` or epoch milliseconds and are sent as UTC epoch
   * milliseconds (python converts datetimes with local-time `mktime`, quirk 22).
   */
  async errorReportList(
    this: LinstorCore,
    opts: {
      nodes?: readonly string[] | null;
      withContent?: boolean;
      since?: TimeArg | null;
      to?: TimeArg | null;
      ids?: readonly string[] | null;
    } = {},
  ): Promise<(ErrorReport | ApiCallResponse)[]> {
    const query = {
      withContent: opts.withContent ?? false,
      since: optionalEpochMs(opts.since, 'since'),
      to: optionalEpochMs(opts.to, 'to'),
    };
    const out: (ErrorReport | ApiCallResponse)[] = [];
    const ids = queryList(opts.ids);
    if (ids) {
      for (const reportid of ids) {
        const reply = await this.call('GET', '/v1/error-reports/{reportid}', {
          params: { path: { reportid }, query },
        });
        if (!reply.ok) out.push(...reply.replies);
        else if (reply.data[0] !== undefined) out.push(new ErrorReport(reply.data[0]));
      }
      return out;
    }
    const nodes: (string | undefined)[] = queryList(opts.nodes) ?? [undefined];
    for (const node of nodes) {
      const reply = await this.call('GET', '/v1/error-reports', { params: { query: { ...query, node } } });
      if (!reply.ok) out.push(...reply.replies);
      else out.push(...listItems(reply.data, 'errorReportList').map((r) => new ErrorReport(r)));
    }
    return out;
  },

  /**
   * python `error_report_delete` (REST 1.4.0): `PATCH /v1/error-reports
   * {"nodes"?,"since"?,"to"?,"exception"?,"version"?,"ids"?}`; `since`/`to` as UTC epoch milliseconds.
   */
  async errorReportDelete(
    this: LinstorCore,
    opts: {
      nodes?: readonly string[] | null;
      since?: TimeArg | null;
      to?: TimeArg | null;
      exception?: string | null;
      version?: string | null;
      ids?: readonly string[] | null;
    } = {},
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['ErrorReportDelete'] = {};
    const nodes = queryList(opts.nodes);
    if (nodes) body.nodes = nodes;
    const since = optionalEpochMs(opts.since, 'since');
    if (since !== undefined) body.since = since;
    const to = optionalEpochMs(opts.to, 'to');
    if (to !== undefined) body.to = to;
    if (opts.exception) body.exception = opts.exception;
    if (opts.version) body.version = opts.version;
    const ids = queryList(opts.ids);
    if (ids) body.ids = ids;
    return this.callReplies('PATCH', '/v1/error-reports', {
      body,
      minVersion: '1.4.0',
      versionMessage: 'Error report delete not supported by server',
    });
  },
};
