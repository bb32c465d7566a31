import { LinstorArgumentError } from '../core/errors';

/** A point in time as the SDK accepts it: a `Date`, or milliseconds since the Unix epoch. */
export type TimeArg = Date | number;

/**
 * Milliseconds since the Unix epoch (UTC) for the controller's `since`/`to` parameters.
 * python converts its datetimes with local-time `mktime`, which shifts them by the UTC offset
 * (quirk 22); a `Date` or an epoch number has no such ambiguity.
 */
export function epochMs(value: TimeArg, name: string): number {
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new LinstorArgumentError(`${name} must be a valid Date or epoch milliseconds`);
  }
  return Math.trunc(ms);
}

/** `epochMs` for an optional argument. */
export function optionalEpochMs(value: TimeArg | null | undefined, name: string): number | undefined {
  return value === undefined || value === null ? undefined : epochMs(value, name);
}
