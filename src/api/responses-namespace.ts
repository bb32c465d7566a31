// A plain object instead of `export * as responses`: a bundler keeps a namespace re-export whole (with
// every wrapper class) even when the importer never touches it, while an unused object literal of
// imported names is dropped, so only the wrappers that the used methods need reach a browser bundle.
// `satisfies typeof R` fails the type check when a value export of ./responses is missing here; the
// merged namespace below carries the type names.
import type * as R from './responses';
import {
  AuthToken,
  AuthTokenListResponse,
  Backup,
  BackupInfoResponse,
  BackupInfoStorPool,
  BackupInfoStorPoolVolume,
  BackupListResponse,
  BackupOther,
  BackupQueues,
  Candidate,
  CloneStarted,
  CloneStatus,
  CloneStatusValue,
  ControllerProperties,
  ControllerVersion,
  DrbdConnection,
  DrbdLayer,
  DrbdResource,
  DrbdVolumeData,
  DrbdVolumeDefinition,
  DrbdVolumeDefinitionData,
  EbsRemote,
  EffectiveProp,
  ErrorReport,
  ExternalFile,
  FileResponse,
  FreeSpace,
  isApiCallResponseList,
  isListResponse,
  KeyValueStore,
  KeyValueStoresResponse,
  LinstorRemote,
  ListResponse,
  MaxVolumeSizeResponse,
  NetInterface,
  Node,
  NodeConnection,
  NodeConnectionsResponse,
  NodeListResponse,
  NodeQueue,
  NodeStorageEntry,
  NodeType,
  PassphraseStatus,
  PhysicalDevice,
  PhysicalStorageList,
  QuerySizeInfoResponse,
  QuerySizeInfoResponseSpaceInfo,
  QuerySizeInfoSpawnResult,
  RemoteListResponse,
  ReplicationState,
  Resource,
  ResourceConnection,
  ResourceConnectionsResponse,
  ResourceDefinition,
  ResourceDefinitionResponse,
  ResourceDfnLayerData,
  ResourceGroup,
  ResourceGroupResponse,
  ResourceLayerData,
  ResourceResponse,
  ResourceState,
  RestResponse,
  S3Remote,
  Schedule,
  ScheduleListResponse,
  ScheduleResource,
  ScheduleResourceDetails,
  ScheduleResourceDetailsListResponse,
  ScheduleResourceListResponse,
  SelectFilter,
  SnapQueue,
  Snapshot,
  SnapshotDefinition,
  SnapshotResponse,
  SnapshotVolume,
  SnapshotVolumeDefinition,
  SpaceReport,
  StoragePool,
  StoragePoolDefinition,
  StoragePoolDefinitionResponse,
  StoragePoolDriver,
  StoragePoolListResponse,
  SyncStatus,
  toApiCallResponses,
  unwrapListResult,
  Volume,
  VolumeDefinition,
  VolumeDefinitionResponse,
  VolumeGroup,
  VolumeGroupResponse,
  VolumeLayerData,
  VolumeState,
} from './responses';

/**
 * Every reply wrapper under one name (python-linstor's `responses` module), e.g. `responses.Resource`
 * (at the top level `Resource` is the high-level object); also a namespace of their types
 * (`let n: responses.Node`).
 */
export const responses = {
  AuthToken,
  AuthTokenListResponse,
  Backup,
  BackupInfoResponse,
  BackupInfoStorPool,
  BackupInfoStorPoolVolume,
  BackupListResponse,
  BackupOther,
  BackupQueues,
  Candidate,
  CloneStarted,
  CloneStatus,
  CloneStatusValue,
  ControllerProperties,
  ControllerVersion,
  DrbdConnection,
  DrbdLayer,
  DrbdResource,
  DrbdVolumeData,
  DrbdVolumeDefinition,
  DrbdVolumeDefinitionData,
  EbsRemote,
  EffectiveProp,
  ErrorReport,
  ExternalFile,
  FileResponse,
  FreeSpace,
  KeyValueStore,
  KeyValueStoresResponse,
  LinstorRemote,
  MaxVolumeSizeResponse,
  NetInterface,
  Node,
  NodeConnection,
  NodeConnectionsResponse,
  NodeListResponse,
  NodeQueue,
  NodeStorageEntry,
  NodeType,
  PassphraseStatus,
  PhysicalDevice,
  PhysicalStorageList,
  QuerySizeInfoResponse,
  QuerySizeInfoResponseSpaceInfo,
  QuerySizeInfoSpawnResult,
  RemoteListResponse,
  ReplicationState,
  Resource,
  ResourceConnection,
  ResourceConnectionsResponse,
  ResourceDefinition,
  ResourceDefinitionResponse,
  ResourceDfnLayerData,
  ResourceGroup,
  ResourceGroupResponse,
  ResourceLayerData,
  ResourceResponse,
  ResourceState,
  RestResponse,
  S3Remote,
  Schedule,
  ScheduleListResponse,
  ScheduleResource,
  ScheduleResourceDetails,
  ScheduleResourceDetailsListResponse,
  ScheduleResourceListResponse,
  SelectFilter,
  SnapQueue,
  Snapshot,
  SnapshotDefinition,
  SnapshotResponse,
  SnapshotVolume,
  SnapshotVolumeDefinition,
  SpaceReport,
  StoragePool,
  StoragePoolDefinition,
  StoragePoolDefinitionResponse,
  StoragePoolDriver,
  StoragePoolListResponse,
  SyncStatus,
  Volume,
  VolumeDefinition,
  VolumeDefinitionResponse,
  VolumeGroup,
  VolumeGroupResponse,
  VolumeLayerData,
  VolumeState,
  isApiCallResponseList,
  ListResponse,
  isListResponse,
  toApiCallResponses,
  unwrapListResult,
} satisfies typeof R;

