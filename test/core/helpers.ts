/** Test helpers: a recording fake fetch that answers like a controller. */
import type { FetchLike } from '../../src/core/transport';

export const VERSION_BODY = JSON.stringify({
  version: '1.29.0',
  git_hash: 'deadbeef',
  build_time: '2025-01-01T00:00:00+00:00',
  rest_api_version: '1.25.0',
});

export interface Recorded {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export type Handler = (req: Recorded) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A fetch that records each request and answers the version GET itself unless `handler` does. */
export function fakeFetch(
  handler: Handler,
  version: string = VERSION_BODY,
): { fetch: FetchLike; calls: Recorded[] } {
  const calls: Recorded[] = [];
  const fetch: FetchLike = async (url, init) => {
    const rec: Recorded = { url, method: init.method, headers: { ...init.headers }, body: init.body };
    calls.push(rec);
    if (new URL(url).pathname === '/v1/controller/version' && init.method === 'GET') {
      const r = await handler(rec);
      if (r.status !== 599) return r;
      return json(version);
    }
    return handler(rec);
  };
  return { fetch, calls };
}

/** Marker status: "not handled, use the default" (for the version GET). */
export const PASS = () => new Response(null, { status: 599 });
