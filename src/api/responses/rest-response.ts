import { listItems } from './list-items';

/**
 * Base of every typed reply wrapper (python-linstor's `RESTMessageResponse`): keeps the JSON the
 * controller sent, unchanged, and exposes it through camelCase accessors in the subclasses.
 *
 * Subclasses take the generated component type as `T`, so `restData` is fully typed.
 */
export abstract class RestResponse<T = unknown> {
  /** The JSON value the controller sent (after lossless parsing), as received. */
  readonly restData: T;

  constructor(restData: T) {
    this.restData = restData;
  }

  /** The raw data; python's `data_v1`. */
  get dataV1(): T {
    return this.restData;
  }

  /** `JSON.stringify(wrapper)` gives the controller's JSON back. */
  toJSON(): T {
    return this.restData;
  }

  /** Epoch milliseconds as a `Date`; `undefined` for a missing or negative value. */
  protected static epochMs(value: number | bigint | null | undefined): Date | undefined {
    if (value === undefined || value === null) return undefined;
    const ms = Number(value);
    return Number.isFinite(ms) && ms >= 0 ? new Date(ms) : undefined;
  }
}

/**
 * Base of the wrappers around a list reply. A single object where the operation answers a list is a
 * broken reply: it fails here, as a LinstorError, instead of as a TypeError in an accessor.
 */
export abstract class ListResponse<T> extends RestResponse<T[]> {
  constructor(restData: T[]) {
    super(listItems(restData, new.target.name));
  }
}
