// Storage pools, storage pool definitions and the storage-pool view (controller-behavior.md §3.2).
import {
  CREATED,
  DELETED,
  FAIL_EXISTS_STOR_POOL,
  FAIL_EXISTS_STOR_POOL_DFN,
  FAIL_IN_USE,
  FAIL_INVLD_FREE_SPACE_MGR_NAME,
  FAIL_INVLD_LAYER_KIND,
  FAIL_INVLD_STOR_POOL_NAME,
  FAIL_NOT_FOUND_STOR_POOL,
  FAIL_NOT_FOUND_STOR_POOL_DFN,
  FAIL_STLT_DOES_NOT_SUPPORT_PROVIDER,
  MASK_CRT,
  MASK_DEL,
  MASK_MOD,
  MASK_STOR_POOL,
  MASK_STOR_POOL_DFN,
  MODIFIED,
  WARN_NOT_CONNECTED,
  WARN_NOT_FOUND,
} from '../../../generated/constants';
import { PropsModifyShape, StoragePoolCreateShape, StoragePoolDefinitionShape } from '../body';
import { nodeNotFound, notConnectedDetails, storPoolNotFound } from '../messages';
import { NAME_LIMITS, nameCheck, requireValidName } from '../names';
import { entry, fail, failBare, type RcEntry } from '../rc';
import { storagePoolJson } from '../render';
import type { Route, RouteContext } from '../router';
import {
  key,
  type NodeRecord,
  type Props,
  type SimulatorState,
  type StoragePoolRecord,
  sortByKey,
} from '../state';
import {
  initialProps,
  json,
  modifyProps,
  nameFilter,
  type PropsModify,
  paginate,
  propsFilter,
} from './common';

export const PROVIDER_KINDS = [
  'DISKLESS',
  'LVM',
  'LVM_THIN',
  'ZFS',
  'ZFS_THIN',
  'FILE',
  'FILE_THIN',
  'SPDK',
  'REMOTE_SPDK',
  'EBS_TARGET',
  'EBS_INIT',
  'STORAGE_SPACES',
  'STORAGE_SPACES_THIN',
];
const SIMULATED_PROVIDERS = ['DISKLESS', 'LVM', 'LVM_THIN', 'ZFS', 'ZFS_THIN', 'FILE', 'FILE_THIN'];

interface StoragePoolBody {
  storage_pool_name?: string;
  provider_kind?: string;
  props?: Props;
  free_space_mgr_name?: string;
  external_locking?: boolean;
}

export interface StoragePoolCreateOptions {
  /** total capacity (KiB) of a pool created over REST; default 100 GiB */
  capacityKib?: number;
}

/** The legacy driver keys become StorDriver/StorPoolName; a thin pool name is appended as vg/thin. */
function convertDriverProps(props: Props): Props {
  const out: Props = { ...props };
  for (const legacy of [
    'StorDriver/LvmVg',
    'StorDriver/ZPool',
    'StorDriver/ZPoolThin',
    'StorDriver/FileDir',
  ]) {
    if (out[legacy] !== undefined) {
      out['StorDriver/StorPoolName'] = out[legacy] as string;
      delete out[legacy];
    }
  }
  if (out['StorDriver/ThinPool'] !== undefined) {
    const vg = out['StorDriver/StorPoolName'];
    out['StorDriver/StorPoolName'] = vg
      ? `${vg}/${out['StorDriver/ThinPool']}`
      : (out['StorDriver/ThinPool'] as string);
    delete out['StorDriver/ThinPool'];
  }
  return out;
}

