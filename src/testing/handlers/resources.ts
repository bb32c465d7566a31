// Resources: create/delete/modify, volumes, toggle-disk and migrate-disk, make-available, autoplace
// (controller-behavior.md §3.5–§3.8, §5, §6).
import {
  API_CALL_PARSE_ERROR,
  DELETED,
  FAIL_EVACUATING,
  FAIL_IN_USE,
  FAIL_INSUFFICIENT_REPLICA_COUNT,
  FAIL_INVLD_LAYER_STACK,
  FAIL_INVLD_NODE_NAME,
  FAIL_INVLD_RSC_NAME,
  FAIL_NOT_FOUND_RSC,
  FAIL_NOT_FOUND_STOR_POOL,
  FAIL_NOT_FOUND_VLM,
  FAIL_UNKNOWN_ERROR,
  INFO_NOOP,
  INFO_RSC_ALREADY_EXISTS,
  MASK_CRT,
  MASK_DEL,
  MASK_MOD,
  MASK_RSC,
  MASK_VLM,
  MODIFIED,
  WARN_NOT_FOUND,
} from '../../../generated/constants';
import {
  AutoPlaceRequestShape,
  MakeAvailableShape,
  PropsModifyShape,
  ResourceCreateShape,
  ResourceModifyShape,
  ToggleDiskDiskfulShape,
  ToggleDiskRequestShape,
} from '../body';
import { nodeNotFound, rscDfnNotFound, rscNotFound, storPoolNotFound } from '../messages';
import { hostNameCheck } from '../names';
import {
  checkCapacity,
  commitResource,
  deployEntries,
  diskfulResources,
  effectiveLayerStack,
  liveResources,
  makeDiskful,
  makeDiskless,
  type NewResource,
  normalizeLayerStack,
  reconcileTieBreaker,
  registeredEntries,
  removeResource,
  resolveDiskfulPools,
  resolveDisklessPool,
  rscPropsSetEntry,
  type VolumePlan,
} from '../ops';
import { candidates, commitAutoplace, mergeFilters, planAutoplace } from '../placement';
import { entry, fail, failBare, type RcEntry } from '../rc';
import { isDiskless, poolKibFor, RESOURCE_FLAGS, resourceJson } from '../render';
import type { Route, RouteContext } from '../router';
import {
  type AutoSelectFilter,
  key,
  type NodeRecord,
  type Props,
  type ResourceDefinitionRecord,
  type ResourceRecord,
  type SimulatorState,
  type StoragePoolRecord,
} from '../state';
import { checkPropKey, json, modifyProps, type PropsModify, paginate, queryBool } from './common';

interface ResourceCreateBody {
  resource?: { name?: string; node_name?: string; props?: Props; flags?: string[] };
  layer_list?: string[];
  drbd_node_id?: number;
  drbd_tcp_ports?: number[];
  drbd_client?: boolean;
}

const rdOf = (ctx: RouteContext): ResourceDefinitionRecord =>
  ctx.state.resourceDefinition(ctx.params[0] as string) ?? rscDfnNotFound(ctx.params[0] as string);

function rscOf(ctx: RouteContext, rd: ResourceDefinitionRecord): ResourceRecord {
  const node = ctx.params[1] as string;
  return rd.resources.get(key(node)) ?? rscNotFound(rd.name, node);
}

/** The diskless flags a request asks for, mapped as the REST layer does (DISKLESS -> DRBD_DISKLESS). */
function requestedFlags(flags: string[], stack: readonly string[], drbdClient: boolean): Set<string> {
  const out = new Set(flags);
  if (drbdClient) out.add('DRBD_DISKLESS');
  if (out.has('TIE_BREAKER')) out.add('DRBD_DISKLESS');
  if (out.has('DRBD_DISKLESS') || out.has('NVME_INITIATOR') || out.has('EBS_INITIATOR')) out.add('DISKLESS');
  if (out.has('DISKLESS') && !out.has('NVME_INITIATOR') && !out.has('EBS_INITIATOR')) {
    if (stack.includes('NVME') && !stack.includes('DRBD')) out.add('NVME_INITIATOR');
    else out.add('DRBD_DISKLESS');
  }
  return out;
}

