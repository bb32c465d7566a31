import { type InstalledMethods, installLazyMethods, installMethods } from './install-methods';
import { lazyFamilies } from './lazy-families';
import { LinstorCore } from './linstor-core';
import type { authTokenMethods } from './methods/auth-tokens';
import type { backupMethods } from './methods/backups';
import { connectionMethods, connectionStatics } from './methods/connection';
import type { controllerMethods } from './methods/controller';
import type { encryptionMethods } from './methods/encryption';
import type { errorReportMethods } from './methods/error-reports';
import { eventMethods } from './methods/events';
import type { fileMethods } from './methods/files';
import type { keyValueStoreMethods } from './methods/key-value-store';
import type { nodeConnectionMethods } from './methods/node-connections';
import type { nodeMethods } from './methods/nodes';
import type { physicalStorageMethods } from './methods/physical-storage';
import type { remoteMethods } from './methods/remotes';
import type { resourceConnectionMethods } from './methods/resource-connections';
import type { resourceDefinitionMethods } from './methods/resource-definitions';
import type { resourceGroupMethods } from './methods/resource-groups';
import type { resourceMethods } from './methods/resources';
import type { scheduleMethods } from './methods/schedules';
import type { snapshotMethods } from './methods/snapshots';
import type { sosMethods } from './methods/sos';
import type { storagePoolDefinitionMethods } from './methods/storage-pool-definitions';
import type { storagePoolMethods } from './methods/storage-pools';
import type { volumeDefinitionMethods } from './methods/volume-definitions';
import type { volumeGroupMethods } from './methods/volume-groups';
import type { volumeMethods } from './methods/volumes';
import type { waitMethods } from './methods/wait';
import { type RequestOptions, withOptions } from './with-options';

/**
 * The LINSTOR client: python-linstor's `Linstor` with every method in camelCase, each taking one
 * options object (`await lin.nodeCreate({ nodeName: 'alpha', nodeType: 'Satellite', ip: '10.0.0.1' })`).
 * The connection part is `LinstorCore`; the methods come from the families in `src/api/methods/`, most
 * of them loaded on their first call (`src/api/lazy-families.ts`), so a browser page downloads only the
 * families it uses.
 */
export class Linstor extends LinstorCore {
  // python's classmethods, callable without an instance as well.
  static readonly layerList = connectionStatics.layerList;
  static readonly providerList = connectionStatics.providerList;
  static readonly parseVolumeSizeToKib = connectionStatics.parseVolumeSizeToKib;
  static readonly hasLinstorHttps = connectionStatics.hasLinstorHttps;
  static readonly allApiResponsesNoError = connectionStatics.allApiResponsesNoError;
  static readonly allApiResponsesSuccess = connectionStatics.allApiResponsesSuccess;
  static readonly filterApiCallResponse = connectionStatics.filterApiCallResponse;
  static readonly filterApiCallResponseErrors = connectionStatics.filterApiCallResponseErrors;
  static readonly returnIfFailure = connectionStatics.returnIfFailure;
  static readonly returnIfError = connectionStatics.returnIfError;

  /**
   * This client with `options` applied to every request of the returned view (per-call cancellation
   * and timeouts for any method): `await lin.withOptions({ signal }).nodeList()`.
   */
  withOptions(options: RequestOptions): this {
    return withOptions(this, options);
  }
}

// The families: a type import above and a line here each, plus an entry in lazy-families.ts (async
// families) or in the installMethods list below (families with synchronous methods).
export interface Linstor
  extends InstalledMethods<typeof connectionMethods>,
    InstalledMethods<typeof nodeMethods>,
    InstalledMethods<typeof nodeConnectionMethods>,
    InstalledMethods<typeof storagePoolDefinitionMethods>,
    InstalledMethods<typeof storagePoolMethods>,
    InstalledMethods<typeof resourceGroupMethods>,
    InstalledMethods<typeof volumeGroupMethods>,
    InstalledMethods<typeof resourceDefinitionMethods>,
    InstalledMethods<typeof volumeDefinitionMethods>,
    InstalledMethods<typeof resourceMethods>,
    InstalledMethods<typeof volumeMethods>,
    InstalledMethods<typeof resourceConnectionMethods>,
    InstalledMethods<typeof snapshotMethods>,
    InstalledMethods<typeof controllerMethods>,
    InstalledMethods<typeof authTokenMethods>,
    InstalledMethods<typeof encryptionMethods>,
    InstalledMethods<typeof errorReportMethods>,
    InstalledMethods<typeof keyValueStoreMethods>,
    InstalledMethods<typeof physicalStorageMethods>,
    InstalledMethods<typeof sosMethods>,
    InstalledMethods<typeof backupMethods>,
    InstalledMethods<typeof remoteMethods>,
    InstalledMethods<typeof fileMethods>,
    InstalledMethods<typeof scheduleMethods>,
    InstalledMethods<typeof waitMethods>,
    InstalledMethods<typeof eventMethods> {}

// connection and events have synchronous methods and load with the class; every other family loads on
// the first call of one of its methods (its own chunk in a browser bundle).
installMethods(Linstor, [connectionMethods, eventMethods]);
installLazyMethods(Linstor, lazyFamilies);
