// Physical storage and the space report. Every online satellite has a few made-up unused block
// devices, derived from its node name so they are the same in every run; turning devices into a
// volume group or zpool (POST /v1/physical-storage/{node}) uses them up and can register a storage
// pool on top through the same code as POST /v1/nodes/{node}/storage-pools.
import {
  CREATED,
  FAIL_INVLD_PROVIDER,
  FAIL_INVLD_REQUEST,
  FAIL_NOT_CONNECTED,
  MASK_CRT,
  MASK_PHYSICAL_DEVICE,
  MASK_STOR_POOL,
} from '../../../generated/constants';
import type { ObjectShape } from '../body';
import { nodeNotFound, notConnectedDetails } from '../messages';
import { addContext, entry, fail, type RcEntry } from '../rc';
import type { Json } from '../render';
import type { Route, RouteContext } from '../router';
import { key, type NodeRecord, type Props, type SimulatorState } from '../state';
import { json, paginate } from './common';
import { createStoragePool } from './storage-pools';

/** One unused block device of a node (size in bytes, as lsblk reports it). */
export interface PhysicalDevice {
  device: string;
  size: number;
  rotational: boolean;
  model: string;
  serial: string;
  wwn: string;
}

const GiB = 1024 * 1024 * 1024;

/** FNV-1a: a stable 32-bit number per node name (the seed of its devices). */
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of name.toUpperCase()) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The devices a node was built with: two disks of one size and an NVMe drive, sizes from the name. */
function builtInDevices(node: NodeRecord): PhysicalDevice[] {
  const h = nameHash(node.name);
  const hex = h.toString(16).padStart(8, '0');
  const hdd = (1 + (h % 4)) * 500 * GiB;
  const nvme = (1 + ((h >>> 8) % 4)) * 256 * GiB;
  const disk = (
    dev: string,
    i: number,
    size: number,
    rotational: boolean,
    model: string,
  ): PhysicalDevice => ({
    device: dev,
    size,
    rotational,
    model,
    serial: `SIM${hex.toUpperCase()}${String(i).padStart(2, '0')}`,
    wwn: `0x5000c500${hex}${String(i).padStart(2, '0')}`,
  });
  return [
    disk('/dev/sdb', 1, hdd, true, 'SIM-HDD'),
    disk('/dev/sdc', 2, hdd, true, 'SIM-HDD'),
    disk('/dev/nvme0n1', 3, nvme, false, 'SIM-NVME'),
  ];
}

/** Unused devices of a node: none on controllers or nodes whose satellite does not answer. */
export function unusedDevices(state: SimulatorState, node: NodeRecord): PhysicalDevice[] {
  if (node.type === 'CONTROLLER' || node.connectionStatus !== 'ONLINE') return [];
  const used = state.usedPhysicalDevices.get(key(node.name));
  return builtInDevices(node).filter((d) => !used?.has(d.device));
}

/** The list view: devices grouped by size and rotation, each group naming the nodes that have one. */
function physicalStorageJson(state: SimulatorState): Json[] {
  const groups = new Map<string, { size: number; rotational: boolean; nodes: Record<string, Json[]> }>();
  for (const node of state.sortedNodes()) {
    for (const d of unusedDevices(state, node)) {
      const k = `${d.size}/${d.rotational}`;
      const g = groups.get(k) ?? { size: d.size, rotational: d.rotational, nodes: {} };
      const onNode = g.nodes[node.name] ?? [];
      onNode.push({ device: d.device, model: d.model, serial: d.serial, wwn: d.wwn });
      g.nodes[node.name] = onNode;
      groups.set(k, g);
    }
  }
  return [...groups.values()].sort((a, b) => a.size - b.size || Number(a.rotational) - Number(b.rotational));
}

const PhysicalStorageCreateShape: ObjectShape = {
  cls: 'PhysicalStorageCreate',
  fields: {
    provider_kind: 'string',
    device_paths: ['string'],
    raid_level: 'string',
    pool_name: 'string',
    vdo_enable: 'bool',
    vdo_slab_size_kib: 'long',
    vdo_logical_size_kib: 'long',
    with_storage_pool: {
      cls: 'PhysicalStorageStoragePoolCreate',
      fields: { name: 'string', props: 'props', shared_space: 'string', external_locking: 'bool' },
    },
    sed: 'bool',
    pv_create_arguments: ['string'],
    vg_create_arguments: ['string'],
    lv_create_arguments: ['string'],
    zpool_create_arguments: ['string'],
  },
};

interface DevicePoolBody {
  provider_kind?: string;
  device_paths?: string[];
  raid_level?: string;
  pool_name?: string;
  with_storage_pool?: { name?: string; props?: Props; shared_space?: string; external_locking?: boolean };
}

/** Providers a device pool can be built for: LVM volume groups (thick or with a thin pool) and zpools. */
const DEVICE_POOL_PROVIDERS = ['LVM', 'LVM_THIN', 'ZFS', 'ZFS_THIN'];

function onlineNode(ctx: RouteContext): NodeRecord {
  const node = ctx.state.node(ctx.params[0] as string) ?? nodeNotFound(ctx.params[0] as string);
  if (node.connectionStatus !== 'ONLINE') {
    fail(FAIL_NOT_CONNECTED, `No active connection to satellite '${node.name}'`, {
      details: notConnectedDetails,
      objRefs: { Node: node.name },
    });
  }
  return node;
}

/** What the storage pool's StorDriver/StorPoolName becomes: the volume group (plus its thin pool) or zpool. */
function driverPoolName(kind: string, poolName: string): string {
  return kind === 'LVM_THIN' ? `${poolName}/thinpool` : poolName;
}