interface PlannedCreate {
  spec: NewResource;
  propsGiven: string[];
  /** an existing resource this request turns diskful */
  upgrade?: ResourceRecord;
  upgradePlans?: VolumePlan[];
  info?: RcEntry;
}

function planCreate(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  item: ResourceCreateBody,
): PlannedCreate {
  const res = item.resource ?? {};
  const nodeName = res.node_name ?? '';
  const badName = hostNameCheck(nodeName);
  if (badName)
    failBare(FAIL_INVLD_NODE_NAME, `The given node name '${nodeName}' is invalid.`, { cause: badName }, 400);
  if (res.name !== undefined && res.name !== '' && key(res.name) !== key(rd.name)) {
    fail(FAIL_INVLD_RSC_NAME, 'Resources of different resource definitions cannot be created in one call.');
  }
  for (const f of res.flags ?? []) {
    if (!RESOURCE_FLAGS.has(f)) {
      // The REST layer throws on an unknown flag name; the mapper answers 500 with an error report.
      const id = state.addErrorReport({
        exception: 'IllegalArgumentException',
        exceptionMessage: `No enum constant for resource flag ${f}`,
        text: `Unknown resource flag '${f}' in a resource-create request for '${rd.name}'.`,
      });
      failBare(FAIL_UNKNOWN_ERROR, 'An unknown error occurred.', { errorReportIds: [id] });
    }
  }
  const node = state.node(nodeName) ?? nodeNotFound(nodeName);
  if (node.flags.includes('EVACUATE')) {
    fail(FAIL_EVACUATING, `Node '${node.name}' is being evacuated; no resource can be created on it.`);
  }
  const props = { ...res.props };
  const propsGiven = Object.keys(props);
  for (const k of propsGiven) checkPropKey(k);
  const stack = effectiveLayerStack(state, rd, item.layer_list);
  const flags = requestedFlags(res.flags ?? [], stack, item.drbd_client === true);
  const wantsDiskless = flags.has('DISKLESS');
  const spec: NewResource = {
    node,
    props,
    flags,
    stack,
    nodeId: item.drbd_node_id,
    tcpPort: item.drbd_tcp_ports?.[0],
  };
  const existing = rd.resources.get(key(node.name));
  if (existing) {
    if (isDiskless(existing) && !wantsDiskless) {
      const plans = resolveDiskfulPools(state, rd, node, props, existing.layerStack);
      checkCapacity(rd, plans);
      return { spec, propsGiven, upgrade: existing, upgradePlans: plans };
    }
    return {
      spec,
      propsGiven: [],
      info: entry(INFO_RSC_ALREADY_EXISTS, `A resource '${rd.name}' on node '${node.name}' already exists.`, {
        objRefs: { RscDfn: rd.name, Node: node.name },
      }),
    };
  }
  if (wantsDiskless) spec.disklessPool = resolveDisklessPool(node, props);
  else {
    spec.plans = resolveDiskfulPools(state, rd, node, props, stack);
    checkCapacity(rd, spec.plans);
  }
  return { spec, propsGiven };
}

function createResources(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  items: ResourceCreateBody[],
): RcEntry[] {
  if (items.length === 0) return [entry(WARN_NOT_FOUND, 'No resources specified')];
  // Check everything first so that a failing item leaves nothing behind.
  const planned = items.map((item) => planCreate(state, rd, item));
  const seen = new Set<string>();
  for (const p of planned) {
    if (seen.has(key(p.spec.node.name)) && !p.info) {
      fail(FAIL_INVLD_NODE_NAME, `Node '${p.spec.node.name}' is listed more than once.`);
    }
    seen.add(key(p.spec.node.name));
  }
  const out: RcEntry[] = [];
  const created: ResourceRecord[] = [];
  for (const p of planned) {
    if (p.info) {
      out.push(p.info);
      continue;
    }
    if (p.propsGiven.length > 0) out.push(rscPropsSetEntry(p.propsGiven));
    if (p.upgrade) {
      Object.assign(p.upgrade.props, p.spec.props);
      makeDiskful(state, p.upgrade, p.upgradePlans ?? [], p.spec.props.StorPoolName);
      out.push(
        entry(
          MODIFIED,
          `Addition of disk to resource '${rd.name}' on node '${p.upgrade.nodeName}' registered`,
        ),
      );
      out.push(entry(MODIFIED, `Added disk on '${p.upgrade.nodeName}'`));
      continue;
    }
    const rsc = commitResource(state, rd, p.spec);
    created.push(rsc);
    out.push(...registeredEntries(rd, rsc));
  }
  if (created.length > 0) out.push(...deployEntries(state, rd, created));
  out.push(...reconcileTieBreaker(state, rd));
  return out;
}

