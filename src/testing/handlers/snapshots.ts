// Snapshots: create (of one resource, or of several at one point in time), list, delete, rollback,
// restore (volume definitions and resources), and the snapshot view.
import {
  CREATED,
  DELETED,
  FAIL_EXISTS_RSC,
  FAIL_EXISTS_SNAPSHOT_DFN,
  FAIL_EXISTS_VLM_DFN,
  FAIL_IN_USE,
  FAIL_INVLD_SNAPSHOT_NAME,
  FAIL_NOT_FOUND_RSC,
  FAIL_NOT_FOUND_RSC_DFN,
  FAIL_NOT_FOUND_SNAPSHOT_DFN,
  FAIL_NOT_FOUND_VLM_DFN,
  FAIL_SNAPSHOTS_NOT_SUPPORTED,
  MASK_CRT,
  MASK_DEL,
  MASK_MOD,
  MASK_RSC,
  MASK_SNAPSHOT,
  MASK_VLM_DFN,
  MODIFIED,
} from '../../../generated/constants';
import {
  type ObjectShape,
  PropsModifyShape,
  SnapshotCreateShape,
  SnapshotRestoreShape,
  SnapshotRollbackShape,
} from '../body';
import { rscDfnNotFound, storPoolNotFound } from '../messages';
import { NAME_LIMITS, requireValidName } from '../names';
import {
  addSnapshotRecord,
  checkCapacity,
  commitResource,
  deployEntries,
  diskfulResources,
  ensureMinors,
  reconcileTieBreaker,
  registeredEntries,
  snapshotNodeOf,
} from '../ops';
import { entry, fail, failBare, type RcEntry } from '../rc';
import { poolKibFor, snapshotJson, supportsSnapshots } from '../render';
import type { Route, RouteContext } from '../router';
import {
  key,
  type Props,
  type ResourceDefinitionRecord,
  type ResourceRecord,
  type SimulatorState,
  type SnapshotRecord,
} from '../state';
import { json, modifyProps, nameFilter, type PropsModify, paginate } from './common';

const RD = '/v1/resource-definitions/{resource}';

const rdOf = (ctx: RouteContext): ResourceDefinitionRecord =>
  ctx.state.resourceDefinition(ctx.params[0] as string) ?? rscDfnNotFound(ctx.params[0] as string);

function snapOf(ctx: RouteContext, rd: ResourceDefinitionRecord): SnapshotRecord {
  const s = rd.snapshots.get(key(ctx.params[1] as string));
  if (!s) {
    fail(
      FAIL_NOT_FOUND_SNAPSHOT_DFN,
      `Snapshot definition '${ctx.params[1]}' of resource '${rd.name}' not found.`,
      {
        objRefs: { RscDfn: rd.name },
      },
    );
  }
  return s;
}

/** One requested snapshot (the Snapshot request type; `resource_name` only in the multi request). */
interface SnapshotItem {
  name?: string;
  resource_name?: string;
  nodes?: string[];
  props?: Props;
}

const CreateMultiSnapshotShape: ObjectShape = {
  cls: 'CreateMultiSnapshotRequest',
  fields: { snapshots: [SnapshotCreateShape] },
};

/** A snapshot that passed every check and may be taken: its definition, name and resources. */
interface SnapshotPlan {
  rd: ResourceDefinitionRecord;
  name: string;
  rscs: ResourceRecord[];
  props: Props;
}

/**
 * Checks that `item` can be taken of `rd` (valid unused name, diskful resources on the wanted nodes,
 * storage that supports snapshots); changes nothing.
 */
