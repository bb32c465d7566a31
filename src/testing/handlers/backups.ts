// Backups: create (to an S3 remote), list, delete, info, restore, ship (to a LINSTOR remote), abort and
// the backup queue view.
// The model: a backup is taken from one diskful resource. It creates a local snapshot named
// `back_<UTC yyyyMMdd_HHmmss>` (flags SUCCESSFUL, BACKUP, BACKUP_SOURCE) on that resource's node and a
// backup record with id `<resource>_<snapshot>`; it is incremental (based_on_id) when the resource's
// previous backup to that remote still has its local snapshot. Shipments finish at once unless
// `state.backupsFinishImmediately` is false; then they stay queued (listed with shipping=true and in
// /v1/view/backup/queue) until `finishQueuedBackups(state)` or an abort.
// Simplifications (what the real controller does that this does not):
// - nothing is uploaded or downloaded; the backup list only knows the backups this simulator recorded
//   (`other.files` is always empty), and backups are forgotten when their remote is deleted;
// - the snapshot is taken on the shipping node only (not on every diskful node), and a second backup in
//   the same second gets a `_2`, `_3`, ... suffix instead of failing;
// - times are ISO 8601 texts of the recorded epoch milliseconds;
// - delete: s3key/s3key_force match the recorded keys only; `timestamp` takes epoch ms, ISO 8601 or
//   yyyyMMdd_HHmmss and selects backups started before it; queued backups cannot be deleted;
// - info: the download size counts every backup of the chain in full;
// - restore creates the target definition (in dst_rsc_grp), its volume definitions, a snapshot of the
//   backup's name and, unless download_only, the resource on the target node in the backup's pools (or
//   stor_pool_map's); an existing target definition fails (force_restore, passphrase and
//   force_mv_rsc_grp are accepted and ignored), and restores are never queued (so never abortable);
// - ship to a LINSTOR remote records the shipment (kept in state, shown only while queued); nothing
//   is created on the other cluster and the destination options are only name-checked;
// - abort marks the queued shipments of the resource (optionally of one snapshot) as failed, keeping
//   their snapshots.
import {
  CREATED,
  DELETED,
  FAIL_DEPENDEND_BACKUP,
  FAIL_EXISTS_SNAPSHOT_DFN,
  FAIL_IN_USE,
  FAIL_INVLD_BACKUP_CONFIG,
  FAIL_INVLD_RSC_NAME,
  FAIL_INVLD_SNAPSHOT_NAME,
  FAIL_INVLD_TIME_PARAM,
  FAIL_NOT_FOUND_BACKUP,
  FAIL_NOT_FOUND_RSC,
  FAIL_NOT_FOUND_SNAPSHOT_DFN,
  FAIL_NOT_FOUND_VLM_DFN,
  FAIL_SNAPSHOTS_NOT_SUPPORTED,
  FLAG_BACKUP,
  FLAG_BACKUP_SOURCE,
  FLAG_BACKUP_TARGET,
  MASK_BACKUP,
  MASK_CRT,
  MASK_DEL,
  MASK_MOD,
  MASK_RSC,
  MASK_RSC_DFN,
  MASK_SNAPSHOT,
  MASK_VLM_DFN,
  MODIFIED,
  WARN_NOT_FOUND,
} from '../../../generated/constants';
import { nodeNotFound, rscDfnNotFound, storPoolNotFound } from '../messages';
import { NAME_LIMITS, requireValidName, resourceNameCheck } from '../names';
import {
  addSnapshotRecord,
  checkCapacity,
  commitResource,
  deployEntries,
  diskfulResources,
  registeredEntries,
  snapshotNodeOf,
} from '../ops';
import { addContext, entry, fail, type RcEntry } from '../rc';
import {
  BackupAbortShape,
  BackupCreateShape,
  BackupInfoRequestShape,
  type BackupRecord,
  BackupRestoreShape,
  BackupShipShape,
  backupJson,
  isQueued,
  metaKey,
  remoteOf,
  volumeKey,
} from '../remote-records';
import { compact, freeCapacity, type Json, poolKibFor, supportsSnapshots } from '../render';
import type { Route, RouteContext } from '../router';
import {
  key,
  type NodeRecord,
  type Props,
  type ResourceDefinitionRecord,
  type ResourceRecord,
  type SimulatorState,
  type SnapshotRecord,
  sortByKey,
} from '../state';
import { json, nameFilter, queryBool } from './common';
import { prepareResourceDefinition, prepareVolumeDefinition, rdCreatedEntry } from './resource-definitions';