function deleteResource(
  state: SimulatorState,
  rdName: string,
  nodeName: string,
  keepTiebreaker: boolean,
): RcEntry[] {
  const rd = state.resourceDefinition(rdName);
  const rsc = rd?.resources.get(key(nodeName));
  if (!rd || !rsc) {
    return [
      entry(WARN_NOT_FOUND, `Node: ${nodeName}, Resource: ${rdName} not found.`, {
        objRefs: { Node: nodeName, RscDfn: rdName },
      }),
    ];
  }
  if (rsc.inUse)
    fail(FAIL_IN_USE, `Resource '${rd.name}' is still in use.`, {
      objRefs: { Node: rsc.nodeName, RscDfn: rd.name },
    });
  if (!isDiskless(rsc)) {
    const otherDiskful = diskfulResources(rd).filter((r) => r !== rsc);
    const clients = liveResources(rd).filter((r) => isDiskless(r) && !r.flags.has('TIE_BREAKER'));
    if (otherDiskful.length === 0 && clients.length > 0) {
      fail(FAIL_IN_USE, `Last resource of '${rd.name}' with disk still has diskless resources attached.`, {
        details: `Diskless resources on: ${clients.map((c) => c.nodeName).join(', ')}`,
      });
    }
  }
  const wasTieBreaker = rsc.flags.has('TIE_BREAKER');
  const out = [
    entry(DELETED, `Node: ${rsc.nodeName}, Resource: ${rd.name} preparing for deletion.`, {
      details: `Node: ${rsc.nodeName}, Resource: ${rd.name} UUID is: ${rsc.uuid}`,
      objRefs: { Node: rsc.nodeName, RscDfn: rd.name },
    }),
    entry(MODIFIED, `Preparing deletion of resource on '${rsc.nodeName}'`),
  ];
  removeResource(state, rd, rsc);
  out.push(
    entry(DELETED, `Node: ${rsc.nodeName}, Resource: ${rd.name} deletion complete.`, {
      details: `Node: ${rsc.nodeName}, Resource: ${rd.name} UUID was: ${rsc.uuid}`,
      objRefs: { Node: rsc.nodeName, RscDfn: rd.name },
    }),
  );
  if (!wasTieBreaker) out.push(...reconcileTieBreaker(state, rd, { keep: keepTiebreaker }));
  return out;
}

function disklessPoolOn(node: NodeRecord, name?: string): StoragePoolRecord {
  const pool = name
    ? node.storagePools.get(key(name))
    : [...node.storagePools.values()].find((p) => p.providerKind === 'DISKLESS');
  if (!pool) return storPoolNotFound(node.name, name ?? 'DfltDisklessStorPool');
  return pool;
}

interface ToggleRequest {
  diskful: boolean;
  storagePool?: string;
  migrateFrom?: string;
  layerList?: string[];
}