function planSnapshot(rd: ResourceDefinitionRecord, item: SnapshotItem): SnapshotPlan {
  const name = item.name ?? '';
  requireValidName(name, NAME_LIMITS.snapshot, FAIL_INVLD_SNAPSHOT_NAME, 'snapshot');
  if (rd.snapshots.has(key(name))) {
    fail(
      FAIL_EXISTS_SNAPSHOT_DFN,
      `A snapshot definition with the name '${name}' already exists in resource definition '${rd.name}'.`,
    );
  }
  const wanted = item.nodes && item.nodes.length > 0 ? new Set(item.nodes.map(key)) : undefined;
  const rscs = diskfulResources(rd).filter((r) => !wanted || wanted.has(key(r.nodeName)));
  if (rscs.length === 0)
    fail(FAIL_NOT_FOUND_RSC, `Resource '${rd.name}' has no diskful resource to take a snapshot of.`);
  for (const r of rscs) {
    for (const v of r.volumes.values()) {
      if (!supportsSnapshots(v.providerKind)) {
        fail(FAIL_SNAPSHOTS_NOT_SUPPORTED, `Storage driver '${v.providerKind}' does not support snapshots.`, {
          details: `Used by resource '${rd.name}' on node '${r.nodeName}', storage pool '${v.storagePoolName}'.`,
        });
      }
    }
  }
  return { rd, name, rscs, props: { ...item.props } };
}

/** Records a planned snapshot on its definition; the CREATED entry. */
function registerSnapshot(state: SimulatorState, { rd, name, rscs, props }: SnapshotPlan): RcEntry {
  const snap = addSnapshotRecord(state, rd, {
    name,
    flags: ['SUCCESSFUL'],
    props,
    nodes: rscs.map(snapshotNodeOf),
  });
  return entry(CREATED, `New snapshot '${name}' of resource '${rd.name}' registered.`, {
    details: `Snapshot '${name}' of resource '${rd.name}' UUID is: ${snap.uuid}`,
    objRefs: { RscDfn: rd.name, SnapshotName: name },
  });
}

/**
 * Takes already checked snapshots together: every one registered, then IO suspended on all their
 * resources before any is taken and resumed only after all are (one consistent point in time).
 */
function createSnapshots(state: SimulatorState, plans: readonly SnapshotPlan[]): RcEntry[] {
  const out = plans.map((p) => registerSnapshot(state, p));
  const each = (text: (rd: string, node: string) => string) => {
    for (const p of plans) for (const r of p.rscs) out.push(entry(MODIFIED, text(p.rd.name, r.nodeName)));
  };
  each((rd, node) => `Suspended IO of '[${rd}]' on '${node}' for snapshot`);
  each((rd, node) => `Took snapshot of '[${rd}]' on '${node}'`);
  each((rd, node) => `Resumed IO of '[${rd}]' on '${node}' after snapshot`);
  return out;
}

/** Plans every snapshot of a multi request first, so one bad item leaves the state untouched. */
function planMulti(state: SimulatorState, items: readonly SnapshotItem[]): SnapshotPlan[] {
  if (items.length === 0) fail(FAIL_NOT_FOUND_RSC_DFN, 'No resource given to take a snapshot of.');
  const seen = new Set<string>();
  return items.map((item) => {
    const rdName = item.resource_name ?? '';
    const rd = state.resourceDefinition(rdName) ?? rscDfnNotFound(rdName);
    const plan = planSnapshot(rd, item);
    const id = `${key(rd.name)}/${key(plan.name)}`;
    if (seen.has(id)) {
      fail(
        FAIL_EXISTS_SNAPSHOT_DFN,
        `Snapshot '${plan.name}' of resource '${rd.name}' is requested more than once.`,
      );
    }
    seen.add(id);
    return plan;
  });
}