export declare namespace responses {
  type AuthToken = R.AuthToken;
  type AuthTokenListResponse = R.AuthTokenListResponse;
  type Backup = R.Backup;
  type BackupInfoResponse = R.BackupInfoResponse;
  type BackupInfoStorPool = R.BackupInfoStorPool;
  type BackupInfoStorPoolVolume = R.BackupInfoStorPoolVolume;
  type BackupListResponse = R.BackupListResponse;
  type BackupOther = R.BackupOther;
  type BackupQueues = R.BackupQueues;
  type Candidate = R.Candidate;
  type CloneStarted = R.CloneStarted;
  type CloneStatus = R.CloneStatus;
  type CloneStatusValue = R.CloneStatusValue;
  type ControllerProperties = R.ControllerProperties;
  type ControllerVersion = R.ControllerVersion;
  type DrbdConnection = R.DrbdConnection;
  type DrbdLayer = R.DrbdLayer;
  type DrbdResource = R.DrbdResource;
  type DrbdVolumeData = R.DrbdVolumeData;
  type DrbdVolumeDefinition = R.DrbdVolumeDefinition;
  type DrbdVolumeDefinitionData = R.DrbdVolumeDefinitionData;
  type EbsRemote = R.EbsRemote;
  type EffectiveProp = R.EffectiveProp;
  type ErrorReport = R.ErrorReport;
  type ExternalFile = R.ExternalFile;
  type FileResponse = R.FileResponse;
  type FreeSpace = R.FreeSpace;
  type KeyValueStore = R.KeyValueStore;
  type KeyValueStoresResponse = R.KeyValueStoresResponse;
  type LinstorRemote = R.LinstorRemote;
  type MaxVolumeSizeResponse = R.MaxVolumeSizeResponse;
  type NetInterface = R.NetInterface;
  type Node = R.Node;
  type NodeConnection = R.NodeConnection;
  type NodeConnectionsResponse = R.NodeConnectionsResponse;
  type NodeListResponse = R.NodeListResponse;
  type NodeQueue = R.NodeQueue;
  type NodeStorageEntry = R.NodeStorageEntry;
  type PassphraseStatus = R.PassphraseStatus;
  type PhysicalDevice = R.PhysicalDevice;
  type PhysicalStorageList = R.PhysicalStorageList;
  type Properties = R.Properties;
  type QuerySizeInfoResponse = R.QuerySizeInfoResponse;
  type QuerySizeInfoResponseSpaceInfo = R.QuerySizeInfoResponseSpaceInfo;
  type QuerySizeInfoSpawnResult = R.QuerySizeInfoSpawnResult;
  type RemoteListResponse = R.RemoteListResponse;
  type ReplicationState = R.ReplicationState;
  type Resource = R.Resource;
  type ResourceConnection = R.ResourceConnection;
  type ResourceConnectionsResponse = R.ResourceConnectionsResponse;
  type ResourceDefinition = R.ResourceDefinition;
  type ResourceDefinitionResponse = R.ResourceDefinitionResponse;
  type ResourceDfnLayerData = R.ResourceDfnLayerData;
  type ResourceGroup = R.ResourceGroup;
  type ResourceGroupResponse = R.ResourceGroupResponse;
  type ResourceLayerData = R.ResourceLayerData;
  type ResourceResponse = R.ResourceResponse;
  type ResourceState = R.ResourceState;
  type RestResponse = R.RestResponse;
  type S3Remote = R.S3Remote;
  type Schedule = R.Schedule;
  type ScheduleListResponse = R.ScheduleListResponse;
  type ScheduleResource = R.ScheduleResource;
  type ScheduleResourceDetails = R.ScheduleResourceDetails;
  type ScheduleResourceDetailsListResponse = R.ScheduleResourceDetailsListResponse;
  type ScheduleResourceListResponse = R.ScheduleResourceListResponse;
  type Schemas = R.Schemas;
  type SelectFilter = R.SelectFilter;
  type SnapQueue = R.SnapQueue;
  type Snapshot = R.Snapshot;
  type SnapshotDefinition = R.SnapshotDefinition;
  type SnapshotResponse = R.SnapshotResponse;
  type SnapshotVolume = R.SnapshotVolume;
  type SnapshotVolumeDefinition = R.SnapshotVolumeDefinition;
  type SpaceReport = R.SpaceReport;
  type StoragePool = R.StoragePool;
  type StoragePoolDefinition = R.StoragePoolDefinition;
  type StoragePoolDefinitionResponse = R.StoragePoolDefinitionResponse;
  type StoragePoolDriverName = R.StoragePoolDriverName;
  type StoragePoolListResponse = R.StoragePoolListResponse;
  type SyncStatus = R.SyncStatus;
  type Volume = R.Volume;
  type VolumeDefinition = R.VolumeDefinition;
  type VolumeDefinitionResponse = R.VolumeDefinitionResponse;
  type VolumeGroup = R.VolumeGroup;
  type VolumeGroupResponse = R.VolumeGroupResponse;
  type VolumeLayerData = R.VolumeLayerData;
  type VolumeState = R.VolumeState;
  type ListResult<W extends R.RestResponse> = R.ListResult<W>;
}
