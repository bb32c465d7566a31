import { LinstorError } from '../core/errors';

/** A method family as written in `src/api/methods/<family>.ts`: named functions taking `this`. */
export type MethodFamily = Readonly<Record<string, (...args: never[]) => unknown>>;

/** The instance methods a family adds once installed (`this` is the client, so it is dropped). */
export type InstalledMethods<F> = { [K in keyof F]: OmitThisParameter<F[K]> };

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
    for (const [name, method] of Object.entries(family)) {
      if (name in target.prototype) {
        throw new LinstorError(`Method '${name}' is installed twice on ${target.prototype.constructor.name}`);
      }
      Object.defineProperty(target.prototype, name, {
        value: method,
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
  }
}
