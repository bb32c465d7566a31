// Route table matching. Paths arrive percent-encoded; each segment is decoded exactly once, so a name
// containing '/' (sent as %2F) stays one path parameter. The operationId of a route is looked up in
// generated/operations.ts by method and path template, so there is no second hand-written table.
import { operations } from '../../generated/operations';
import type { ObjectShape, Shape } from './body';
import type { RcEntry } from './rc';
import type { SimulatorState } from './state';

export interface RouteContext {
  state: SimulatorState;
  method: string;
  /** decoded path parameters, in template order */
  params: string[];
  query: URLSearchParams;
  headers: Readonly<Record<string, string>>;
  bodyText: string;
  /** reads the body strictly against a request shape (throws BodyParseError) */
  body<T>(shape: Shape | ObjectShape): T;
  /** like body(), but an empty body gives undefined */
  optionalBody<T>(shape: Shape | ObjectShape): T | undefined;
}

export type RouteResult =
  | { entries: RcEntry[] }
  | { json: unknown; status?: number }
  | {
      raw: string;
      status: number;
      contentType?: string;
      headers?: Record<string, string>;
      /** a binary body (a download); `raw` is then '' */
      bytes?: Uint8Array;
    };

export interface Route {
  method: string;
  template: string;
  /** status for success (controller uses 200 or 201 per endpoint) */
  success?: number;
  /** object and operation masks ORed into every entry (the handler's response context) */
  context?: readonly [obj: bigint, op: bigint];
  /** status for unparsable bodies: 400 on synchronous endpoints; otherwise chosen from the entry (500) */
  parseErrorStatus?: number;
  handler: (ctx: RouteContext) => RouteResult;
}

interface CompiledRoute extends Route {
  segments: string[];
  literalCount: number;
  operationId?: string;
}

export interface RouteMatch {
  route: CompiledRoute;
  params: string[];
}

const normalizeTemplate = (t: string): string => t.replace(/\{[^}]*\}/g, '{}');

let opIndex: Map<string, string> | undefined;

/** "GET /v1/nodes/{}" -> operationId, built once from the generated operation table. */
export function operationIdFor(method: string, template: string): string | undefined {
  if (!opIndex) {
    opIndex = new Map();
    for (const [id, info] of Object.entries(operations as Record<string, { method: string; path: string }>)) {
      opIndex.set(`${info.method.toUpperCase()} ${normalizeTemplate(info.path)}`, id);
    }
  }
  return opIndex.get(`${method.toUpperCase()} ${normalizeTemplate(template.replace('{key*}', '{key}'))}`);
}

/** Splits a raw path and decodes each segment once; undefined for malformed escapes. */
export function decodeSegments(rawPath: string): string[] | undefined {
  let p = rawPath;
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  const parts = p.split('/').slice(1);
  try {
    return parts.map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(...routes: Route[]): void {
    for (const r of routes) {
      const segments = r.template.split('/').slice(1);
      this.routes.push({
        ...r,
        segments,
        literalCount: segments.filter((s) => !s.startsWith('{')).length,
        operationId: operationIdFor(r.method, r.template),
      });
    }
    // Literal segments win over parameters (e.g. /v1/nodes/ebs before /v1/nodes/{node}).
    this.routes.sort((a, b) => b.literalCount - a.literalCount);
  }

  private matchSegments(route: CompiledRoute, parts: string[]): string[] | undefined {
    const params: string[] = [];
    const segs = route.segments;
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i] as string;
      if (seg.endsWith('*}')) {
        const rest = parts.slice(i);
        if (rest.length === 0) return undefined;
        params.push(rest.join('/'));
        return params;
      }
      const part = parts[i];
      if (part === undefined) return undefined;
      if (seg.startsWith('{')) {
        if (part === '') return undefined;
        params.push(part);
      } else if (seg !== part) return undefined;
    }
    return parts.length === segs.length ? params : undefined;
  }

  /** The route for method+path, or which methods the path allows when the method does not match. */
  match(method: string, parts: string[]): RouteMatch | { allowed: string[] } | undefined {
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = this.matchSegments(route, parts);
      if (!params) continue;
      if (route.method === method) return { route, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { allowed: [...new Set(allowed)] } : undefined;
  }

  all(): readonly CompiledRoute[] {
    return this.routes;
  }
}
