// linstor-api/testing: a simulated LINSTOR controller for tests, demos and dashboards.
// Not imported by the main entry (src/index.ts).
export type { NodeConnectionRecord, ResourceConnectionRecord } from './connection-records';
export type { ControllerOptions, SimEventStream, SimRequest, SimResponse } from './controller';
export { CORS_HEADERS, SimulatedController } from './controller';
export {
  type EncryptionRecord,
  lockMasterPassphrase,
  type PassphraseStatusValue,
} from './encryption-records';
export type { EventHub, EventSource as SimEventSource, SimEvent } from './event-hub';
export type { ExternalFileRecord } from './external-files';
export type { Fault, FaultOptions, FaultRequestInfo, FaultRoute, FaultRule } from './faults';
export { FaultController } from './faults';
export type { AuthTokenRecord } from './handlers/auth-tokens';
export type { CreateSimulatorOptions, Simulator } from './msw';
export { createSimulator } from './msw';
export {
  type NodeEventHub,
  type NodeEventName,
  nodeEventHub,
  type SimNodeEvent,
} from './node-events';
export {
  type PromotionEventHub,
  promotionEventHub,
  type SimPromotionEvent,
} from './promotion-events';
export {
  type BackupRecord,
  type BackupVolumeRecord,
  type EbsRemoteRecord,
  finishQueuedBackups,
  type LinstorRemoteRecord,
  type OnFailure as ScheduleOnFailure,
  type RemoteKind,
  type RemoteRecord,
  type S3RemoteRecord,
  type ScheduleBindingRecord,
  type ScheduleLevel,
  type ScheduleRecord,
} from './remote-records';
export type {
  LargeClusterOptions,
  NodeSeed,
  ResourceGroupSeed,
  ResourceSeed,
  SeedOptions,
  SeedResult,
  StoragePoolSeed,
} from './seed';
export { seedCluster, seedLargeCluster } from './seed';
export type { RunningSimulator, StartSimulatorOptions } from './server';
export { startSimulator } from './server';
export type { SimulatorCore, SimulatorOptions } from './simulator';
export type {
  AutoSelectFilter,
  ConnectionStatus,
  ControllerVersion,
  DrbdRdSettings,
  ErrorReportRecord,
  KvsRecord,
  NetInterfaceRecord,
  NodeRecord,
  NodeType as SimNodeType,
  NumberPool,
  Props,
  ResourceDefinitionRecord,
  ResourceGroupRecord,
  ResourceRecord,
  SimulatorStateOptions,
  SnapshotNodeRecord,
  SnapshotRecord,
  StoragePoolDefinitionRecord,
  StoragePoolRecord,
  VolumeDefinitionRecord,
  VolumeGroupRecord,
  VolumeRecord,
} from './state';
export { SimulatorState } from './state';
export type { MismatchHandler, ReplyMismatch } from './validation';
export { ReplyMismatchError, takeReplyMismatches } from './validation';
