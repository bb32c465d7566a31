/**
 * `LinstorCore`: the connection half of `Linstor` (and, with a controller list, of `MultiLinstor`).
 *
 * It owns the connect handshake (HTTPS probe + version check, once per controller), typed requests
 * (openapi-fetch's types over the generated paths) on the SDK transport, failover, timeouts, auth,
 * logging and dry-run, and THE one request primitive every method uses: {@link LinstorCore.call} (plus
 * {@link LinstorCore.callReplies} for mutations and {@link LinstorCore.callStream} for event streams).
 *
 * Method families live in `src/api/methods/<family>.ts` as plain objects whose methods take
 * `this: LinstorCore`; the `Linstor` class installs them on its prototype. Example:
 *
 * ```ts
 * export const nodeMethods = {
 *   // python: node_delete(node_name) -> DELETE /v1/nodes/{node}
 *   async nodeDelete(this: LinstorCore, opts: { nodeName: string }): Promise<ApiCallResponse[]> {
 *     return this.callReplies('DELETE', '/v1/nodes/{node}', { params: { path: { node: opts.nodeName } } });
 *   },
 *   // a list: typed data on success, the controller's messages on an error status
 *   async nodeListRaw(this: LinstorCore) {
 *     const reply = await this.call('GET', '/v1/nodes', { params: { query: { nodes: ['a', 'b'] } } });
 *     return reply.ok ? reply.data : reply.replies;
 *   },
 * };
 * ```
 *
 * Path parameters go through the one encoder (`src/core/path-encoding.ts`), query strings are written as
 * python's `urlencode(doseq=True)` (booleans `True`/`False`), bodies through `stringifyJson` (bigint-safe).
 * Hard version gates come from `generated/version-gates.ts` (the gated rows of the operation table)
 * automatically (override with `minVersion` / `versionMessage`, or `minVersion: null` to skip); soft
 * gates use {@link LinstorCore.apiVersionSmaller} after `await this.ensureConnected()`.
 */
import type { Client, ClientPathsWithMethod, MaybeOptionalInit, MethodResponse } from 'openapi-fetch';
import type { OperationId } from '../../generated/operations';
import type { paths } from '../../generated/types';
import { versionGates } from '../../generated/version-gates';
import { ApiCallResponse } from '../core/api-call-response';
import { type AuthSettings, authorizationHeader, checkTransportSecurity } from '../core/auth';
import {
  isLinstorNetworkError,
  LinstorAbortError,
  LinstorApiCallError,
  LinstorArgumentError,
  LinstorError,
  LinstorNetworkError,
  LinstorTimeoutError,
} from '../core/errors';
import type { LinstorLogEvent, LinstorLogger } from '../core/logger';
import { stringifyJson } from '../core/lossless-json';
import { serializePath, serializeQuery } from '../core/path-encoding';
import { platformHooks, type TlsOptions } from '../core/platform';
import { summarizeRequest } from '../core/redact';
import {
  asApiCallResponses,
  type LinstorReply,
  mapReply,
  type ReplyMode,
  type RequestSummary,
} from '../core/reply-mapping';
import {
  AttemptFailure,
  type AttemptReply,
  attempt,
  attemptStream,
  DEFAULT_TIMEOUT_MS,
  type FetchLike,
  PROBE_TIMEOUT_MS,
  readText,
} from '../core/transport';
import { type ControllerAddress, parseControllerUri, withTransport } from '../core/uri';
import { identityHeaders } from '../core/user-agent';
import { API_VERSION_MIN, compareVersions, isSupportedRestVersion } from '../core/version';

export interface LinstorOptions {
  /** Controller URI (`linstor://host`, `linstor+ssl://host:3371`, `http(s)://…`, `host[:port]`). */
  controller?: string;
  /** Alias of `controller`. */
  uri?: string;
  /** The fetch used for every request (default: the Node entry's undici fetch, else `globalThis.fetch`). */
  fetch?: FetchLike;
  /**
   * Per-attempt timeout in milliseconds: the whole exchange (connect, send, reply headers and body) of
   * one attempt must finish within it. Default 300 000 (python-linstor's 300 s socket timeout).
   */
  timeoutMs?: number;
  /** Timeout of the HTTPS probe (default 3 000 ms, never more than `timeoutMs`). */
  probeTimeoutMs?: number;
  /** TCP/TLS connect timeout of the Node transport (default min(timeoutMs, 10 000)). */
  connectTimeoutMs?: number;
  /** Aborts every request of this client (each call can pass its own `signal` too). */
  signal?: AbortSignal;
  /** Basic auth user (python `username`); replaces any bearer token. Needs HTTPS or `allowInsecure`. */
  username?: string;
  password?: string;
  /** Bearer token (python `auth_token`). On Node, defaults to LS_BEARER_TOKEN_FILE / auth.json. */
  bearerToken?: string;
  /** Allow Basic auth over plain HTTP (python `allow_insecure`). */
  allowInsecure?: boolean;
  /** Appended to the User-Agent as `: <agentInfo>` (python `agent_info`). */
  agentInfo?: string;
  /** Replaces the whole User-Agent header. */
  userAgent?: string;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Receives a redacted summary of every request, reply, failure and failover. */
  logger?: LinstorLogger;
  /**
   * Dry-run (python's curl mode): nothing is sent; each call returns `{ ok: false, status: 0, replies: [],
   * dryRun: <request> }` (mutations return `[]`), the request is also passed to the function given here
   * and kept in `lin.dryRunRequests`. Uses the URI's real port.
   */
  dryRun?: boolean | ((request: RequestSummary) => void);
  /** TLS files and mTLS (Node entry only). Server certificates are verified by default. */
  tls?: TlsOptions;
  /** Probe a plain URI for the controller's HTTPS redirect before connecting (default true). */
  probeHttps?: boolean;
  /**
   * python `keep_alive`: retry an idempotent request once on the same controller after a connection
   * failure. Never applies to POST/PATCH. Default false.
   */
  keepAlive?: boolean;
}

