import type { ApiCallResponse } from '../../core/api-call-response';
import { toApiCallResponses } from './reports';
import { RestResponse } from './rest-response';
import type { Schemas } from './schemas';

/** Clone states, as python-linstor's `CloneStatus` enum. */
export const CloneStatusValue = /* @__PURE__ */ Object.freeze({
  FAILED: 'FAILED',
  CLONING: 'CLONING',
  COMPLETE: 'COMPLETE',
} as const);

/** One of the clone states. */
export type CloneStatusValue = (typeof CloneStatusValue)[keyof typeof CloneStatusValue];

/** The reply of `resourceDfnClone`: where to poll, and the controller's messages. */
export class CloneStarted extends RestResponse<Schemas['ResourceDefinitionCloneStarted']> {
  /** The URL path that reports the clone status. */
  get location(): string {
    return this.restData.location;
  }

  /** The source resource definition. */
  get sourceName(): string {
    return this.restData.source_name;
  }

  /** The new resource definition. */
  get cloneName(): string {
    return this.restData.clone_name;
  }

  /** The controller's messages (may contain errors; the clone reply is sent even on HTTP 4xx). */
  get messages(): ApiCallResponse[] {
    return toApiCallResponses(this.restData.messages);
  }
}

/** The state of a running clone. */
export class CloneStatus extends RestResponse<Schemas['ResourceDefinitionCloneStatus']> {
  /** `COMPLETE`, `CLONING` or `FAILED`. */
  get status(): CloneStatusValue {
    return this.restData.status;
  }
}

/** Whether a resource definition is in sync on all nodes. */
export class SyncStatus extends RestResponse<Schemas['ResourceDefinitionSyncStatus']> {
  /** True when every replica is up to date. */
  get syncedOnAll(): boolean {
    return this.restData.synced_on_all ?? false;
  }
}
