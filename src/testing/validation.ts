// Every reply the simulator sends can be checked against the project's OpenAPI schemas (through the
// generated validators). A mismatch is recorded; under jest an afterEach hook registered when this module
// is loaded fails the test that caused it, wherever the reply went (msw, HTTP server, direct call).
import { schemaValidators, validateResponse } from '../../generated/validators';
import { LinstorError } from '../core/errors';
import { parseJson } from '../core/lossless-json';

export interface ReplyMismatch {
  method: string;
  path: string;
  status: number;
  /** undefined when no operation of generated/operations.ts matches the route */
  operationId?: string;
  errors: string[];
}

/** What to do with a mismatch: record it (default, fails the running jest test), throw, or call back. */
export type MismatchHandler = 'record' | 'throw' | ((mismatch: ReplyMismatch) => void);

const pending: ReplyMismatch[] = [];

/** Mismatches recorded since the last check (the jest hook drains this list after each test). */
export function takeReplyMismatches(): ReplyMismatch[] {
  return pending.splice(0);
}

export function formatMismatch(m: ReplyMismatch): string {
  const op = m.operationId ?? '(no operationId)';
  return `${m.method} ${m.path} -> ${m.status} [${op}]: ${m.errors.join('; ')}`;
}

export class ReplyMismatchError extends LinstorError {
  constructor(readonly mismatches: readonly ReplyMismatch[]) {
    super(
      `The simulated controller sent ${mismatches.length} repl${mismatches.length === 1 ? 'y' : 'ies'} that ` +
        `do not match the OpenAPI schemas:\n${mismatches.map(formatMismatch).join('\n')}`,
    );
  }
}

export function reportMismatch(m: ReplyMismatch, handler: MismatchHandler): void {
  if (handler === 'throw') throw new ReplyMismatchError([m]);
  if (typeof handler === 'function') {
    handler(m);
    return;
  }
  pending.push(m);
}

/** True inside a jest worker: replies are validated by default there. */
export function runningUnderJest(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.JEST_WORKER_ID !== undefined;
}

function installJestHook(): void {
  const g = globalThis as { afterEach?: (fn: () => void) => void };
  if (!runningUnderJest() || typeof g.afterEach !== 'function') return;
  try {
    g.afterEach(() => {
      const found = takeReplyMismatches();
      if (found.length > 0) throw new ReplyMismatchError(found);
    });
  } catch {
    // Loaded from inside a running test: hooks cannot be added now; mismatches stay readable through
    // takeReplyMismatches() and the simulator's own list.
  }
}
installJestHook();

/**
 * `VolumeLayer.data` is an `anyOf` over seven layer-volume shapes whose properties are all optional, so
 * almost any object passes it. The simulator holds its own replies to a stricter rule: each
 * `layer_data_list[i].data` must match the shape its `type` names. It is checked here, then taken out
 * before the reply is checked as a whole.
 */
const LAYER_VOLUME_SCHEMAS: Readonly<Record<string, string>> = {
  DRBD: 'DrbdVolume',
  LUKS: 'LUKSVolume',
  STORAGE: 'StorageVolume',
  NVME: 'NVMEVolume',
  WRITECACHE: 'WritecacheVolume',
  CACHE: 'CacheVolume',
  BCACHE: 'BCacheVolume',
};

function checkLayerData(node: unknown, path: string, errors: string[]): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      checkLayerData(item, `${path}/${i}`, errors);
    });
    return;
  }
  const record = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(record)) {
    if (k === 'layer_data_list' && Array.isArray(v)) {
      v.forEach((layer, i) => {
        if (typeof layer !== 'object' || layer === null) return;
        const l = layer as { type?: unknown; data?: unknown };
        if (l.data === undefined) return;
        const schema = typeof l.type === 'string' ? LAYER_VOLUME_SCHEMAS[l.type] : undefined;
        const validate = schema ? schemaValidators[schema] : undefined;
        if (validate && !validate(l.data)) {
          for (const e of validate.errors ?? []) {
            errors.push(`${path}/${k}/${i}/data${e.instancePath} ${e.message ?? 'invalid'} (${schema})`);
          }
        }
        delete l.data;
      });
    } else checkLayerData(v, `${path}/${k}`, errors);
  }
}

/** Validates one reply body (the text as sent) for an operation; returns the schema errors. */
export function validateReply(operationId: string | undefined, status: number, bodyText: string): string[] {
  let body: unknown;
  if (bodyText === '') body = undefined;
  else {
    try {
      body = parseJson(bodyText);
    } catch (e) {
      return [`body is not JSON: ${(e as Error).message}`];
    }
  }
  if (operationId === undefined) {
    // Replies outside any operation (unknown path, wrong method) are ApiCallRc lists.
    const v = schemaValidators.ApiCallRcList;
    if (!v) return ['no ApiCallRcList schema validator'];
    if (v(body)) return [];
    return (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
  }
  const layerErrors: string[] = [];
  checkLayerData(body, '', layerErrors);
  const result = validateResponse(operationId, status, body);
  return result.ok ? layerErrors : [...layerErrors, ...result.errors];
}