/** Options every call accepts next to openapi-fetch's `params`/`body`. */
export interface CallOptions {
  /** Aborts this call (in addition to the client's signal). */
  signal?: AbortSignal;
  /** Per-attempt timeout for this call. */
  timeoutMs?: number;
  /** Minimum controller REST version (default: from the operation table); `null` disables the gate. */
  minVersion?: string | null;
  /** Start of the version-gate error ("… not supported by server"), python's `_require_version` msg. */
  versionMessage?: string;
  /**
   * `'data'` (default): status >= 400 with an ApiCallRc list gives `ok: false`.
   * `'envelope'`: any status with a JSON object that is not an ApiCallRc is data (the clone reply).
   * `'replies'` (what `callReplies` uses): a success status with an empty body is `data: []`.
   */
  expect?: ReplyMode;
}

export type HttpVerb = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'OPTIONS' | 'HEAD';
/** Paths of the generated description that support the method. */
export type PathFor<M extends HttpVerb> = ClientPathsWithMethod<Client<paths>, Lowercase<M>>;
/**
 * openapi-fetch's request init (params, body, headers) for the path and method, plus {@link CallOptions}.
 * openapi-fetch's client options (serializers, middleware, parseAs, baseUrl, fetch) have no effect here.
 */
export type CallInit<M extends HttpVerb, P extends PathFor<M>> = NonNullable<
  MaybeOptionalInit<paths[P], Lowercase<M>>
> &
  CallOptions;
/** The init argument is optional exactly when the operation has no required parameters or body. */
type InitArgs<M extends HttpVerb, P extends PathFor<M>> =
  undefined extends MaybeOptionalInit<paths[P], Lowercase<M>>
    ? [init?: CallInit<M, P>]
    : [init: CallInit<M, P>];
/** The JSON body type of the success responses of the path and method. */
export type SuccessData<M extends HttpVerb, P extends PathFor<M>> = MethodResponse<
  Client<paths>,
  Lowercase<M>,
  P
>;

export type { LinstorReply, RequestSummary };

/** The reply of `callStream` (the event streams' primitive): an open body stream, or the controller's messages. */
export type LinstorStreamReply =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: Headers;
      readonly body: ReadableStream<Uint8Array>;
    }
  | {
      readonly ok: false;
      readonly status: number;
      readonly headers: Headers;
      readonly replies: ApiCallResponse[];
    };

/** The controller's answer to `GET /v1/controller/version`. */
export interface ControllerVersionInfo {
  version?: string;
  git_hash?: string;
  build_time?: string;
  rest_api_version?: string;
  [key: string]: unknown;
}

interface ControllerState {
  readonly address: ControllerAddress;
  /** After the probe: the address actually used (may have moved to HTTPS). */
  base: ControllerAddress;
  ready: boolean;
  handshake: Promise<void> | undefined;
  versionInfo: ControllerVersionInfo | undefined;
  restVersion: string | undefined;
}

interface BuiltRequest {
  readonly method: string;
  readonly pathAndQuery: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  readonly schemaPath: string;
}

interface ExecOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  minVersion?: string | null;
  versionMessage?: string;
}

/** The parts of a call's init that make the request (openapi-fetch's request shape). */
interface RequestParts {
  params?: {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
    header?: Record<string, unknown>;
  };
  body?: unknown;
  headers?: HeadersInit | Record<string, unknown>;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
/** Placeholder origin for parsing a built path and query as a Request would hold them. */
const PLACEHOLDER_ORIGIN = 'http://linstor.invalid';

/** python's repr of a list of strings: `['linstor://a', 'http://b']`. */
function pyList(items: readonly string[]): string {
  return `[${items.map((i) => `'${i}'`).join(', ')}]`;
}

/** Throws LinstorArgumentError unless `value` (ms) is undefined or a positive finite number. */
export function assertPositive(value: number | undefined, name: string): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new LinstorArgumentError(`${name} must be a positive number of milliseconds`);
  }
}

