/**
 * One controller message (`ApiCallRc`): the unit in which LINSTOR reports success, warnings and errors.
 *
 * `retCode` is the 64-bit return code as an **unsigned** `bigint` (so it compares directly with the
 * generated constants, e.g. `r.retCode === FAIL_NOT_FOUND_NODE` for a bare code); `signedRetCode` is the
 * value as the controller sent it. The predicates reproduce python-linstor exactly, including its
 * oddities (`isWarning()`/`isInfo()` are also true for errors; `isError(code)` is a bit-subset test);
 * `severity`, `hasCode()`, `code`, `operation` and `objectType` are the exact alternatives.
 */
import { maskNames, returnCodeNames } from '../../generated/code-names';
import { decodeCodeNames } from './code-names';
import { LinstorError } from './errors';

const U64 = (value: bigint): bigint => BigInt.asUintN(64, value);

const MASK_ERROR = 0xc000000000000000n;
const MASK_WARN = 0x8000000000000000n;
const MASK_INFO = 0x4000000000000000n;
const MASK_BITS_TYPE = 0xc000000000000000n;
const MASK_BITS_OP = 0x3000000n;
const MASK_BITS_OBJ = 0x7c0000n;
const MASK_BITS_CODE = 0x7fffn;
const FAIL_UNKNOWN_ERROR = MASK_ERROR | 998n;
/** Bits outside type/op/object/code: only special codes such as UNKNOWN_API_CALL use them. */
const OUTSIDE_FIELDS =
  ~(MASK_BITS_TYPE | MASK_BITS_OP | MASK_BITS_OBJ | MASK_BITS_CODE) & 0xffffffffffffffffn;

/** The raw JSON shape of a controller message, as parsed by `parseJson` (ret_code as bigint). */
export interface ApiCallRcData {
  ret_code: bigint | number | string;
  message?: string;
  cause?: string;
  correction?: string;
  details?: string;
  obj_refs?: Record<string, string>;
  error_report_ids?: string[];
  created_at?: string;
  [key: string]: unknown;
}

export type Severity = 'error' | 'warning' | 'info' | 'success';

export class ApiCallResponse {
  /** The return code, unsigned 64-bit. */
  readonly retCode: bigint;
  readonly message: string | undefined;
  readonly cause: string | undefined;
  readonly correction: string | undefined;
  readonly details: string | undefined;
  /** Object references such as `{ RscDfn: 'res1', Node: 'alpha' }` (python's `object_refs`). */
  readonly objRefs: Readonly<Record<string, string>>;
  readonly errorReportIds: readonly string[];
  /** Server time of the message (ISO 8601 with offset), when the controller sent one. */
  readonly createdAt: string | undefined;
  /** The message object as received (python's `_rest_data`). */
  readonly data: Readonly<ApiCallRcData>;

  constructor(data: ApiCallRcData) {
    const retCode = toRetCode(data.ret_code);
    if (retCode === undefined) {
      throw new LinstorError(`Invalid ApiCallRc: ret_code is missing or not an integer`);
    }
    this.retCode = retCode;
    this.message = optionalString(data.message);
    this.cause = optionalString(data.cause);
    this.correction = optionalString(data.correction);
    this.details = optionalString(data.details);
    this.objRefs = isStringRecord(data.obj_refs) ? data.obj_refs : {};
    this.errorReportIds = Array.isArray(data.error_report_ids)
      ? data.error_report_ids.filter((id): id is string => typeof id === 'string')
      : [];
    this.createdAt = optionalString(data.created_at);
    this.data = data;
  }

  /** Builds a response from a parsed JSON value; throws {@link LinstorError} when it is not an ApiCallRc. */
  static fromJson(value: unknown): ApiCallResponse {
    if (!isApiCallRcData(value)) {
      throw new LinstorError(`Invalid ApiCallRc in controller reply: ${preview(value)}`);
    }
    return new ApiCallResponse(value);
  }

  /** python's `from_str`: an unknown-error message (the code argument is ignored there too). */
  static fromStr(message: string): ApiCallResponse {
    return new ApiCallResponse({ ret_code: FAIL_UNKNOWN_ERROR, message });
  }

  /** The value as the controller sent it (signed 64-bit). */
  get signedRetCode(): bigint {
    return BigInt.asIntN(64, this.retCode);
  }