function toggleDisk(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  rsc: ResourceRecord,
  req: ToggleRequest,
): RcEntry[] {
  const node = state.node(rsc.nodeName) as NodeRecord;
  if (!rsc.layerStack.includes('DRBD')) {
    fail(FAIL_INVLD_LAYER_STACK, 'Toggle disk is only supported in combination with DRBD');
  }
  const from =
    req.migrateFrom === undefined
      ? undefined
      : (rd.resources.get(key(req.migrateFrom)) ?? rscNotFound(rd.name, req.migrateFrom));
  if (req.diskful) {
    if (!isDiskless(rsc)) {
      if (from)
        fail(
          FAIL_INVLD_LAYER_STACK,
          `Resource '${rd.name}' on node '${rsc.nodeName}' is already diskful; migration needs a diskless target.`,
        );
      return [entry(INFO_NOOP, `Resource '${rd.name}' on node '${rsc.nodeName}' is already diskful`)];
    }
    const props = { ...rsc.props };
    if (req.storagePool) props.StorPoolName = req.storagePool;
    else delete props.StorPoolName;
    let plans: VolumePlan[];
    if (req.storagePool) {
      const pool =
        node.storagePools.get(key(req.storagePool)) ?? storPoolNotFound(node.name, req.storagePool);
      plans = [...rd.volumeDefinitions.values()].map((vd) => ({
        vd,
        pool,
        poolKib: poolKibFor(pool.providerKind, rsc.layerStack, vd.sizeKib, rd.drbd.peerSlots),
      }));
    } else plans = resolveDiskfulPools(state, rd, node, props, rsc.layerStack);
    checkCapacity(rd, plans);
    makeDiskful(state, rsc, plans, req.storagePool);
    const out = [
      entry(MODIFIED, `Addition of disk to resource '${rd.name}' on node '${rsc.nodeName}' registered`),
    ];
    for (const p of liveResources(rd)) {
      if (p !== rsc)
        out.push(entry(MODIFIED, `Prepared '${p.nodeName}' to expect disk on '${rsc.nodeName}'`));
    }
    out.push(entry(MODIFIED, `Added disk on '${rsc.nodeName}'`));
    if (from) out.push(...deleteResource(state, rd.name, from.nodeName, false));
    else out.push(...reconcileTieBreaker(state, rd));
    return out;
  }
  if (isDiskless(rsc))
    return [entry(INFO_NOOP, `Resource '${rd.name}' on node '${rsc.nodeName}' is already diskless`)];
  const onlineDiskful = diskfulResources(rd).filter(
    (r) => state.node(r.nodeName)?.connectionStatus === 'ONLINE',
  );
  if (onlineDiskful.length === 1 && onlineDiskful[0] === rsc) {
    fail(FAIL_INSUFFICIENT_REPLICA_COUNT, 'Cannot remove the disk from the only online resource with a disk');
  }
  const pool = disklessPoolOn(node, req.storagePool ?? 'DfltDisklessStorPool');
  makeDiskless(state, rsc, pool);
  const out = [
    entry(MODIFIED, `Removal of disk from resource '${rd.name}' on node '${rsc.nodeName}' registered`),
    entry(MODIFIED, `Removed disk on '${rsc.nodeName}'`),
  ];
  out.push(...reconcileTieBreaker(state, rd));
  return out;
}