export class LinstorCore {
  /** python `REST_PORT` / `REST_HTTPS_PORT`. */
  static readonly REST_PORT = 3370;
  static readonly REST_HTTPS_PORT = 3371;

  /**
   * Creates a client of this class, connects, runs `fn` and always disconnects
   * (`await Linstor.withLinstor({ controller: 'linstor://ctrl' }, async (lin) => lin.nodeList())`).
   */
  static async withLinstor<C extends LinstorCore, T>(
    this: new (
      controller?: string | readonly string[] | LinstorOptions,
      options?: LinstorOptions,
    ) => C,
    options: LinstorOptions,
    fn: (lin: C) => Promise<T>,
  ): Promise<T> {
    return withLinstor(new this(options), fn);
  }

  /** Requests recorded in dry-run mode (redacted). */
  readonly dryRunRequests: RequestSummary[] = [];

  /** @internal */ protected readonly controllers: ControllerState[];
  /** @internal */ protected readonly multi: boolean;
  /** @internal */ protected preferred = 0;
  /** @internal */ protected readonly options: Readonly<LinstorOptions>;
  private readonly fetchFn: FetchLike;
  private readonly timeoutMs: number;
  private readonly auth: AuthSettings;
  private readonly baseHeaders: Record<string, string>;
  private connectedFlag = false;

  /**
   * @param controller a URI, a list of URIs (failover, as `MultiLinstor`), or the options object.
   */
  constructor(controller?: string | readonly string[] | LinstorOptions, options: LinstorOptions = {}) {
    let opts: LinstorOptions;
    let uris: readonly string[];
    if (typeof controller === 'string' || Array.isArray(controller)) {
      opts = options;
      uris = typeof controller === 'string' ? [controller] : (controller as readonly string[]);
      this.multi = Array.isArray(controller);
    } else {
      opts = { ...(controller as LinstorOptions | undefined), ...options };
      uris = [opts.controller ?? opts.uri ?? 'linstor://localhost'];
      this.multi = false;
    }
    if (uris.length === 0) throw new LinstorArgumentError('The controller list is empty');
    assertPositive(opts.timeoutMs, 'timeoutMs');
    assertPositive(opts.probeTimeoutMs, 'probeTimeoutMs');
    assertPositive(opts.connectTimeoutMs, 'connectTimeoutMs');
    this.options = opts;
    this.controllers = uris.map((uri) => {
      const address = parseControllerUri(uri);
      return {
        address,
        base: address,
        ready: false,
        handshake: undefined,
        versionInfo: undefined,
        restVersion: undefined,
      };
    });
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const hooks = platformHooks();
    if (opts.fetch) {
      this.fetchFn = opts.fetch;
    } else if (hooks) {
      this.fetchFn = hooks.createFetch(opts.tls, {
        connectTimeoutMs: opts.connectTimeoutMs ?? Math.min(this.timeoutMs, 10_000),
      });
    } else {
      if (opts.tls && Object.values(opts.tls).some((v) => v !== undefined)) {
        throw new LinstorArgumentError("TLS options need the Node entry point ('linstor-api/node')");
      }
      if (typeof globalThis.fetch !== 'function') {
        throw new LinstorArgumentError('No fetch implementation available; pass options.fetch');
      }
      this.fetchFn = (url, init) => globalThis.fetch(url, init);
    }
    let bearerToken = opts.bearerToken;
    if (bearerToken === undefined && !opts.username && !opts.dryRun) {
      try {
        bearerToken = hooks?.defaultBearerToken?.();
      } catch {
        bearerToken = undefined;
      }
    }
    this.auth = {
      username: opts.username,
      password: opts.password,
      bearerToken,
      allowInsecure: opts.allowInsecure,
    };
    this.baseHeaders = {
      ...identityHeaders(opts),
      ...opts.headers,
    };
  }

  // ---------------------------------------------------------------- python's settable properties

  /** python `username`: Basic auth user; checked against plain HTTP at the next handshake. */
  get username(): string | undefined {
    return this.auth.username;
  }
  set username(value: string | undefined) {
    this.auth.username = value;
  }

  /** python `password`. */
  get password(): string | undefined {
    return this.auth.password;
  }
  set password(value: string | undefined) {
    this.auth.password = value;
  }

  /** python `allow_insecure`: allow Basic auth over plain HTTP. */
  get allowInsecure(): boolean {
    return this.auth.allowInsecure === true;
  }
  set allowInsecure(value: boolean) {
    this.auth.allowInsecure = value;
  }

  // ---------------------------------------------------------------- connection

  /** True after a successful `connect()` (or first request), until `disconnect()`. */
  get connected(): boolean {
    return this.connectedFlag;
  }

