import { type InstalledMethods, installMethods } from './install-methods';
import { LinstorCore } from './linstor-core';
import { authTokenMethods } from './methods/auth-tokens';
import { backupMethods } from './methods/backups';
import { connectionMethods, connectionStatics } from './methods/connection';
import { controllerMethods } from './methods/controller';
import { encryptionMethods } from './methods/encryption';
import { errorReportMethods } from './methods/error-reports';
import { eventMethods } from './methods/events';
import { fileMethods } from './methods/files';
import { keyValueStoreMethods } from './methods/key-value-store';
import { nodeConnectionMethods } from './methods/node-connections';
import { nodeMethods } from './methods/nodes';
import { physicalStorageMethods } from './methods/physical-storage';
import { remoteMethods } from './methods/remotes';
import { resourceConnectionMethods } from './methods/resource-connections';
import { resourceDefinitionMethods } from './methods/resource-definitions';
import { resourceGroupMethods } from './methods/resource-groups';
import { resourceMethods } from './methods/resources';
import { scheduleMethods } from './methods/schedules';
import { snapshotMethods } from './methods/snapshots';
import { sosMethods } from './methods/sos';
import { storagePoolDefinitionMethods } from './methods/storage-pool-definitions';
import { storagePoolMethods } from './methods/storage-pools';
import { volumeDefinitionMethods } from './methods/volume-definitions';
import { volumeGroupMethods } from './methods/volume-groups';
import { volumeMethods } from './methods/volumes';
import { waitMethods } from './methods/wait';
import { type RequestOptions, withOptions } from './with-options';

/**
 * The LINSTOR client: python-linstor's `Linstor` with every method in camelCase, each taking one
 * options object (`await lin.nodeCreate({ nodeName: 'alpha', nodeType: 'Satellite', ip: '10.0.0.1' })`).
 * The connection part is `LinstorCore`; the methods come from the families in `src/api/methods/`.
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

// The families: one import above, one line here and one entry in the list below each.
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

installMethods(Linstor, [
  connectionMethods,
  nodeMethods,
  nodeConnectionMethods,
  storagePoolDefinitionMethods,
  storagePoolMethods,
  resourceGroupMethods,
  volumeGroupMethods,
  resourceDefinitionMethods,
  volumeDefinitionMethods,
  resourceMethods,
  volumeMethods,
  resourceConnectionMethods,
  snapshotMethods,
  controllerMethods,
  authTokenMethods,
  encryptionMethods,
  errorReportMethods,
  keyValueStoreMethods,
  physicalStorageMethods,
  sosMethods,
  backupMethods,
  remoteMethods,
  fileMethods,
  scheduleMethods,
  waitMethods,
  eventMethods,
]);
