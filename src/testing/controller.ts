// The framework-free simulated controller: handle(request) -> response over a SimulatorState.
// Transport adapters (msw handlers, the HTTP server) only move bytes; everything the controller decides
// (status, headers, body) is decided here.

import { API_CALL_PARSE_ERROR, FAIL_UNKNOWN_ERROR } from '../../generated/constants';
import { operations } from '../../generated/operations';
import { schemaValidators } from '../../generated/validators';
import { stringifyJson } from '../core/lossless-json';
import { BodyParseError, type ObjectShape, readBody, type Shape } from './body';
import { type EventSource, type SimEvent, sseFrame } from './event-hub';
import { authTokenRoutes } from './handlers/auth-tokens';
import { backupRoutes } from './handlers/backups';
import { cloneRoutes } from './handlers/clone';
import { connectionRoutes } from './handlers/connections';
import { controllerRoutes } from './handlers/controller';
import { encryptionRoutes } from './handlers/encryption';
import { externalFileRoutes } from './handlers/files';
import { kvsRoutes } from './handlers/kvs';
import { type NodeCreateOptions, nodeRoutes } from './handlers/nodes';
import { physicalStorageRoutes } from './handlers/physical-storage';
import { propertiesInfoRoutes } from './handlers/properties-info';
import { remoteRoutes } from './handlers/remotes';
import { resourceDefinitionRoutes } from './handlers/resource-definitions';
import { resourceGroupRoutes } from './handlers/resource-groups';
import { resourceRoutes } from './handlers/resources';
import { scheduleRoutes } from './handlers/schedules';
import { snapshotRoutes } from './handlers/snapshots';
import { sosRoutes } from './handlers/sos';
import { statsRoutes } from './handlers/stats';
import { storagePoolRoutes } from './handlers/storage-pools';
import { viewRoutes } from './handlers/views';
import { nodeEventHub } from './node-events';
import { promotionEventHub } from './promotion-events';
import { addContext, entry, type RcEntry, RcError, setRcClock, statusFor, toJson } from './rc';
import { decodeSegments, type Route, type RouteContext, type RouteMatch, Router } from './router';
import type { SimulatorState } from './state';
import {
  type MismatchHandler,
  type ReplyMismatch,
  reportMismatch,
  runningUnderJest,
  validateReply,
} from './validation';

/** One HTTP request as the controller sees it. `path` is raw (percent-encoded) and may carry `?query`. */
export interface SimRequest {
  method: string;
  path: string;
  query?: string | URLSearchParams;
  headers?: Readonly<Record<string, string | undefined>>;
  bodyText?: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  /** a binary body (the SOS report download), sent instead of `bodyText` (then '') */
  bodyBytes?: Uint8Array;
  /** operationId (generated/operations.ts) of the route that answered, when there is one */
  operationId?: string;
  /** "METHOD /v1/template" of the route that answered */
  route?: string;
}

/** An event stream reply: headers now, then frames as the state changes, until the transport stops it. */
export interface SimEventStream {
  status: number;
  headers: Record<string, string>;
  /** written right after the headers (a comment line, so clients see the stream is open) */
  preamble: string;
  /** calls `write` with each frame (`id:`, `event:`, `data:`) from now on; returns the unsubscribe */
  open(write: (frame: string) => void): () => void;
}

const EVENT_STREAM_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
};

/** An event stream the controller serves: where its events come from, and the schema of each event's data. */
interface StreamKind {
  hub: (state: SimulatorState) => EventSource;
  /** comment sent first */
  preamble: string;
  schemas: Readonly<Record<string, string>>;
}

/** The event streams, by the operationId of their GET. */
const STREAMS: Readonly<Record<string, StreamKind>> = {
  eventsNodes: {
    hub: nodeEventHub,
    preamble: ': node events\n\n',
    schemas: {
      'node-create': 'EventNode',
      'node-delete': 'EventNode',
      'node-evacuate': 'EventNode',
      'node-evicted': 'EventNode',
      'node-restored': 'EventNode',
      'node-modified': 'EventNodeModified',
    },
  },
  eventsDrbdPromotion: {
    hub: promotionEventHub,
    preamble: ': drbd promotion events\n\n',
    schemas: { 'may-promote-change': 'EventMayPromoteChange' },
  },
};

/** Answered as a stream by the transports (openEventStream); a direct handle() call gets the headers and
 * an empty body, i.e. a stream that ended before any event. */
const streamRoute = (template: string): Route => ({
  method: 'GET',
  template,
  handler: () => ({ raw: '', status: 200, headers: { ...EVENT_STREAM_HEADERS } }),
});