  /** True when the controller in use is reached over HTTPS. */
  get isSecureConnection(): boolean {
    return this.current().base.secure;
  }

  /** Whether this client was created in dry-run mode. */
  get dryRun(): boolean {
    return Boolean(this.options.dryRun);
  }

  /**
   * Runs the connect handshake (HTTPS probe unless disabled, then the version check). A list of
   * controllers is walked in order from the first; only network errors move on to the next one.
   * Connecting again while connected does nothing.
   */
  async connect(): Promise<true> {
    if (this.options.dryRun) {
      this.connectedFlag = true;
      return true;
    }
    if (this.connectedFlag && this.current().ready) return true;
    if (!this.multi) {
      await this.handshake(this.controllers[0], this.options.signal);
      this.preferred = 0;
      this.connectedFlag = true;
      return true;
    }
    const errors: LinstorError[] = [];
    for (let i = 0; i < this.controllers.length; i++) {
      try {
        await this.handshake(this.controllers[i], this.options.signal);
        this.preferred = i;
        this.connectedFlag = true;
        return true;
      } catch (error) {
        if (!isLinstorNetworkError(error)) throw error;
        errors.push(error);
      }
    }
    throw new LinstorNetworkError(
      `Unable to connect to any of the given controller hosts: ${pyList(this.controllers.map((c) => c.address.display))}`,
      { allErrors: errors },
    );
  }

  /**
   * Marks the client disconnected and forgets every handshake; a later `connect()` or request
   * handshakes again (python: requests after disconnect still work).
   */
  async disconnect(): Promise<void> {
    this.connectedFlag = false;
    this.preferred = 0;
    for (const c of this.controllers) {
      c.ready = false;
      c.handshake = undefined;
      c.base = c.address;
      c.versionInfo = undefined;
      c.restVersion = undefined;
    }
  }

  /** `await using lin = new Linstor(...)` disconnects at the end of the scope. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.disconnect();
  }

  /** Connects unless connected (handshake of the preferred controller, with failover). */
  async ensureConnected(signal?: AbortSignal): Promise<void> {
    if (this.options.dryRun) return;
    if (this.current().ready) {
      this.connectedFlag = true;
      return;
    }
    if (!this.multi) {
      await this.handshake(this.controllers[0], signal ?? this.options.signal);
      this.connectedFlag = true;
      return;
    }
    await this.connect();
  }

  /** The URI in use (user info removed); with failover, the controller that answered last. */
  controllerHost(): string {
    return this.current().address.display;
  }

  /** The REST API version of the controller in use, once connected. */
  get restApiVersion(): string | undefined {
    return this.current().restVersion;
  }

  /** The version reply of the controller in use, once connected. */
  get controllerVersionInfo(): Readonly<ControllerVersionInfo> | undefined {
    return this.current().versionInfo;
  }

  /**
   * python `api_version_smaller`: true when the controller's REST version is below `version`;
   * undefined when not connected.
   */
  apiVersionSmaller(version: string): boolean | undefined {
    const v = this.current().restVersion;
    return v === undefined ? undefined : compareVersions(v, version) < 0;
  }

  /**
   * python `_require_version`: throws `LinstorError("<msg>, REST-API-VERSION: <server>; needed <v>")`
   * when the connected controller is older than `version`; no check when not connected or in dry-run.
   */
  requireVersion(version: string, message: string): void {
    const v = this.current().restVersion;
    if (v !== undefined && compareVersions(v, version) < 0) {
      throw new LinstorError(`${message}, REST-API-VERSION: ${v}; needed ${version}`);
    }
  }

  /** python `controller_info`: `"LINSTOR,Controller,<version>,<git_hash>,<build_time>"`, or undefined. */
  async controllerInfo(): Promise<string | undefined> {
    const reply = await this.call('GET', '/v1/controller/version');
    if (!reply.ok || typeof reply.data !== 'object' || reply.data === null) return undefined;
    const v = reply.data as ControllerVersionInfo;
    return `LINSTOR,Controller,${v.version},${v.git_hash},${v.build_time}`;
  }

  // ---------------------------------------------------------------- the request primitive

  /**
   * THE request primitive. Builds the request from openapi-fetch's typed request shape (so the path must
   * exist in the generated description and its parameters are type-checked), sends it with failover, timeouts,
   * auth and logging, parses the reply once (lossless `ret_code`) and maps it:
   * `{ ok: true, data }` for a success status, `{ ok: false, replies }` for an error status with
   * ApiCallRc JSON. Everything else throws a `LinstorError` subclass (401 → LinstorApiCallError).
   * @internal for method families; users call the `Linstor` methods.
   */
  async call<M extends HttpVerb, P extends PathFor<M>>(
    method: M,
    path: P,
    ...[init]: InitArgs<M, P>
  ): Promise<LinstorReply<SuccessData<M, P>>> {
    const built = await this.build(method, path, init);
    const exec = this.execOptions(init);
    if (this.options.dryRun) return this.dryRunReply(built);
    const { raw, controller } = await this.execute(built, exec);
    return mapReply<SuccessData<M, P>>(
      raw,
      { method: built.method, path: built.pathAndQuery, controller: controller.address.display },
      init?.expect ?? 'data',
    );
  }

