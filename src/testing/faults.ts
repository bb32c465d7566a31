// Fault injection for failure tests: per route or global, switchable while running. The transports
// (msw handlers, HTTP server) decide how each fault looks on their wire.

/**
 * - `down`: refuse connections (HTTP server: stop listening and drop open sockets; per route: reset the
 *   connection as soon as the request arrives; msw: a network error)
 * - `hang`: accept the request and never answer (the request is not applied)
 * - `delay`: wait `ms` before handling the request
 * - `html500`: a proxy-style 500 with an HTML page (the request is not applied)
 * - `drop`: apply the request, send the status, headers and part of the body, then break the connection
 * - `stall`: apply the request, send the status, headers and part of the body, then never finish it
 */
export type Fault =
  | { mode: 'down' }
  | { mode: 'hang' }
  | { mode: 'delay'; ms: number }
  | { mode: 'html500'; html?: string }
  | { mode: 'drop'; afterBytes?: number }
  | { mode: 'stall'; afterBytes?: number };

/**
 * Which requests a fault applies to. A string is an operationId (`nodeList`), a path pattern
 * (`/v1/nodes/{node}`, `*` matches any rest), or `METHOD pattern` (`POST /v1/nodes`). Omitted = every request.
 */
export type FaultRoute = string | RegExp | { method?: string; path?: string | RegExp; operationId?: string };

export interface FaultOptions {
  route?: FaultRoute;
  /** apply to this many matching requests, then remove itself */
  times?: number;
}

export interface FaultRule {
  readonly id: number;
  readonly fault: Fault;
  readonly route?: FaultRoute;
  remaining?: number;
}

export interface FaultRequestInfo {
  method: string;
  /** decoded-once path without query, e.g. /v1/nodes/alpha */
  path: string;
  operationId?: string;
}

export const DEFAULT_HTML_500 =
  "<html><head><title>500 Internal Server Error</title></head><body><h1 class='header'>500 Internal Server Error</h1>" +
  '<p>The upstream server failed to answer.</p></body></html>';

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split(/(\{[^}]*\}|\*)/)
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith('{') && part.endsWith('}')) return '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${escaped}/?$`);
}

function matches(route: FaultRoute | undefined, req: FaultRequestInfo): boolean {
  if (route === undefined) return true;
  if (route instanceof RegExp) return route.test(req.path);
  if (typeof route === 'string') {
    const space = route.indexOf(' ');
    if (space > 0) return matches({ method: route.slice(0, space), path: route.slice(space + 1) }, req);
    if (route.startsWith('/')) return patternToRegExp(route).test(req.path);
    return route === req.operationId;
  }
  if (route.method && route.method.toUpperCase() !== req.method.toUpperCase()) return false;
  if (route.operationId && route.operationId !== req.operationId) return false;
  if (route.path !== undefined) {
    const re = route.path instanceof RegExp ? route.path : patternToRegExp(route.path);
    if (!re.test(req.path)) return false;
  }
  return true;
}

export class FaultController {
  private rules: FaultRule[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  /** Adds a fault; returns a function that removes it again. */
  set(fault: Fault, opts: FaultOptions = {}): () => void {
    const rule: FaultRule = { id: this.nextId++, fault, route: opts.route, remaining: opts.times };
    this.rules.push(rule);
    this.changed();
    return () => this.remove(rule.id);
  }

  /** Shorthands. */
  down(opts?: FaultOptions): () => void {
    return this.set({ mode: 'down' }, opts);
  }
  hang(opts?: FaultOptions): () => void {
    return this.set({ mode: 'hang' }, opts);
  }
  delay(ms: number, opts?: FaultOptions): () => void {
    return this.set({ mode: 'delay', ms }, opts);
  }
  html500(opts?: FaultOptions & { html?: string }): () => void {
    return this.set({ mode: 'html500', html: opts?.html }, opts);
  }
  drop(opts?: FaultOptions & { afterBytes?: number }): () => void {
    return this.set({ mode: 'drop', afterBytes: opts?.afterBytes }, opts);
  }
  stall(opts?: FaultOptions & { afterBytes?: number }): () => void {
    return this.set({ mode: 'stall', afterBytes: opts?.afterBytes }, opts);
  }

  remove(id: number): void {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    if (this.rules.length !== before) this.changed();
  }

  clear(): void {
    if (this.rules.length === 0) return;
    this.rules = [];
    this.changed();
  }

  list(): readonly FaultRule[] {
    return this.rules;
  }

  /** A global `down` (no route) is active: the server should not accept connections at all. */
  get globallyDown(): boolean {
    return this.rules.some((r) => r.fault.mode === 'down' && r.route === undefined);
  }

  /** The fault for a request (the newest matching rule wins); counts down `times`. */
  take(req: FaultRequestInfo): Fault | undefined {
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const rule = this.rules[i] as FaultRule;
      if (!matches(rule.route, req)) continue;
      if (rule.remaining !== undefined) {
        rule.remaining -= 1;
        if (rule.remaining <= 0) this.remove(rule.id);
      }
      return rule.fault;
    }
    return undefined;
  }

  /** Called after every change (the HTTP server starts/stops listening on global down). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
