// ApiCallRc entries as the simulated controller builds them. Codes are kept as unsigned 64-bit bigints
// (as generated/constants.ts defines them) and only turned into the signed wire value when serialised.
import {
  FAIL_SIGN_IN,
  FAIL_SIGN_IN_MISSING_CREDENTIALS,
  MASK_BITS_CODE,
  MASK_BITS_OBJ,
  MASK_BITS_OP,
  MASK_ERROR,
} from '../../generated/constants';

export interface RcInit {
  cause?: string;
  details?: string;
  correction?: string;
  objRefs?: Record<string, string>;
  errorReportIds?: string[];
}

/** One ApiCallRc entry inside the simulator (code unsigned). */
export interface RcEntry extends RcInit {
  code: bigint;
  message: string;
  createdAt: string;
}

/** The JSON shape written on the wire. */
export interface ApiCallRcJson {
  ret_code: bigint;
  message: string;
  cause?: string;
  details?: string;
  correction?: string;
  error_report_ids?: string[];
  obj_refs?: Record<string, string>;
  created_at?: string;
}

let clock: () => Date = () => new Date();

/** Lets a simulator instance pin the clock used for created_at (deterministic demos). */
export function setRcClock(now: () => Date): void {
  clock = now;
}

export function entry(code: bigint, message: string, init: RcInit = {}): RcEntry {
  return { code, message, ...init, createdAt: clock().toISOString() };
}

/**
 * Thrown inside handlers to abort a request with error entries; the dispatcher catches it.
 * `status` overrides the computed status where the controller answers outside its usual mapping
 * (e.g. 400 from checks done in the REST layer).
 */
export class RcError {
  constructor(
    readonly entries: RcEntry[],
    readonly status?: number,
    readonly bare = false,
  ) {}
}

export function fail(code: bigint, message: string, init?: RcInit): never {
  throw new RcError([entry(code, message, init)]);
}

/** Same as fail, but the entry keeps its bare code (errors raised before a handler context exists). */
export function failBare(code: bigint, message: string, init?: RcInit, status?: number): never {
  throw new RcError([entry(code, message, init)], status, true);
}

/** The controller's addContext rule: op and object masks are ORed in only where those bits are still 0. */
export function addContext(e: RcEntry, objMask: bigint, opMask: bigint): RcEntry {
  let code = e.code;
  if ((code & MASK_BITS_OP) === 0n) code |= opMask;
  if ((code & MASK_BITS_OBJ) === 0n) code |= objMask;
  return code === e.code ? e : { ...e, code };
}

export function isErrorCode(code: bigint): boolean {
  return (code & MASK_ERROR) === MASK_ERROR;
}

/** HTTP status by the first error entry (controller-behavior.md §2), else the endpoint's success status. */
export function statusFor(entries: readonly RcEntry[], successStatus: number): number {
  const first = entries.find((e) => isErrorCode(e.code));
  if (!first) return successStatus;
  if (first.code === FAIL_SIGN_IN_MISSING_CREDENTIALS) return 401;
  if (first.code === FAIL_SIGN_IN) return 403;
  const code = Number(first.code & MASK_BITS_CODE);
  if (code >= 300 && code <= 399) return 404;
  if (code >= 400 && code <= 499) return 403;
  return 500;
}

export function toJson(e: RcEntry): ApiCallRcJson {
  const out: ApiCallRcJson = { ret_code: BigInt.asIntN(64, e.code), message: e.message };
  if (e.cause) out.cause = e.cause;
  if (e.details) out.details = e.details;
  if (e.correction) out.correction = e.correction;
  if (e.errorReportIds && e.errorReportIds.length > 0) out.error_report_ids = e.errorReportIds;
  if (e.objRefs && Object.keys(e.objRefs).length > 0) {
    // The controller keeps obj_refs in a TreeMap, so keys come out sorted.
    const sorted: Record<string, string> = {};
    for (const k of Object.keys(e.objRefs).sort()) sorted[k] = e.objRefs[k] as string;
    out.obj_refs = sorted;
  }
  out.created_at = e.createdAt;
  return out;
}