  /**
   * The primitive for mutations: the reply as `ApiCallResponse[]` whatever the status (python's
   * unmapped-call behaviour). A success body that is not an ApiCallRc list is a LinstorError; an empty
   * success body is `[]` (python raises on it, but three operations are described as answering so).
   * @internal
   */
  async callReplies<M extends HttpVerb, P extends PathFor<M>>(
    method: M,
    path: P,
    ...[init]: InitArgs<M, P>
  ): Promise<ApiCallResponse[]> {
    const reply = await this.call(method, path, ...([{ expect: 'replies', ...init }] as InitArgs<M, P>));
    if (!reply.ok) return reply.replies;
    const replies = asApiCallResponses(reply.data);
    if (!replies) {
      throw new LinstorError(
        `Unexpected reply to ${method} ${String(path)}: not a list of controller messages`,
      );
    }
    return replies;
  }

  /**
   * The primitive for streaming replies (event streams): returns the open body on a success status.
   * The timeout covers the wait for the reply headers only; the signals cover the whole stream.
   * @internal
   */
  async callStream<M extends HttpVerb, P extends PathFor<M>>(
    method: M,
    path: P,
    ...[init]: InitArgs<M, P>
  ): Promise<LinstorStreamReply> {
    const built = await this.build(method, path, init);
    const exec = this.execOptions(init);
    if (this.options.dryRun) {
      const dry = this.dryRunReply(built);
      return { ok: false, status: 0, headers: new Headers(), replies: dry.ok ? [] : dry.replies };
    }
    const { stream, controller } = await this.execute(built, exec, true);
    if (stream.status < 400) {
      if (!stream.response.body) throw new LinstorError(`Empty event stream from ${controller.base.display}`);
      return { ok: true, status: stream.status, headers: stream.headers, body: stream.response.body };
    }
    let text: string;
    try {
      text = await readText(stream.response);
    } catch (error) {
      throw new LinstorNetworkError(`Error reading response from ${controller.base.display}`, {
        cause: error,
      });
    }
    const mapped = mapReply<unknown>(
      { status: stream.status, headers: stream.headers, text },
      { method: built.method, path: built.pathAndQuery, controller: controller.address.display },
    );
    if (mapped.ok) throw new LinstorError(`Unexpected reply status ${stream.status}`);
    return { ok: false, status: stream.status, headers: stream.headers, replies: mapped.replies };
  }

  // ---------------------------------------------------------------- internals

  private current(): ControllerState {
    return this.controllers[this.preferred] ?? this.controllers[0];
  }

  private execOptions(init: CallOptions | undefined): ExecOptions {
    assertPositive(init?.timeoutMs, 'timeoutMs');
    return {
      signal: init?.signal,
      timeoutMs: init?.timeoutMs ?? this.timeoutMs,
      minVersion: init?.minVersion,
      versionMessage: init?.versionMessage,
    };
  }