const BACKUPS = '/v1/remotes/{remote_name}/backups';

// ---- taking a backup ----

/** UTC `yyyyMMdd_HHmmss`, the time part of backup snapshot names. */
function stamp(ms: number): string {
  const d = new Date(ms).toISOString(); // 2026-12-01T05:49:06.000Z
  return `${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}_${d.slice(11, 13)}${d.slice(14, 16)}${d.slice(17, 19)}`;
}

/** The shipping resource: the one on `nodeName`, else the first diskful one by node name. */
function sourceResource(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  nodeName: string | undefined,
): ResourceRecord {
  const diskful = sortByKey(diskfulResources(rd), (r) => r.nodeName);
  if (nodeName) {
    if (!state.node(nodeName)) nodeNotFound(nodeName);
    const r = diskful.find((x) => key(x.nodeName) === key(nodeName));
    if (!r) fail(FAIL_NOT_FOUND_RSC, `Resource '${rd.name}' has no diskful resource on node '${nodeName}'.`);
    return r;
  }
  const first = diskful[0];
  if (!first) fail(FAIL_NOT_FOUND_RSC, `Resource '${rd.name}' has no diskful resource to take a backup of.`);
  return first;
}

function checkBackupable(rd: ResourceDefinitionRecord, rsc: ResourceRecord): void {
  if (rd.volumeDefinitions.size === 0) {
    fail(FAIL_NOT_FOUND_VLM_DFN, `Resource definition '${rd.name}' has no volumes to back up.`);
  }
  for (const v of rsc.volumes.values()) {
    if (!supportsSnapshots(v.providerKind)) {
      fail(FAIL_SNAPSHOTS_NOT_SUPPORTED, `Storage driver '${v.providerKind}' does not support snapshots.`, {
        details: `Used by resource '${rd.name}' on node '${rsc.nodeName}', storage pool '${v.storagePoolName}'.`,
      });
    }
  }
}

