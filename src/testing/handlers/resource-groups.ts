// Resource groups, volume groups and spawn (controller-behavior.md §3.9, §3.10).
import {
  CREATED,
  DELETED,
  FAIL_EXISTS_RSC_DFN,
  FAIL_EXISTS_RSC_GRP,
  FAIL_EXISTS_VLM_GRP,
  FAIL_INVLD_PLACE_COUNT,
  FAIL_INVLD_PROP,
  FAIL_INVLD_REQUEST,
  FAIL_INVLD_RSC_GRP_NAME,
  FAIL_INVLD_STOR_POOL_NAME,
  FAIL_INVLD_VLM_NR,
  FAIL_INVLD_VLM_SIZES,
  FAIL_NOT_ENOUGH_NODES,
  FAIL_NOT_FOUND_RSC_GRP,
  FAIL_NOT_FOUND_VLM_GRP,
  INFO_NO_RSC_SPAWNED,
  INFO_NOOP,
  MASK_CRT,
  MASK_DEL,
  MASK_INFO,
  MASK_MOD,
  MASK_RSC_GRP,
  MASK_VLM_DFN,
  MASK_VLM_GRP,
  MODIFIED,
  WARN_NOT_FOUND,
} from '../../../generated/constants';
import {
  AutoSelectFilterShape,
  type ObjectShape,
  ResourceGroupModifyShape,
  ResourceGroupShape,
  ResourceGroupSpawnShape,
  VolumeGroupModifyShape,
  VolumeGroupShape,
} from '../body';
import { rscGrpNotFound } from '../messages';
import { NAME_LIMITS, requireValidName } from '../names';
import { normalizeLayerStack } from '../ops';
import {
  commitAutoplace,
  DEFAULT_OVERSUBSCRIPTION_RATIO,
  mergeFilters,
  nextSpawnTargets,
  placeUpToGroupCount,
  planAutoplace,
  sizeCandidates,
} from '../placement';
import { entry, fail, failBare, type RcEntry, RcError, toJson } from '../rc';
import { freeCapacity, type Json, resourceGroupJson, volumeGroupJson } from '../render';
import type { Route, RouteContext } from '../router';
import {
  type AutoSelectFilter,
  key,
  type Props,
  type ResourceGroupRecord,
  type SimulatorState,
  sortByKey,
  type VolumeGroupRecord,
} from '../state';
import { editFlags, json, modifyProps, nameFilter, type PropsModify, paginate, propsFilter } from './common';
import { prepareResourceDefinition, prepareVolumeDefinition } from './resource-definitions';

/** Checks and normalises a select filter as the controller stores it (layers/providers upper-cased). */
function normalizeFilter(rgName: string, f: AutoSelectFilter | undefined): AutoSelectFilter {
  const out: AutoSelectFilter = { ...f };
  if (out.place_count !== undefined && out.place_count < 1) {
    fail(FAIL_INVLD_PLACE_COUNT, `Resource group: ${rgName}, place-count must be positive.`);
  }
  if (out.storage_pool !== undefined) {
    if (out.storage_pool_list === undefined) out.storage_pool_list = [out.storage_pool];
    delete out.storage_pool;
  }
  for (const sp of [...(out.storage_pool_list ?? []), ...(out.storage_pool_diskless_list ?? [])]) {
    requireValidName(sp, NAME_LIMITS.storagePool, FAIL_INVLD_STOR_POOL_NAME, 'storage pool');
  }
  if (out.layer_stack !== undefined && out.layer_stack.length > 0) {
    const norm = normalizeLayerStack(out.layer_stack);
    out.layer_stack = norm.storageAdded ? norm.stack.slice(0, -1) : norm.stack;
  }
  if (out.provider_list !== undefined) out.provider_list = out.provider_list.map((p) => p.toUpperCase());
  return out;
}

function missingPoolsWarning(state: SimulatorState, f: AutoSelectFilter): RcEntry[] {
  const missing = (f.storage_pool_list ?? []).filter(
    (sp) => ![...state.nodes.values()].some((n) => n.storagePools.has(key(sp))),
  );
  if (missing.length === 0) return [];
  return [
    entry(
      WARN_NOT_FOUND,
      `The following configured storage pools do not exist on any node:\n\t${missing.join('\n\t')}`,
    ),
  ];
}