function checkDevicePool(state: SimulatorState, node: NodeRecord, body: DevicePoolBody) {
  const kind = (body.provider_kind ?? '').toUpperCase();
  if (!DEVICE_POOL_PROVIDERS.includes(kind)) {
    fail(
      FAIL_INVLD_PROVIDER,
      `Device pools cannot be built for provider kind '${body.provider_kind ?? ''}'.`,
      {
        correction: `Use one of ${DEVICE_POOL_PROVIDERS.join(', ')}.`,
      },
    );
  }
  if ((body.raid_level ?? 'JBOD').toUpperCase() !== 'JBOD') {
    fail(FAIL_INVLD_REQUEST, `RAID level '${body.raid_level}' is not supported; only JBOD is.`);
  }
  const paths = body.device_paths ?? [];
  if (paths.length === 0) fail(FAIL_INVLD_REQUEST, 'No device paths given.');
  const free = unusedDevices(state, node);
  const devices = [...new Set(paths)].map((p) => {
    const d = free.find((x) => x.device === p);
    if (!d) {
      fail(FAIL_INVLD_REQUEST, `Device '${p}' is not an unused device of node '${node.name}'.`, {
        correction: `Unused devices: ${free.map((x) => x.device).join(', ') || 'none'}`,
      });
    }
    return d;
  });
  const spName = body.with_storage_pool?.name;
  const poolName = body.pool_name ?? (spName ? `linstor_${spName}` : undefined);
  if (!poolName || !/^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/.test(poolName)) {
    fail(FAIL_INVLD_REQUEST, `The pool name '${poolName ?? ''}' is invalid.`, {
      correction: 'Give pool_name (the volume group or zpool to build) or a storage pool name.',
    });
  }
  return { kind, devices, poolName };
}

/** Builds the device pool; the storage pool (if asked for) is created first so a refusal changes nothing. */
function createDevicePool(state: SimulatorState, node: NodeRecord, body: DevicePoolBody): RcEntry[] {
  const { kind, devices, poolName } = checkDevicePool(state, node, body);
  const capacityKib = devices.reduce((s, d) => s + d.size / 1024, 0);
  const sp = body.with_storage_pool;
  const poolEntries = sp
    ? createStoragePool(
        state,
        node.name,
        {
          storage_pool_name: sp.name,
          provider_kind: kind,
          props: { ...sp.props, 'StorDriver/StorPoolName': driverPoolName(kind, poolName) },
          free_space_mgr_name: sp.shared_space,
          external_locking: sp.external_locking,
        },
        { capacityKib },
      ).map((e) => addContext(e, MASK_STOR_POOL, MASK_CRT))
    : [];
  const used = state.usedPhysicalDevices.get(key(node.name)) ?? new Set<string>();
  for (const d of devices) used.add(d.device);
  state.usedPhysicalDevices.set(key(node.name), used);
  const what = kind.startsWith('ZFS') ? 'Zpool' : kind === 'LVM_THIN' ? 'Thin pool' : 'Volume group';
  return [
    entry(CREATED, `${what} '${driverPoolName(kind, poolName)}' created on node '${node.name}'.`, {
      details: `Devices used: ${devices.map((d) => d.device).join(', ')}`,
      objRefs: { Node: node.name },
    }),
    ...poolEntries,
  ];
}

/** Columns of the space report, padded to the widest cell. */
function table(rows: string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

/** The text of GET /v1/space-report: every diskful pool's capacity and allocation, then totals. */
export function spaceReportText(state: SimulatorState): string {
  const rows = [['Node', 'Storage pool', 'Provider', 'Total KiB', 'Allocated KiB', 'Free KiB']];
  let total = 0;
  let allocated = 0;
  for (const node of state.sortedNodes()) {
    for (const sp of [...node.storagePools.values()].sort((a, b) => (key(a.name) < key(b.name) ? -1 : 1))) {
      if (sp.providerKind === 'DISKLESS') continue;
      total += sp.totalCapacity;
      allocated += sp.usedKib;
      rows.push([
        node.name,
        sp.name,
        sp.providerKind,
        String(sp.totalCapacity),
        String(sp.usedKib),
        String(sp.totalCapacity - sp.usedKib),
      ]);
    }
  }
  return [
    `Space report of the simulated LINSTOR cluster, ${new Date(state.now()).toISOString()}`,
    '',
    ...table(rows),
    '',
    `Total capacity of diskful storage pools: ${total} KiB`,
    `Allocated by volumes: ${allocated} KiB`,
    '',
  ].join('\n');
}

export function physicalStorageRoutes(): Route[] {
  return [
    {
      method: 'GET',
      template: '/v1/physical-storage',
      handler: ({ state, query }) => json(paginate(physicalStorageJson(state), query)),
    },
    {
      method: 'GET',
      template: '/v1/physical-storage/{node}',
      handler: (ctx) =>
        json(
          unusedDevices(ctx.state, onlineNode(ctx)).map((d) => ({
            size: d.size,
            rotational: d.rotational,
            device: d.device,
            model: d.model,
            serial: d.serial,
            wwn: d.wwn,
          })),
        ),
    },
    {
      method: 'POST',
      template: '/v1/physical-storage/{node}',
      success: 201,
      context: [MASK_PHYSICAL_DEVICE, MASK_CRT],
      handler: (ctx) => {
        const node = onlineNode(ctx);
        return {
          entries: createDevicePool(ctx.state, node, ctx.body<DevicePoolBody>(PhysicalStorageCreateShape)),
        };
      },
    },
    {
      method: 'GET',
      template: '/v1/space-report',
      handler: ({ state }) => json({ reportText: spaceReportText(state) }),
    },
  ];
}