  /** The code part (bits 0–14), e.g. 300 for FAIL_NOT_FOUND_NODE. */
  get code(): number {
    return Number(this.retCode & MASK_BITS_CODE);
  }

  /** Exact severity from the two type bits (an error is only 'error'). */
  get severity(): Severity {
    const type = this.retCode & MASK_BITS_TYPE;
    if (type === MASK_ERROR) return 'error';
    if (type === MASK_WARN) return 'warning';
    if (type === MASK_INFO) return 'info';
    return 'success';
  }

  /** The operation bits as a mask value (`MASK_CRT`, `MASK_MOD`, `MASK_DEL` or 0n). */
  get operationMask(): bigint {
    return this.retCode & MASK_BITS_OP;
  }

  /** The operation name without `MASK_` (`'CRT'`, `'MOD'`, `'DEL'`), or undefined. */
  get operation(): string | undefined {
    return decodeTables().ops.get(this.operationMask);
  }

  /** The object bits as a mask value (e.g. `MASK_RSC`), or 0n. */
  get objectMask(): bigint {
    return this.retCode & MASK_BITS_OBJ;
  }

  /** The object name without `MASK_` (e.g. `'RSC'`, `'RSC_DFN'`, `'NODE'`), or undefined. */
  get objectType(): string | undefined {
    return decodeTables().objects.get(this.objectMask);
  }

  /**
   * python parity: true when the error bits are set and, if `code` is given, every bit of `code` is
   * also set in the return code (a bit-subset test, not equality).
   */
  isError(code?: bigint | number): boolean {
    if ((this.retCode & MASK_ERROR) !== MASK_ERROR) return false;
    if (code === undefined) return true;
    const c = U64(BigInt(code));
    return (c & this.retCode) === c;
  }

  /** python parity: tests the single WARN bit, so errors are warnings too. */
  isWarning(): boolean {
    return (this.retCode & MASK_WARN) === MASK_WARN;
  }

  /** python parity: tests the single INFO bit, so errors are infos too. */
  isInfo(): boolean {
    return (this.retCode & MASK_INFO) === MASK_INFO;
  }

  /** python parity: neither error, warning nor info (type bits 00). */
  isSuccess(): boolean {
    return !this.isError() && !this.isWarning() && !this.isInfo();
  }

  /**
   * Exact code match: the type bits and the code bits equal those of `code` (e.g. `FAIL_NOT_FOUND_NODE`);
   * when `code` also carries operation or object bits, those must match too.
   */
  hasCode(code: bigint | number): boolean {
    const c = U64(BigInt(code));
    if ((c & OUTSIDE_FIELDS) !== 0n) return this.retCode === c;
    let mask = MASK_BITS_TYPE | MASK_BITS_CODE;
    if ((c & MASK_BITS_OP) !== 0n) mask |= MASK_BITS_OP;
    if ((c & MASK_BITS_OBJ) !== 0n) mask |= MASK_BITS_OBJ;
    return (this.retCode & mask) === c;
  }

  /** Decodes the return code into names, e.g. `"ERROR | CRT | RSC | FAIL_EXISTS_RSC"`. */
  describe(): string {
    return describeRetCode(this.retCode);
  }

  /** python parity: `(ret_code, message)` equality. */
  equals(other: ApiCallResponse): boolean {
    return this.retCode === other.retCode && this.message === other.message;
  }

  /** python's `str()`: `SUCC:`/`ERRO:`/`INFO:`/`WARN:` + message; checks in python's order. */
  toString(): string {
    let prefix = 'SUCC';
    if (this.isError()) prefix = 'ERRO';
    else if (this.isInfo()) prefix = 'INFO';
    else if (this.isWarning()) prefix = 'WARN';
    return `${prefix}:${this.message ?? ''}`;
  }

  /** JSON-safe form: the received object with `ret_code` as its signed decimal string. */
  toJSON(): Record<string, unknown> {
    return { ...this.data, ret_code: this.signedRetCode.toString() };
  }

  // python's Linstor classmethods, as static helpers.

  /** True when every entry is a success (a warning or info makes it false). */
  static allApiResponsesSuccess(replies: readonly unknown[]): boolean {
    return replies.every((r) => r instanceof ApiCallResponse && r.isSuccess());
  }

