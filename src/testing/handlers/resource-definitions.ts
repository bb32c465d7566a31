// Resource definitions and volume definitions (controller-behavior.md §3.3, §3.4).
import {
  CREATED,
  DELETED,
  FAIL_EXISTS_EXT_NAME,
  FAIL_EXISTS_RSC,
  FAIL_EXISTS_RSC_DFN,
  FAIL_EXISTS_SNAPSHOT_DFN,
  FAIL_EXISTS_VLM_DFN,
  FAIL_IN_USE,
  FAIL_INVLD_MINOR_NR,
  FAIL_INVLD_RSC_NAME,
  FAIL_INVLD_VLM_NR,
  FAIL_INVLD_VLM_SIZE,
  FAIL_MISSING_EXT_NAME,
  FAIL_NOT_ENOUGH_FREE_SPACE,
  FAIL_NOT_FOUND_RSC_DFN,
  FAIL_NOT_FOUND_RSC_GRP,
  FAIL_NOT_FOUND_VLM_DFN,
  FAIL_POOL_EXHAUSTED_VLM_NR,
  FAIL_UNKNOWN_ERROR,
  MASK_CRT,
  MASK_DEL,
  MASK_MOD,
  MASK_RSC_DFN,
  MASK_VLM_DFN,
  MODIFIED,
  WARN_NOT_FOUND,
  WARN_STORAGE_KIND_ADDED,
  WARN_VLMDFN_RESIZE_SAME_SIZE,
} from '../../../generated/constants';
import {
  ResourceDefinitionCreateShape,
  ResourceDefinitionModifyShape,
  VolumeDefinitionCreateShape,
  VolumeDefinitionModifyShape,
} from '../body';
import { rscDfnNotFound, vlmDfnNotFound } from '../messages';
import { resourceNameCheck } from '../names';
import { addVolume, ensureMinors, normalizeLayerStack, releaseVolume, removeResource } from '../ops';
import { placeUpToGroupCount } from '../placement';
import { entry, fail, failBare, type RcEntry } from '../rc';
import {
  freeCapacity,
  isDiskless,
  poolKibFor,
  resourceDefinitionJson,
  volumeDefinitionJson,
} from '../render';
import type { Route, RouteContext } from '../router';
import {
  DFLT_RSC_GRP,
  key,
  type Props,
  type ResourceDefinitionRecord,
  type SimulatorState,
  type VolumeDefinitionRecord,
} from '../state';
import {
  editFlags,
  initialProps,
  json,
  modifyProps,
  nameFilter,
  type PropsModify,
  paginate,
  propsFilter,
  queryBool,
} from './common';

export interface RdCreateBody {
  resource_definition?: {
    name?: string;
    external_name?: string;
    props?: Props;
    layer_data?: { type?: string }[];
    resource_group_name?: string;
  };
  drbd_port?: number;
  drbd_secret?: string;
  drbd_peer_slots?: number;
  drbd_transport_type?: string;
}

/** The name the controller derives from an external name: invalid characters become '_'. */
function nameFromExternal(state: SimulatorState, ext: string): string | undefined {
  let base = ext.replace(/[^A-Za-z0-9_-]/g, '_');
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  base = base.slice(0, 48);
  if (!/[A-Za-z]/.test(base)) return undefined;
  let name = base;
  for (let i = 1; state.resourceDefinition(name); i++) {
    const suffix = `_${i}`;
    name = base.slice(0, 48 - suffix.length) + suffix;
  }
  return name;
}

/**
 * Validates an RD create request and returns a function that commits it. Spawn uses the same steps and
 * only commits after placement succeeded (atomic spawn).
 */