const rgOf = (ctx: RouteContext): ResourceGroupRecord =>
  ctx.state.resourceGroup(ctx.params[0] as string) ?? rscGrpNotFound(ctx.params[0] as string);

// The message quotes the volume number as written in the path (not the parsed number); the GET
// answers the error bare (`failBare`), the modify/delete routes wrapped (`fail`).
function vgOf(ctx: RouteContext, rg: ResourceGroupRecord, raise: typeof fail = fail): VolumeGroupRecord {
  const vg = rg.volumeGroups.get(Number(ctx.params[1]));
  if (!vg) {
    raise(
      FAIL_NOT_FOUND_VLM_GRP,
      `Volume group '${rg.name}' with volume number '${ctx.params[1]}' not found.`,
    );
  }
  return vg;
}

function rdsOfGroup(state: SimulatorState, rg: ResourceGroupRecord) {
  return state.sortedResourceDefinitions().filter((rd) => key(rd.resourceGroup) === key(rg.name));
}

interface RgCreateBody {
  name?: string;
  description?: string;
  props?: Props;
  select_filter?: AutoSelectFilter;
  peer_slots?: number;
}

interface RgModifyBody extends PropsModify {
  description?: string;
  select_filter?: AutoSelectFilter;
  peer_slots?: number;
}

interface SpawnBody {
  resource_definition_name?: string;
  resource_definition_external_name?: string;
  volume_sizes?: number[];
  select_filter?: AutoSelectFilter;
  partial?: boolean;
  definitions_only?: boolean;
  peer_slots?: number;
  volume_passphrases?: string[];
  resource_definition_props?: Props;
}

function spawn(state: SimulatorState, rg: ResourceGroupRecord, body: SpawnBody): RcEntry[] {
  const out: RcEntry[] = [];
  const sizes = body.volume_sizes ?? [];
  const vgs = [...rg.volumeGroups.values()].sort((a, b) => a.number - b.number);
  let partial = body.partial === true;
  if (vgs.length === 0) {
    partial = true;
    out.push(
      entry(MASK_INFO, "Resource-group doesn't have any volume-groups, automatically assume partial mode."),
    );
  } else if (!partial && sizes.length !== vgs.length) {
    fail(FAIL_INVLD_VLM_SIZES, `Invalid count of volume sizes to spawn resource group '${rg.name}'`, {
      details: `Resource group '${rg.name}' has ${vgs.length} Volume groups, but only ${sizes.length} sizes were provided.`,
    });
  }
  if ((body.volume_passphrases ?? []).length > 0 && (body.volume_passphrases ?? []).length !== sizes.length) {
    fail(FAIL_INVLD_REQUEST, 'The number of volume passphrases does not match the number of volume sizes.');
  }
  const prep = prepareResourceDefinition(state, {
    resource_definition: {
      name: body.resource_definition_name,
      external_name: body.resource_definition_external_name,
      props: body.resource_definition_props,
      resource_group_name: rg.name,
      layer_data: (rg.selectFilter.layer_stack ?? []).map((type) => ({ type })),
    },
    drbd_peer_slots: body.peer_slots ?? rg.peerSlots,
  });
  const rd = prep.record;
  // Volume definitions on the uncommitted RD: numbers from the volume groups, then the next free ones.
  const reserved = new Set<number>();
  const vdPreps = sizes.map((size, i) => {
    const vg = vgs[i];
    const number = vg?.number ?? (i === 0 ? 0 : Math.max(...reserved) + 1);
    const p = prepareVolumeDefinition(
      state,
      rd,
      {
        volume_definition: {
          volume_number: number,
          size_kib: size,
          flags: vg?.flags.filter((f) => f === 'GROSS_SIZE'),
        },
      },
      reserved,
    );
    reserved.add(p.vd.number);
    return p;
  });
  const filter = mergeFilters(body.select_filter ?? {}, rg.selectFilter);
  const deploy = filter.place_count !== undefined && body.definitions_only !== true;
  // Plan the placement on the not yet registered RD: if it fails nothing is created (atomic spawn).
  for (const p of vdPreps) rd.volumeDefinitions.set(p.vd.number, p.vd);
  const plan = deploy ? planAutoplace(state, rd, filter) : undefined;
  rd.volumeDefinitions.clear();
  prep.commit();
  out.push(...prep.entries);
  for (const p of vdPreps) {
    p.commit();
    out.push(
      entry(
        MASK_VLM_DFN | CREATED,
        `Volume definition with number '${p.vd.number}' successfully  created in resource definition '${rd.name}'.`,
        {
          objRefs: { RscDfn: rd.name, VlmNr: String(p.vd.number) },
        },
      ),
    );
  }
  out.push(
    entry(CREATED, `New resource definition '${rd.name}' created.`, {
      details: `Resource definition '${rd.name}' UUID is: ${rd.uuid}`,
      objRefs: { RscDfn: rd.name, UUID: rd.uuid },
    }),
  );
  if (plan) out.push(...commitAutoplace(state, plan));
  else {
    const reasons: string[] = [];
    if (filter.place_count === undefined) {
      reasons.push('No autoplace configuration in the given resource group (at least place-count required)');
    }
    if (body.definitions_only === true) reasons.push('--definitions-only was set');
    out.push(
      entry(
        INFO_NO_RSC_SPAWNED,
        `Resource definition ${rd.name} and ${vdPreps.length} created but no resources deployed`,
        {
          cause: reasons.join('\n'),
        },
      ),
    );
  }
  return out;
}

