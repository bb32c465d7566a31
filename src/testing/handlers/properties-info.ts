// The properties/info catalogues: which property keys each object kind accepts, with type, allowed
// values and default. The real controller generates a catalogue of several hundred keys from its
// whitelist (mostly every drbd.conf option); the simulator describes a small set of well-known keys,
// every one of which its own whitelist (common.ts checkPropKey) accepts. The catalogues are static:
// the per-object paths answer without looking the object up.
import type { Route } from '../router';
import { json } from './common';

/** The object kinds with a catalogue, named as in the reply of /v1/controller/properties/info/all. */
export const PROPS_INFO_KINDS = [
  'controller',
  'node',
  'storage-pool',
  'storage-pool-definition',
  'resource-definition',
  'resource',
  'resource-group',
  'volume-group',
  'volume-definition',
  'volume',
  'resource-connection',
  'drbd-proxy',
] as const;

export type PropsInfoKind = (typeof PROPS_INFO_KINDS)[number];

/** One entry of a catalogue, as the PropsInfo schema has it. */
export interface PropsInfo {
  info: string;
  /** boolean, string, symbol (value lists the choices), range (value is min-max), long */
  prop_type: string;
  value?: string;
  dflt?: string;
  unit?: string;
}

interface CatalogueEntry extends PropsInfo {
  key: string;
  on: readonly PropsInfoKind[];
}

// Kinds where DRBD resource-level options may be set, from the widest to the narrowest.
const RSC_LEVELS = ['controller', 'resource-group', 'resource-definition'] as const;
const VLM_LEVELS = [
  'controller',
  'resource-group',
  'resource-definition',
  'volume-group',
  'volume-definition',
  'resource',
  'volume',
] as const;

const CATALOGUE: readonly CatalogueEntry[] = [
  {
    key: 'DrbdOptions/auto-quorum',
    prop_type: 'symbol',
    value: 'io-error|suspend-io|disabled',
    dflt: 'io-error',
    info: 'What DRBD does when a resource with three or more replicas loses quorum; LINSTOR sets the quorum options itself unless this is disabled.',
    on: RSC_LEVELS,
  },
  {
    key: 'DrbdOptions/auto-add-quorum-tiebreaker',
    prop_type: 'boolean',
    dflt: 'True',
    info: 'Adds a diskless tie-breaker replica when a resource has an even number of diskful replicas.',
    on: RSC_LEVELS,
  },
  {
    key: 'DrbdOptions/Resource/quorum',
    prop_type: 'symbol',
    value: 'off|majority|all',
    info: 'How many replicas must be reachable for a node to keep writing.',
    on: RSC_LEVELS,
  },
  {
    key: 'DrbdOptions/Resource/on-no-quorum',
    prop_type: 'symbol',
    value: 'io-error|suspend-io',
    info: 'How writes behave on a node that has lost quorum.',
    on: RSC_LEVELS,
  },
  {
    key: 'DrbdOptions/Net/protocol',
    prop_type: 'symbol',
    value: 'A|B|C',
    dflt: 'C',
    info: 'Replication protocol: C completes a write once every peer has it on disk, A and B earlier.',
    on: [...RSC_LEVELS, 'node', 'resource', 'resource-connection'],
  },
  {
    key: 'DrbdOptions/Net/allow-two-primaries',
    prop_type: 'boolean',
    dflt: 'no',
    info: 'Lets two nodes be primary at once (live migration of virtual machines).',
    on: [...RSC_LEVELS, 'resource-connection'],
  },
  {
    key: 'DrbdOptions/Disk/c-max-rate',
    prop_type: 'range',
    value: '250-4194304',
    dflt: '102400',
    unit: 'KiB/s',
    info: 'Upper limit of the resync speed the dynamic resync controller may use.',
    on: VLM_LEVELS,
  },
  {
    key: 'DrbdOptions/Disk/disk-flushes',
    prop_type: 'boolean',
    dflt: 'yes',
    info: 'Whether DRBD sends flushes to the backing device; only switch off with a battery-backed cache.',
    on: VLM_LEVELS,
  },
  {
    key: 'DrbdOptions/AutoEvictAllowEviction',
    prop_type: 'boolean',
    dflt: 'True',
    info: 'Whether a node that stays unreachable may be evicted and its replicas placed elsewhere.',
    on: ['controller', 'node'],
  },
  {
    key: 'DrbdOptions/AutoEvictAfterTime',
    prop_type: 'long',
    dflt: '60',
    unit: 'minutes',
    info: 'How long a node may be unreachable before it is evicted.',
    on: ['controller', 'node'],
  },
  {
    key: 'DrbdOptions/Proxy/memlimit',
    prop_type: 'range',
    value: '16-16384',
    unit: 'MiB',
    info: 'Buffer memory DRBD Proxy may use for one resource.',
    on: ['drbd-proxy'],
  },
  {
    key: 'DrbdOptions/Proxy/compression-level',
    prop_type: 'range',
    value: '1-9',
    info: 'Compression level of the proxy link (higher compresses better and costs more CPU).',
    on: ['drbd-proxy'],
  },
  {
    key: 'StorDriver/StorPoolName',
    prop_type: 'string',
    info: 'The backing pool of a storage pool: volume group, volume group/thin pool, zpool or directory.',
    on: ['storage-pool'],
  },
  {
    key: 'StorDriver/LvcreateOptions',
    prop_type: 'string',
    info: 'Extra arguments given to lvcreate for new volumes.',
    on: ['controller', 'resource-group', 'resource-definition', 'storage-pool-definition', 'storage-pool'],
  },
  {
    key: 'StorDriver/ZfscreateOptions',
    prop_type: 'string',
    info: 'Extra arguments given to zfs create for new volumes.',
    on: ['controller', 'resource-group', 'resource-definition', 'storage-pool-definition', 'storage-pool'],
  },
  {
    key: 'StorPoolName',
    prop_type: 'string',
    info: 'The storage pool a replica takes its disk space from.',
    on: ['resource-group', 'resource-definition', 'volume-group', 'volume-definition', 'resource', 'node'],
  },
  {
    key: 'PrefNic',
    prop_type: 'string',
    info: 'Name of the network interface DRBD replication should use.',
    on: ['node', 'storage-pool', 'resource-group', 'resource-definition', 'resource'],
  },
  {
    key: 'Site',
    prop_type: 'string',
    info: 'Site (data centre) of a node; replicas in other sites can use an asynchronous protocol.',
    on: ['node'],
  },
  {
    key: 'PeerSlotsNewResource',
    prop_type: 'range',
    value: '1-31',
    dflt: '7',
    info: 'DRBD peer slots reserved in the metadata of new resources.',
    on: ['controller', 'resource-group', 'resource-definition'],
  },
  {
    key: 'ExtCmdWaitTimeout',
    prop_type: 'long',
    dflt: '60000',
    unit: 'ms',
    info: 'How long a satellite waits for an external command (lvcreate, zfs, drbdadm) to finish.',
    on: ['controller', 'node'],
  },
  {
    key: 'FileSystem/Type',
    prop_type: 'symbol',
    value: 'ext4|xfs',
    info: 'File system created on new volumes.',
    on: ['resource-group', 'resource-definition', 'volume-group', 'volume-definition'],
  },
  {
    key: 'FileSystem/MkfsParams',
    prop_type: 'string',
    info: 'Extra arguments for mkfs when the file system is created.',
    on: ['resource-group', 'resource-definition', 'volume-group', 'volume-definition'],
  },
  {
    key: 'Autoplacer/Weights/MaxFreeSpace',
    prop_type: 'long',
    dflt: '1',
    info: 'Weight of the free space of a storage pool when the autoplacer ranks candidates.',
    on: ['controller'],
  },
];