export function prepareResourceDefinition(
  state: SimulatorState,
  body: RdCreateBody,
): {
  name: string;
  entries: RcEntry[];
  commit: () => ResourceDefinitionRecord;
  record: ResourceDefinitionRecord;
} {
  const def = body.resource_definition ?? {};
  const rgName = def.resource_group_name ?? DFLT_RSC_GRP;
  const rg = state.resourceGroup(rgName);
  if (!rg && def.resource_group_name !== undefined) {
    fail(FAIL_NOT_FOUND_RSC_GRP, `Resource group '${rgName}' could not be found.`, {
      objRefs: { RscGrp: rgName },
    });
  }
  let name = def.name ?? '';
  const ext = def.external_name;
  if (name === '') {
    const generated = ext ? nameFromExternal(state, ext) : undefined;
    if (!generated) {
      fail(
        FAIL_MISSING_EXT_NAME,
        'The resource name generation for the creation of a new resource definition failed',
        {
          cause: 'Neither a resource name nor a usable external name was given.',
        },
      );
    }
    name = generated;
  }
  const bad = resourceNameCheck(name);
  if (bad)
    fail(FAIL_INVLD_RSC_NAME, `The specified resource name '${name}' is invalid.`, {
      cause: bad,
      objRefs: { RscDfn: name },
    });
  if (state.resourceDefinition(name)) {
    fail(FAIL_EXISTS_RSC_DFN, `A resource definition with the name '${name}' already exists`, {
      objRefs: { RscDfn: name },
    });
  }
  if (ext && [...state.resourceDefinitions.values()].some((r) => r.externalName === ext)) {
    fail(FAIL_EXISTS_EXT_NAME, `A resource definition with the external name '${ext}' already exists`);
  }
  const entries = initialProps(def.props, MASK_RSC_DFN);
  let layerStack: string[] | undefined;
  if (def.layer_data && def.layer_data.length > 0) {
    const norm = normalizeLayerStack(def.layer_data.map((l) => l.type ?? ''));
    layerStack = norm.stack;
    if (norm.storageAdded)
      entries.push(entry(WARN_STORAGE_KIND_ADDED, 'The layerstack was extended with STORAGE kind.'));
  }
  const record: ResourceDefinitionRecord = {
    name,
    externalName: ext,
    props: { ...def.props },
    flags: [],
    uuid: state.uuid(),
    resourceGroup: rg?.name ?? rgName,
    layerStack,
    drbd: {
      port: body.drbd_port,
      secret: body.drbd_secret ?? state.randomSecret(),
      peerSlots: body.drbd_peer_slots ?? rg?.peerSlots ?? 7,
      transportType: body.drbd_transport_type ?? 'IP',
    },
    volumeDefinitions: new Map(),
    resources: new Map(),
    snapshots: new Map(),
  };
  const commit = () => {
    if (!state.resourceGroup(rgName)) state.addResourceGroup(rgName, { place_count: 2 });
    state.resourceDefinitions.set(key(name), record);
    return record;
  };
  return { name, entries, commit, record };
}

export function rdCreatedEntry(rd: ResourceDefinitionRecord): RcEntry {
  return entry(CREATED, `New resource definition '${rd.name}' created.`, {
    details: `Resource definition '${rd.name}' UUID is: ${rd.uuid}`,
    objRefs: { RscDfn: rd.name, UUID: rd.uuid },
  });
}

const VD_FLAGS = ['DELETE', 'ENCRYPTED', 'RESIZE', 'GROSS_SIZE', 'RESIZE_SHRINK', 'DRBD_INITIALIZED'];
const MAX_SIZE_KIB = 1099511627776;

function invalidSize(rd: string, nr: number, size: number): never {
  return fail(
    FAIL_INVLD_VLM_SIZE,
    `The volume definition with number '${nr}' of resource definition '${rd}' has an invalid size of '${size}'. Valid sizes range from 4 to ${MAX_SIZE_KIB}.`,
  );
}

export interface VdCreate {
  volume_definition?: { volume_number?: number; size_kib?: number; props?: Props; flags?: string[] };
  drbd_minor_number?: number;
}

function nextVolumeNumber(rd: ResourceDefinitionRecord): number {
  for (let n = 0; n <= 65534; n++) if (!rd.volumeDefinitions.has(n)) return n;
  return fail(FAIL_POOL_EXHAUSTED_VLM_NR, 'No more free volume numbers');
}

