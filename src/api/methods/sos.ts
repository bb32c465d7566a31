import { ApiCallResponse } from '../../core/api-call-response';
import { LinstorError } from '../../core/errors';
import { optionalEpochMs, type TimeArg } from '../epoch-ms';
import type { LinstorCore } from '../linstor-core';
import type { ListResult } from '../responses/list-result';
import { SpaceReport } from '../responses/physical-storage';
import { dispositionFileName, type SaveDownload, SosReportDownload } from '../sos-report-download';
import { queryList } from './props-body';

export interface SosReportOptions {
  /** Collect logs since then; a `Date` or epoch milliseconds, sent as UTC epoch milliseconds. */
  since?: TimeArg | null;
  /** The nodes to report on (default: all). */
  nodes?: readonly string[] | null;
  /** Also report on the nodes where any of these resources is deployed. */
  rscs?: readonly string[] | null;
  /** Nodes to leave out. */
  exclude?: readonly string[] | null;
  /** Include the controller. Default true; `false` adds `include-ctrl=false`. */
  includeCtrl?: boolean;
}

const GATE = { minVersion: '1.2.0', versionMessage: 'SOS report not supported by server' } as const;

function sosQuery(opts: SosReportOptions) {
  return {
    since: optionalEpochMs(opts.since, 'since'),
    nodes: queryList(opts.nodes),
    rscs: queryList(opts.rscs),
    exclude: queryList(opts.exclude),
    // python writes this one lower-case (`include-ctrl=false`), unlike its other booleans.
    'include-ctrl': opts.includeCtrl === false ? ('false' as unknown as boolean) : undefined,
  };
}

/** python-linstor §2.15: SOS reports and the space report. */
export const sosMethods = {
  /**
   * python `sos_report_create` (REST 1.2.0): `GET /v1/sos-report?since=..&nodes=..&rscs=..&exclude=..[&include-ctrl=false]`
   * (a GET that creates the report on the controller).
   * Differs from python: `since` is a `Date` or epoch milliseconds sent as UTC epoch milliseconds (quirk 22).
   */
  async sosReportCreate(this: LinstorCore, opts: SosReportOptions = {}): Promise<ApiCallResponse[]> {
    return this.callReplies('GET', '/v1/sos-report', { params: { query: sosQuery(opts) }, ...GATE });
  },

  /**
   * python `sos_report_download` (REST 1.2.0): `GET /v1/sos-report/download?…` (same query as create).
   * python writes the file itself; this SDK runs in browsers too, so it hands over the stream instead:
   * - without `save`: returns a {@link SosReportDownload} (file name + body stream), or the error replies;
   * - with `save`: calls `save(fileName, body)` and returns python's reply
   *   `[ApiCallResponse{ret_code 0, "File saved to: <name>", obj_refs.path}]`.
   * The file name is `toFile`, else the `Content-Disposition` name, else `linstor.out`.
   */
  async sosReportDownload(
    this: LinstorCore,
    opts: SosReportOptions & { toFile?: string | null; save?: SaveDownload; signal?: AbortSignal } = {},
  ): Promise<SosReportDownload | ApiCallResponse[]> {
    const reply = await this.callStream('GET', '/v1/sos-report/download', {
      params: { query: sosQuery(opts) },
      signal: opts.signal,
      ...GATE,
    });
    if (!reply.ok) return reply.replies;
    const fileName =
      opts.toFile || dispositionFileName(reply.headers.get('content-disposition')) || 'linstor.out';
    const download = new SosReportDownload(fileName, reply.body);
    if (!opts.save) return download;
    try {
      await opts.save(fileName, reply.body);
    } catch (e) {
      await reply.body.cancel().catch(() => undefined);
      throw e instanceof LinstorError
        ? e
        : new LinstorError(`Unable to save the SOS report to ${fileName}`, { cause: e });
    }
    return [
      new ApiCallResponse({
        ret_code: 0n,
        message: `File saved to: ${fileName}`,
        obj_refs: { path: fileName },
      }),
    ];
  },

  /** python `space_reporting_query` (REST 1.5.0): `GET /v1/space-report` → `[SpaceReport]`. */
  async spaceReportingQuery(this: LinstorCore): Promise<ListResult<SpaceReport>> {
    const reply = await this.call('GET', '/v1/space-report', {
      minVersion: '1.5.0',
      versionMessage: 'Space reporting not supported by server',
    });
    return reply.ok ? [new SpaceReport(reply.data)] : reply.replies;
  },
};