function makeAvailable(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  nodeName: string,
  body: { diskful?: boolean; layer_list?: string[] },
): RcEntry[] {
  const node = state.node(nodeName) ?? nodeNotFound(nodeName);
  const existing = rd.resources.get(key(node.name));
  const diskful = body.diskful === true;
  if (existing) {
    if (body.layer_list && body.layer_list.length > 0) {
      const wanted = normalizeLayerStack(body.layer_list).stack;
      if (wanted.join(',') !== existing.layerStack.join(','))
        fail(FAIL_INVLD_LAYER_STACK, 'Layerstack of deployed resource does not match');
    }
    const out: RcEntry[] = [];
    if (existing.flags.delete('INACTIVE'))
      out.push(entry(MODIFIED, `Resource '${rd.name}' on node '${node.name}' activated.`));
    if (isDiskless(existing) && diskful) {
      const pool = bestDiskfulPoolOn(state, rd, node, existing.layerStack);
      return [...out, ...toggleDisk(state, rd, existing, { diskful: true, storagePool: pool.name })];
    }
    if (existing.flags.delete('TIE_BREAKER')) {
      out.push(
        entry(
          MODIFIED,
          `Tie breaker resource '${rd.name}' on node '${node.name}' is now a regular diskless resource.`,
        ),
      );
      return out;
    }
    if (out.length > 0) return out;
    return [
      entry(0n, 'Resource already deployed as requested', { objRefs: { RscDfn: rd.name, Node: node.name } }),
    ];
  }
  const stack = effectiveLayerStack(state, rd, body.layer_list);
  let spec: NewResource;
  if (stack.includes('DRBD') && !diskful && diskfulResources(rd).length > 0) {
    const pool = [...node.storagePools.values()].find((p) => p.providerKind === 'DISKLESS');
    if (!pool) {
      fail(
        FAIL_NOT_FOUND_STOR_POOL,
        `Autoplacer could not find diskless stor pool on node ${node.name} matching resource-groups autoplace-settings`,
      );
    }
    spec = { node, props: {}, flags: new Set(['DISKLESS', 'DRBD_DISKLESS']), stack, disklessPool: pool };
  } else {
    const pool = bestDiskfulPoolOn(state, rd, node, stack);
    const plans = [...rd.volumeDefinitions.values()].map((vd) => ({
      vd,
      pool,
      poolKib: poolKibFor(pool.providerKind, stack, vd.sizeKib, rd.drbd.peerSlots),
    }));
    spec = { node, props: { StorPoolName: pool.name }, flags: new Set(), stack, plans };
  }
  const rsc = commitResource(state, rd, spec);
  const out = spec.plans ? [rscPropsSetEntry(['StorPoolName'])] : [];
  out.push(
    ...registeredEntries(rd, rsc),
    ...deployEntries(state, rd, [rsc]),
    ...reconcileTieBreaker(state, rd),
  );
  return out;
}

/** The autoplacer restricted to one node, with the group's filter (make-available). */
function bestDiskfulPoolOn(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  node: NodeRecord,
  stack: readonly string[],
): StoragePoolRecord {
  const group = state.resourceGroup(rd.resourceGroup)?.selectFilter ?? {};
  const filter: AutoSelectFilter = {
    ...mergeFilters({}, group),
    node_name_list: [node.name],
    not_place_with_rsc: [],
  };
  const found = candidates(state, rd, filter, stack)[0];
  if (!found) {
    fail(
      FAIL_NOT_FOUND_STOR_POOL,
      `Autoplacer could not find diskful stor pool on node ${node.name} matching resource-groups autoplace-settings`,
    );
  }
  return found.pool;
}

interface AutoPlaceBody {
  diskless_on_remaining?: boolean;
  select_filter?: AutoSelectFilter;
  layer_list?: string[];
}

export function autoplaceEntries(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  body: AutoPlaceBody,
): RcEntry[] {
  const request: AutoSelectFilter = { ...body.select_filter };
  if (body.diskless_on_remaining !== undefined) request.diskless_on_remaining = body.diskless_on_remaining;
  if (body.layer_list !== undefined && body.layer_list.length > 0) request.layer_stack = body.layer_list;
  const group = state.resourceGroup(rd.resourceGroup)?.selectFilter ?? {};
  const plan = planAutoplace(state, rd, mergeFilters(request, group));
  return commitAutoplace(state, plan);
}

