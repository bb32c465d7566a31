// SOS reports: `GET /v1/sos-report` collects a report on the controller host and names the file;
// `GET /v1/sos-report/download` collects one and sends it (a real .tar.gz of a few text files).
// Both take the same query: nodes (collect from these), rscs (and from the nodes holding these
// resources), exclude (but not from these nodes), include-ctrl (the controller's own part, default on)
// and since (logs from then on, epoch ms).
import { CREATED, FAIL_INVLD_TIME_PARAM } from '../../../generated/constants';
import { type ArchiveFile, gzipStored, tar } from '../archive';
import { nodeNotFound, rscDfnNotFound } from '../messages';
import { entry, RcError } from '../rc';
import { isDiskless } from '../render';
import type { Route, RouteContext } from '../router';
import { key, type NodeRecord, type SimulatorState } from '../state';
import { nameFilter } from './common';

const REPORT_DIR = '/var/log/linstor-controller';

interface SosRequest {
  nodes: NodeRecord[];
  includeCtrl: boolean;
  since?: number;
  /** sos_<UTC yyyy-MM-dd_HH-mm-ss>, the report's directory inside the archive and its file name */
  name: string;
}

function sinceOf(query: URLSearchParams): number | undefined {
  const text = query.get('since');
  if (text === null || text === '') return undefined;
  if (!/^-?\d+$/.test(text.trim())) {
    // A malformed query parameter is refused before the call reaches the controller's logic.
    throw new RcError(
      [entry(FAIL_INVLD_TIME_PARAM, `The time '${text}' is not a number of milliseconds since the epoch.`)],
      400,
      true,
    );
  }
  return Number(text.trim());
}

/** The nodes to collect from: the named ones and those holding the named resources (all when neither). */
function selectNodes(state: SimulatorState, query: URLSearchParams): NodeRecord[] {
  const named = nameFilter(query, 'nodes');
  const rscs = nameFilter(query, 'rscs');
  const excluded = nameFilter(query, 'exclude') ?? new Set<string>();
  for (const n of named ?? []) if (!state.nodes.has(n)) nodeNotFound(n);
  const wanted = new Set(named);
  for (const r of rscs ?? []) {
    const rd = state.resourceDefinition(r) ?? rscDfnNotFound(r);
    for (const k of rd.resources.keys()) wanted.add(k);
  }
  const all = named === undefined && rscs === undefined;
  return state.sortedNodes().filter((n) => (all || wanted.has(key(n.name))) && !excluded.has(key(n.name)));
}

function readRequest(ctx: RouteContext): SosRequest {
  const { state, query } = ctx;
  const since = sinceOf(query);
  const stamp = new Date(state.now()).toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '-');
  return {
    nodes: selectNodes(state, query),
    includeCtrl: (query.get('include-ctrl') ?? 'true').toLowerCase() !== 'false',
    since,
    name: `sos_${stamp}`,
  };
}

const lines = (rows: readonly string[]): string => rows.map((r) => `${r}\n`).join('');

function controllerFiles(state: SimulatorState, req: SosRequest): ArchiveFile[] {
  const v = state.version;
  const dir = `${req.name}/controller`;
  const reports = state.errorReports.filter((e) => req.since === undefined || e.errorTime >= req.since);
  return [
    {
      path: `${dir}/version.txt`,
      text: lines([
        `version: ${v.version}`,
        `git_hash: ${v.git_hash}`,
        `build_time: ${v.build_time}`,
        `rest_api_version: ${v.rest_api_version}`,
      ]),
    },
    {
      path: `${dir}/nodes.txt`,
      text: lines(
        state.sortedNodes().map((n) => {
          const address = [...n.netInterfaces.values()][0]?.address ?? '-';
          return `${n.name}\t${n.type}\t${address}\t${n.connectionStatus}`;
        }),
      ),
    },
    {
      path: `${dir}/error-reports.txt`,
      text: lines(reports.map((e) => `${e.id}\t${new Date(e.errorTime).toISOString()}\t${e.exception}`)),
    },
  ];
}

/** What a satellite contributes: its resources, or a note when it cannot be reached. */
function nodeFile(state: SimulatorState, req: SosRequest, node: NodeRecord): ArchiveFile {
  const dir = `${req.name}/${node.name}`;
  if (node.connectionStatus !== 'ONLINE') {
    return {
      path: `${dir}/error.txt`,
      text: lines([`Node '${node.name}' is ${node.connectionStatus}; nothing was collected.`]),
    };
  }
  const rows: string[] = [];
  for (const rd of state.sortedResourceDefinitions()) {
    const r = rd.resources.get(key(node.name));
    if (!r) continue;
    rows.push(`${rd.name}\t${isDiskless(r) ? 'Diskless' : 'UpToDate'}\t${r.inUse ? 'InUse' : 'Unused'}`);
  }
  return { path: `${dir}/resources.txt`, text: lines(rows) };
}

/** The report as a .tar.gz: a summary, the controller's part (unless excluded) and each node's. */
function buildReport(state: SimulatorState, req: SosRequest): Uint8Array {
  const summary: ArchiveFile = {
    path: `${req.name}/report.txt`,
    text: lines([
      `created: ${new Date(state.now()).toISOString()}`,
      `since: ${req.since === undefined ? '-' : new Date(req.since).toISOString()}`,
      `controller: ${req.includeCtrl ? 'included' : 'excluded'}`,
      `nodes: ${req.nodes.map((n) => n.name).join(', ') || '-'}`,
    ]),
  };
  const files = [
    summary,
    ...(req.includeCtrl ? controllerFiles(state, req) : []),
    ...req.nodes.map((n) => nodeFile(state, req, n)),
  ];
  const mtime = Math.floor(state.now() / 1000);
  return gzipStored(tar(files, mtime), mtime);
}

export function sosRoutes(): Route[] {
  return [
    {
      // A GET that creates: the report is written next to the controller's logs.
      method: 'GET',
      template: '/v1/sos-report',
      success: 201,
      handler: (ctx) => {
        const req = readRequest(ctx);
        const path = `${REPORT_DIR}/${req.name}.tar.gz`;
        return {
          entries: [
            entry(CREATED, `SOS report created on the controller: ${path}`, {
              details: `Collected from ${req.nodes.length} node(s)${req.includeCtrl ? ' and the controller' : ''}.`,
              objRefs: { path },
            }),
          ],
        };
      },
    },
    {
      method: 'GET',
      template: '/v1/sos-report/download',
      handler: (ctx) => {
        const req = readRequest(ctx);
        return {
          raw: '',
          bytes: buildReport(ctx.state, req),
          status: 200,
          contentType: 'application/octet-stream',
          headers: { 'content-disposition': `attachment; filename="${req.name}.tar.gz"` },
        };
      },
    },
  ];
}