// ---- size queries and adjust ----

const QuerySizeInfoRequestShape: ObjectShape = {
  cls: 'QuerySizeInfoRequest',
  fields: { select_filter: AutoSelectFilterShape, ignore_cache_older_than_sec: 'int' },
};
const QueryAllSizeInfoRequestShape: ObjectShape = {
  ...QuerySizeInfoRequestShape,
  cls: 'QueryAllSizeInfoRequest',
};
const ResourceGroupAdjustShape: ObjectShape = {
  cls: 'ResourceGroupAdjust',
  fields: { select_filter: AutoSelectFilterShape, snap_names: ['string'], copy_all_snaps: 'bool' },
};

const R = DEFAULT_OVERSUBSCRIPTION_RATIO;

/** MaxVolumeSizes for a filter (already merged with the group's); FAIL_NOT_ENOUGH_NODES when no pool fits. */
export function maxVolumeSizesJson(state: SimulatorState, filter: AutoSelectFilter): Json {
  const found = sizeCandidates(state, filter);
  if (found.length === 0) {
    fail(FAIL_NOT_ENOUGH_NODES, 'Not enough available nodes', {
      details: `No storage pool is deployed on ${filter.place_count ?? 2} online nodes that match the filter.`,
    });
  }
  return {
    candidates: found.map((c) => ({
      storage_pool: c.poolName,
      max_volume_size_kib: c.maxVolumeKib,
      node_names: c.chosen.map((x) => x.node.name),
      all_thin: c.allThin,
    })),
    default_max_oversubscription_ratio: R,
  };
}

/** QuerySizeInfoResponse: the best pool's limits and where the next spawn would go; problems as reports. */
function querySizeInfoJson(state: SimulatorState, filter: AutoSelectFilter): Json {
  const best = sizeCandidates(state, filter).sort((a, b) => b.maxVolumeKib - a.maxVolumeKib)[0];
  const next = nextSpawnTargets(state, filter) ?? [];
  const spaceInfo: Json = {
    max_vlm_size_in_kib: best?.maxVolumeKib ?? 0,
    available_size_in_kib: best ? Math.min(...best.chosen.map((c) => freeCapacity(c.pool))) : 0,
    capacity_in_kib: best ? Math.min(...best.chosen.map((c) => c.pool.totalCapacity)) : 0,
    default_max_oversubscription_ratio: R,
    max_oversubscription_ratio: R,
    max_free_capacity_oversubscription_ratio: R,
    max_total_capacity_oversubscription_ratio: R,
    next_spawn_result: next.map((c) => ({
      node_name: c.node.name,
      stor_pool_name: c.pool.name,
      stor_pool_oversubscription_ratio: R,
      stor_pool_free_capacity_oversubscription_ratio: R,
      stor_pool_total_capacity_oversubscription_ratio: R,
    })),
  };
  const reports =
    best === undefined
      ? [
          toJson(
            entry(FAIL_NOT_ENOUGH_NODES | MASK_RSC_GRP, 'Not enough available nodes', {
              details: `No storage pool is deployed on ${filter.place_count ?? 2} online nodes that match the filter.`,
            }),
          ),
        ]
      : [];
  return { space_info: spaceInfo, reports };
}