/** Checks a volume-definition create request; `commit` adds it (minor, volumes on existing resources). */
export function prepareVolumeDefinition(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  body: VdCreate,
  reserved: Set<number> = new Set(),
): { vd: VolumeDefinitionRecord; commit: () => RcEntry[] } {
  const def = body.volume_definition ?? {};
  let nr = def.volume_number;
  if (nr === undefined) {
    nr = nextVolumeNumber(rd);
    while (reserved.has(nr)) nr++;
  }
  if (nr < 0 || nr > 65534) {
    fail(
      FAIL_INVLD_VLM_NR,
      `The specified volume number '${nr}' is invalid. Volume numbers have to be in range of 0 - 65534.`,
    );
  }
  if (rd.volumeDefinitions.has(nr) || reserved.has(nr)) {
    fail(
      FAIL_EXISTS_VLM_DFN,
      `A volume definition with the number ${nr} already exists in resource definition '${rd.name}'.`,
    );
  }
  const size = def.size_kib ?? 0;
  if (size < 1) invalidSize(rd.name, nr, size);
  for (const f of def.flags ?? []) {
    if (!VD_FLAGS.includes(f))
      fail(FAIL_UNKNOWN_ERROR, 'An unknown error occurred.', {
        details: `Unknown volume definition flag '${f}'`,
      });
  }
  const entries = initialProps(def.props, MASK_VLM_DFN);
  const minor = body.drbd_minor_number;
  if (minor !== undefined && (minor < 0 || minor > 1048575 || state.minors.has(minor))) {
    fail(FAIL_INVLD_MINOR_NR, `The specified minor number '${minor}' is invalid or already in use.`);
  }
  const vd: VolumeDefinitionRecord = {
    number: nr,
    sizeKib: size,
    props: { ...def.props, DrbdCurrentGi: state.randomHex(16) },
    flags: [...new Set(def.flags ?? [])],
    uuid: state.uuid(),
  };
  const commit = (): RcEntry[] => {
    if (minor !== undefined) {
      state.minors.reserve(minor);
      vd.minor = minor;
    }
    rd.volumeDefinitions.set(vd.number, vd);
    ensureMinors(state, rd);
    const out = [...entries];
    out.push(
      entry(
        CREATED,
        `New volume definition with number '${vd.number}' of resource definition '${rd.name}' created.`,
        {
          details: `Volume definition with number '${vd.number}' of resource definition '${rd.name}' UUID is: ${vd.uuid}`,
          objRefs: { RscDfn: rd.name, VlmNr: String(vd.number) },
        },
      ),
    );
    for (const r of rd.resources.values()) {
      addVolume(state, rd, r, vd);
      out.push(entry(MODIFIED, `Created volume for resource '${rd.name}' on '${r.nodeName}'`));
    }
    return out;
  };
  return { vd, commit };
}

const rdOf = (ctx: RouteContext): ResourceDefinitionRecord =>
  ctx.state.resourceDefinition(ctx.params[0] as string) ?? rscDfnNotFound(ctx.params[0] as string);

function vdOf(ctx: RouteContext, rd: ResourceDefinitionRecord): VolumeDefinitionRecord {
  const nr = Number(ctx.params[1]);
  return rd.volumeDefinitions.get(nr) ?? vlmDfnNotFound(rd.name, nr);
}

function resizeVolumeDefinition(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  vd: VolumeDefinitionRecord,
  size: number,
): RcEntry[] | undefined {
  const hasDrbd = (rd.layerStack ?? []).includes('DRBD');
  if (size === vd.sizeKib) {
    return [
      entry(
        WARN_VLMDFN_RESIZE_SAME_SIZE,
        'VolumeDefinition already has the expected size, no satellite update will be triggered.',
      ),
    ];
  }
  if (size > MAX_SIZE_KIB) fail(FAIL_INVLD_VLM_SIZE, `The given size [${size}KiB] is too big`);
  if (size < (hasDrbd ? 4 : 1)) fail(FAIL_INVLD_VLM_SIZE, `The given size [${size}KiB] is too small`);
  if (size < vd.sizeKib && hasDrbd) {
    fail(
      FAIL_INVLD_VLM_SIZE,
      "Shrinking volumes is not supported by layer 'DRBD'. Volumes can only grow in size.",
    );
  }
  // Every pool holding the volume must have room for the growth.
  const growth: {
    pool: NonNullable<ReturnType<SimulatorState['storagePool']>>;
    delta: number;
    v: { poolKib: number };
  }[] = [];
  const short: string[] = [];
  for (const r of rd.resources.values()) {
    const v = r.volumes.get(vd.number);
    if (!v || isDiskless(r)) continue;
    const pool = state.storagePool(r.nodeName, v.storagePoolName);
    if (!pool) continue;
    const newKib = poolKibFor(pool.providerKind, r.layerStack, size, rd.drbd.peerSlots);
    const delta = newKib - v.poolKib;
    if (delta > freeCapacity(pool)) short.push(`'${pool.name}' on '${r.nodeName}'`);
    growth.push({ pool, delta, v });
  }
  if (short.length > 0) {
    fail(
      FAIL_NOT_ENOUGH_FREE_SPACE,
      `Cannot grow the volume definition by ${size - vd.sizeKib}KiB, as the following storage pool do not have enough free space: ${short.join(', ')}`,
    );
  }
  for (const g of growth) {
    g.pool.usedKib = Math.max(0, g.pool.usedKib + g.delta);
    g.v.poolKib += g.delta;
  }
  vd.sizeKib = size;
  return undefined;
}

