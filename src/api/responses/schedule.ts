import { RestResponse } from './rest-response';
import type { Schemas } from './schemas';

/** A backup shipping schedule. */
export class Schedule extends RestResponse<Schemas['Schedule']> {
  get scheduleName(): string {
    return this.restData.schedule_name;
  }

  get fullCron(): string {
    return this.restData.full_cron;
  }

  get incCron(): string | undefined {
    return this.restData.inc_cron;
  }

  get keepLocal(): number | undefined {
    return this.restData.keep_local;
  }

  get keepRemote(): number | undefined {
    return this.restData.keep_remote;
  }

  /** `SKIP` or `RETRY`. */
  get onFailure(): string | undefined {
    return this.restData.on_failure;
  }

  get maxRetries(): number | undefined {
    return this.restData.max_retries;
  }
}

/** The reply of `scheduleList`. */
export class ScheduleListResponse extends RestResponse<Schemas['ScheduleList']> {
  get schedules(): Schedule[] {
    return (this.restData.data ?? []).map((s) => new Schedule(s));
  }
}

/** One resource/remote/schedule combination and its timing. */
export class ScheduleResource extends RestResponse<Schemas['ScheduledRscs']> {
  get resourceName(): string {
    return this.restData.rsc_name;
  }

  get remoteName(): string {
    return this.restData.remote_name;
  }

  get scheduleName(): string {
    return this.restData.schedule_name;
  }

  get reason(): string | undefined {
    return this.restData.reason;
  }

  /** `undefined` when never (the controller sends a negative value). */
  get lastSnapTime(): Date | undefined {
    return RestResponse.epochMs(this.restData.last_snap_time);
  }

  get lastSnapInc(): boolean | undefined {
    return this.restData.last_snap_inc;
  }

  get nextExecTime(): Date | undefined {
    return RestResponse.epochMs(this.restData.next_exec_time);
  }

  get nextExecInc(): boolean | undefined {
    return this.restData.next_exec_inc;
  }

  get nextPlannedFull(): Date | undefined {
    return RestResponse.epochMs(this.restData.next_planned_full);
  }

  get nextPlannedInc(): Date | undefined {
    return RestResponse.epochMs(this.restData.next_planned_inc);
  }
}

/** The reply of `scheduleListByResource`. */
export class ScheduleResourceListResponse extends RestResponse<Schemas['ScheduledRscsList']> {
  get scheduleResources(): ScheduleResource[] {
    return (this.restData.data ?? []).map((s) => new ScheduleResource(s));
  }
}

/** Where a schedule of one resource is set: on the controller, the resource group or the definition. */
export class ScheduleResourceDetails extends RestResponse<Schemas['ScheduleDetails']> {
  get remoteName(): string {
    return this.restData.remote_name;
  }

  get scheduleName(): string {
    return this.restData.schedule_name;
  }

  get controller(): boolean | undefined {
    return this.restData.ctrl;
  }

  get resourceDefinition(): boolean | undefined {
    return this.restData.rsc_dfn;
  }

  get resourceGroup(): boolean | undefined {
    return this.restData.rsc_grp;
  }
}

/** The reply of `scheduleListByResourceDetails`. */
export class ScheduleResourceDetailsListResponse extends RestResponse<Schemas['ScheduleDetailsList']> {
  get scheduleResources(): ScheduleResourceDetails[] {
    return (this.restData.data ?? []).map((s) => new ScheduleResourceDetails(s));
  }
}