export interface ControllerOptions {
  /**
   * Validate every reply against the OpenAPI schemas (generated validators). Default: on inside jest,
   * off elsewhere (validation costs time on big replies).
   */
  validateReplies?: boolean;
  /** what to do with a reply that fails validation; default 'record' (fails the running jest test) */
  onInvalidReply?: MismatchHandler;
  /** connection status of nodes created over REST: true = ONLINE (default), false = OFFLINE */
  newNodesOnline?: boolean;
  /** total capacity (KiB) of storage pools created over REST; default 100 GiB */
  storagePoolCapacityKib?: number;
}

/** The controller always sends these (CORSFilter, controller-behavior.md §7). */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'origin, content-type, accept, authorization',
  'access-control-allow-credentials': 'true',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS, HEAD',
};

const INDEX_HTML = (version: string): string =>
  '<!DOCTYPE html>\n<html><head><title>LINSTOR REST API</title></head><body>' +
  '<h1>LINSTOR REST API (simulated controller)</h1>' +
  `<p>Documentation: <a href="https://app.swaggerhub.com/apis-docs/Linstor/Linstor/${version}">` +
  `https://app.swaggerhub.com/apis-docs/Linstor/Linstor/${version}</a></p></body></html>\n`;

/** A browser's CORS preflight names the method it wants to send; a plain OPTIONS request does not. */
function isPreflight(req: SimRequest): boolean {
  return Object.keys(req.headers ?? {}).some((k) => k.toLowerCase() === 'access-control-request-method');
}

export class SimulatedController {
  readonly options: ControllerOptions;
  /** mismatches seen by this controller (also reported through onInvalidReply) */
  readonly replyMismatches: ReplyMismatch[] = [];
  private readonly router = new Router();
  private readonly fallback = new Router();

  constructor(
    readonly state: SimulatorState,
    options: ControllerOptions = {},
  ) {
    this.options = { ...options };
    const nodeOpts = (): NodeCreateOptions => ({ online: this.options.newNodesOnline ?? true });
    const poolOpts = () => ({ capacityKib: this.options.storagePoolCapacityKib });
    this.router.add(
      streamRoute('/v1/events/nodes'),
      streamRoute('/v1/events/drbd/promotion'),
      ...controllerRoutes,
      ...nodeRoutes(nodeOpts),
      ...storagePoolRoutes(poolOpts),
      ...resourceDefinitionRoutes(),
      ...resourceRoutes(),
      ...resourceGroupRoutes(),
      ...kvsRoutes(),
      ...viewRoutes(),
      ...snapshotRoutes(),
      ...cloneRoutes(),
      ...statsRoutes(),
      ...remoteRoutes(),
      ...backupRoutes(),
      ...scheduleRoutes(),
      ...externalFileRoutes(),
      ...connectionRoutes(),
      ...encryptionRoutes(),
      ...authTokenRoutes(),
      ...physicalStorageRoutes(),
      ...propertiesInfoRoutes(),
      ...sosRoutes(),
    );
    // Operations the project describes but the simulator does not implement answer "not implemented"
    // instead of pretending the path does not exist.
    const implemented = new Set(this.router.all().map((r) => r.operationId));
    for (const [id, info] of Object.entries(operations as Record<string, { method: string; path: string }>)) {
      if (implemented.has(id)) continue;
      this.fallback.add({
        method: info.method.toUpperCase(),
        template: info.path,
        handler: ({ method }) => {
          throw new RcError(
            [
              entry(
                FAIL_UNKNOWN_ERROR,
                `The simulated controller does not implement '${method} ${info.path}'.`,
              ),
            ],
            500,
            true,
          );
        },
      });
    }
  }

  /** Route templates the simulator implements, with their operationIds. */
  routes(): { method: string; template: string; operationId?: string }[] {
    return this.router
      .all()
      .map((r) => ({ method: r.method, template: r.template, operationId: r.operationId }));
  }

  /** Method, raw path (no query) and operationId of a request, without handling it (fault matching). */
  describe(method: string, path: string): { method: string; path: string; operationId?: string } {
    const q = path.indexOf('?');
    const rawPath = q >= 0 ? path.slice(0, q) : path;
    const m = method.toUpperCase();
    const parts = decodeSegments(rawPath);
    const found = parts ? this.lookup(m === 'HEAD' ? 'GET' : m, parts) : undefined;
    const operationId = found && !('allowed' in found) ? found.route.operationId : undefined;
    return { method: m, path: rawPath, operationId };
  }

  get validating(): boolean {
    return this.options.validateReplies ?? runningUnderJest();
  }

