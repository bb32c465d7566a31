/**
 * Public exports of the resource, volume, snapshot, controller, file, backup and schedule families
 * (python-linstor §2.10-§2.17), the long operations and the event streams; `src/index.ts` re-exports
 * this module. The response classes `Resource` and `Volume` clash with the high-level objects and are
 * reachable under `responses` only.
 */

export type { TimeArg } from './epoch-ms';
export {
  type EventDecoder,
  EventStream,
  type EventStreamOpener,
  type EventStreamOptions,
  isRetryableStreamError,
  type ReconnectOptions,
  type ResyncInfo,
} from './events/event-stream';
export type { DrbdPromotionEvent, NodeEvent, NodeEventName } from './events/linstor-events';
export { readSse } from './events/read-sse';
export { type SseItem, type SseMessage, SseParser } from './events/sse-parser';
export type { BackupDeleteOptions } from './methods/backups';
export type { PhysicalStorageCreateDevicePoolOptions } from './methods/physical-storage';
export type {
  ResourceAutoPlaceOptions,
  ResourceCreateOptions,
  ResourceListOptions,
} from './methods/resources';
export type { ScheduleFields, ScheduleOnFailure } from './methods/schedules';
export type { SnapshotDfnListOptions } from './methods/snapshots';
export type { SosReportOptions } from './methods/sos';
export type { VolumeListOptions } from './methods/volumes';
export { type ParityEntry, parityTable } from './parity';
export type { PollOptions } from './poll';
export { ResourceData, type ResourceDataInit } from './resource-data';
export {
  AuthToken,
  AuthTokenListResponse,
  Backup,
  BackupInfoResponse,
  BackupInfoStorPool,
  BackupInfoStorPoolVolume,
  BackupListResponse,
  BackupOther,
  BackupQueues,
  ControllerProperties,
  DrbdConnection,
  DrbdResource,
  DrbdVolumeData,
  EbsRemote,
  EffectiveProp,
  ErrorReport,
  ExternalFile,
  FileResponse,
  KeyValueStore,
  KeyValueStoresResponse,
  LinstorRemote,
  NodeQueue,
  NodeStorageEntry,
  PassphraseStatus,
  PhysicalDevice,
  PhysicalStorageList,
  RemoteListResponse,
  ReplicationState,
  ResourceConnection,
  ResourceConnectionsResponse,
  ResourceLayerData,
  ResourceResponse,
  ResourceState,
  S3Remote,
  Schedule,
  ScheduleListResponse,
  ScheduleResource,
  ScheduleResourceDetails,
  ScheduleResourceDetailsListResponse,
  ScheduleResourceListResponse,
  SnapQueue,
  Snapshot,
  SnapshotDefinition,
  SnapshotResponse,
  SnapshotVolume,
  SnapshotVolumeDefinition,
  SpaceReport,
  VolumeLayerData,
  VolumeState,
} from './responses';
export { type SaveDownload, SosReportDownload } from './sos-report-download';