/**
 * Adjust: places the missing replicas of each RD of the group (the existing autoplacer); a failure of
 * one RD is reported and the others still run. Surplus replicas are left alone.
 */
function adjustGroup(state: SimulatorState, rg: ResourceGroupRecord, request: AutoSelectFilter): RcEntry[] {
  const out: RcEntry[] = [];
  for (const rd of rdsOfGroup(state, rg)) {
    try {
      out.push(...placeUpToGroupCount(state, rd, rg, request));
    } catch (e) {
      if (!(e instanceof RcError)) throw e;
      out.push(...e.entries);
    }
  }
  return out;
}

const nothingToAdjust = (what: string): RcEntry =>
  entry(INFO_NOOP, `${what}: every resource definition already has its replicas; nothing to adjust.`);

export function resourceGroupRoutes(): Route[] {
  const RG = '/v1/resource-groups';
  return [
    {
      method: 'GET',
      template: RG,
      handler: ({ state, query }) => {
        const names = nameFilter(query, 'resource_groups');
        const byProps = propsFilter(query);
        const list = sortByKey([...state.resourceGroups.values()], (g) => g.name).filter(
          (g) => (!names || names.has(key(g.name))) && byProps(g.props),
        );
        return json(paginate(list, query).map(resourceGroupJson));
      },
    },
    {
      method: 'GET',
      template: `${RG}/{resource_group}`,
      handler: ({ state, params }) => {
        const rg = state.resourceGroup(params[0] as string);
        if (!rg) failBare(FAIL_NOT_FOUND_RSC_GRP, `Resource group '${params[0]}' not found.`);
        return json(resourceGroupJson(rg));
      },
    },
    {
      method: 'POST',
      template: RG,
      success: 201,
      parseErrorStatus: 400,
      context: [MASK_RSC_GRP, MASK_CRT],
      handler: (ctx) => {
        const body = ctx.body<RgCreateBody>(ResourceGroupShape);
        const name = body.name ?? '';
        requireValidName(name, NAME_LIMITS.resourceGroup, FAIL_INVLD_RSC_GRP_NAME, 'resource group');
        if (ctx.state.resourceGroup(name))
          fail(FAIL_EXISTS_RSC_GRP, `A Resource group: ${name} already exists.`);
        const filter = normalizeFilter(name, body.select_filter);
        // Props in the create body are ignored by the controller; they are set with a later modify.
        const rg = ctx.state.addResourceGroup(name, filter);
        if (body.description) rg.description = body.description;
        if (body.peer_slots !== undefined) rg.peerSlots = body.peer_slots;
        return {
          entries: [
            ...missingPoolsWarning(ctx.state, filter),
            entry(CREATED, `New resource group '${name}' created.`, {
              details: `Resource group '${name}' UUID is: ${rg.uuid}`,
              objRefs: { RscGrp: name },
            }),
          ],
        };
      },
    },
    {
      method: 'PUT',
      template: `${RG}/{resource_group}`,
      context: [MASK_RSC_GRP, MASK_MOD],
      handler: (ctx) => {
        const rg = rgOf(ctx);
        const body = ctx.body<RgModifyBody>(ResourceGroupModifyShape);
        if ('DrbdOptions/ExactSize' in (body.override_props ?? {})) {
          fail(FAIL_INVLD_PROP, 'Invalid property key: DrbdOptions/ExactSize', {
            cause: 'The key cannot be set on resource groups.',
          });
        }
        const filter = body.select_filter ? normalizeFilter(rg.name, body.select_filter) : undefined;
        const out = modifyProps(rg.props, body, MASK_RSC_GRP);
        if (body.description !== undefined) rg.description = body.description;
        if (body.peer_slots !== undefined) rg.peerSlots = body.peer_slots;
        const oldCount = rg.selectFilter.place_count ?? 0;
        if (filter) rg.selectFilter = { ...rg.selectFilter, ...filter };
        out.push(
          entry(MODIFIED, `Resource group '${rg.name}' modified.`, {
            details: `Resource group '${rg.name}' UUID is: ${rg.uuid}`,
            objRefs: { RscGrp: rg.name },
          }),
        );
        if (filter) out.push(...missingPoolsWarning(ctx.state, filter));
        const newCount = rg.selectFilter.place_count ?? 0;
        if (newCount > oldCount) {
          // Raising the place count places more replicas of every RD of the group.
          for (const rd of rdsOfGroup(ctx.state, rg)) out.push(...placeUpToGroupCount(ctx.state, rd, rg));
        }
        return { entries: out };
      },
    },
    {
      method: 'DELETE',
      template: `${RG}/{resource_group}`,
      parseErrorStatus: 400,
      // The controller builds this context as a create operation (controller-behavior.md §1.4).
      context: [MASK_RSC_GRP, MASK_CRT],
      handler: ({ state, params }) => {
        const rg = state.resourceGroup(params[0] as string);
        if (!rg) return { entries: [entry(WARN_NOT_FOUND, `Resource group: ${params[0]} not found.`)] };
        if (rdsOfGroup(state, rg).length > 0) {
          fail(
            FAIL_EXISTS_RSC_DFN,
            `Cannot delete resource group '${rg.name}' because it has existing resource definitions.`,
          );
        }
        state.resourceGroups.delete(key(rg.name));
        return {
          entries: [
            entry(DELETED, `Resource group '${rg.name}' deleted.`, {
              details: `Resource group '${rg.name}' UUID was: ${rg.uuid}`,
              objRefs: { RscGrp: rg.name },
            }),
          ],
        };
      },
    },
    {
      method: 'POST',
      template: `${RG}/{resource_group}/spawn`,
      success: 201,
      context: [MASK_RSC_GRP, MASK_CRT],
      handler: (ctx) => {
        const body = ctx.body<SpawnBody>(ResourceGroupSpawnShape);
        return { entries: spawn(ctx.state, rgOf(ctx), body) };
      },
    },
    // ---- size queries and adjust ----
    {
      // A plain OPTIONS request (no Access-Control-Request-Method header); preflights are answered
      // before routing (SimulatedController.dispatch).
      method: 'OPTIONS',
      template: '/v1/query-max-volume-size',
      parseErrorStatus: 400,
      handler: (ctx) => {
        const filter = ctx.optionalBody<AutoSelectFilter>(AutoSelectFilterShape) ?? {};
        return json(maxVolumeSizesJson(ctx.state, mergeFilters(filter, {})));
      },
    },
    {
      method: 'GET',
      template: `${RG}/{resource_group}/query-max-volume-size`,
      handler: (ctx) => json(maxVolumeSizesJson(ctx.state, mergeFilters({}, rgOf(ctx).selectFilter))),
    },
    {
      method: 'POST',
      template: `${RG}/{resource_group}/query-size-info`,
      parseErrorStatus: 400,
      handler: (ctx) => {
        const rg = rgOf(ctx);
        const body = ctx.optionalBody<{ select_filter?: AutoSelectFilter }>(QuerySizeInfoRequestShape) ?? {};
        return json(querySizeInfoJson(ctx.state, mergeFilters(body.select_filter ?? {}, rg.selectFilter)));
      },
    },
    {
      method: 'POST',
      template: '/v1/queries/resource-groups/query-all-size-info',
      parseErrorStatus: 400,
      handler: (ctx) => {
        const body =
          ctx.optionalBody<{ select_filter?: AutoSelectFilter }>(QueryAllSizeInfoRequestShape) ?? {};
        const result: Record<string, Json> = {};
        for (const rg of sortByKey([...ctx.state.resourceGroups.values()], (g) => g.name)) {
          result[rg.name] = querySizeInfoJson(
            ctx.state,
            mergeFilters(body.select_filter ?? {}, rg.selectFilter),
          );
        }
        return json({ result, reports: [] });
      },
    },
    {
      method: 'POST',
      template: `${RG}/{resource_group}/adjust`,
      context: [MASK_RSC_GRP, MASK_MOD],
      handler: (ctx) => {
        const rg = rgOf(ctx);
        const body = ctx.optionalBody<{ select_filter?: AutoSelectFilter }>(ResourceGroupAdjustShape) ?? {};
        const out = adjustGroup(ctx.state, rg, body.select_filter ?? {});
        return { entries: out.length > 0 ? out : [nothingToAdjust(`Resource group '${rg.name}'`)] };
      },
    },
    {
      method: 'POST',
      template: `${RG}/adjustall`,
      context: [MASK_RSC_GRP, MASK_MOD],
      handler: (ctx) => {
        const body = ctx.optionalBody<{ select_filter?: AutoSelectFilter }>(ResourceGroupAdjustShape) ?? {};
        const groups = sortByKey([...ctx.state.resourceGroups.values()], (g) => g.name);
        const out = groups.flatMap((rg) => adjustGroup(ctx.state, rg, body.select_filter ?? {}));
        return { entries: out.length > 0 ? out : [nothingToAdjust('All resource groups')] };
      },
    },
    // ---- volume groups ----
    {
      method: 'GET',
      template: `${RG}/{resource_group}/volume-groups`,
      handler: (ctx) => {
        const rg = rgOf(ctx);
        const list = [...rg.volumeGroups.values()].sort((a, b) => a.number - b.number);
        return json(paginate(list, ctx.query).map(volumeGroupJson));
      },
    },
    {
      method: 'GET',
      template: `${RG}/{resource_group}/volume-groups/{volume_number}`,
      handler: (ctx) => {
        const rg = rgOf(ctx);
        const vg = vgOf(ctx, rg, failBare);
        return json(volumeGroupJson(vg));
      },
    },
    {
      method: 'POST',
      template: `${RG}/{resource_group}/volume-groups`,
      success: 201,
      parseErrorStatus: 400,
      context: [MASK_VLM_GRP, MASK_CRT],
      handler: (ctx) => {
        const rg = rgOf(ctx);
        const body =
          ctx.optionalBody<{ volume_number?: number; props?: Props; flags?: string[] }>(VolumeGroupShape) ??
          {};
        if (rdsOfGroup(ctx.state, rg).length > 0) {
          fail(
            FAIL_EXISTS_RSC_DFN,
            'Volume group cannot be created while the resource group already has resource definitions.',
          );
        }
        let nr = body.volume_number;
        if (nr === undefined) {
          nr = 0;
          while (rg.volumeGroups.has(nr)) nr++;
        }
        if (nr < 0 || nr > 65534) {
          fail(
            FAIL_INVLD_VLM_NR,
            `The specified volume number '${nr}' is invalid. Volume numbers have to be in range of 0 - 65534.`,
          );
        }
        if (rg.volumeGroups.has(nr)) {
          fail(
            FAIL_EXISTS_VLM_GRP,
            `A volume group with the number ${nr} already exists in resource group '${rg.name}'.`,
          );
        }
        const out = modifyProps({}, { override_props: body.props }, MASK_VLM_GRP);
        const vg = {
          number: nr,
          props: { ...body.props },
          flags: [...new Set(body.flags ?? [])],
          uuid: ctx.state.uuid(),
        };
        rg.volumeGroups.set(nr, vg);
        out.push(
          entry(CREATED, `New volume group with number '${nr}' of resource group '${rg.name}' created.`, {
            details: `Volume group with number '${nr}' of resource group '${rg.name}' UUID is: ${vg.uuid}`,
            objRefs: { RscGrp: rg.name, VlmNr: String(nr) },
          }),
        );
        return { entries: out };
      },
    },
    {
      method: 'PUT',
      template: `${RG}/{resource_group}/volume-groups/{volume_number}`,
      context: [MASK_VLM_GRP, MASK_MOD],
      handler: (ctx) => {
        const rg = rgOf(ctx);
        const vg = vgOf(ctx, rg);
        const body = ctx.body<PropsModify & { flags?: string[] }>(VolumeGroupModifyShape);
        const out = modifyProps(vg.props, body, MASK_VLM_GRP);
        editFlags(vg, body.flags);
        out.push(
          entry(
            MODIFIED,
            `Volume group with number '${vg.number}' of resource group '${rg.name}' modified.`,
            {
              details: `Volume group with number '${vg.number}' of resource group '${rg.name}' UUID is: ${vg.uuid}`,
            },
          ),
        );
        return { entries: out };
      },
    },
    {
      method: 'DELETE',
      template: `${RG}/{resource_group}/volume-groups/{volume_number}`,
      context: [MASK_VLM_GRP, MASK_DEL],
      handler: (ctx) => {
        const rg = rgOf(ctx);
        const vg = vgOf(ctx, rg);
        rg.volumeGroups.delete(vg.number);
        return {
          entries: [
            entry(
              DELETED,
              `Volume group with number '${vg.number}' of resource group '${rg.name}' deleted.`,
              {
                details: `Volume group with number '${vg.number}' of resource group '${rg.name}' UUID was: ${vg.uuid}`,
              },
            ),
          ],
        };
      },
    },
  ];
}
