import { DeviceLayerKind } from '../../../generated/constants';
import { ApiCallResponse } from '../../core/api-call-response';
import { attempt, type FetchLike, PROBE_TIMEOUT_MS } from '../../core/transport';
import { parseControllerUri } from '../../core/uri';
import { parseVolumeSizeToKib } from '../../objects/size-calc';
import type { LinstorCore } from '../linstor-core';
import { StoragePoolDriver, type StoragePoolDriverName } from '../responses/storage-pool-driver';

/** The controller's replies, as the reply helpers take them (python's `replies`). */
export interface RepliesOptions {
  replies: readonly unknown[];
}

/** Options of `hasLinstorHttps` (python `has_linstor_https(hostname, port)`). */
export interface HasLinstorHttpsOptions {
  hostname: string;
  port: number;
  /** The fetch to use (default: `globalThis.fetch`). */
  fetch?: FetchLike;
  /** Probe timeout in milliseconds (python: 3 s). */
  timeoutMs?: number;
}

// Local helpers take python's single argument either bare or in an options object.
/** python's single argument, bare or in an options object: `x` or `{ replies: x }`. */
export type ArgOrOptions<K extends string, T> = T | { readonly [P in K]: T };

function arg<K extends string, T>(value: ArgOrOptions<K, T>, key: K, isBare: (v: unknown) => v is T): T {
  return isBare(value) ? value : (value as { readonly [P in K]: T })[key];
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isArray = (v: unknown): v is readonly unknown[] => Array.isArray(v);

function repliesOf(value: ArgOrOptions<'replies', readonly unknown[]>): ApiCallResponse[] {
  return arg(value, 'replies', isArray).filter((r): r is ApiCallResponse => r instanceof ApiCallResponse);
}

/**
 * The python classmethods of §2.1: they need no connection and are also available as statics
 * (`Linstor.parseVolumeSizeToKib('20 MiB')`).
 */
export const connectionStatics = {
  /** python `layer_list()`: the device layer kinds, lower-cased (`drbd`, `luks`, `storage`, ...). */
  layerList(): string[] {
    return Object.values(DeviceLayerKind).map((kind) => kind.toLowerCase());
  },

  /** python `provider_list()`: the storage pool drivers (`StoragePoolDriver.list()`). */
  providerList(): StoragePoolDriverName[] {
    return StoragePoolDriver.list();
  },

  /**
   * python `parse_volume_size_to_kib(size_str)`: a size for spawn in KiB (no unit = GiB, rounded up).
   * Differs from python: whitespace is accepted (`"20 MiB"`), quirk 4.
   */
  parseVolumeSizeToKib(sizeStr: ArgOrOptions<'sizeStr', string>): number {
    return parseVolumeSizeToKib(arg(sizeStr, 'sizeStr', isString));
  },

  /**
   * python `has_linstor_https(hostname, port)`: a bare `GET /v1/controller/version` over plain HTTP.
   * Returns the HTTPS port named by a 302 `Location`, otherwise 0 (also on any failure).
   */
  async hasLinstorHttps(opts: HasLinstorHttpsOptions): Promise<number> {
    let fetchFn = opts.fetch;
    if (fetchFn === undefined && typeof globalThis.fetch === 'function') {
      fetchFn = (url, init) => globalThis.fetch(url, init);
    }
    if (fetchFn === undefined) return 0;
    try {
      const address = parseControllerUri(`linstor://${hostForUri(opts.hostname)}:${opts.port}`);
      const raw = await attempt(
        fetchFn,
        { url: `${address.origin}/v1/controller/version`, method: 'GET', headers: {} },
        opts.timeoutMs ?? PROBE_TIMEOUT_MS,
        [],
      );
      if (raw.status !== 302) return 0;
      return portOfLocation(raw.headers.get('location') ?? '');
    } catch {
      return 0;
    }
  },

  /** python `all_api_responses_no_error(replies)`: no reply is an error. */
  allApiResponsesNoError(replies: ArgOrOptions<'replies', readonly unknown[]>): boolean {
    return repliesOf(replies).every((r) => !r.isError());
  },

  /** python `all_api_responses_success(replies)`: every reply is a plain success (a warning or info is not). */
  allApiResponsesSuccess(replies: ArgOrOptions<'replies', readonly unknown[]>): boolean {
    return repliesOf(replies).every((r) => r.isSuccess());
  },

  /** python `filter_api_call_response(replies)`: keeps only the `ApiCallResponse` entries. */
  filterApiCallResponse(replies: ArgOrOptions<'replies', readonly unknown[]>): ApiCallResponse[] {
    return repliesOf(replies);
  },

  /** python `filter_api_call_response_errors(replies)`: keeps the error replies. */
  filterApiCallResponseErrors(replies: ArgOrOptions<'replies', readonly unknown[]>): ApiCallResponse[] {
    return repliesOf(replies).filter((r) => r.isError());
  },

  /** python `return_if_failure(replies)`: the replies when not all are successes, else `undefined`. */
  returnIfFailure<T>(replies: ArgOrOptions<'replies', readonly T[]>): readonly T[] | undefined {
    const list = arg(replies, 'replies', isArray) as readonly T[];
    return connectionStatics.allApiResponsesSuccess(list) ? undefined : list;
  },

  /** python `return_if_error(replies)`: the replies when any is an error, else `undefined`. */
  returnIfError<T>(replies: ArgOrOptions<'replies', readonly T[]>): readonly T[] | undefined {
    const list = arg(replies, 'replies', isArray) as readonly T[];
    return connectionStatics.allApiResponsesNoError(list) ? undefined : list;
  },
};

function hostForUri(hostname: string): string {
  return hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;
}

function portOfLocation(location: string): number {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:]*)(?::(\d+))?/.exec(location);
  const port = m?.[1] ? Number(m[1]) : 0;
  return port > 0 && port < 65536 ? port : 0;
}

/**
 * python §2.1 instance helpers (`connect`, `disconnect`, `apiVersionSmaller` and `controllerHost`
 * are on `LinstorCore`), plus the classmethods again so they can be called on an instance as in python.
 */
export const connectionMethods = {
  ...connectionStatics,

  /** python `stats()`: always `""`. */
  stats(this: LinstorCore): string {
    return '';
  },

  /** python `node_types()`: the node types `nodeCreate` accepts. */
  nodeTypes(this: LinstorCore): string[] {
    return ['Controller', 'Auxiliary', 'Combined', 'Satellite', 'Remote_Spdk'];
  },
};