  /** True when no entry is an error. */
  static allApiResponsesNoError(replies: readonly unknown[]): boolean {
    return replies.every((r) => !(r instanceof ApiCallResponse && r.isError()));
  }

  /** Keeps only the ApiCallResponse entries. */
  static filterApiCallResponse(replies: readonly unknown[]): ApiCallResponse[] {
    return replies.filter((r): r is ApiCallResponse => r instanceof ApiCallResponse);
  }

  /** Keeps the entries that are errors. */
  static filterApiCallResponseErrors(replies: readonly unknown[]): ApiCallResponse[] {
    return replies.filter((r): r is ApiCallResponse => r instanceof ApiCallResponse && r.isError());
  }

  /** Returns `replies` when not all are success, else undefined. */
  static returnIfFailure<T extends readonly unknown[]>(replies: T): T | undefined {
    return ApiCallResponse.allApiResponsesSuccess(replies) ? undefined : replies;
  }

  /** Returns `replies` when any is an error, else undefined. */
  static returnIfError<T extends readonly unknown[]>(replies: T): T | undefined {
    return ApiCallResponse.allApiResponsesNoError(replies) ? undefined : replies;
  }
}

/** True when `value` looks like an ApiCallRc object (has an integer `ret_code`). */
export function isApiCallRcData(value: unknown): value is ApiCallRcData {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    toRetCode((value as { ret_code?: unknown }).ret_code) !== undefined
  );
}

function toRetCode(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return U64(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return U64(BigInt(value));
  if (typeof value === 'string' && /^-?[0-9]{1,20}$/.test(value)) return U64(BigInt(value));
  return undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

interface DecodeTables {
  ops: Map<bigint, string>;
  objects: Map<bigint, string>;
  /** (type bits | code bits) -> return code names; full values for special codes. */
  codes: Map<bigint, string[]>;
}

let tables: DecodeTables | undefined;

/** Built lazily from the generated code names, so importing this module costs nothing. */
function decodeTables(): DecodeTables {
  if (tables) return tables;
  const ops = new Map<bigint, string>();
  const objects = new Map<bigint, string>();
  for (const [name, raw] of decodeCodeNames(maskNames)) {
    const value = U64(raw);
    if (value === 0n || name.startsWith('MASK_BITS_')) continue;
    if ((value & ~MASK_BITS_OP) === 0n) ops.set(value, name.slice(5));
    else if ((value & ~MASK_BITS_OBJ) === 0n) objects.set(value, name.slice(5));
  }
  const codes = new Map<bigint, string[]>();
  for (const [name, raw] of decodeCodeNames(returnCodeNames)) {
    const value = U64(raw);
    const names = codes.get(value);
    if (names) names.push(name);
    else codes.set(value, [name]);
  }
  tables = { ops, objects, codes };
  return tables;
}

/**
 * Decodes a return code (signed or unsigned) into `TYPE | OP | OBJECT | CODE_NAME`. The type is left out
 * for successes; a code without a known name is shown as its number. Several names for one value are
 * joined with `/` (e.g. `INFO_NOOP/INFO_AUTO_DRBD_PROXY_CREATED`).
 */
export function describeRetCode(retCode: bigint | number): string {
  const rc = U64(BigInt(retCode));
  const t = decodeTables();
  const type = rc & MASK_BITS_TYPE;
  const parts: string[] = [];
  if (type === MASK_ERROR) parts.push('ERROR');
  else if (type === MASK_WARN) parts.push('WARN');
  else if (type === MASK_INFO) parts.push('INFO');
  if ((rc & OUTSIDE_FIELDS) !== 0n) {
    parts.push(t.codes.get(rc)?.join('/') ?? `0x${rc.toString(16)}`);
    return parts.join(' | ');
  }
  const op = rc & MASK_BITS_OP;
  if (op !== 0n) parts.push(t.ops.get(op) ?? `OP(0x${op.toString(16)})`);
  const obj = rc & MASK_BITS_OBJ;
  if (obj !== 0n) parts.push(t.objects.get(obj) ?? `OBJ(0x${obj.toString(16)})`);
  parts.push(t.codes.get(type | (rc & MASK_BITS_CODE))?.join('/') ?? String(rc & MASK_BITS_CODE));
  return parts.join(' | ');
}