export function snapshotRoutes(): Route[] {
  return [
    {
      method: 'POST',
      template: '/v1/actions/snapshot/multi',
      success: 201,
      context: [MASK_SNAPSHOT, MASK_CRT],
      handler: (ctx) => {
        const body = ctx.body<{ snapshots?: SnapshotItem[] }>(CreateMultiSnapshotShape);
        return { entries: createSnapshots(ctx.state, planMulti(ctx.state, body.snapshots ?? [])) };
      },
    },
    {
      method: 'GET',
      template: `${RD}/snapshots`,
      handler: (ctx) => {
        const rd = rdOf(ctx);
        return json(paginate([...rd.snapshots.values()], ctx.query).map((s) => snapshotJson(s, rd)));
      },
    },
    {
      method: 'GET',
      template: `${RD}/snapshots/{snapshot}`,
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const s = rd.snapshots.get(key(ctx.params[1] as string));
        if (!s) failBare(FAIL_NOT_FOUND_SNAPSHOT_DFN, `Snapshot '${ctx.params[1]}' not found.`);
        return json(snapshotJson(s, rd));
      },
    },
    {
      method: 'GET',
      template: '/v1/view/snapshots',
      handler: ({ state, query }) => {
        const nodes = nameFilter(query, 'nodes');
        const rscs = nameFilter(query, 'resources');
        const out: Record<string, unknown>[] = [];
        for (const rd of state.sortedResourceDefinitions()) {
          if (rscs && !rscs.has(key(rd.name))) continue;
          for (const s of rd.snapshots.values()) {
            if (nodes && ![...s.nodes.keys()].some((n) => nodes.has(n))) continue;
            out.push(snapshotJson(s, rd));
          }
        }
        return json(paginate(out, query));
      },
    },
    {
      method: 'POST',
      template: `${RD}/snapshots`,
      success: 201,
      context: [MASK_SNAPSHOT, MASK_CRT],
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const body = ctx.body<SnapshotItem>(SnapshotCreateShape);
        return { entries: createSnapshots(ctx.state, [planSnapshot(rd, body)]) };
      },
    },
    {
      method: 'PUT',
      template: `${RD}/snapshots/{snapshot}`,
      context: [MASK_SNAPSHOT, MASK_MOD],
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const s = snapOf(ctx, rd);
        const out = modifyProps(s.props, ctx.body<PropsModify>(PropsModifyShape), MASK_SNAPSHOT);
        out.push(entry(MODIFIED, `Snapshot '${s.name}' of resource '${rd.name}' modified.`));
        return { entries: out };
      },
    },
    {
      method: 'DELETE',
      template: `${RD}/snapshots/{snapshot}`,
      context: [MASK_SNAPSHOT, MASK_DEL],
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const s = snapOf(ctx, rd);
        const only = nameFilter(ctx.query, 'nodes');
        if (only) {
          for (const n of only) s.nodes.delete(n);
          if (s.nodes.size > 0) {
            return {
              entries: [
                entry(DELETED, `Snapshot '${s.name}' of resource '${rd.name}' deleted on the given nodes.`),
              ],
            };
          }
        }
        rd.snapshots.delete(key(s.name));
        return {
          entries: [
            entry(DELETED, `Snapshot '${s.name}' of resource '${rd.name}' deleted.`, {
              details: `Snapshot '${s.name}' of resource '${rd.name}' UUID was: ${s.uuid}`,
              objRefs: { RscDfn: rd.name, SnapshotName: s.name },
            }),
          ],
        };
      },
    },
    {
      method: 'POST',
      template: `${RD}/snapshot-rollback/{snapshot}`,
      context: [MASK_SNAPSHOT, MASK_MOD],
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const s = snapOf(ctx, rd);
        ctx.optionalBody(SnapshotRollbackShape);
        const inUse = [...rd.resources.values()].find((r) => r.inUse);
        if (inUse) fail(FAIL_IN_USE, `Resource '${rd.name}' on node '${inUse.nodeName}' is still in use.`);
        const out = [
          entry(MODIFIED, `Rollback of resource '${rd.name}' to snapshot '${s.name}' registered.`),
        ];
        for (const n of s.nodes.values())
          out.push(
            entry(MODIFIED, `Rolled back resource '${rd.name}' on '${n.nodeName}' to snapshot '${s.name}'`),
          );
        return { entries: out };
      },
    },
    {
      method: 'POST',
      template: `${RD}/snapshot-restore-volume-definition/{snapshot}`,
      context: [MASK_VLM_DFN, MASK_CRT],
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const s = snapOf(ctx, rd);
        const body = ctx.body<{ to_resource?: string }>(SnapshotRestoreShape);
        const target =
          ctx.state.resourceDefinition(body.to_resource ?? '') ?? rscDfnNotFound(body.to_resource ?? '');
        if (target.volumeDefinitions.size > 0) {
          fail(FAIL_EXISTS_VLM_DFN, `Resource definition '${target.name}' already has volume definitions.`);
        }
        const out: RcEntry[] = [];
        for (const v of s.volumeDefinitions) {
          const uuid = ctx.state.uuid();
          target.volumeDefinitions.set(v.number, {
            number: v.number,
            sizeKib: v.sizeKib,
            props: { DrbdCurrentGi: ctx.state.randomHex(16) },
            flags: [],
            uuid,
          });
          out.push(
            entry(
              CREATED,
              `New volume definition with number '${v.number}' of resource definition '${target.name}' created.`,
              {
                details: `Volume definition with number '${v.number}' of resource definition '${target.name}' UUID is: ${uuid}`,
                objRefs: { RscDfn: target.name, VlmNr: String(v.number) },
              },
            ),
          );
        }
        if (!target.layerStack && rd.layerStack) target.layerStack = [...rd.layerStack];
        ensureMinors(ctx.state, target);
        return { entries: out };
      },
    },
    {
      method: 'POST',
      template: `${RD}/snapshot-restore-resource/{snapshot}`,
      context: [MASK_RSC, MASK_CRT],
      handler: (ctx) => {
        const rd = rdOf(ctx);
        const s = snapOf(ctx, rd);
        const body = ctx.body<{ to_resource?: string; nodes?: string[]; stor_pool_rename?: Props }>(
          SnapshotRestoreShape,
        );
        const state = ctx.state;
        const target =
          state.resourceDefinition(body.to_resource ?? '') ?? rscDfnNotFound(body.to_resource ?? '');
        if (target.volumeDefinitions.size === 0) {
          fail(
            FAIL_NOT_FOUND_VLM_DFN,
            `Resource definition '${target.name}' has no volume definitions; restore them first.`,
          );
        }
        const wanted = body.nodes && body.nodes.length > 0 ? new Set(body.nodes.map(key)) : undefined;
        const rename = body.stor_pool_rename ?? {};
        const stack = target.layerStack ?? rd.layerStack ?? ['DRBD', 'STORAGE'];
        const specs = [...s.nodes.values()]
          .filter((n) => !wanted || wanted.has(key(n.nodeName)))
          .map((n) => {
            const node = state.node(n.nodeName);
            if (!node)
              return fail(
                FAIL_NOT_FOUND_RSC,
                `Node '${n.nodeName}' of snapshot '${s.name}' no longer exists.`,
              );
            if (target.resources.has(key(node.name))) {
              fail(FAIL_EXISTS_RSC, `A resource '${target.name}' on node '${node.name}' already exists.`);
            }
            const poolName =
              rename[n.volumes[0]?.storagePoolName ?? ''] ?? n.volumes[0]?.storagePoolName ?? '';
            const pool = node.storagePools.get(key(poolName)) ?? storPoolNotFound(node.name, poolName);
            const plans = [...target.volumeDefinitions.values()].map((vd) => ({
              vd,
              pool,
              poolKib: poolKibFor(pool.providerKind, stack, vd.sizeKib, target.drbd.peerSlots),
            }));
            checkCapacity(target, plans);
            return { node, props: { StorPoolName: pool.name }, flags: new Set<string>(), stack, plans };
          });
        const out: RcEntry[] = [];
        const created = specs.map((spec) => commitResource(state, target, spec));
        for (const r of created) out.push(...registeredEntries(target, r));
        out.push(...deployEntries(state, target, created), ...reconcileTieBreaker(state, target));
        return { entries: out };
      },
    },
  ];
}
