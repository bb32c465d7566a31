import { assertPositive, type CallOptions, LinstorCore } from './linstor-core';

/** Per-call settings a `lin.withOptions(…)` view applies to every request it makes. */
export type RequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs'>;

// The three request primitives: the view's versions add its options; a call's own options still win.
const PRIMITIVES = ['call', 'callReplies', 'callStream'] as const;

/**
 * A view of `client` whose requests all carry `options` (an `AbortSignal`, a per-attempt timeout).
 * The view shares everything else with the client (connection, controller order, version, auth): the
 * client's own methods are bound to the client, so state is never copied onto the view.
 *
 * @example
 * await lin.withOptions({ signal: AbortSignal.timeout(2_000) }).nodeList();
 */
export function withOptions<C extends LinstorCore>(client: C, options: RequestOptions): C {
  assertPositive(options.timeoutMs, 'timeoutMs');
  const view = Object.create(client) as C;
  const core = LinstorCore.prototype as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(LinstorCore.prototype)) {
    const descriptor = Object.getOwnPropertyDescriptor(LinstorCore.prototype, name);
    if (name === 'constructor' || typeof descriptor?.value !== 'function') continue;
    const method = core[name] as (...args: unknown[]) => unknown;
    define(view, name, (...args: unknown[]) => method.apply(client, args));
  }
  for (const name of PRIMITIVES) {
    const primitive = core[name] as (method: unknown, path: unknown, init?: object) => unknown;
    define(view, name, (method: unknown, path: unknown, init?: object) =>
      primitive.call(client, method, path, { ...options, ...init }),
    );
  }
  return view;
}

function define(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}
