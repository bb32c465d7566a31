// Helpers shared by the route handlers: property modification with the controller's whitelist rule,
// list filters (props, limit/offset) and common messages.
import { CREATED, FAIL_INVLD_PROP, MASK_CRT } from '../../../generated/constants';
import { entry, fail, type RcEntry } from '../rc';
import type { Json } from '../render';
import type { Props } from '../state';

export interface PropsModify {
  override_props?: Props;
  delete_props?: string[];
  delete_namespaces?: string[];
}

// Namespaces and keys the simulator accepts on controller objects. The real controller checks a much
// longer generated whitelist; this covers what clients commonly set. `Aux/` is always free.
const ALLOWED_NAMESPACES = [
  'Aux/',
  'DrbdOptions/',
  'StorDriver/',
  'FileSystem/',
  'Autoplacer/',
  'NVMe/',
  'Writecache/',
  'Cache/',
  'BCache/',
  'SnapshotShipping/',
  'BackupShipping/',
  'DrbdProxy/',
  'Sys/',
  'Linstor/',
  'Satellite/',
  'Internal/',
  'NetCom/',
  'Storage/',
  'Luks/',
  'Shared/',
  'Drbd/',
  'Auth/',
  'REST/',
  'Logging/',
];
const ALLOWED_KEYS = new Set([
  'StorPoolName',
  'StorPoolNameDrbdMeta',
  'PrefNic',
  'PeerSlotsNewResource',
  'PeerSlots',
  'Site',
  'NodeUname',
  'CurStltConnName',
  'DrbdCurrentGi',
  'MinorNrAutoRange',
  'TcpPortAutoRange',
  'SearchDomain',
  'AutoSelectFilter',
  'EncryptionType',
  'ExtCmdWaitTimeout',
  'AllowEvictedToReturn',
]);

export function checkPropKey(k: string): void {
  if (k.length > 256 || !(ALLOWED_KEYS.has(k) || ALLOWED_NAMESPACES.some((ns) => k.startsWith(ns)))) {
    fail(FAIL_INVLD_PROP, `Invalid property key: ${k}`, { cause: `The key '${k}' is not whitelisted.` });
  }
}

/**
 * Applies override/delete/delete-namespace to `props`. Returns the controller's
 * "Successfully set property key(s)" entry (object mask | CRT | CREATED even on modify) when keys were set.
 */
export function modifyProps(
  props: Props,
  req: PropsModify,
  objMask: bigint | undefined,
  whitelist = true,
): RcEntry[] {
  const set = Object.keys(req.override_props ?? {});
  if (whitelist) for (const k of set) checkPropKey(k);
  for (const k of req.delete_props ?? []) delete props[k];
  for (const ns of req.delete_namespaces ?? []) {
    const prefix = ns.endsWith('/') ? ns : `${ns}/`;
    for (const k of Object.keys(props)) if (k.startsWith(prefix)) delete props[k];
  }
  Object.assign(props, req.override_props ?? {});
  if (set.length === 0 || objMask === undefined) return [];
  return [entry(objMask | MASK_CRT | CREATED, `Successfully set property key(s): ${set.join(',')}`)];
}

/**
 * Applies a modify body's flag edits in order: `NAME` sets a flag, `-NAME` clears it. With `known`,
 * names outside that list are ignored (a volume definition keeps only the flags it knows).
 */
export function editFlags(
  rec: { flags: string[] },
  edits: string[] | undefined,
  known?: readonly string[],
): void {
  for (const f of edits ?? []) {
    const clear = f.startsWith('-');
    const name = clear ? f.slice(1) : f;
    if (known !== undefined && !known.includes(name)) continue;
    rec.flags = rec.flags.filter((x) => x !== name);
    if (!clear) rec.flags.push(name);
  }
}

/** Checks keys for a create body and returns the "Successfully set property key(s)" entry. */
export function initialProps(props: Props | undefined, objMask: bigint): RcEntry[] {
  const keys = Object.keys(props ?? {});
  for (const k of keys) checkPropKey(k);
  if (keys.length === 0) return [];
  return [entry(objMask | MASK_CRT | CREATED, `Successfully set property key(s): ${keys.join(',')}`)];
}

/** `props` query filters: each item is `key` (must exist) or `key=value` (must equal). */
export function propsFilter(query: URLSearchParams): (props: Props) => boolean {
  const filters = query.getAll('props').map((f) => {
    const eq = f.indexOf('=');
    return eq < 0 ? { k: f, v: undefined } : { k: f.slice(0, eq), v: f.slice(eq + 1) };
  });
  if (filters.length === 0) return () => true;
  return (props) => filters.every(({ k, v }) => (v === undefined ? k in props : props[k] === v));
}

/** Repeated query values, upper-cased for case-insensitive matching; undefined when absent. */
export function nameFilter(query: URLSearchParams, name: string): Set<string> | undefined {
  const values = query.getAll(name).flatMap((v) => v.split(','));
  const nonEmpty = values.map((v) => v.trim()).filter((v) => v !== '');
  return nonEmpty.length > 0 ? new Set(nonEmpty.map((v) => v.toUpperCase())) : undefined;
}

/** limit/offset as the controller applies them: limit 0 (default) means all. */
export function paginate<T>(items: T[], query: URLSearchParams): T[] {
  const offset = Math.max(0, Number.parseInt(query.get('offset') ?? '0', 10) || 0);
  const limit = Math.max(0, Number.parseInt(query.get('limit') ?? '0', 10) || 0);
  if (offset === 0 && limit === 0) return items;
  return limit === 0 ? items.slice(offset) : items.slice(offset, offset + limit);
}

export function queryBool(query: URLSearchParams, name: string): boolean {
  return (query.get(name) ?? '').toLowerCase() === 'true';
}

export const json = (body: Json | Json[], status = 200) => ({ json: body, status });
