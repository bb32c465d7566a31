import { LinstorArgumentError } from '../core/errors';
import type { Schemas } from './responses/schemas';

/** The auto-placement arguments shared by resource-group create/modify/spawn/query and autoplace. */
export interface SelectFilterOptions {
  /** Number of diskful replicas (`place_count`). */
  placeCount?: number | null;
  /** Replicas to add to those already placed; sent only when non-zero (needs REST 1.6.0). */
  additionalPlaceCount?: number | null;
  /** Diskless type for the remaining nodes (`diskless_type`). */
  disklessType?: string | null;
  /** Put a diskless resource on every remaining node. */
  disklessOnRemaining?: boolean | null;
  /** Storage pool(s) to place on (`storage_pool_list`). A single name is wrapped into a list. */
  storagePool?: string | readonly string[] | null;
  /** Storage pool(s) for diskless resources (`storage_pool_diskless_list`, needs REST 1.7.0). */
  disklessStoragePool?: string | readonly string[] | null;
  /** Avoid nodes that have these resources (`not_place_with_rsc`). */
  doNotPlaceWith?: readonly string[] | null;
  /** Avoid nodes with resources matching this regular expression (`not_place_with_rsc_regex`). */
  doNotPlaceWithRegex?: string | null;
  /** Property keys whose values must be equal on the chosen nodes. */
  replicasOnSame?: readonly string[] | null;
  /** Property keys whose values must differ on the chosen nodes. */
  replicasOnDifferent?: readonly string[] | null;
  /** Property key -> replicas allowed per value (`x_replicas_on_different_map`). */
  xReplicasOnDifferent?: Readonly<Record<string, number>> | null;
  /** Layer stack, top-down (`layer_stack`). */
  layerList?: readonly string[] | null;
  /** Allowed storage providers (`provider_list`). */
  providerList?: readonly string[] | null;
}

/** The two version questions the builder asks the client. */
export interface SelectFilterVersionGate {
  /** python's `api_version_smaller`: true/false once connected, undefined before. */
  apiVersionSmaller(version: string): boolean | undefined;
  /** Throws (before anything is sent) when the controller's REST version is below `version`. */
  requireVersion(version: string, message: string): void;
}

type AutoSelectFilter = Schemas['AutoSelectFilter'];

function given<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

function asList(value: string | readonly string[]): string[] {
  return typeof value === 'string' ? [value] : [...value];
}

/**
 * Builds `select_filter` from the placement arguments (python's `_set_select_filter_body`): a key
 * is written only for an argument that was given, so no arguments give `{}`.
 * Differs from python in one place: a single storage pool name is always wrapped into a list
 * (python sends a bare string from spawn and query-size-info, which the controller rejects).
 */
export function buildSelectFilter(
  options: SelectFilterOptions,
  gate: SelectFilterVersionGate,
): AutoSelectFilter {
  const filter: AutoSelectFilter = {};
  if (given(options.placeCount)) filter.place_count = options.placeCount;
  if (given(options.additionalPlaceCount) && options.additionalPlaceCount !== 0) {
    if (gate.apiVersionSmaller('1.6.0')) {
      throw new LinstorArgumentError("linstor-controller version doesn't support additional place count");
    }
    filter.additional_place_count = options.additionalPlaceCount;
  }
  if (options.disklessType) filter.diskless_type = options.disklessType;
  if (given(options.disklessOnRemaining)) filter.diskless_on_remaining = options.disklessOnRemaining;
  if (given(options.storagePool)) setStoragePool(filter, asList(options.storagePool), gate);
  if (given(options.disklessStoragePool)) {
    gate.requireVersion('1.7.0', 'REST action not supported by server');
    filter.storage_pool_diskless_list = asList(options.disklessStoragePool);
  }
  if (given(options.doNotPlaceWith)) filter.not_place_with_rsc = [...options.doNotPlaceWith];
  if (given(options.doNotPlaceWithRegex)) filter.not_place_with_rsc_regex = options.doNotPlaceWithRegex;
  if (given(options.replicasOnSame)) filter.replicas_on_same = [...options.replicasOnSame];
  if (given(options.replicasOnDifferent)) filter.replicas_on_different = [...options.replicasOnDifferent];
  if (given(options.xReplicasOnDifferent))
    filter.x_replicas_on_different_map = { ...options.xReplicasOnDifferent };
  if (given(options.layerList)) filter.layer_stack = [...options.layerList];
  if (given(options.providerList)) filter.provider_list = [...options.providerList];
  return filter;
}

function setStoragePool(filter: AutoSelectFilter, pools: string[], gate: SelectFilterVersionGate): void {
  if (gate.apiVersionSmaller('1.1.0')) {
    // Controllers before REST 1.1.0 take one pool only.
    if (pools.length > 1) {
      throw new LinstorArgumentError("linstor-controller version doesn't support multiple storage pools");
    }
    if (pools.length === 1) filter.storage_pool = pools[0];
    return;
  }
  // An empty list, or one whose first name is empty (`[""]`), means "no restriction": an empty list.
  filter.storage_pool_list = pools.length > 0 && pools[0] ? pools : [];
}