function toggleRoute(
  template: string,
  diskful: boolean | 'body',
  withBody: boolean,
  poolParam?: number,
  migrate?: boolean,
): Route {
  return {
    method: 'PUT',
    template,
    context: [MASK_RSC, MASK_MOD],
    handler: (ctx) => {
      const rd = rdOf(ctx);
      const rsc = rscOf(ctx, rd);
      let req: ToggleRequest;
      if (diskful === 'body') {
        const body = ctx.optionalBody<{
          operation?: string;
          storage_pool?: string;
          migrate_from?: string;
          layer_list?: string[];
        }>(ToggleDiskRequestShape);
        const op = body?.operation?.toUpperCase();
        if (!op) failBare(API_CALL_PARSE_ERROR, 'No toggle operation type was specified', {}, 400);
        if (!['INTO_DRBD_DISKFUL', 'INTO_DRBD_DISKLESS', 'INTO_DRBD_CLIENT'].includes(op)) {
          failBare(API_CALL_PARSE_ERROR, `Unknown toggle operation type '${body?.operation}'`, {}, 400);
        }
        req = {
          diskful: op === 'INTO_DRBD_DISKFUL',
          storagePool: body?.storage_pool,
          migrateFrom: body?.migrate_from,
          layerList: body?.layer_list,
        };
      } else {
        const body = withBody
          ? ctx.optionalBody<{ layer_list?: string[] }>(ToggleDiskDiskfulShape)
          : undefined;
        req = {
          diskful: diskful,
          storagePool: poolParam === undefined ? undefined : ctx.params[poolParam],
          migrateFrom: migrate ? ctx.params[2] : undefined,
          layerList: body?.layer_list,
        };
      }
      return { entries: toggleDisk(ctx.state, rd, rsc, req) };
    },
  };
}

const RSC = '/v1/resource-definitions/{resource}/resources';

