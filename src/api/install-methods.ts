import { describeError, LinstorError } from '../core/errors';

/** A method family as written in `src/api/methods/<family>.ts`: named functions taking `this`. */
export type MethodFamily = Readonly<Record<string, (...args: never[]) => unknown>>;

/** The instance methods a family adds once installed (`this` is the client, so it is dropped). */
export type InstalledMethods<F> = { [K in keyof F]: OmitThisParameter<F[K]> };

/** A family whose module is imported on the first call of one of its methods. */
export interface LazyFamily {
  /** The family's name in messages (`nodes` for `methods/nodes.ts`). */
  readonly family: string;
  /** Every method name of the family, known before its module is loaded. */
  readonly names: readonly string[];
  readonly load: () => Promise<MethodFamily>;
}

/**
 * Declares a family loaded on first use. `names` must list exactly the family's methods: the compiler
 * reports a name the family lacks, and a method missing from the list (as `missingMethods`).
 *
 * @example lazyFamily('nodes', () => import('./methods/nodes').then((m) => m.nodeMethods), ['nodeCreate', …])
 */
export function lazyFamily<F extends MethodFamily, const N extends readonly (keyof F & string)[]>(
  family: string,
  load: () => Promise<F>,
  names: N &
    ([Exclude<keyof F, N[number]>] extends [never]
      ? unknown
      : { missingMethods: Exclude<keyof F, N[number]> }),
): LazyFamily {
  return { family, names, load };
}

/**
 * Installs method families on a class prototype as non-enumerable methods (as `class` methods are).
 * A name that is already taken, by the class, its bases or an earlier family, is a programming error
 * and fails at load time rather than silently replacing a method.
 */
export function installMethods(
  target: { readonly prototype: object },
  families: readonly MethodFamily[],
): void {
  for (const family of families) {
    for (const [name, method] of Object.entries(family)) define(target, name, method);
  }
}

/**
 * Installs lazy families: each name gets an async stub that imports the family's module on first use
 * (one import per family, shared by concurrent calls), puts the real methods in place of the stubs
 * and runs the call. Bundlers turn each family into its own chunk, so a browser page downloads only
 * the families it calls. The families' methods are all async, so a stub behaves as the method does.
 */
export function installLazyMethods(
  target: { readonly prototype: object },
  families: readonly LazyFamily[],
): void {
  const proto = target.prototype as Record<string, unknown>;
  for (const family of families) {
    const stubs = new Map<string, unknown>();
    let loading: Promise<MethodFamily> | undefined;
    const load = () => {
      loading ??= family.load().then(
        (methods) => {
          for (const [name, stub] of stubs) {
            if (typeof methods[name] !== 'function') {
              throw new LinstorError(`Method '${name}' is missing from its family module`);
            }
            // a method replaced by the user in the meantime stays theirs
            if (proto[name] === stub) replace(proto, name, methods[name]);
          }
          return methods;
        },
        (error: unknown) => {
          loading = undefined;
          throw new LinstorError(
            `Cannot load the ${family.family} methods of linstor-api: ${describeError(error)}`,
            { cause: error },
          );
        },
      );
      return loading;
    };
    for (const name of family.names) {
      const stub = {
        async [name](this: unknown, ...args: unknown[]) {
          const method = (await load())[name] as (...a: unknown[]) => unknown;
          return method.apply(this, args);
        },
      }[name];
      stubs.set(name, stub);
      define(target, name, stub);
    }
  }
}

function define(target: { readonly prototype: object }, name: string, method: unknown): void {
  if (name in target.prototype) {
    throw new LinstorError(`Method '${name}' is installed twice on ${target.prototype.constructor.name}`);
  }
  replace(target.prototype, name, method);
}

function replace(proto: object, name: string, method: unknown): void {
  Object.defineProperty(proto, name, {
    value: method,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}