  /**
   * Builds (does not send) the request as openapi-fetch would for the typed path: `{name}` path
   * parameters through the one encoder, the query as python's urlencode, the body through the lossless
   * stringifier with `Content-Type: application/json`, then `headers` and `params.header` (a `null`
   * value removes a header). Other openapi-fetch request options have no effect here. Written out
   * instead of running openapi-fetch's client, which costs a browser bundle more than twice this.
   */
  private async build(method: HttpVerb, path: string, init: object | undefined): Promise<BuiltRequest> {
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw new LinstorArgumentError(`Invalid request path: ${String(path)}`);
    }
    const { params = {}, body, headers: extra } = (init ?? {}) as RequestParts;
    const pathParams = params.path ?? {};
    for (const m of path.matchAll(/\{([^{}]+)\}/g)) {
      if (pathParams[m[1]] === undefined || pathParams[m[1]] === null) {
        throw new LinstorArgumentError(`Missing path parameter '${m[1]}' for ${method} ${path}`);
      }
    }
    try {
      const query = serializeQuery(params.query ?? {});
      // parsed as fetch would, so the path and query are sent exactly as a Request holds them
      const url = new URL(PLACEHOLDER_ORIGIN + serializePath(path, pathParams) + (query && `?${query}`));
      const bodyText = body === undefined ? undefined : stringifyJson(body);
      if (bodyText !== undefined && (method === 'GET' || method === 'HEAD')) {
        throw new LinstorArgumentError(`Cannot build ${method} ${path}: a ${method} request has no body`);
      }
      const merged = new Headers();
      for (const h of [
        bodyText === undefined ? {} : { 'Content-Type': 'application/json' },
        extra,
        params.header,
      ]) {
        if (!h || typeof h !== 'object') continue;
        for (const [k, v] of h instanceof Headers ? h.entries() : Object.entries(h)) {
          if (v === null) merged.delete(k);
          else if (Array.isArray(v)) for (const item of v) merged.append(k, String(item));
          else if (v !== undefined) merged.set(k, String(v));
        }
      }
      // a text body without a content type is text/plain, as a Request makes it
      if (bodyText !== undefined && !merged.has('content-type')) {
        merged.set('content-type', 'text/plain;charset=UTF-8');
      }
      const headers: Record<string, string> = {};
      merged.forEach((value, key) => {
        headers[key] = value;
      });
      if (bodyText === undefined) delete headers['content-type'];
      return { method, pathAndQuery: url.pathname + url.search, headers, body: bodyText, schemaPath: path };
    } catch (error) {
      if (error instanceof LinstorError) throw error;
      throw new LinstorArgumentError(`Cannot build ${method} ${path}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  private dryRunReply(built: BuiltRequest): LinstorReply<never> {
    const c = this.current();
    const summary = summarizeRequest(
      built.method,
      c.address.origin + built.pathAndQuery,
      this.headersFor(built),
      built.body,
      this.curlTlsFlags(),
    );
    this.dryRunRequests.push(summary);
    this.log({ type: 'request', controller: c.address.display, request: summary });
    if (typeof this.options.dryRun === 'function') this.options.dryRun(summary);
    return { ok: false, status: 0, headers: new Headers(), controller: '', replies: [], dryRun: summary };
  }

  private curlTlsFlags(): string[] {
    const tls = this.options.tls;
    const flags: string[] = [];
    if (tls?.caFile) flags.push('--cacert', tls.caFile);
    if (tls?.certFile) flags.push('--cert', tls.certFile);
    if (tls?.keyFile) flags.push('--key', tls.keyFile);
    if (tls?.dangerouslySkipCertificateVerification) flags.push('--insecure');
    return flags;
  }

  private headersFor(built: { headers: Record<string, string> }): Record<string, string> {
    const headers: Record<string, string> = { ...this.baseHeaders, ...built.headers };
    const auth = authorizationHeader(this.auth);
    if (auth) headers.Authorization = auth;
    return headers;
  }

  private log(event: LinstorLogEvent): void {
    const logger = this.options.logger;
    if (!logger) return;
    try {
      logger(event);
    } catch {
      // a failing logger must not break requests
    }
  }

  /** Order in which controllers are tried: the last working one first, then the list order. */
  private candidates(): number[] {
    const order = [this.preferred];
    for (let i = 0; i < this.controllers.length; i++) if (i !== this.preferred) order.push(i);
    return order;
  }

  private execute(
    built: BuiltRequest,
    exec: ExecOptions,
  ): Promise<{ raw: AttemptReply; controller: ControllerState }>;
  private execute(
    built: BuiltRequest,
    exec: ExecOptions,
    stream: true,
  ): Promise<{
    stream: { status: number; headers: Headers; response: Response };
    controller: ControllerState;
  }>;
  private async execute(
    built: BuiltRequest,
    exec: ExecOptions,
    stream?: true,
  ): Promise<{
    raw?: AttemptReply;
    stream?: { status: number; headers: Headers; response: Response };
    controller: ControllerState;
  }> {
    const idempotent = IDEMPOTENT.has(built.method);
    const failures: LinstorError[] = [];
    const signals = [this.options.signal, exec.signal];
    let previous: ControllerState | undefined;
    for (const index of this.candidates()) {
      const ctrl = this.controllers[index];
      if (previous) {
        this.log({
          type: 'failover',
          from: previous.address.display,
          to: ctrl.address.display,
          reason: failures[failures.length - 1]?.message ?? '',
        });
      }
      previous = ctrl;
      try {
        await this.handshake(ctrl, exec.signal);
        // also here: a username may have been set after the handshake
        checkTransportSecurity(this.auth, ctrl.base.secure);
      } catch (error) {
        if (isLinstorNetworkError(error) && !error.mayHaveBeenApplied) {
          failures.push(error);
          continue;
        }
        throw error;
      }
      this.checkGate(ctrl, built, exec);
      const tries = this.options.keepAlive && idempotent ? 2 : 1;
      let lastFailure: LinstorError | undefined;
      for (let t = 0; t < tries; t++) {
        const headers = this.headersFor(built);
        const url = ctrl.base.origin + built.pathAndQuery;
        const started = Date.now();
        if (this.options.logger) {
          this.log({
            type: 'request',
            controller: ctrl.address.display,
            request: summarizeRequest(built.method, url, headers, built.body, this.curlTlsFlags()),
          });
        }
        const request = { url, method: built.method, headers, body: built.body };
        try {
          if (stream) {
            const s = await attemptStream(this.fetchFn, request, exec.timeoutMs, signals);
            this.onAnswered(index, ctrl, built, url, s.status, started);
            return { stream: s, controller: ctrl };
          }
          const raw = await attempt(this.fetchFn, request, exec.timeoutMs, signals);
          this.onAnswered(index, ctrl, built, url, raw.status, started);
          return { raw, controller: ctrl };
        } catch (error) {
          if (!(error instanceof AttemptFailure)) throw error;
          const err = this.failureError(error, ctrl, built.method, exec.timeoutMs);
          this.log({
            type: 'error',
            controller: ctrl.address.display,
            method: built.method,
            url,
            message: err.message,
            durationMs: Date.now() - started,
          });
          const reroutable =
            error.phase === 'connect' ||
            (idempotent && (error.phase === 'unknown' || error.phase === 'sent'));
          if (!reroutable) throw err;
          lastFailure = err;
          if (error.phase === 'connect') break;
        }
      }
      if (lastFailure) failures.push(lastFailure);
    }
    throw this.allFailed(failures);
  }

  private onAnswered(
    index: number,
    ctrl: ControllerState,
    built: BuiltRequest,
    url: string,
    status: number,
    started: number,
  ): void {
    this.preferred = index;
    this.connectedFlag = true;
    this.log({
      type: 'response',
      controller: ctrl.address.display,
      method: built.method,
      url,
      status,
      durationMs: Date.now() - started,
    });
  }

  private allFailed(failures: LinstorError[]): LinstorError {
    if (!this.multi && failures.length > 0) return failures[0];
    return new LinstorNetworkError(
      `Unable to connect to any of the given controller hosts: ${pyList(this.controllers.map((c) => c.address.display))}`,
      { allErrors: failures },
    );
  }

  private checkGate(ctrl: ControllerState, built: BuiltRequest, exec: ExecOptions): void {
    if (exec.minVersion === null) return;
    const gate = versionGates[`${built.method} ${built.schemaPath}`];
    const min = exec.minVersion ?? gate?.[1];
    const v = ctrl.restVersion;
    if (!min || v === undefined || compareVersions(v, min) >= 0) return;
    const message =
      exec.versionMessage ??
      `${gate?.[0] ?? `${built.method} ${built.schemaPath}`} is not supported by server`;
    throw new LinstorError(`${message}, REST-API-VERSION: ${v}; needed ${min}`);
  }

  /** Turns a failed attempt into the SDK error python would raise (plus the not-re-sent note). */
  private failureError(
    f: AttemptFailure,
    ctrl: ControllerState,
    method: string,
    timeoutMs: number,
  ): LinstorError {
    const where = ctrl.base.display;
    const mayHaveBeenApplied = !IDEMPOTENT.has(method) && f.phase !== 'connect';
    const note = mayHaveBeenApplied
      ? ` The ${method} request may have been applied by the controller; it was not sent again.`
      : '';
    switch (f.phase) {
      case 'connect':
        return new LinstorNetworkError(`Unable to connect to ${where}: ${f.detail}`, { cause: f.cause });
      case 'timeout':
        return new LinstorTimeoutError(
          `Socket timeout, no data received for more than ${timeoutMs / 1000}s.${note}`,
          { cause: f.cause, mayHaveBeenApplied },
        );
      case 'aborted': {
        const reason = (f.cause as { message?: unknown } | undefined)?.message;
        return new LinstorAbortError(
          `Request to ${where} was aborted${typeof reason === 'string' && reason ? `: ${reason}` : ''}.${note}`,
          { cause: f.cause, mayHaveBeenApplied },
        );
      }
      case 'sent':
        return new LinstorNetworkError(`Error reading response from ${where}: ${f.detail}.${note}`, {
          cause: f.cause,
          mayHaveBeenApplied,
        });
      default:
        return new LinstorNetworkError(`Unable to send request to ${where}: ${f.detail}.${note}`, {
          cause: f.cause,
          mayHaveBeenApplied,
        });
    }
  }

  /** The per-controller handshake, shared by concurrent callers and run once until it succeeds. */
  private async handshake(ctrl: ControllerState, signal: AbortSignal | undefined): Promise<void> {
    if (ctrl.ready) return;
    if (!ctrl.handshake) {
      ctrl.handshake = this.runHandshake(ctrl).finally(() => {
        if (!ctrl.ready) ctrl.handshake = undefined;
      });
    }
    const pending = ctrl.handshake;
    if (!signal && !this.options.signal) return pending;
    await abortable(pending, [signal, this.options.signal], ctrl.address.display);
  }

  private async runHandshake(ctrl: ControllerState): Promise<void> {
    let base = ctrl.address;
    if (!base.secure && this.options.probeHttps !== false) {
      const port = await this.probeHttps(base);
      if (port) base = withTransport(base, true, port);
    }
    checkTransportSecurity(this.auth, base.secure);
    const path = '/v1/controller/version';
    const url = base.origin + path;
    const headers = this.headersFor({ headers: {} });
    const started = Date.now();
    this.log({
      type: 'request',
      controller: ctrl.address.display,
      request: summarizeRequest('GET', url, headers, undefined, this.curlTlsFlags()),
    });
    let raw: AttemptReply;
    try {
      raw = await attempt(this.fetchFn, { url, method: 'GET', headers }, this.timeoutMs, [
        this.options.signal,
      ]);
    } catch (error) {
      if (!(error instanceof AttemptFailure)) throw error;
      const err = this.failureError(error, { ...ctrl, base }, 'GET', this.timeoutMs);
      // python: a failed connect is a network error "Unable to connect to <uri>: <err>"
      throw error.phase === 'sent' || error.phase === 'unknown'
        ? new LinstorNetworkError(`Unable to connect to ${base.display}: ${error.detail}`, {
            cause: error.cause,
          })
        : err;
    }
    this.log({
      type: 'response',
      controller: ctrl.address.display,
      method: 'GET',
      url,
      status: raw.status,
      durationMs: Date.now() - started,
    });
    const reply = mapReply<unknown>(raw, { method: 'GET', path, controller: ctrl.address.display });
    if (!reply.ok) {
      const main =
        reply.replies[0] ?? ApiCallResponse.fromStr(`Controller version request failed (${raw.status})`);
      throw new LinstorApiCallError(main, reply.replies.length ? reply.replies : [main]);
    }
    if (typeof reply.data !== 'object' || reply.data === null || Array.isArray(reply.data)) {
      throw new LinstorError(`Unexpected reply to GET ${path} from ${base.display}: not a version object`);
    }
    const info = reply.data as ControllerVersionInfo;
    const version = typeof info.rest_api_version === 'string' ? info.rest_api_version : '1.0.0';
    if (!isSupportedRestVersion(version)) {
      throw new LinstorApiCallError(
        ApiCallResponse.fromStr(
          `Client doesn't support Controller rest api version: ${version}; Minimal version needed: ${API_VERSION_MIN}`,
        ),
      );
    }
    ctrl.base = base;
    ctrl.versionInfo = info;
    ctrl.restVersion = version;
    ctrl.ready = true;
    this.log({ type: 'handshake', controller: ctrl.address.display, restApiVersion: version });
  }

  /**
   * python `has_linstor_https`: a bare `GET /v1/controller/version` over plain HTTP; a 302 whose
   * Location names a port means "use HTTPS on that port". Any failure means no redirect (0).
   */
  private async probeHttps(address: ControllerAddress): Promise<number> {
    const timeout = Math.min(this.options.probeTimeoutMs ?? PROBE_TIMEOUT_MS, this.timeoutMs);
    try {
      const raw = await attempt(
        this.fetchFn,
        { url: `${address.origin}/v1/controller/version`, method: 'GET', headers: {} },
        timeout,
        [this.options.signal],
      );
      if (raw.status !== 302) return 0;
      const location = raw.headers.get('location') ?? '';
      const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:]*)(?::(\d+))?/.exec(
        location,
      );
      const port = m?.[1] ? Number(m[1]) : 0;
      return port > 0 && port < 65536 ? port : 0;
    } catch {
      return 0;
    }
  }
}