/** The given snapshot name (checked, unused) or a free `back_<time>` name. */
function backupSnapName(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  given: string | undefined,
): string {
  const taken = (n: string) =>
    rd.snapshots.has(key(n)) ||
    state.backups.some((b) => key(b.rscName) === key(rd.name) && key(b.snapName) === key(n));
  if (given) {
    requireValidName(given, NAME_LIMITS.snapshot, FAIL_INVLD_SNAPSHOT_NAME, 'snapshot');
    if (taken(given)) {
      fail(
        FAIL_EXISTS_SNAPSHOT_DFN,
        `A snapshot '${given}' of resource definition '${rd.name}' already exists.`,
      );
    }
    return given;
  }
  const base = `back_${stamp(state.now())}`;
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}_${i}`;
  return name;
}

/** A local snapshot of `rsc` only, as a backup takes it. */
function takeSnapshot(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  rsc: ResourceRecord,
  name: string,
  flags: string[],
): SnapshotRecord {
  return addSnapshotRecord(state, rd, { name, flags, nodes: [snapshotNodeOf(rsc)] });
}

/** The resource's latest finished backup to `remote` whose snapshot is still here (incremental base). */
function incrementalBase(
  state: SimulatorState,
  rd: ResourceDefinitionRecord,
  remote: string,
): BackupRecord | undefined {
  const candidates = state.backups.filter(
    (b) =>
      key(b.remoteName) === key(remote) &&
      key(b.rscName) === key(rd.name) &&
      b.success &&
      !isQueued(b) &&
      rd.snapshots.has(key(b.snapName)),
  );
  return candidates[candidates.length - 1];
}

interface NewBackup {
  remote: string;
  targetKind: BackupRecord['targetKind'];
  rd: ResourceDefinitionRecord;
  rsc: ResourceRecord;
  snapName?: string;
  /** an existing snapshot to ship instead of taking a new one */
  existingSnap?: SnapshotRecord;
  incremental: boolean;
  dstRscName?: string;
}

function recordBackup(state: SimulatorState, nb: NewBackup): { backup: BackupRecord; entries: RcEntry[] } {
  const { rd, rsc } = nb;
  checkBackupable(rd, rsc);
  const base = nb.incremental ? incrementalBase(state, rd, nb.remote) : undefined;
  const entries: RcEntry[] = [];
  let snap = nb.existingSnap;
  if (!snap) {
    const name = backupSnapName(state, rd, nb.snapName);
    snap = takeSnapshot(state, rd, rsc, name, ['SUCCESSFUL', FLAG_BACKUP, FLAG_BACKUP_SOURCE]);
    entries.push(
      entry(
        MASK_SNAPSHOT | MASK_CRT | CREATED,
        `New snapshot '${name}' of resource '${rd.name}' registered.`,
        {
          details: `Snapshot '${name}' of resource '${rd.name}' UUID is: ${snap.uuid}`,
          objRefs: { RscDfn: rd.name, SnapshotName: name },
        },
      ),
    );
  }
  const now = state.now();
  const backup: BackupRecord = {
    id: `${rd.name}_${snap.name}`,
    remoteName: nb.remote,
    rscName: rd.name,
    snapName: snap.name,
    nodeName: rsc.nodeName,
    startTimestamp: now,
    finishedTimestamp: state.backupsFinishImmediately ? now : undefined,
    success: true,
    basedOnId: base?.id,
    volumes: [...rsc.volumes.values()].map((v) => ({
      number: v.number,
      sizeKib: rd.volumeDefinitions.get(v.number)?.sizeKib ?? 0,
      storagePoolName: v.storagePoolName,
      providerKind: v.providerKind,
    })),
    layerStack: [...rsc.layerStack],
    targetKind: nb.targetKind,
    dstRscName: nb.dstRscName,
  };
  state.backups.push(backup);
  const kind = base ? `incremental (based on '${base.id}')` : 'full';
  entries.push(
    entry(
      CREATED,
      `Shipping of snapshot '${snap.name}' of resource '${rd.name}' to remote '${nb.remote}' started.`,
      {
        details: `Backup '${backup.id}' is ${kind}, shipped from node '${rsc.nodeName}'.`,
        objRefs: { RscDfn: rd.name, SnapshotName: snap.name, Remote: nb.remote },
      },
    ),
  );
  if (!isQueued(backup)) {
    entries.push(entry(MODIFIED, `Backup '${backup.id}' shipped to remote '${nb.remote}'.`));
  }
  return { backup, entries };
}

// ---- choosing backups ----

function backupsOn(state: SimulatorState, remote: string): BackupRecord[] {
  return state.backups.filter((b) => key(b.remoteName) === key(remote) && b.targetKind === 's3');
}

function noBackup(what: string): never {
  return fail(FAIL_NOT_FOUND_BACKUP, `${what} not found.`);
}

/** The backup a restore or info request means: `last_backup`, else the latest restorable of the resource. */
function chosenBackup(
  state: SimulatorState,
  remote: string,
  req: { last_backup?: string; src_rsc_name?: string; src_snap_name?: string },
): BackupRecord {
  const all = backupsOn(state, remote);
  const restorable = (b: BackupRecord) => b.success && !isQueued(b);
  if (req.last_backup) {
    const b = all.find((x) => x.id === req.last_backup);
    if (!b || !restorable(b)) noBackup(`Restorable backup '${req.last_backup}' on remote '${remote}'`);
    return b;
  }
  if (!req.src_rsc_name) {
    fail(FAIL_INVLD_BACKUP_CONFIG, 'Either a backup id (last_backup) or a source resource name is needed.');
  }
  const rsc = req.src_rsc_name;
  const snap = req.src_snap_name;
  const matching = all.filter(
    (b) => restorable(b) && key(b.rscName) === key(rsc) && (!snap || key(b.snapName) === key(snap)),
  );
  const latest = matching[matching.length - 1];
  if (!latest) {
    noBackup(
      `Restorable backup of resource '${rsc}'${snap ? ` (snapshot '${snap}')` : ''} on remote '${remote}'`,
    );
  }
  return latest;
}

/** The full backup first, then each incremental up to `b`. */
function chainOf(state: SimulatorState, b: BackupRecord): BackupRecord[] {
  const chain = [b];
  let cur = b;
  while (cur.basedOnId) {
    const base = state.backups.find((x) => x.id === cur.basedOnId && key(x.remoteName) === key(b.remoteName));
    if (!base) break;
    chain.unshift(base);
    cur = base;
  }
  return chain;
}

const volumeName = (b: BackupRecord, nr: number): string => `${b.rscName}_${String(nr).padStart(5, '0')}`;

const sumKib = (b: BackupRecord): number => b.volumes.reduce((n, v) => n + v.sizeKib, 0);

function infoJson(state: SimulatorState, b: BackupRecord, node: NodeRecord | undefined, rename: Props): Json {
  const chain = chainOf(state, b);
  const pools = new Map<string, BackupRecord['volumes']>();
  for (const v of b.volumes) pools.set(v.storagePoolName, [...(pools.get(v.storagePoolName) ?? []), v]);
  const storpools = [...pools.entries()].map(([name, vols]) => {
    const target = rename[name] ?? name;
    const pool = node
      ? (node.storagePools.get(key(target)) ?? storPoolNotFound(node.name, target))
      : undefined;
    const alloc = vols.reduce((n, v) => n + v.sizeKib, 0);
    return compact({
      name,
      provider_kind: vols[0]?.providerKind,
      target_name: target,
      remaining_space_kib: pool ? freeCapacity(pool) - alloc : undefined,
      vlms: vols.map((v) => ({
        name: volumeName(b, v.number),
        layer_type: 'STORAGE',
        dl_size_kib: v.sizeKib,
        alloc_size_kib: v.sizeKib,
        usable_size_kib: v.sizeKib,
      })),
    });
  });
  return {
    rsc: b.rscName,
    full: chain[0]?.id ?? b.id,
    snap: b.snapName,
    latest: b.id,
    count: chain.length,
    dl_size_kib: chain.reduce((n, x) => n + sumKib(x), 0),
    alloc_size_kib: sumKib(b),
    storpools,
  };
}

// ---- delete ----

/** `timestamp` of a delete request: epoch ms, ISO 8601 or yyyyMMdd_HHmmss (UTC). */
function parseTimestamp(text: string): number {
  if (/^\d{9,}$/.test(text)) return Number(text);
  const m = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/.exec(text);
  const [y, mo, d, h, mi, sec] = (m ?? []).slice(1).map(Number);
  const ms = m ? Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, sec) : Date.parse(text);
  if (Number.isNaN(ms)) {
    fail(FAIL_INVLD_TIME_PARAM, `The timestamp '${text}' cannot be read.`, {
      correction: 'Give epoch milliseconds, an ISO 8601 time or yyyyMMdd_HHmmss.',
    });
  }
  return ms;
}

const SELECTORS = ['id', 'id_prefix', 'timestamp', 'resource_name', 'node_name', 's3key', 's3key_force'];

function selectForDelete(state: SimulatorState, remote: string, q: URLSearchParams): BackupRecord[] {
  const all = backupsOn(state, remote);
  if (queryBool(q, 'all') || queryBool(q, 'all_local_cluster')) return all;
  if (!SELECTORS.some((s) => q.get(s))) {
    fail(FAIL_INVLD_BACKUP_CONFIG, 'Say which backups to delete.', {
      correction: `Give one of ${SELECTORS.join(', ')}, all or all_local_cluster.`,
    });
  }
  const id = q.get('id');
  if (id && !all.some((b) => b.id === id)) noBackup(`Backup '${id}' on remote '${remote}'`);
  const prefix = q.get('id_prefix');
  const before = q.get('timestamp') ? parseTimestamp(q.get('timestamp') as string) : undefined;
  const rsc = q.get('resource_name');
  const node = q.get('node_name');
  const s3key = q.get('s3key') || q.get('s3key_force');
  const keys = (b: BackupRecord) => [metaKey(b), ...b.volumes.map((v) => volumeKey(b, v.number))];
  return all.filter(
    (b) =>
      (!id || b.id === id) &&
      (!prefix || b.id.startsWith(prefix)) &&
      (before === undefined || b.startTimestamp < before) &&
      (!rsc || key(b.rscName) === key(rsc)) &&
      (!node || key(b.nodeName) === key(node)) &&
      (!s3key || keys(b).includes(s3key)),
  );
}

/** Adds the backups based on the selection (cascading) or fails when one would lose its base. */
function withDependents(state: SimulatorState, selected: BackupRecord[], cascading: boolean): BackupRecord[] {
  const out = new Set(selected);
  for (let grew = true; grew; ) {
    grew = false;
    for (const b of state.backups) {
      const base = b.basedOnId
        ? [...out].find((x) => x.id === b.basedOnId && x.remoteName === b.remoteName)
        : undefined;
      if (!base || out.has(b)) continue;
      if (!cascading) {
        fail(FAIL_DEPENDEND_BACKUP, `Backup '${base.id}' is the base of backup '${b.id}'.`, {
          correction: 'Delete with cascading, or select the dependent backups too.',
        });
      }
      out.add(b);
      grew = true;
    }
  }
  return [...out];
}

function deleteBackups(state: SimulatorState, doomed: BackupRecord[], keepSnaps: boolean): RcEntry[] {
  const out: RcEntry[] = [];
  for (const b of doomed) {
    state.backups.splice(state.backups.indexOf(b), 1);
    out.push(
      entry(DELETED, `Backup '${b.id}' deleted from remote '${b.remoteName}'.`, {
        objRefs: { Remote: b.remoteName },
      }),
    );
  }
  if (keepSnaps) return out;
  for (const b of doomed) {
    const rd = state.resourceDefinition(b.rscName);
    const stillUsed = state.backups.some(
      (x) => key(x.rscName) === key(b.rscName) && key(x.snapName) === key(b.snapName),
    );
    if (!rd?.snapshots.has(key(b.snapName)) || stillUsed) continue;
    rd.snapshots.delete(key(b.snapName));
    out.push(
      entry(
        MASK_SNAPSHOT | MASK_DEL | DELETED,
        `Snapshot '${b.snapName}' of resource '${rd.name}' deleted.`,
        {
          objRefs: { RscDfn: rd.name, SnapshotName: b.snapName },
        },
      ),
    );
  }
  return out;
}

// ---- restore ----

interface RestoreBody {
  src_rsc_name?: string;
  src_snap_name?: string;
  last_backup?: string;
  stor_pool_map?: Props;
  target_rsc_name?: string;
  node_name?: string;
  download_only?: boolean;
  dst_rsc_grp?: string;
}

function restore(state: SimulatorState, remote: string, body: RestoreBody): RcEntry[] {
  const backup = chosenBackup(state, remote, body);
  const node = state.node(body.node_name ?? '') ?? nodeNotFound(body.node_name ?? '');
  const prep = prepareResourceDefinition(state, {
    resource_definition: { name: body.target_rsc_name ?? '', resource_group_name: body.dst_rsc_grp },
  });
  const rd = prep.record;
  rd.layerStack = [...backup.layerStack];
  const rename = body.stor_pool_map ?? {};
  const vds = backup.volumes.map((v) => {
    const prepared = prepareVolumeDefinition(state, rd, {
      volume_definition: { volume_number: v.number, size_kib: v.sizeKib },
    });
    const target = rename[v.storagePoolName] ?? v.storagePoolName;
    const pool = node.storagePools.get(key(target)) ?? storPoolNotFound(node.name, target);
    const poolKib = poolKibFor(pool.providerKind, rd.layerStack ?? [], v.sizeKib, rd.drbd.peerSlots);
    return { ...prepared, plan: { vd: prepared.vd, pool, poolKib } };
  });
  const plans = vds.map((v) => v.plan);
  checkCapacity(rd, plans);
  // Everything checked: commit.
  prep.commit();
  const out: RcEntry[] = [...prep.entries, addContext(rdCreatedEntry(rd), MASK_RSC_DFN, MASK_CRT)];
  for (const vd of vds) out.push(...vd.commit().map((e) => addContext(e, MASK_VLM_DFN, MASK_CRT)));
  const snap = addSnapshotRecord(state, rd, {
    name: backup.snapName,
    flags: ['SUCCESSFUL', FLAG_BACKUP, FLAG_BACKUP_TARGET],
    volumeSizes: backup.volumes,
    nodes: [
      {
        nodeName: node.name,
        volumes: plans.map((p) => ({
          number: p.vd.number,
          storagePoolName: p.pool.name,
          providerKind: p.pool.providerKind,
        })),
      },
    ],
  });
  out.push(
    entry(
      MODIFIED,
      `Backup '${backup.id}' downloaded from remote '${remote}' into snapshot '${snap.name}' of '${rd.name}'.`,
      {
        objRefs: { RscDfn: rd.name, SnapshotName: snap.name, Remote: remote },
      },
    ),
  );
  if (body.download_only) return out;
  const rsc = commitResource(state, rd, {
    node,
    props: { StorPoolName: plans[0]?.pool.name ?? '' },
    flags: new Set(),
    stack: [...(rd.layerStack ?? [])],
    plans,
  });
  const rscEntries = [...registeredEntries(rd, rsc), ...deployEntries(state, rd, [rsc])];
  out.push(...rscEntries.map((e) => addContext(e, MASK_RSC, MASK_CRT)));
  return out;
}

// ---- queue view ----

function snapQueueJson(b: BackupRecord): Json {
  return compact({
    resource_name: b.rscName,
    snapshot_name: b.snapName,
    remote_name: b.remoteName,
    incremental: b.basedOnId !== undefined,
    based_on: b.basedOnId,
    start_timestamp: b.startTimestamp,
    pref_node: b.nodeName,
  });
}

function queueJson(state: SimulatorState, q: URLSearchParams): Json {
  const nodes = nameFilter(q, 'nodes');
  const snaps = nameFilter(q, 'snapshots');
  const rscs = nameFilter(q, 'resources');
  const remotes = nameFilter(q, 'remotes');
  const queued = state.backups.filter(
    (b) =>
      isQueued(b) &&
      (!nodes || nodes.has(key(b.nodeName))) &&
      (!snaps || snaps.has(key(b.snapName))) &&
      (!rscs || rscs.has(key(b.rscName))) &&
      (!remotes || remotes.has(key(b.remoteName))),
  );
  if (queryBool(q, 'snap_to_node')) {
    return { snap_queues: queued.map((b) => ({ ...snapQueueJson(b), queue: [{ node_name: b.nodeName }] })) };
  }
  const byNode = new Map<string, BackupRecord[]>();
  for (const b of queued) byNode.set(b.nodeName, [...(byNode.get(b.nodeName) ?? []), b]);
  return {
    node_queues: sortByKey([...byNode.entries()], ([n]) => n).map(([n, list]) => ({
      node_name: n,
      queue: list.map(snapQueueJson),
    })),
  };
}

// ---- routes ----

const rdNamed = (state: SimulatorState, name: string | undefined): ResourceDefinitionRecord =>
  state.resourceDefinition(name ?? '') ?? rscDfnNotFound(name ?? '');

const remoteParam = (ctx: RouteContext): string => ctx.params[0] as string;

export function backupRoutes(): Route[] {
  return [
    {
      method: 'GET',
      template: BACKUPS,
      handler: ({ state, params, query }) => {
        const remote = remoteOf(state, params[0] as string, ['s3']);
        const rsc = query.get('rsc_name');
        const snap = query.get('snap_name');
        const linstor: Record<string, Json> = {};
        for (const b of backupsOn(state, remote.name)) {
          if (rsc && key(b.rscName) !== key(rsc)) continue;
          if (snap && key(b.snapName) !== key(snap)) continue;
          linstor[b.id] = backupJson(b);
        }
        return json({ linstor, other: { files: [] } });
      },
    },
    {
      method: 'POST',
      template: BACKUPS,
      context: [MASK_BACKUP, MASK_CRT],
      handler: (ctx) => {
        const remote = remoteOf(ctx.state, remoteParam(ctx), ['s3']);
        const b = ctx.body<{
          rsc_name?: string;
          node_name?: string;
          snap_name?: string;
          incremental?: boolean;
        }>(BackupCreateShape);
        const rd = rdNamed(ctx.state, b.rsc_name);
        const rsc = sourceResource(ctx.state, rd, b.node_name);
        const { entries } = recordBackup(ctx.state, {
          remote: remote.name,
          targetKind: 's3',
          rd,
          rsc,
          snapName: b.snap_name,
          incremental: b.incremental !== false,
        });
        return { entries };
      },
    },
    {
      method: 'DELETE',
      template: BACKUPS,
      context: [MASK_BACKUP, MASK_DEL],
      handler: ({ state, params, query }) => {
        const remote = remoteOf(state, params[0] as string, ['s3']);
        const selected = selectForDelete(state, remote.name, query);
        if (selected.length === 0) {
          return {
            entries: [
              entry(WARN_NOT_FOUND, `No backup on remote '${remote.name}' matches; nothing deleted.`),
            ],
          };
        }
        const doomed = withDependents(state, selected, queryBool(query, 'cascading'));
        const queued = doomed.find(isQueued);
        if (queued) fail(FAIL_IN_USE, `Backup '${queued.id}' is still being shipped.`);
        if (queryBool(query, 'dryrun')) {
          return {
            entries: doomed.map((b) =>
              entry(0n, `Dry run: backup '${b.id}' would be deleted from remote '${remote.name}'.`),
            ),
          };
        }
        return { entries: deleteBackups(state, doomed, queryBool(query, 'keep_snaps')) };
      },
    },
    {
      method: 'POST',
      template: `${BACKUPS}/restore`,
      context: [MASK_BACKUP, MASK_CRT],
      handler: (ctx) => {
        const remote = remoteOf(ctx.state, remoteParam(ctx), ['s3']);
        return { entries: restore(ctx.state, remote.name, ctx.body<RestoreBody>(BackupRestoreShape)) };
      },
    },
    {
      method: 'POST',
      template: `${BACKUPS}/info`,
      handler: (ctx) => {
        const remote = remoteOf(ctx.state, remoteParam(ctx), ['s3']);
        const body = ctx.body<RestoreBody>(BackupInfoRequestShape);
        const backup = chosenBackup(ctx.state, remote.name, body);
        const node = body.node_name
          ? (ctx.state.node(body.node_name) ?? nodeNotFound(body.node_name))
          : undefined;
        return json(infoJson(ctx.state, backup, node, body.stor_pool_map ?? {}));
      },
    },
    {
      method: 'POST',
      template: `${BACKUPS}/ship`,
      context: [MASK_BACKUP, MASK_CRT],
      handler: (ctx) => {
        const remote = remoteOf(ctx.state, remoteParam(ctx), ['linstor']);
        const b = ctx.body<{
          src_rsc_name?: string;
          dst_rsc_name?: string;
          src_node_name?: string;
          src_snap_name?: string;
          allow_incremental?: boolean;
        }>(BackupShipShape);
        const rd = rdNamed(ctx.state, b.src_rsc_name);
        const dst = b.dst_rsc_name ?? '';
        const bad = resourceNameCheck(dst);
        if (bad)
          fail(FAIL_INVLD_RSC_NAME, `The specified resource name '${dst}' is invalid.`, { cause: bad });
        let existingSnap: SnapshotRecord | undefined;
        if (b.src_snap_name) {
          existingSnap = rd.snapshots.get(key(b.src_snap_name));
          if (!existingSnap) {
            fail(
              FAIL_NOT_FOUND_SNAPSHOT_DFN,
              `Snapshot '${b.src_snap_name}' of resource '${rd.name}' not found.`,
            );
          }
        }
        const nodeName =
          b.src_node_name ?? (existingSnap ? [...existingSnap.nodes.values()][0]?.nodeName : undefined);
        const rsc = sourceResource(ctx.state, rd, nodeName);
        const { entries } = recordBackup(ctx.state, {
          remote: remote.name,
          targetKind: 'linstor',
          rd,
          rsc,
          existingSnap,
          incremental: b.allow_incremental !== false,
          dstRscName: dst,
        });
        return { entries };
      },
    },
    {
      method: 'POST',
      template: `${BACKUPS}/abort`,
      context: [MASK_BACKUP, MASK_MOD],
      handler: (ctx) => {
        const remote = remoteOf(ctx.state, remoteParam(ctx), ['s3', 'linstor']);
        const b = ctx.body<{ rsc_name?: string; restore?: boolean; create?: boolean; snapshot?: string }>(
          BackupAbortShape,
        );
        const rd = rdNamed(ctx.state, b.rsc_name);
        // Only shipments (create) can be queued; restores finish at once.
        const creates = b.create === true || b.restore !== true;
        const running = creates
          ? ctx.state.backups.filter(
              (x) =>
                isQueued(x) &&
                key(x.remoteName) === key(remote.name) &&
                key(x.rscName) === key(rd.name) &&
                (!b.snapshot || key(x.snapName) === key(b.snapshot)),
            )
          : [];
        if (running.length === 0) {
          noBackup(`Running backup shipment of resource '${rd.name}' to remote '${remote.name}'`);
        }
        const now = ctx.state.now();
        for (const x of running) {
          x.finishedTimestamp = now;
          x.success = false;
          x.failMessages = 'Aborted on request.';
        }
        return {
          entries: running.map((x) =>
            entry(
              MODIFIED,
              `Shipping of snapshot '${x.snapName}' of resource '${rd.name}' to remote '${remote.name}' aborted.`,
            ),
          ),
        };
      },
    },
    {
      method: 'GET',
      template: '/v1/view/backup/queue',
      handler: ({ state, query }) => json(queueJson(state, query)),
    },
  ];
}