export function resourceDefinitionRoutes(): Route[] {
  return [
    {
      method: 'GET',
      template: '/v1/resource-definitions',
      handler: ({ state, query }) => {
        const names = nameFilter(query, 'resource_definitions');
        const withVds = queryBool(query, 'with_volume_definitions');
        const byProps = propsFilter(query);
        const list = state
          .sortedResourceDefinitions()
          .filter((rd) => (!names || names.has(key(rd.name))) && byProps(rd.props));
        return json(paginate(list, query).map((rd) => resourceDefinitionJson(rd, withVds)));
      },
    },
    {
      method: 'GET',
      template: '/v1/resource-definitions/{resource}',
      handler: ({ state, params }) => {
        const rd = state.resourceDefinition(params[0] as string);
        if (!rd) failBare(FAIL_NOT_FOUND_RSC_DFN, `Resource definition '${params[0]}' not found.`);
        return json(resourceDefinitionJson(rd, false));
      },
    },
    {
      method: 'POST',
      template: '/v1/resource-definitions',
      success: 201,
      parseErrorStatus: 400,
      context: [MASK_RSC_DFN, MASK_CRT],
      handler: (ctx) => {
        const prep = prepareResourceDefinition(
          ctx.state,
          ctx.body<RdCreateBody>(ResourceDefinitionCreateShape),
        );
        const rd = prep.commit();
        return { entries: [...prep.entries, rdCreatedEntry(rd)] };
      },
    },
    {
      method: 'PUT',
      template: '/v1/resource-definitions/{resource}',
      context: [MASK_RSC_DFN, MASK_MOD],
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const body = ctx.body<
          PropsModify & {
            drbd_port?: number;
            drbd_peer_slots?: number;
            layer_stack?: string[];
            resource_group?: string;
          }
        >(ResourceDefinitionModifyShape);
        let newGroup: ReturnType<SimulatorState['resourceGroup']>;
        if (body.resource_group !== undefined) {
          newGroup = ctx.state.resourceGroup(body.resource_group);
          if (!newGroup) {
            fail(FAIL_NOT_FOUND_RSC_GRP, `Resource group '${body.resource_group}' could not be found.`, {
              objRefs: { RscGrp: body.resource_group },
            });
          }
        }
        let stack: string[] | undefined;
        if (body.layer_stack !== undefined && body.layer_stack.length > 0) {
          if (rd.resources.size > 0) {
            fail(FAIL_EXISTS_RSC, 'Changing the layer stack with already deployed resource is not supported');
          }
          stack = normalizeLayerStack(body.layer_stack).stack;
        }
        const out = modifyProps(rd.props, body, MASK_RSC_DFN);
        if (body.drbd_port !== undefined) rd.drbd.port = body.drbd_port;
        if (body.drbd_peer_slots !== undefined) rd.drbd.peerSlots = body.drbd_peer_slots;
        if (stack) {
          rd.layerStack = stack;
          ensureMinors(ctx.state, rd);
        }
        out.push(
          entry(MODIFIED, `Resource definition '${rd.name}' modified.`, {
            details: `Resource definition '${rd.name}' UUID is: ${rd.uuid}`,
            objRefs: { RscDfn: rd.name },
          }),
        );
        if (newGroup) {
          rd.resourceGroup = newGroup.name;
          out.push(...placeUpToGroupCount(ctx.state, rd, newGroup));
        }
        return { entries: out };
      },
    },
    {
      method: 'DELETE',
      template: '/v1/resource-definitions/{resource}',
      context: [MASK_RSC_DFN, MASK_DEL],
      handler: ({ state, params }) => {
        const rd = state.resourceDefinition(params[0] as string);
        if (!rd) {
          return {
            entries: [
              entry(WARN_NOT_FOUND, `Resource definition: ${params[0]} not found.`, {
                objRefs: { RscDfn: params[0] as string },
              }),
            ],
          };
        }
        if (rd.snapshots.size > 0) {
          fail(
            FAIL_EXISTS_SNAPSHOT_DFN,
            `Cannot delete resource definition '${rd.name}' because it has snapshots.`,
          );
        }
        const inUse = [...rd.resources.values()].find((r) => r.inUse);
        if (inUse) fail(FAIL_IN_USE, `Resource '${rd.name}' on node '${inUse.nodeName}' is still in use.`);
        const out: RcEntry[] = [];
        const rscs = [...rd.resources.values()].sort((a, b) => Number(isDiskless(b)) - Number(isDiskless(a)));
        if (rscs.length > 0) {
          out.push(
            entry(DELETED, `Resource definition '${rd.name}' marked for deletion.`, {
              objRefs: { RscDfn: rd.name },
            }),
          );
          for (const r of rscs)
            out.push(entry(DELETED, `Resource '${rd.name}' on '${r.nodeName}' marked for deletion`));
          for (const r of rscs) {
            removeResource(state, rd, r);
            out.push(entry(MODIFIED, `Resource '${rd.name}' on '${r.nodeName}' deleted`));
          }
        }
        for (const vd of rd.volumeDefinitions.values())
          if (vd.minor !== undefined) state.minors.free(vd.minor);
        state.resourceDefinitions.delete(key(rd.name));
        out.push(
          entry(DELETED, `Resource definition '${rd.name}' deleted.`, {
            details: `Resource definition '${rd.name}' UUID was: ${rd.uuid}`,
            objRefs: { RscDfn: rd.name, UUID: rd.uuid },
          }),
        );
        return { entries: out };
      },
    },
    // ---- volume definitions ----
    {
      method: 'GET',
      template: '/v1/resource-definitions/{resource}/volume-definitions',
      handler: (ctx) => {
        const rd = rdOf(ctx);
        return json(
          paginate([...rd.volumeDefinitions.values()], ctx.query).map((vd) => volumeDefinitionJson(rd, vd)),
        );
      },
    },
    {
      method: 'GET',
      template: '/v1/resource-definitions/{resource}/volume-definitions/{volume_number}',
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const vd = rd.volumeDefinitions.get(Number(ctx.params[1]));
        if (!vd) failBare(FAIL_NOT_FOUND_VLM_DFN, `Volume definition '${ctx.params[1]}' not found.`);
        return json(volumeDefinitionJson(rd, vd));
      },
    },
    {
      method: 'POST',
      template: '/v1/resource-definitions/{resource}/volume-definitions',
      context: [MASK_VLM_DFN, MASK_CRT],
      handler: (ctx) => {
        const body = ctx.body<VdCreate>(VolumeDefinitionCreateShape);
        const prep = prepareVolumeDefinition(ctx.state, rdOf(ctx), body);
        return { entries: prep.commit() };
      },
    },
    {
      method: 'PUT',
      template: '/v1/resource-definitions/{resource}/volume-definitions/{volume_number}',
      context: [MASK_VLM_DFN, MASK_MOD],
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const vd = vdOf(ctx, rd);
        const body = ctx.body<PropsModify & { size_kib?: number; flags?: string[] }>(
          VolumeDefinitionModifyShape,
        );
        const out = modifyProps(vd.props, { ...body, delete_namespaces: undefined }, MASK_VLM_DFN);
        editFlags(vd, body.flags, VD_FLAGS);
        if (body.size_kib !== undefined) {
          const warn = resizeVolumeDefinition(ctx.state, rd, vd, body.size_kib);
          if (warn) return { entries: [...out, ...warn] };
        }
        out.push(
          entry(
            MODIFIED,
            `Volume definition with number '${vd.number}' of resource definition '${rd.name}' modified.`,
            {
              details: `Volume definition with number '${vd.number}' of resource definition '${rd.name}' UUID is: ${vd.uuid}`,
              objRefs: { RscDfn: rd.name, VlmNr: String(vd.number) },
            },
          ),
        );
        if (body.size_kib !== undefined) {
          for (const r of rd.resources.values()) {
            if (isDiskless(r)) continue;
            const what = r.layerStack.includes('DRBD') ? 'DRBD resource' : 'resource';
            out.push(entry(MODIFIED, `Resized ${what} '${rd.name}' on '${r.nodeName}'`));
          }
        }
        return { entries: out };
      },
    },
    {
      method: 'DELETE',
      template: '/v1/resource-definitions/{resource}/volume-definitions/{volume_number}',
      context: [MASK_VLM_DFN, MASK_DEL],
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const vd = vdOf(ctx, rd);
        for (const r of rd.resources.values()) {
          const v = r.volumes.get(vd.number);
          if (!v) continue;
          releaseVolume(ctx.state, r, v);
          r.volumes.delete(vd.number);
        }
        if (vd.minor !== undefined) ctx.state.minors.free(vd.minor);
        rd.volumeDefinitions.delete(vd.number);
        return {
          entries: [
            entry(
              DELETED,
              `Volume definition with number '${vd.number}' of resource definition '${rd.name}' deleted.`,
              {
                details: `Volume definition with number '${vd.number}' of resource definition '${rd.name}' UUID was: ${vd.uuid}`,
                objRefs: { RscDfn: rd.name, VlmNr: String(vd.number) },
              },
            ),
          ],
        };
      },
    },
  ];
}
