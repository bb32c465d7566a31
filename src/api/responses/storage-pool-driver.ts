import { LinstorArgumentError } from '../../core/errors';

const LVM = 'LVM';
const LVM_THIN = 'LVM_THIN';
const ZFS = 'ZFS';
const ZFS_THIN = 'ZFS_THIN';
const DISKLESS = 'DISKLESS';
const FILE = 'FILE';
const FILE_THIN = 'FILE_THIN';
const SPDK = 'SPDK';
const REMOTE_SPDK = 'REMOTE_SPDK';
const STORAGE_SPACES = 'STORAGE_SPACES';
const STORAGE_SPACES_THIN = 'STORAGE_SPACES_THIN';
const EBS_TARGET = 'EBS_TARGET';
const EBS_INIT = 'EBS_INIT';

// The one list of driver names, in python-linstor's order: the type, list() and the exported
// constants all come from it.
const NAMES = {
  LVM,
  LVM_THIN,
  ZFS,
  ZFS_THIN,
  DISKLESS,
  FILE,
  FILE_THIN,
  SPDK,
  REMOTE_SPDK,
  STORAGE_SPACES,
  STORAGE_SPACES_THIN,
  EBS_TARGET,
  EBS_INIT,
} as const;

/** A storage provider kind accepted by `storagePoolCreate`. */
export type StoragePoolDriverName = (typeof NAMES)[keyof typeof NAMES];

const DRIVERS: readonly StoragePoolDriverName[] = Object.values(NAMES);

const KEY_STOR_POOL_NAME = 'StorDriver/StorPoolName';
const KEY_LVM_VG = 'StorDriver/LvmVg';
const KEY_THIN_POOL = 'StorDriver/ThinPool';
const KEY_ZPOOL = 'StorDriver/ZPool';
const KEY_ZPOOL_THIN = 'StorDriver/ZPoolThin';
const KEY_FILE_DIR = 'StorDriver/FileDir';

// Property key of the backing pool for controllers older than REST 1.2.0, which know no StorPoolName.
const LEGACY_KEY: Partial<Record<string, string>> = {
  [LVM]: KEY_LVM_VG,
  [SPDK]: KEY_LVM_VG,
  [REMOTE_SPDK]: KEY_LVM_VG,
  [ZFS]: KEY_ZPOOL,
  [ZFS_THIN]: KEY_ZPOOL_THIN,
  [FILE]: KEY_FILE_DIR,
  [FILE_THIN]: KEY_FILE_DIR,
  // python points these at a constant that does not exist (quirk 20); StorPoolName is what works.
  [STORAGE_SPACES]: KEY_STOR_POOL_NAME,
  [STORAGE_SPACES_THIN]: KEY_STOR_POOL_NAME,
};

/** All driver names, in python-linstor's order. */
function list(): StoragePoolDriverName[] {
  return [...DRIVERS];
}

/** The drivers that need no backing pool. */
function disklessDriver(): StoragePoolDriverName[] {
  return [DISKLESS, EBS_INIT];
}

/**
 * The legacy (REST < 1.2.0) per-driver properties naming the backing pool; LVM_THIN takes `"VG/LV"`.
 * Differs from python for STORAGE_SPACES(_THIN): python fails there (quirk 20); we use StorPoolName.
 */
function storageDriverPoolToProps(
  driver: string,
  driverPoolName: string | undefined,
): Record<string, string> {
  if (driverPoolName === undefined || driverPoolName === '') return {};
  if (driver === LVM_THIN) {
    const parts = driverPoolName.split('/');
    if (parts.length !== 2) {
      throw new LinstorArgumentError(`Pool name '${driverPoolName}' does not have format VG/LV`);
    }
    return { [KEY_LVM_VG]: parts[0], [KEY_THIN_POOL]: parts[1] };
  }
  const key = LEGACY_KEY[driver];
  return key === undefined ? {} : { [key]: driverPoolName };
}

/** The backing pool name from a pool's properties: `StorDriver/StorPoolName`, else the legacy keys. */
function storagePropsToDriverPool(driver: string, props: Readonly<Record<string, string>>): string {
  const current = props[KEY_STOR_POOL_NAME];
  if (current !== undefined) return current;
  if (driver === LVM_THIN) {
    const vg = props[KEY_LVM_VG];
    const lv = props[KEY_THIN_POOL];
    return vg === undefined || lv === undefined ? '' : `${vg}/${lv}`;
  }
  const key = LEGACY_KEY[driver];
  return (key === undefined ? undefined : props[key]) ?? '';
}

/** Storage pool drivers (provider kinds), as python-linstor's `StoragePoolDriver`. */
export const StoragePoolDriver = Object.freeze({
  ...NAMES,
  list,
  disklessDriver,
  storageDriverPoolToProps,
  storagePropsToDriverPool,
});
