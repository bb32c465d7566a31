// Backup schedules: create/list/modify/delete, switching a remote+schedule pair on or off for the whole
// cluster, a resource group or a resource definition, and the two schedules-by-resource views.
// Simplifications (what the real controller does that this does not):
// - nothing ever runs on a schedule: no backups are started by cron; cron texts are only checked for
//   five fields of cron characters, and the views leave out next_exec_time/next_planned_* (last_snap_time
//   and last_snap_inc come from the recorded backups of the resource to that remote);
// - enable/disable are kept as binding records (the controller stores them as properties of the
//   controller, group or definition), so they do not show in the props of those objects;
// - enable keeps the shipping options (node, target pool, rename map, ...) without acting on them;
// - deleting a schedule also drops its bindings (the controller refuses while it is in use);
// - keep_local/keep_remote/max_retries must not be negative.
import {
  CREATED,
  DELETED,
  FAIL_EXISTS_SCHEDULE,
  FAIL_INVLD_CONF,
  FAIL_INVLD_TIME_PARAM,
  MASK_CRT,
  MASK_DEL,
  MASK_MOD,
  MASK_SCHEDULE,
  MODIFIED,
  WARN_NOT_FOUND,
} from '../../../generated/constants';
import { nodeNotFound, rscDfnNotFound, rscGrpNotFound } from '../messages';
import { entry, fail, type RcEntry } from '../rc';
import {
  BackupScheduleShape,
  checkScheduleName,
  type OnFailure,
  remoteOf,
  type ScheduleBindingRecord,
  type ScheduleLevel,
  ScheduleModifyShape,
  type ScheduleRecord,
  ScheduleShape,
  scheduleJson,
  scheduleOf,
} from '../remote-records';
import { compact, type Json } from '../render';
import type { Route, RouteContext } from '../router';
import { key, type ResourceDefinitionRecord, type SimulatorState, sortByKey } from '../state';
import { json, queryBool } from './common';

interface ScheduleBody {
  schedule_name?: string;
  full_cron?: string;
  inc_cron?: string;
  keep_local?: number;
  keep_remote?: number;
  on_failure?: string;
  max_retries?: number;
}

interface BackupScheduleBody {
  rsc_name?: string;
  grp_name?: string;
  node_name?: string;
  [option: string]: unknown;
}

// ---- schedule fields ----

const CRON_FIELD = /^[0-9A-Za-z*?/,\-#LW]+$/;

function checkCron(text: string, field: string): string {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 5 || !parts.every((p) => CRON_FIELD.test(p))) {
    fail(FAIL_INVLD_TIME_PARAM, `The ${field} '${text}' is not a valid cron expression.`, {
      cause: 'A cron expression has five fields: minute, hour, day of month, month and day of week.',
    });
  }
  return parts.join(' ');
}

function checkCount(value: number | undefined, field: string): number | undefined {
  if (value !== undefined && value < 0)
    fail(FAIL_INVLD_CONF, `The value of '${field}' must not be negative.`);
  return value;
}

function checkOnFailure(value: string | undefined): OnFailure | undefined {
  if (value === undefined) return undefined;
  const v = value.toUpperCase();
  if (v !== 'SKIP' && v !== 'RETRY') {
    fail(FAIL_INVLD_CONF, `The on_failure value '${value}' is invalid.`, {
      correction: "Use 'SKIP' or 'RETRY'.",
    });
  }
  return v;
}

/** Applies the given fields of a create or modify body (absent fields keep their value). */
function applyFields(s: ScheduleRecord, b: ScheduleBody): void {
  if (b.full_cron !== undefined) s.fullCron = checkCron(b.full_cron, 'full_cron');
  if (b.inc_cron !== undefined) s.incCron = b.inc_cron === '' ? undefined : checkCron(b.inc_cron, 'inc_cron');
  if (b.keep_local !== undefined) s.keepLocal = checkCount(b.keep_local, 'keep_local');
  if (b.keep_remote !== undefined) s.keepRemote = checkCount(b.keep_remote, 'keep_remote');
  if (b.max_retries !== undefined) s.maxRetries = checkCount(b.max_retries, 'max_retries');
  s.onFailure = checkOnFailure(b.on_failure) ?? s.onFailure;
}

