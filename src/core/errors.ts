/**
 * The SDK's error hierarchy. Every failure the SDK raises is one of these classes.
 *
 * `instanceof` works within one copy of the package. Because an application can end up with two copies
 * (the ESM and the CJS build, or two versions in node_modules), every error also carries a brand under a
 * registry symbol (`Symbol.for`), and the `is…` guards below check that brand, so they work across copies.
 */
import type { ApiCallResponse } from './api-call-response';

const KINDS = Symbol.for('linstor-api.error-kinds');

/** The class names of the hierarchy, usable with {@link isLinstorErrorOfKind}. */
export type LinstorErrorKind =
  | 'LinstorError'
  | 'LinstorNetworkError'
  | 'LinstorTimeoutError'
  | 'LinstorAbortError'
  | 'LinstorApiCallError'
  | 'LinstorArgumentError'
  | 'LinstorReadOnlyAfterSetError';

export interface LinstorErrorOptions {
  /** Nested errors (per-host connect errors) or replies (API call errors). */
  allErrors?: readonly unknown[];
  /** The lower-level error that led to this one. */
  cause?: unknown;
  /**
   * True when the request may already have reached a controller and may have been applied there,
   * so the SDK did not send it again.
   */
  mayHaveBeenApplied?: boolean;
}

/** Root of the hierarchy. `toString()` gives python-linstor's `"Error: <message>"`. */
export class LinstorError extends Error {
  /** Nested errors or replies; never undefined (python's `all_errors()`). */
  readonly allErrors: readonly unknown[];
  /** True when the failed request may have been applied by a controller (and was not re-sent). */
  readonly mayHaveBeenApplied: boolean;
  declare readonly [KINDS]: readonly LinstorErrorKind[];

  constructor(message: string, options: LinstorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.allErrors = options.allErrors ?? [];
    this.mayHaveBeenApplied = options.mayHaveBeenApplied ?? false;
    brand(this, 'LinstorError');
  }

  override toString(): string {
    return `Error: ${this.message}`;
  }
}

/** No controller could be reached, or the connection broke; lists every attempt in `allErrors`. */
export class LinstorNetworkError extends LinstorError {
  declare readonly allErrors: readonly LinstorError[];
  constructor(message: string, options: LinstorErrorOptions & { allErrors?: readonly LinstorError[] } = {}) {
    super(message, options);
    brand(this, 'LinstorNetworkError');
  }
}

/** A request attempt did not get an answer within the configured time. Not a network error (python parity). */
export class LinstorTimeoutError extends LinstorError {
  constructor(message: string, options: LinstorErrorOptions = {}) {
    super(message, options);
    brand(this, 'LinstorTimeoutError');
  }
}

/** The caller's `AbortSignal` ended the call. `cause` holds the signal's reason. */
export class LinstorAbortError extends LinstorError {
  constructor(message: string, options: LinstorErrorOptions = {}) {
    super(message, options);
    brand(this, 'LinstorAbortError');
  }
}

/** A controller reply that is an error (or a 401), carried as {@link ApiCallResponse}s. */
export class LinstorApiCallError extends LinstorError {
  /** The first (main) reply. */
  readonly mainError: ApiCallResponse;
  declare readonly allErrors: readonly ApiCallResponse[];

  constructor(
    mainError: ApiCallResponse,
    allErrors?: readonly ApiCallResponse[],
    options: { cause?: unknown } = {},
  ) {
    super(mainError.toString(), { ...options, allErrors: allErrors ?? [mainError] });
    this.mainError = mainError;
    brand(this, 'LinstorApiCallError');
  }
}

/** A caller passed an invalid argument (checked before anything is sent). */
export class LinstorArgumentError extends LinstorError {
  constructor(message: string, options: LinstorErrorOptions = {}) {
    super(message, options);
    brand(this, 'LinstorArgumentError');
  }
}

/** A property of a high-level object can only be set once. */
export class LinstorReadOnlyAfterSetError extends LinstorError {
  constructor(message = 'After this property got set it is read-only', options: LinstorErrorOptions = {}) {
    super(message, options);
    brand(this, 'LinstorReadOnlyAfterSetError');
  }
}

function brand(error: LinstorError, kind: LinstorErrorKind): void {
  const previous = (error as { [KINDS]?: readonly LinstorErrorKind[] })[KINDS] ?? [];
  Object.defineProperty(error, KINDS, { value: [...previous, kind], enumerable: false, configurable: true });
  Object.defineProperty(error, 'name', {
    value: kind,
    enumerable: false,
    configurable: true,
    writable: true,
  });
}

function kindsOf(value: unknown): readonly LinstorErrorKind[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kinds = (value as { [KINDS]?: unknown })[KINDS];
  return Array.isArray(kinds) ? (kinds as LinstorErrorKind[]) : undefined;
}

/** True when `value` is an error of this hierarchy of the given kind (subclasses included), from any copy. */
export function isLinstorErrorOfKind(value: unknown, kind: LinstorErrorKind): boolean {
  return kindsOf(value)?.includes(kind) ?? false;
}

export function isLinstorError(value: unknown): value is LinstorError {
  return value instanceof LinstorError || isLinstorErrorOfKind(value, 'LinstorError');
}
export function isLinstorNetworkError(value: unknown): value is LinstorNetworkError {
  return value instanceof LinstorNetworkError || isLinstorErrorOfKind(value, 'LinstorNetworkError');
}
export function isLinstorTimeoutError(value: unknown): value is LinstorTimeoutError {
  return value instanceof LinstorTimeoutError || isLinstorErrorOfKind(value, 'LinstorTimeoutError');
}
export function isLinstorAbortError(value: unknown): value is LinstorAbortError {
  return value instanceof LinstorAbortError || isLinstorErrorOfKind(value, 'LinstorAbortError');
}
export function isLinstorApiCallError(value: unknown): value is LinstorApiCallError {
  return value instanceof LinstorApiCallError || isLinstorErrorOfKind(value, 'LinstorApiCallError');
}
export function isLinstorArgumentError(value: unknown): value is LinstorArgumentError {
  return value instanceof LinstorArgumentError || isLinstorErrorOfKind(value, 'LinstorArgumentError');
}
export function isLinstorReadOnlyAfterSetError(value: unknown): value is LinstorReadOnlyAfterSetError {
  return (
    value instanceof LinstorReadOnlyAfterSetError ||
    isLinstorErrorOfKind(value, 'LinstorReadOnlyAfterSetError')
  );
}

/** Describes any thrown value in one line without leaking structure (used for nested causes). */
export function describeError(error: unknown): string {
  // duck-typed: errors from another realm (vm contexts, Node internals under jest) fail `instanceof Error`
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    const message = (error as { message: string }).message;
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
  }
  return String(error);
}