  handle(req: SimRequest): SimResponse {
    setRcClock(() => new Date(this.state.now()));
    const method = req.method.toUpperCase();
    let rawPath = req.path;
    let queryText = '';
    const q = rawPath.indexOf('?');
    if (q >= 0) {
      queryText = rawPath.slice(q + 1);
      rawPath = rawPath.slice(0, q);
    }
    const query =
      req.query instanceof URLSearchParams ? req.query : new URLSearchParams(req.query ?? queryText);
    const res = this.dispatch(method, rawPath, query, req);
    // Reads change nothing; after anything else the node event streams compare the nodes.
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') this.state.changed();
    res.headers = { ...CORS_HEADERS, ...res.headers };
    if (method === 'HEAD') {
      res.bodyText = '';
      delete res.bodyBytes;
    }
    if (this.validating && res.route !== undefined && method !== 'HEAD') {
      const errors =
        res.operationId === undefined && res.route !== 'unmatched'
          ? [`route ${res.route} has no operationId in generated/operations.ts`]
          : validateReply(res.operationId, res.status, res.bodyText);
      if (errors.length > 0) {
        this.mismatch({ method, path: rawPath, status: res.status, operationId: res.operationId, errors });
      }
    }
    return res;
  }

  /**
   * The event stream a GET answers with, or undefined when the request is an ordinary one (then use
   * handle()): `GET /v1/events/nodes` and `GET /v1/events/drbd/promotion` stream.
   */
  openEventStream(method: string, path: string): SimEventStream | undefined {
    if (method.toUpperCase() !== 'GET') return undefined;
    const info = this.describe('GET', path);
    const kind = info.operationId === undefined ? undefined : STREAMS[info.operationId];
    if (kind === undefined || info.operationId === undefined) return undefined;
    const operationId = info.operationId;
    const hub = kind.hub(this.state);
    return {
      status: 200,
      headers: { ...CORS_HEADERS, ...EVENT_STREAM_HEADERS },
      preamble: kind.preamble,
      open: (write) =>
        hub.subscribe((e) => {
          if (this.validating) this.checkEvent(info.path, operationId, kind, e);
          write(sseFrame(e));
        }),
    };
  }

  private checkEvent(path: string, operationId: string, kind: StreamKind, e: SimEvent): void {
    const schema = kind.schemas[e.event];
    const validate = schema === undefined ? undefined : schemaValidators[schema];
    if (validate?.(e.data)) return;
    this.mismatch({
      method: 'GET',
      path,
      status: 200,
      operationId,
      errors:
        validate === undefined
          ? [`event '${e.event}' is not described for this stream`]
          : (validate.errors ?? []).map(
              (x) => `${e.event} data${x.instancePath} ${x.message ?? 'invalid'} (${schema})`,
            ),
    });
  }

  private mismatch(m: ReplyMismatch): void {
    this.replyMismatches.push(m);
    reportMismatch(m, this.options.onInvalidReply ?? 'record');
  }

  private dispatch(method: string, rawPath: string, query: URLSearchParams, req: SimRequest): SimResponse {
    if ((method === 'GET' || method === 'HEAD') && (rawPath === '/' || rawPath === '')) {
      return {
        status: 200,
        headers: { 'content-type': 'text/html' },
        bodyText: INDEX_HTML(this.state.version.rest_api_version),
      };
    }
    if (rawPath === '/health' && (method === 'GET' || method === 'HEAD'))
      return { status: 200, headers: {}, bodyText: '' };
    const parts = decodeSegments(rawPath);
    const lookupMethod = method === 'HEAD' || method === 'OPTIONS' ? 'GET' : method;
    const found = parts ? this.lookup(lookupMethod, parts) : undefined;
    if (method === 'OPTIONS') {
      // An operation of its own (the max-volume-size query), unless a browser's CORS preflight asks.
      const own = parts && !isPreflight(req) ? this.lookup('OPTIONS', parts) : undefined;
      if (own !== undefined && !('allowed' in own)) return this.run(own, method, query, req);
      // Preflight: answered for every known path (JAX-RS automatic OPTIONS), CORS headers added by handle().
      if (found === undefined) return this.notFound(rawPath);
      const allowed =
        'allowed' in found ? found.allowed : [found.route.method, ...this.methodsOf(parts ?? [])];
      return {
        status: 200,
        headers: { allow: [...new Set([...allowed, 'OPTIONS'])].join(',') },
        bodyText: '',
      };
    }
    if (found === undefined) return this.notFound(rawPath);
    if ('allowed' in found) {
      return this.rcReply(
        405,
        [entry(FAIL_UNKNOWN_ERROR, `Method '${method}' not allowed on path '${rawPath}'.`)],
        undefined,
        'unmatched',
      );
    }
    return this.run(found, method, query, req);
  }