// ---- bindings (remote + schedule on a level) ----

interface Level {
  level: ScheduleLevel;
  target?: string;
  /** "on resource definition 'r1'" etc. */
  text: string;
}

function levelOf(state: SimulatorState, rscName: string | undefined, grpName: string | undefined): Level {
  if (rscName && grpName) {
    fail(FAIL_INVLD_CONF, 'Give either a resource or a resource group, not both.');
  }
  if (rscName) {
    const rd = state.resourceDefinition(rscName) ?? rscDfnNotFound(rscName);
    return { level: 'rsc_dfn', target: rd.name, text: `on resource definition '${rd.name}'` };
  }
  if (grpName) {
    const rg = state.resourceGroup(grpName) ?? rscGrpNotFound(grpName);
    return { level: 'rsc_grp', target: rg.name, text: `on resource group '${rg.name}'` };
  }
  return { level: 'ctrl', text: 'on the controller' };
}

const sameTarget = (a: string | undefined, b: string | undefined): boolean =>
  (a === undefined ? undefined : key(a)) === (b === undefined ? undefined : key(b));

function findBinding(state: SimulatorState, remote: string, schedule: string, at: Level): number {
  return state.scheduleBindings.findIndex(
    (b) =>
      key(b.remoteName) === key(remote) &&
      key(b.scheduleName) === key(schedule) &&
      b.level === at.level &&
      sameTarget(b.target, at.target),
  );
}

/** The bindings that reach `rd`: its own, its resource group's and the controller's. */
function bindingsFor(state: SimulatorState, rd: ResourceDefinitionRecord): ScheduleBindingRecord[] {
  return state.scheduleBindings.filter(
    (b) =>
      b.level === 'ctrl' ||
      (b.level === 'rsc_grp' && sameTarget(b.target, rd.resourceGroup)) ||
      (b.level === 'rsc_dfn' && sameTarget(b.target, rd.name)),
  );
}

const LEVEL_RANK: Record<ScheduleLevel, number> = { rsc_dfn: 0, rsc_grp: 1, ctrl: 2 };
const LEVEL_TEXT: Record<ScheduleLevel, string> = {
  rsc_dfn: 'resource definition',
  rsc_grp: 'resource group',
  ctrl: 'controller',
};

/** Per remote+schedule pair, the binding that decides for `rd` (definition over group over controller). */
function effectiveBindings(state: SimulatorState, rd: ResourceDefinitionRecord): ScheduleBindingRecord[] {
  const byPair = new Map<string, ScheduleBindingRecord>();
  for (const b of bindingsFor(state, rd)) {
    const pair = `${key(b.remoteName)}\u0000${key(b.scheduleName)}`;
    const cur = byPair.get(pair);
    if (!cur || LEVEL_RANK[b.level] < LEVEL_RANK[cur.level]) byPair.set(pair, b);
  }
  return sortByKey([...byPair.values()], (b) => `${b.remoteName}\u0000${b.scheduleName}`);
}

/** The last finished backup of `rd` on `remote`, for last_snap_time/last_snap_inc. */
function lastBackup(state: SimulatorState, rd: ResourceDefinitionRecord, remote: string) {
  let last: SimulatorState['backups'][number] | undefined;
  for (const b of state.backups) {
    if (key(b.rscName) !== key(rd.name) || key(b.remoteName) !== key(remote) || !b.success) continue;
    if (b.finishedTimestamp !== undefined && (!last || b.finishedTimestamp >= (last.finishedTimestamp ?? 0)))
      last = b;
  }
  return last;
}

function scheduledRow(state: SimulatorState, rd: ResourceDefinitionRecord, b: ScheduleBindingRecord): Json {
  const last = lastBackup(state, rd, b.remoteName);
  const where = LEVEL_TEXT[b.level];
  return compact({
    rsc_name: rd.name,
    remote_name: b.remoteName,
    schedule_name: b.scheduleName,
    reason: b.enabled ? `set on ${where}` : `disabled on ${where}`,
    last_snap_time: last?.finishedTimestamp,
    last_snap_inc: last ? last.basedOnId !== undefined : undefined,
  });
}