export function resourceRoutes(): Route[] {
  return [
    {
      method: 'GET',
      template: RSC,
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const list = [...rd.resources.values()].sort((a, b) => (key(a.nodeName) < key(b.nodeName) ? -1 : 1));
        return json(paginate(list, ctx.query).map((r) => resourceJson(ctx.state, rd, r, false)));
      },
    },
    {
      method: 'GET',
      template: `${RSC}/{node}`,
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const r = rd.resources.get(key(ctx.params[1] as string));
        if (!r) failBare(FAIL_NOT_FOUND_RSC, `Resource '${rd.name}' on '${ctx.params[1]}' not found.`);
        return json(resourceJson(ctx.state, rd, r, false));
      },
    },
    {
      method: 'POST',
      template: RSC,
      success: 201,
      context: [MASK_RSC, MASK_CRT],
      handler: (ctx) => {
        const items = ctx.body<ResourceCreateBody[]>([ResourceCreateShape]);
        const rd = rdOf(ctx);
        return { entries: createResources(ctx.state, rd, items) };
      },
    },
    {
      method: 'POST',
      template: `${RSC}/{node}`,
      success: 201,
      context: [MASK_RSC, MASK_CRT],
      handler: (ctx) => {
        const item = ctx.body<ResourceCreateBody>(ResourceCreateShape);
        const rd = rdOf(ctx);
        item.resource = { ...item.resource, node_name: ctx.params[1] as string };
        return { entries: createResources(ctx.state, rd, [item]) };
      },
    },
    {
      method: 'PUT',
      template: `${RSC}/{node}`,
      context: [MASK_RSC, MASK_MOD],
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const rsc = rscOf(ctx, rd);
        const body = ctx.body<PropsModify & { drbd_tiebreaker?: boolean; drbd_client?: boolean }>(
          ResourceModifyShape,
        );
        const out = modifyProps(rsc.props, body, MASK_RSC);
        if (body.drbd_tiebreaker !== undefined && isDiskless(rsc)) {
          if (body.drbd_tiebreaker) rsc.flags.add('TIE_BREAKER');
          else rsc.flags.delete('TIE_BREAKER');
        }
        out.push(
          entry(MODIFIED, `Resource '${rd.name}' on node '${rsc.nodeName}' modified.`, {
            details: `Resource '${rd.name}' on node '${rsc.nodeName}' UUID is: ${rsc.uuid}`,
            objRefs: { RscDfn: rd.name, Node: rsc.nodeName },
          }),
        );
        return { entries: out };
      },
    },
    {
      method: 'DELETE',
      template: `${RSC}/{node}`,
      context: [MASK_RSC, MASK_DEL],
      handler: (ctx) => ({
        entries: deleteResource(
          ctx.state,
          ctx.params[0] as string,
          ctx.params[1] as string,
          queryBool(ctx.query, 'keep_tiebreaker'),
        ),
      }),
    },
    ...(['activate', 'deactivate'] as const).map(
      (what): Route => ({
        method: 'POST',
        template: `${RSC}/{node}/${what}`,
        context: [MASK_RSC, MASK_MOD],
        handler: (ctx) => {
          const rd = rdOf(ctx);
          const rsc = rscOf(ctx, rd);
          if (what === 'activate') rsc.flags.delete('INACTIVE');
          else {
            if (rsc.inUse)
              fail(FAIL_IN_USE, `Resource '${rd.name}' on node '${rsc.nodeName}' is still in use.`);
            rsc.flags.add('INACTIVE');
          }
          return {
            entries: [
              entry(MODIFIED, `Resource '${rd.name}' on node '${rsc.nodeName}' ${what}d.`, {
                objRefs: { RscDfn: rd.name, Node: rsc.nodeName },
              }),
            ],
          };
        },
      }),
    ),
    {
      method: 'GET',
      template: `${RSC}/{node}/volumes`,
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const rsc = rscOf(ctx, rd);
        const vlms = (resourceJson(ctx.state, rd, rsc, true).volumes as unknown[] | undefined) ?? [];
        return json(paginate(vlms as Record<string, unknown>[], ctx.query));
      },
    },
    {
      method: 'GET',
      template: `${RSC}/{node}/volumes/{volume_number}`,
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const rsc = rscOf(ctx, rd);
        const nr = Number(ctx.params[2]);
        const vlms =
          (resourceJson(ctx.state, rd, rsc, true).volumes as Record<string, unknown>[] | undefined) ?? [];
        const v = vlms.find((x) => x.volume_number === nr);
        if (!v)
          failBare(
            FAIL_NOT_FOUND_VLM,
            `Volume '${ctx.params[2]}' of resource '${rd.name}' on '${rsc.nodeName}' not found.`,
          );
        return json(v);
      },
    },
    {
      method: 'PUT',
      template: `${RSC}/{node}/volumes/{volume_number}`,
      context: [MASK_VLM, MASK_MOD],
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const rsc = rscOf(ctx, rd);
        const v = rsc.volumes.get(Number(ctx.params[2]));
        if (!v)
          fail(
            FAIL_NOT_FOUND_VLM,
            `Volume '${ctx.params[2]}' of resource '${rd.name}' on '${rsc.nodeName}' not found.`,
          );
        const out = modifyProps(v.props, ctx.body<PropsModify>(PropsModifyShape), MASK_VLM);
        out.push(
          entry(
            MODIFIED,
            `Volume with number '${v.number}' on resource '${rd.name}' on node '${rsc.nodeName}' modified.`,
          ),
        );
        return { entries: out };
      },
    },
    toggleRoute(`${RSC}/{node}/toggle-disk`, 'body', true),
    toggleRoute(`${RSC}/{node}/toggle-disk/diskless`, false, false),
    toggleRoute(`${RSC}/{node}/toggle-disk/diskless/{disklesspool}`, false, false, 2),
    toggleRoute(`${RSC}/{node}/toggle-disk/diskful`, true, true),
    toggleRoute(`${RSC}/{node}/toggle-disk/diskful/{storagepool}`, true, true, 2),
    toggleRoute(`${RSC}/{node}/migrate-disk/{fromnode}`, true, false, undefined, true),
    toggleRoute(`${RSC}/{node}/migrate-disk/{fromnode}/{storagepool}`, true, false, 3, true),
    {
      method: 'POST',
      template: `${RSC}/{node}/make-available`,
      context: [MASK_RSC, MASK_CRT],
      handler: (ctx) => {
        const body = ctx.body<{ diskful?: boolean; layer_list?: string[] }>(MakeAvailableShape);
        const rd = rdOf(ctx);
        return { entries: makeAvailable(ctx.state, rd, ctx.params[1] as string, body) };
      },
    },
    {
      method: 'POST',
      template: '/v1/resource-definitions/{resource}/autoplace',
      success: 201,
      context: [MASK_RSC, MASK_CRT],
      handler: (ctx) => {
        const body = ctx.body<AutoPlaceBody>(AutoPlaceRequestShape);
        return { entries: autoplaceEntries(ctx.state, rdOf(ctx), body) };
      },
    },
  ];
}