/** The catalogue of one object kind: key -> PropsInfo. */
export function propsInfo(kind: PropsInfoKind): Record<string, PropsInfo> {
  const out: Record<string, PropsInfo> = {};
  for (const { key, on, ...info } of CATALOGUE) if (on.includes(kind)) out[key] = info;
  return out;
}

const route = (template: string, kind: PropsInfoKind): Route => ({
  method: 'GET',
  template,
  handler: () => json(propsInfo(kind)),
});

export function propertiesInfoRoutes(): Route[] {
  const RD = '/v1/resource-definitions';
  return [
    route('/v1/controller/properties/info', 'controller'),
    {
      method: 'GET',
      template: '/v1/controller/properties/info/all',
      handler: () => json(Object.fromEntries(PROPS_INFO_KINDS.map((k) => [k, propsInfo(k)]))),
    },
    route('/v1/nodes/properties/info', 'node'),
    route('/v1/nodes/{node}/storage-pools/properties/info', 'storage-pool'),
    route('/v1/storage-pool-definitions/properties/info', 'storage-pool-definition'),
    route(`${RD}/properties/info`, 'resource-definition'),
    route(`${RD}/{resource}/resources/properties/info`, 'resource'),
    route(`${RD}/{resource}/volume-definitions/properties/info`, 'volume-definition'),
    route(`${RD}/{resource}/resources/{node}/volumes/properties/info`, 'volume'),
    route(`${RD}/{resource}/resource-connections/properties/info`, 'resource-connection'),
    route(`${RD}/{resource}/drbd-proxy/properties/info`, 'drbd-proxy'),
    route('/v1/resource-groups/properties/info', 'resource-group'),
    route('/v1/resource-groups/{resource_group}/volume-groups/properties/info', 'volume-group'),
  ];
}