/** Waits for a shared promise, but lets one caller's signal end its own wait. */
function abortable<T>(
  promise: Promise<T>,
  signals: readonly (AbortSignal | undefined)[],
  where: string,
): Promise<T> {
  const active = signals.filter((s): s is AbortSignal => s !== undefined);
  if (active.length === 0) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (s: AbortSignal) => () => {
      cleanup();
      reject(new LinstorAbortError(`Request to ${where} was aborted.`, { cause: s.reason }));
    };
    const handlers = active.map((s) => [s, onAbort(s)] as const);
    const cleanup = () => {
      for (const [s, h] of handlers) s.removeEventListener('abort', h);
    };
    for (const [s, h] of handlers) {
      if (s.aborted) {
        h();
        return;
      }
      s.addEventListener('abort', h, { once: true });
    }
    promise.then(
      (v) => {
        cleanup();
        resolve(v);
      },
      (e) => {
        cleanup();
        reject(e);
      },
    );
  });
}

/**
 * python's `with Linstor(...) as lin:` — connects, runs `fn`, and always disconnects. Pass a client
 * (e.g. `new Linstor(uri)`) or options (a plain `LinstorCore` is created; prefer `Linstor.withLinstor`).
 */
export async function withLinstor<C extends LinstorCore, T>(
  client: C | LinstorOptions,
  fn: (lin: C) => Promise<T>,
): Promise<T> {
  const lin = (client instanceof LinstorCore ? client : new LinstorCore(client)) as C;
  await lin.connect();
  try {
    return await fn(lin);
  } finally {
    await lin.disconnect();
  }
}

export type { OperationId, TlsOptions };
