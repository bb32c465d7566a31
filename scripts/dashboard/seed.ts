// The small cluster that `npm run dashboard` and the browser test start the simulator with.
import type { SeedOptions } from '../../src/testing';

const GIB = 1024 * 1024;

/**
 * Four satellites (one offline), a thin LVM pool on every node plus a ZFS pool on two of them, two
 * resource groups and two resources, so every part of the page has something to show: online and
 * offline nodes, pools of different sizes, diskful replicas and a diskless tie-breaker.
 */
export const DASHBOARD_SEED: SeedOptions = {
  nodes: [
    {
      name: 'alpha',
      storagePools: [
        { name: 'DfltStorPool', providerKind: 'LVM_THIN', capacityKib: 100 * GIB },
        { name: 'ssd', providerKind: 'ZFS_THIN', capacityKib: 20 * GIB, driverPool: 'tank/ssd' },
      ],
    },
    {
      name: 'bravo',
      storagePools: [
        { name: 'DfltStorPool', providerKind: 'LVM_THIN', capacityKib: 100 * GIB },
        { name: 'ssd', providerKind: 'ZFS_THIN', capacityKib: 20 * GIB, driverPool: 'tank/ssd' },
      ],
    },
    {
      name: 'charlie',
      storagePools: [{ name: 'DfltStorPool', providerKind: 'LVM_THIN', capacityKib: 50 * GIB }],
    },
    {
      name: 'delta',
      online: false,
      storagePools: [{ name: 'DfltStorPool', providerKind: 'LVM_THIN', capacityKib: 100 * GIB }],
    },
  ],
  resourceGroups: [
    {
      name: 'web',
      description: 'two replicas on the default pool',
      selectFilter: { place_count: 2, storage_pool: 'DfltStorPool' },
    },
    {
      name: 'fast',
      description: 'two replicas on the ZFS pool',
      selectFilter: { place_count: 2, storage_pool: 'ssd' },
    },
  ],
  resources: [
    { name: 'www-data', resourceGroup: 'web', volumeSizesKib: [10 * GIB], storagePools: ['DfltStorPool'] },
    { name: 'pg-main', resourceGroup: 'fast', volumeSizesKib: [4 * GIB], storagePools: ['ssd'] },
  ],
};