/** Registers a storage pool as POST /v1/nodes/{node}/storage-pools does (also used by seeding). */
export function createStoragePool(
  state: SimulatorState,
  nodeName: string,
  body: StoragePoolBody,
  opts: StoragePoolCreateOptions = {},
): RcEntry[] {
  const kind = body.provider_kind?.toUpperCase();
  if (kind === undefined) failBare(FAIL_INVLD_LAYER_KIND, 'Given provider kind is null.', {}, 400);
  if (!PROVIDER_KINDS.includes(kind))
    failBare(FAIL_INVLD_LAYER_KIND, `Given provider kind '${body.provider_kind}' is invalid`, {}, 400);
  const node = state.node(nodeName) ?? nodeNotFound(nodeName);
  const name = body.storage_pool_name ?? '';
  requireValidName(name, NAME_LIMITS.storagePool, FAIL_INVLD_STOR_POOL_NAME, 'storage pool');
  if (node.storagePools.has(key(name))) {
    fail(FAIL_EXISTS_STOR_POOL, `Node: ${node.name}, Storage pool name: ${name} already exists.`, {
      objRefs: { Node: node.name, StorPoolDfn: name },
    });
  }
  if (
    node.type === 'CONTROLLER' ||
    (node.connectionStatus === 'ONLINE' && !SIMULATED_PROVIDERS.includes(kind))
  ) {
    fail(FAIL_STLT_DOES_NOT_SUPPORT_PROVIDER, `The satellite does not support the device provider ${kind}`, {
      objRefs: { Node: node.name },
    });
  }
  if (body.free_space_mgr_name !== undefined && !body.free_space_mgr_name.includes(';')) {
    const badShared = nameCheck(body.free_space_mgr_name, NAME_LIMITS.sharedSpace);
    if (badShared) {
      fail(
        FAIL_INVLD_FREE_SPACE_MGR_NAME,
        `The given shared space name '${body.free_space_mgr_name}' is invalid.`,
        {
          cause: badShared,
        },
      );
    }
  }
  const props = convertDriverProps(body.props ?? {});
  const out = initialProps(props, MASK_STOR_POOL);
  state.ensureStoragePoolDefinition(name);
  const pool: StoragePoolRecord = {
    name,
    nodeName: node.name,
    providerKind: kind,
    props,
    totalCapacity: kind === 'DISKLESS' ? 0 : (opts.capacityKib ?? 100 * 1024 * 1024),
    usedKib: 0,
    uuid: state.uuid(),
    freeSpaceMgrName:
      body.free_space_mgr_name !== undefined && !body.free_space_mgr_name.includes(';')
        ? body.free_space_mgr_name
        : undefined,
    externalLocking: body.external_locking ?? false,
  };
  node.storagePools.set(key(name), pool);
  out.push(
    entry(CREATED, `New storage pool '${name}' on node '${node.name}' registered.`, {
      details: `Storage pool '${name}' on node '${node.name}' UUID is: ${pool.uuid}`,
      objRefs: { Node: node.name, StorPoolDfn: name },
    }),
  );
  out.push(
    node.connectionStatus === 'ONLINE'
      ? entry(MODIFIED, `Storage pool updated on '${node.name}'`)
      : entry(WARN_NOT_CONNECTED, `No active connection to satellite '${node.name}'`, {
          details: notConnectedDetails,
        }),
  );
  return out;
}

function poolInUse(state: SimulatorState, pool: StoragePoolRecord): string | undefined {
  for (const rd of state.resourceDefinitions.values()) {
    const r = rd.resources.get(key(pool.nodeName));
    if (r && [...r.volumes.values()].some((v) => key(v.storagePoolName) === key(pool.name))) return rd.name;
  }
  return undefined;
}

const nodeOf = (ctx: RouteContext): NodeRecord =>
  ctx.state.node(ctx.params[0] as string) ?? nodeNotFound(ctx.params[0] as string);

