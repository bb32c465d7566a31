/**
 * The one place where an HTTP reply becomes a result or an error (python-linstor-behavior.md §3.6):
 *
 * - status < 400: the JSON body is the data (unparsable: "Unable to parse REST json data: …").
 * - status >= 400 with JSON: the ApiCallRc list is returned as replies, not thrown; a single ApiCallRc
 *   object and the clone envelope `{messages: [...]}` are accepted too. 401 throws LinstorApiCallError.
 * - status >= 400 without JSON: LinstorError("HTTP-Status(<code>)/<text>") (header text of an HTML page).
 * - status >= 400 with an empty body: python's "… returned status 503 with no data." message.
 */
import { ApiCallResponse, isApiCallRcData } from './api-call-response';
import { LinstorApiCallError, LinstorError } from './errors';
import { errorBodyText } from './html-text';
import { parseJson } from './lossless-json';

export interface RawReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface ReplyContext {
  readonly method: string;
  /** Path and query as sent, e.g. `/v1/nodes?nodes=a`. */
  readonly path: string;
  /** Which controller answered (URI without user info). */
  readonly controller: string;
}

/**
 * How to read a reply beyond the default (`'data'`): `'envelope'` takes a status >= 400 whose JSON body
 * is not an ApiCallRc list as data; `'replies'` (mutations) takes a success status with an empty body as
 * a success without messages (`[]`).
 */
export type ReplyMode = 'data' | 'envelope' | 'replies';

/** What every {@link LinstorReply} carries. */
export interface ReplyBase {
  readonly status: number;
  readonly headers: Headers;
  /** The controller that answered (URI without user info); empty in dry-run mode. */
  readonly controller: string;
}

/** A reply: typed data for a success status, or the controller's messages for an error status. */
export type LinstorReply<T> =
  | (ReplyBase & { readonly ok: true; readonly data: T })
  | (ReplyBase & {
      readonly ok: false;
      readonly replies: ApiCallResponse[];
      readonly dryRun?: RequestSummary;
    });

/** A redacted description of a request, as logged and as returned in dry-run mode. */
export interface RequestSummary {
  readonly method: string;
  /** Full URL with the controller's real scheme, host and port. */
  readonly url: string;
  /** Request headers; `Authorization` is redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body as sent, if any. */
  readonly body?: string;
  /** An equivalent curl command line (python's curl mode), credentials redacted. */
  readonly curl: string;
}

function isJsonContentType(headers: Headers): boolean {
  return /[/+]json\b/i.test(headers.get('content-type') ?? '');
}

function looksLikeJson(text: string): boolean {
  const c = text.trimStart()[0];
  return c === '[' || c === '{';
}

/** Converts a parsed body into ApiCallResponses, or undefined when it is not an ApiCallRc list. */
export function asApiCallResponses(value: unknown, unwrapEnvelope = true): ApiCallResponse[] | undefined {
  if (Array.isArray(value)) {
    if (!value.every(isApiCallRcData)) return undefined;
    return value.map((v) => ApiCallResponse.fromJson(v));
  }
  if (isApiCallRcData(value)) return [ApiCallResponse.fromJson(value)];
  if (
    unwrapEnvelope &&
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { messages?: unknown }).messages)
  ) {
    const inner = (value as { messages: unknown[] }).messages;
    if (inner.length > 0 && inner.every(isApiCallRcData))
      return inner.map((v) => ApiCallResponse.fromJson(v));
  }
  return undefined;
}

/** Maps one HTTP reply; throws only LinstorError subclasses. */
const isRecord = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every JSON success body the API defines is an object or a list of objects (openapi/); anything else
 * (null, a number, a list with null entries) is a broken reply and must not reach the wrappers.
 */
function checkSuccessShape(data: unknown, ctx: ReplyContext): void {
  if (isRecord(data) || (Array.isArray(data) && data.every(isRecord))) return;
  throw new LinstorError(
    `Unexpected reply to ${ctx.method} ${ctx.path}: not a JSON object or a list of objects`,
  );
}

export function mapReply<T>(raw: RawReply, ctx: ReplyContext, mode: ReplyMode = 'data'): LinstorReply<T> {
  const base = { status: raw.status, headers: raw.headers, controller: ctx.controller };
  if (raw.status < 400) {
    // a few mutations answer a bare success (the resource-definition file deploys, the token delete)
    if (mode === 'replies' && raw.text.trim() === '') return { ...base, ok: true, data: [] as T };
    let data: unknown;
    try {
      data = parseJson(raw.text);
    } catch (error) {
      throw new LinstorError(`${(error as Error).message}\nRequest-Uri: ${ctx.path}; Status: ${raw.status}`, {
        cause: error,
      });
    }
    checkSuccessShape(data, ctx);
    return { ...base, ok: true, data: data as T };
  }
  if (raw.text.trim() === '') {
    throw new LinstorError(
      `REST api call method '${ctx.method}' to resource '${ctx.path}' returned status ${raw.status} with no data.`,
    );
  }
  const jsonType = isJsonContentType(raw.headers);
  if (jsonType || looksLikeJson(raw.text)) {
    let data: unknown;
    let parsed = true;
    try {
      data = parseJson(raw.text);
    } catch (error) {
      parsed = false;
      if (jsonType) {
        throw new LinstorError(`${(error as Error).message}\nRequest-Uri: ${ctx.path}`, { cause: error });
      }
    }
    if (parsed) {
      const replies = asApiCallResponses(data, mode !== 'envelope');
      if (replies && replies.length > 0 && raw.status === 401) {
        throw new LinstorApiCallError(replies[0], replies);
      }
      if (replies && (replies.length > 0 || raw.status !== 401)) return { ...base, ok: false, replies };
      if (mode === 'envelope' && raw.status !== 401) return { ...base, ok: true, data: data as T };
    }
  }
  throw new LinstorError(`HTTP-Status(${raw.status})/${errorBodyText(raw.text)}`);
}
