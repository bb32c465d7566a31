/**
 * Test double for the controller, injected as the client's `fetch`: records every request exactly as
 * sent (method, encoded path, raw query, parsed JSON body) and answers like a LINSTOR controller.
 */
import { LinstorCore, type LinstorOptions } from '../../src/api/linstor-core';
import type { FetchLike } from '../../src/core/transport';

export interface Sent {
  method: string;
  /** The path exactly as sent (percent-encoding kept). */
  path: string;
  /** The raw query string without `?` ('' when none). */
  query: string;
  /** The parsed JSON body, or undefined when none was sent. */
  body?: unknown;
  rawBody?: string;
  headers: Record<string, string>;
}

/** Answers one request; `undefined` falls through to the default reply. */
export type Responder = (req: Sent) => Response | undefined | Promise<Response | undefined>;

/** A success reply the way the controller sends it (composed 64-bit code, message, obj_refs). */
export const OK_REPLY = '[{"ret_code":20447233,"message":"Done.","obj_refs":{"RscDfn":"res1"}}]';
/** A real error reply (FAIL_NOT_FOUND_RSC_DFN-like code with 19 digits). */
export const ERROR_REPLY = '[{"ret_code":-4611686018407202314,"message":"Something failed.","cause":"c"}]';

export function json(body: unknown, status = 200): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export function versionBody(restApiVersion = '1.25.0'): string {
  return JSON.stringify({
    version: '1.29.0',
    git_hash: 'deadbeef',
    build_time: '2025-01-01T00:00:00+00:00',
    rest_api_version: restApiVersion,
  });
}

export interface ControllerDouble {
  fetch: FetchLike;
  /** Every request, the version GET included. */
  all: Sent[];
  /** The requests other than `GET /v1/controller/version`. */
  work(): Sent[];
  /** Builds a client of `LinstorCore` with the given method families installed. */
  client<T extends object>(methods: T, options?: LinstorOptions): LinstorCore & T;
}

export function controllerDouble(
  responder: Responder = () => undefined,
  restApiVersion = '1.25.0',
): ControllerDouble {
  const all: Sent[] = [];
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    const sent: Sent = {
      method: init.method,
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
      headers: { ...init.headers },
    };
    if (init.body !== undefined) {
      sent.rawBody = init.body;
      sent.body = JSON.parse(init.body);
    }
    all.push(sent);
    const answer = await responder(sent);
    if (answer) return answer;
    if (sent.method === 'GET' && sent.path === '/v1/controller/version')
      return json(versionBody(restApiVersion));
    return json(OK_REPLY, sent.method === 'POST' ? 201 : 200);
  };
  return {
    fetch,
    all,
    work: () => all.filter((s) => !(s.method === 'GET' && s.path === '/v1/controller/version')),
    client<T extends object>(methods: T, options: LinstorOptions = {}) {
      class Client extends LinstorCore {}
      Object.assign(Client.prototype, methods);
      return new Client('linstor://127.0.0.1:3370', { fetch, probeHttps: false, ...options }) as LinstorCore &
        T;
    },
  };
}

/** method, path, query and body of a request, for exact comparisons. */
export function req(
  s: Sent | undefined,
): { method: string; path: string; query: string; body?: unknown } | undefined {
  if (!s) return undefined;
  const out: { method: string; path: string; query: string; body?: unknown } = {
    method: s.method,
    path: s.path,
    query: s.query,
  };
  if (s.body !== undefined) out.body = s.body;
  return out;
}