export function storagePoolRoutes(opts: () => StoragePoolCreateOptions): Route[] {
  return [
    {
      method: 'GET',
      template: '/v1/nodes/{node}/storage-pools',
      handler: (ctx) => {
        const node = nodeOf(ctx);
        const pools = sortByKey([...node.storagePools.values()], (p) => p.name);
        return json(paginate(pools, ctx.query).map(storagePoolJson));
      },
    },
    {
      method: 'GET',
      template: '/v1/nodes/{node}/storage-pools/{storagepool}',
      handler: (ctx) => {
        const node = nodeOf(ctx);
        const pool = node.storagePools.get(key(ctx.params[1] as string));
        if (!pool)
          failBare(
            FAIL_NOT_FOUND_STOR_POOL,
            `Storage pool '${ctx.params[1]}' on node '${node.name}' not found.`,
          );
        return json(storagePoolJson(pool));
      },
    },
    {
      method: 'POST',
      template: '/v1/nodes/{node}/storage-pools',
      success: 201,
      context: [MASK_STOR_POOL, MASK_CRT],
      handler: (ctx) => ({
        entries: createStoragePool(
          ctx.state,
          ctx.params[0] as string,
          ctx.body<StoragePoolBody>(StoragePoolCreateShape),
          opts(),
        ),
      }),
    },
    {
      method: 'PUT',
      template: '/v1/nodes/{node}/storage-pools/{storagepool}',
      context: [MASK_STOR_POOL, MASK_MOD],
      handler: (ctx) => {
        const node = nodeOf(ctx);
        const pool =
          node.storagePools.get(key(ctx.params[1] as string)) ??
          storPoolNotFound(node.name, ctx.params[1] as string);
        const out = modifyProps(pool.props, ctx.body<PropsModify>(PropsModifyShape), MASK_STOR_POOL);
        out.push(
          entry(MODIFIED, `Storage pool '${pool.name}' on node '${node.name}' modified.`, {
            details: `Storage pool '${pool.name}' on node '${node.name}' UUID is: ${pool.uuid}`,
          }),
        );
        return { entries: out };
      },
    },
    {
      method: 'DELETE',
      template: '/v1/nodes/{node}/storage-pools/{storagepool}',
      context: [MASK_STOR_POOL, MASK_DEL],
      handler: (ctx) => {
        const node = nodeOf(ctx);
        const pool = node.storagePools.get(key(ctx.params[1] as string));
        if (!pool) {
          return {
            entries: [
              entry(WARN_NOT_FOUND, `Storage pool '${ctx.params[1]}' on node '${node.name}' not found.`, {
                objRefs: { Node: node.name, StorPoolDfn: ctx.params[1] as string },
              }),
            ],
          };
        }
        const user = poolInUse(ctx.state, pool);
        if (user) {
          fail(
            FAIL_IN_USE,
            `The specified storage pool '${pool.name}' on node '${node.name}' can not be deleted as volumes are still using it.`,
            {
              details: `Resource '${user}' uses it.`,
            },
          );
        }
        node.storagePools.delete(key(pool.name));
        return {
          entries: [
            entry(DELETED, `Storage pool '${pool.name}' on node '${node.name}' deleted.`, {
              details: `Storage pool '${pool.name}' on node '${node.name}' UUID was: ${pool.uuid}`,
            }),
          ],
        };
      },
    },
    {
      method: 'GET',
      template: '/v1/view/storage-pools',
      handler: ({ state, query }) => {
        const nodes = nameFilter(query, 'nodes');
        const pools = nameFilter(query, 'storage_pools');
        const byProps = propsFilter(query);
        const out: StoragePoolRecord[] = [];
        for (const node of state.sortedNodes()) {
          if (nodes && !nodes.has(key(node.name))) continue;
          for (const p of sortByKey([...node.storagePools.values()], (x) => x.name)) {
            if (pools && !pools.has(key(p.name))) continue;
            if (byProps(p.props)) out.push(p);
          }
        }
        return json(paginate(out, query).map(storagePoolJson));
      },
    },
    // ---- storage pool definitions ----
    {
      method: 'GET',
      template: '/v1/storage-pool-definitions',
      handler: ({ state, query }) => {
        const list = sortByKey([...state.storagePoolDefinitions.values()], (d) => d.name);
        return json(
          paginate(list, query).map((d) => ({
            storage_pool_name: d.name,
            ...(Object.keys(d.props).length ? { props: d.props } : {}),
          })),
        );
      },
    },
    {
      method: 'GET',
      template: '/v1/storage-pool-definitions/{storagepool}',
      handler: ({ state, params }) => {
        const d = state.storagePoolDefinitions.get(key(params[0] as string));
        if (!d) failBare(FAIL_NOT_FOUND_STOR_POOL_DFN, `Storage pool definition '${params[0]}' not found.`);
        return json({
          storage_pool_name: d.name,
          ...(Object.keys(d.props).length ? { props: d.props } : {}),
        });
      },
    },
    {
      method: 'POST',
      template: '/v1/storage-pool-definitions',
      success: 201,
      parseErrorStatus: 400,
      context: [MASK_STOR_POOL_DFN, MASK_CRT],
      handler: (ctx) => {
        const body = ctx.body<{ storage_pool_name?: string; props?: Props }>(StoragePoolDefinitionShape);
        const name = body.storage_pool_name ?? '';
        requireValidName(name, NAME_LIMITS.storagePool, FAIL_INVLD_STOR_POOL_NAME, 'storage pool');
        if (ctx.state.storagePoolDefinitions.has(key(name))) {
          fail(
            FAIL_EXISTS_STOR_POOL_DFN,
            `A storage pool definition with the name '${name}' already exists.`,
          );
        }
        const out = initialProps(body.props, MASK_STOR_POOL_DFN);
        const d = ctx.state.ensureStoragePoolDefinition(name);
        Object.assign(d.props, body.props ?? {});
        out.push(
          entry(CREATED, `New storage pool definition '${name}' created.`, {
            details: `Storage pool definition '${name}' UUID is: ${d.uuid}`,
            objRefs: { StorPoolDfn: name },
          }),
        );
        return { entries: out };
      },
    },
    {
      method: 'PUT',
      template: '/v1/storage-pool-definitions/{storagepool}',
      context: [MASK_STOR_POOL_DFN, MASK_MOD],
      handler: (ctx) => {
        const d = ctx.state.storagePoolDefinitions.get(key(ctx.params[0] as string));
        if (!d) fail(FAIL_NOT_FOUND_STOR_POOL_DFN, `Storage pool definition '${ctx.params[0]}' not found.`);
        const out = modifyProps(d.props, ctx.body<PropsModify>(PropsModifyShape), MASK_STOR_POOL_DFN);
        out.push(
          entry(MODIFIED, `Storage pool definition '${d.name}' modified.`, {
            details: `Storage pool definition '${d.name}' UUID is: ${d.uuid}`,
          }),
        );
        return { entries: out };
      },
    },
    {
      method: 'DELETE',
      template: '/v1/storage-pool-definitions/{storagepool}',
      context: [MASK_STOR_POOL_DFN, MASK_DEL],
      handler: (ctx) => {
        const d = ctx.state.storagePoolDefinitions.get(key(ctx.params[0] as string));
        if (!d)
          return {
            entries: [entry(WARN_NOT_FOUND, `Storage pool definition '${ctx.params[0]}' not found.`)],
          };
        const usedOn = [...ctx.state.nodes.values()].filter((n) => n.storagePools.has(key(d.name)));
        if (usedOn.length > 0) {
          fail(
            FAIL_IN_USE,
            `Storage pool definition '${d.name}' still has storage pools on nodes: ${usedOn.map((n) => n.name).join(', ')}`,
          );
        }
        ctx.state.storagePoolDefinitions.delete(key(d.name));
        return {
          entries: [
            entry(DELETED, `Storage pool definition '${d.name}' deleted.`, {
              details: `Storage pool definition '${d.name}' UUID was: ${d.uuid}`,
            }),
          ],
        };
      },
    },
  ];
}