function scheduledRscs(state: SimulatorState, query: URLSearchParams): Json[] {
  const rsc = query.get('rsc') || undefined;
  const remote = query.get('remote') || undefined;
  const schedule = query.get('schedule') || undefined;
  const activeOnly = queryBool(query, 'active-only');
  const rows: Json[] = [];
  for (const rd of state.sortedResourceDefinitions()) {
    if (rsc && key(rsc) !== key(rd.name)) continue;
    const pairs = effectiveBindings(state, rd).filter(
      (b) =>
        (!activeOnly || b.enabled) &&
        (!remote || key(remote) === key(b.remoteName)) &&
        (!schedule || key(schedule) === key(b.scheduleName)),
    );
    for (const b of pairs) rows.push(scheduledRow(state, rd, b));
    // Without a remote/schedule filter every definition is listed, those without a schedule once.
    if (pairs.length === 0 && !activeOnly && !remote && !schedule) {
      rows.push({ rsc_name: rd.name, remote_name: '', schedule_name: '', reason: 'no schedule set' });
    }
  }
  return rows;
}

function scheduleDetails(state: SimulatorState, rd: ResourceDefinitionRecord): Json[] {
  const rows = new Map<string, Json>();
  for (const b of bindingsFor(state, rd)) {
    const pair = `${key(b.remoteName)}\u0000${key(b.scheduleName)}`;
    const row = rows.get(pair) ?? { remote_name: b.remoteName, schedule_name: b.scheduleName };
    row[b.level] = b.enabled;
    rows.set(pair, row);
  }
  return sortByKey([...rows.values()], (r) => `${r.remote_name}\u0000${r.schedule_name}`);
}

// ---- routes ----

const BACKUP_SCHEDULE = '/v1/remotes/{remote_name}/backups/schedule/{schedule_name}';

/** Remote (S3 or LINSTOR) and schedule of a backup-schedule route, both checked. */
function pairOf(ctx: RouteContext): { remote: string; schedule: string } {
  const remote = remoteOf(ctx.state, ctx.params[0] as string, ['s3', 'linstor']);
  const schedule = scheduleOf(ctx.state, ctx.params[1] as string);
  return { remote: remote.name, schedule: schedule.name };
}

function setBinding(ctx: RouteContext, enabled: boolean): { entries: RcEntry[] } {
  const { remote, schedule } = pairOf(ctx);
  const { rsc_name, grp_name, node_name, ...options } = ctx.body<BackupScheduleBody>(BackupScheduleShape);
  const at = levelOf(ctx.state, rsc_name, grp_name);
  if (node_name && !ctx.state.node(node_name)) nodeNotFound(node_name);
  const rec: ScheduleBindingRecord = {
    remoteName: remote,
    scheduleName: schedule,
    level: at.level,
    target: at.target,
    enabled,
    options: enabled ? { ...options, ...(node_name ? { node_name } : {}) } : {},
  };
  const i = findBinding(ctx.state, remote, schedule, at);
  if (i >= 0) ctx.state.scheduleBindings[i] = rec;
  else ctx.state.scheduleBindings.push(rec);
  const verb = enabled ? 'enabled' : 'disabled';
  return {
    entries: [
      entry(MODIFIED, `Backup shipping schedule '${schedule}' to remote '${remote}' ${verb} ${at.text}.`, {
        objRefs: { Remote: remote, Schedule: schedule },
      }),
    ],
  };
}