  private methodsOf(parts: string[]): string[] {
    const out: string[] = [];
    for (const m of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
      const r = this.lookup(m, parts);
      if (r && !('allowed' in r)) out.push(m);
    }
    return out;
  }

  private lookup(method: string, parts: string[]): RouteMatch | { allowed: string[] } | undefined {
    const primary = this.router.match(method, parts);
    if (primary && !('allowed' in primary)) return primary;
    const secondary = this.fallback.match(method, parts);
    if (secondary && !('allowed' in secondary)) return secondary;
    if (primary || secondary) {
      return {
        allowed: [
          ...new Set([
            ...(primary?.allowed ?? []),
            ...((secondary as { allowed?: string[] })?.allowed ?? []),
          ]),
        ],
      };
    }
    return undefined;
  }

  private notFound(rawPath: string): SimResponse {
    return this.rcReply(
      404,
      [entry(FAIL_UNKNOWN_ERROR, `Path '${rawPath}' not found on server.`)],
      undefined,
      'unmatched',
    );
  }

  private rcReply(
    status: number,
    entries: RcEntry[],
    operationId: string | undefined,
    route: string,
  ): SimResponse {
    return {
      status,
      headers: { 'content-type': 'application/json' },
      bodyText: stringifyJson(entries.map(toJson)),
      operationId,
      route,
    };
  }

  private run(match: RouteMatch, method: string, query: URLSearchParams, req: SimRequest): SimResponse {
    const route = match.route;
    const routeName = `${route.method} ${route.template}`;
    const bodyText = req.bodyText ?? '';
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = v;
    const ctx: RouteContext = {
      state: this.state,
      method,
      params: match.params,
      query,
      headers,
      bodyText,
      body: <T>(shape: Shape | ObjectShape) => readBody<T>(bodyText, shape),
      optionalBody: <T>(shape: Shape | ObjectShape) =>
        bodyText.trim() === '' ? undefined : readBody<T>(bodyText, shape),
    };
    const withContext = (entries: RcEntry[], r: Route) =>
      r.context ? entries.map((e) => addContext(e, r.context?.[0] ?? 0n, r.context?.[1] ?? 0n)) : entries;
    try {
      const result = route.handler(ctx);
      if ('entries' in result) {
        const entries = withContext(result.entries, route);
        return this.rcReply(statusFor(entries, route.success ?? 200), entries, route.operationId, routeName);
      }
      if ('json' in result) {
        return {
          status: result.status ?? 200,
          headers: { 'content-type': 'application/json' },
          bodyText: stringifyJson(result.json),
          operationId: route.operationId,
          route: routeName,
        };
      }
      const headersOut: Record<string, string> = {
        ...(result.contentType ? { 'content-type': result.contentType } : {}),
        ...result.headers,
      };
      return {
        status: result.status,
        headers: headersOut,
        bodyText: result.raw,
        ...(result.bytes ? { bodyBytes: result.bytes } : {}),
        operationId: route.operationId,
        route: routeName,
      };
    } catch (e) {
      if (e instanceof RcError) {
        const entries = e.bare ? e.entries : withContext(e.entries, route);
        const status = e.status ?? statusFor(entries, route.success ?? 200);
        return this.rcReply(status, entries, route.operationId, routeName);
      }
      if (e instanceof BodyParseError) {
        const entries = [entry(API_CALL_PARSE_ERROR, 'Unable to parse input json.', { details: e.details })];
        return this.rcReply(
          route.parseErrorStatus ?? statusFor(entries, 500),
          entries,
          route.operationId,
          routeName,
        );
      }
      return this.internalError(e, method, routeName, route.operationId);
    }
  }

  /** A bug in the simulator: answered like the controller's unknown-error path, and recorded. */
  private internalError(e: unknown, method: string, routeName: string, operationId?: string): SimResponse {
    const err = e as { name?: string; message?: string; stack?: string };
    const id = this.state.addErrorReport({
      exception: err?.name ?? 'Error',
      exceptionMessage: err?.message ?? String(e),
      text: err?.stack ?? String(e),
    });
    this.mismatch({
      method,
      path: routeName,
      status: 500,
      operationId,
      errors: [`simulator internal error: ${err?.stack ?? String(e)}`],
    });
    return this.rcReply(
      500,
      [
        entry(FAIL_UNKNOWN_ERROR, 'An unknown error occurred.', {
          errorReportIds: [id],
          details: err?.message,
        }),
      ],
      operationId,
      routeName,
    );
  }
}
