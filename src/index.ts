// Public entry of linstor-api (browser-safe: no node: imports). Keep this a plain list of re-exports.

// The Linstor class (python-linstor's methods) and its reply wrappers: all under `responses`, the names
// that do not clash with the high-level objects also at the top level.
export { Linstor } from './api/linstor';
export {
  type CallInit,
  type CallOptions,
  type ControllerVersionInfo,
  type HttpVerb,
  LinstorCore,
  type LinstorOptions,
  type LinstorStreamReply,
  type PathFor,
  type SuccessData,
  withLinstor,
} from './api/linstor-core';
export type { ArgOrOptions, HasLinstorHttpsOptions, RepliesOptions } from './api/methods/connection';
export type { NodeConnListOptions } from './api/methods/node-connections';
export type {
  LogLevelName,
  NetInterfaceCreateOptions,
  NetInterfaceModifyOptions,
  NetInterfaceOptions,
  NodeCreateOptions,
  NodeListOptions,
  NodeModifyOptions,
  NodeNameOptions,
} from './api/methods/nodes';
export type { PropertyDict } from './api/methods/props-body';
export type {
  ResourceDfnCloneOptions,
  ResourceDfnCreateOptions,
  ResourceDfnListOptions,
  ResourceDfnModifyOptions,
} from './api/methods/resource-definitions';
export type {
  ResourceGroupCreateOptions,
  ResourceGroupFilterOptions,
  ResourceGroupListOptions,
  ResourceGroupModifyOptions,
  ResourceGroupSpawnOptions,
} from './api/methods/resource-groups';
export type { StoragePoolDfnMaxVlmSizesOptions } from './api/methods/storage-pool-definitions';
export type { StoragePoolCreateOptions, StoragePoolListOptions } from './api/methods/storage-pools';
export type { VolumeDfnCreateOptions, VolumeDfnModifyOptions } from './api/methods/volume-definitions';
export { MultiLinstor } from './api/multi-linstor';
export * from './api/public-exports';
export * as responses from './api/responses';
export {
  Candidate,
  CloneStarted,
  CloneStatus,
  CloneStatusValue,
  ControllerVersion,
  DrbdLayer,
  DrbdVolumeDefinitionData,
  FreeSpace,
  isApiCallResponseList,
  isListResponse,
  type ListResult,
  MaxVolumeSizeResponse,
  NetInterface,
  Node,
  NodeConnection,
  NodeConnectionsResponse,
  NodeListResponse,
  NodeType,
  QuerySizeInfoResponse,
  QuerySizeInfoResponseSpaceInfo,
  QuerySizeInfoSpawnResult,
  ResourceDefinition,
  ResourceDefinitionResponse,
  ResourceDfnLayerData,
  ResourceGroupResponse,
  RestResponse,
  SelectFilter,
  StoragePool,
  StoragePoolDefinition,
  StoragePoolDefinitionResponse,
  StoragePoolDriver,
  type StoragePoolDriverName,
  StoragePoolListResponse,
  SyncStatus,
  unwrapListResult,
  VolumeDefinition,
  VolumeDefinitionResponse,
  VolumeGroup,
  VolumeGroupResponse,
} from './api/responses';
export {
  buildSelectFilter,
  type SelectFilterOptions,
  type SelectFilterVersionGate,
} from './api/select-filter';
export type { RequestOptions } from './api/with-options';
export {
  type ApiCallRcData,
  ApiCallResponse,
  describeRetCode,
  isApiCallRcData,
  type Severity,
} from './core/api-call-response';
export {
  describeError,
  isLinstorAbortError,
  isLinstorApiCallError,
  isLinstorArgumentError,
  isLinstorError,
  isLinstorErrorOfKind,
  isLinstorNetworkError,
  isLinstorReadOnlyAfterSetError,
  isLinstorTimeoutError,
  LinstorAbortError,
  LinstorApiCallError,
  LinstorArgumentError,
  LinstorError,
  type LinstorErrorKind,
  type LinstorErrorOptions,
  LinstorNetworkError,
  LinstorReadOnlyAfterSetError,
  LinstorTimeoutError,
} from './core/errors';
export type { LinstorLogEvent, LinstorLogger } from './core/logger';
export { parseJson, stringifyJson } from './core/lossless-json';
export { encodePathSegment, serializeQuery } from './core/path-encoding';
export type { TlsOptions } from './core/platform';
export type { LinstorReply, ReplyBase, ReplyMode, RequestSummary } from './core/reply-mapping';
export { DEFAULT_TIMEOUT_MS, type FetchLike, PROBE_TIMEOUT_MS } from './core/transport';
export {
  type ControllerAddress,
  controllerUriList,
  parseControllerUri,
  REST_HTTPS_PORT,
  REST_PORT,
} from './core/uri';
export { SDK_VERSION, userAgent } from './core/user-agent';
export { API_VERSION_MIN, compareVersions } from './core/version';
// High-level objects (python-linstor's ResourceGroup, Resource, Volume, KV).
export { KV, type KVOptions } from './objects/kv';
export { DEFAULT_OBJECT_URI, type ObjectClientOptions } from './objects/object-client';
export {
  type FromResourceGroupOptions,
  Resource,
  type ResourceCloneOptions,
  type ResourceOptions,
  type ResourcePlacement,
  type VolumeDict,
} from './objects/resource';
export { ResourceGroup } from './objects/resource-group';
export { parseVolumeSizeToKib, SizeCalc, type SizeUnit } from './objects/size-calc';
export { Volume, type VolumeSize } from './objects/volume';