export function scheduleRoutes(): Route[] {
  return [
    {
      method: 'GET',
      template: '/v1/schedules',
      handler: ({ state }) =>
        json({ data: sortByKey([...state.schedules.values()], (s) => s.name).map(scheduleJson) }),
    },
    {
      method: 'POST',
      template: '/v1/schedules',
      context: [MASK_SCHEDULE, MASK_CRT],
      handler: ({ state, body }) => {
        const b = body<ScheduleBody>(ScheduleShape);
        const name = b.schedule_name ?? '';
        checkScheduleName(name);
        if (state.schedules.has(key(name))) {
          fail(FAIL_EXISTS_SCHEDULE, `A schedule with the name '${name}' already exists.`, {
            objRefs: { Schedule: name },
          });
        }
        if (b.full_cron === undefined)
          fail(FAIL_INVLD_TIME_PARAM, 'A schedule needs a full_cron expression.');
        const s: ScheduleRecord = { name, fullCron: '', onFailure: 'SKIP', uuid: state.uuid() };
        applyFields(s, b);
        state.schedules.set(key(name), s);
        return {
          entries: [
            entry(CREATED, `New schedule '${name}' created.`, {
              details: `Schedule '${name}' UUID is: ${s.uuid}`,
              objRefs: { Schedule: name },
            }),
          ],
        };
      },
    },
    {
      method: 'PUT',
      template: '/v1/schedules/{scheduleName}',
      context: [MASK_SCHEDULE, MASK_MOD],
      handler: (ctx) => {
        const s = scheduleOf(ctx.state, ctx.params[0] as string);
        // Checked on a copy, so a failing field leaves the schedule as it was.
        const next = { ...s };
        applyFields(next, ctx.body<ScheduleBody>(ScheduleModifyShape));
        Object.assign(s, next);
        return {
          entries: [entry(MODIFIED, `Schedule '${s.name}' modified.`, { objRefs: { Schedule: s.name } })],
        };
      },
    },
    {
      method: 'DELETE',
      template: '/v1/schedules/{scheduleName}',
      context: [MASK_SCHEDULE, MASK_DEL],
      handler: ({ state, params }) => {
        const name = params[0] as string;
        const s = state.schedules.get(key(name));
        if (!s) {
          return {
            entries: [
              entry(WARN_NOT_FOUND, `Schedule '${name}' not found; nothing deleted.`, {
                objRefs: { Schedule: name },
              }),
            ],
          };
        }
        state.schedules.delete(key(name));
        const kept = state.scheduleBindings.filter((b) => key(b.scheduleName) !== key(s.name));
        state.scheduleBindings.splice(0, state.scheduleBindings.length, ...kept);
        return {
          entries: [
            entry(DELETED, `Schedule '${s.name}' deleted.`, {
              details: `Schedule '${s.name}' UUID was: ${s.uuid}`,
              objRefs: { Schedule: s.name },
            }),
          ],
        };
      },
    },
    {
      method: 'PUT',
      template: `${BACKUP_SCHEDULE}/enable`,
      context: [MASK_SCHEDULE, MASK_MOD],
      handler: (ctx) => setBinding(ctx, true),
    },
    {
      method: 'PUT',
      template: `${BACKUP_SCHEDULE}/disable`,
      context: [MASK_SCHEDULE, MASK_MOD],
      handler: (ctx) => setBinding(ctx, false),
    },
    {
      method: 'DELETE',
      template: `${BACKUP_SCHEDULE}/delete`,
      context: [MASK_SCHEDULE, MASK_DEL],
      handler: (ctx) => {
        const { remote, schedule } = pairOf(ctx);
        const at = levelOf(
          ctx.state,
          ctx.query.get('rsc_dfn_name') || undefined,
          ctx.query.get('rsc_grp_name') || undefined,
        );
        const i = findBinding(ctx.state, remote, schedule, at);
        if (i < 0) {
          return {
            entries: [
              entry(
                WARN_NOT_FOUND,
                `Schedule '${schedule}' to remote '${remote}' is not set ${at.text}; nothing deleted.`,
              ),
            ],
          };
        }
        ctx.state.scheduleBindings.splice(i, 1);
        return {
          entries: [
            entry(DELETED, `Settings of schedule '${schedule}' to remote '${remote}' ${at.text} deleted.`, {
              objRefs: { Remote: remote, Schedule: schedule },
            }),
          ],
        };
      },
    },
    {
      method: 'GET',
      template: '/v1/view/schedules-by-resource',
      handler: ({ state, query }) => json({ data: scheduledRscs(state, query) }),
    },
    {
      method: 'GET',
      template: '/v1/view/schedules-by-resource/{rscName}',
      handler: ({ state, params }) => {
        const rd = state.resourceDefinition(params[0] as string) ?? rscDfnNotFound(params[0] as string);
        return json({ data: scheduleDetails(state, rd) });
      },
    },
  ];
}
