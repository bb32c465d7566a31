import type { ApiCallResponse } from '../../core/api-call-response';
import type { LinstorCore } from '../linstor-core';
import { type ListResult, unwrapListResult } from '../responses/list-result';
import {
  ScheduleListResponse,
  ScheduleResourceDetailsListResponse,
  ScheduleResourceListResponse,
} from '../responses/schedule';
import type { Schemas } from '../responses/schemas';

/** What a schedule does after a failed shipping (`SKIP` or `RETRY`). */
export type ScheduleOnFailure = NonNullable<Schemas['Schedule']['on_failure']>;

export interface ScheduleFields {
  keepLocal?: number | null;
  keepRemote?: number | null;
  onFailure?: ScheduleOnFailure | null;
  incrementalCron?: string | null;
  maxRetries?: number | null;
}

/** python-linstor §2.17: backup schedules. */
export const scheduleMethods = {
  /** python `schedule_list` (REST 1.14.0): `GET /v1/schedules` → `ScheduleListResponse`, or throws. */
  async scheduleList(this: LinstorCore): Promise<ScheduleListResponse> {
    const reply = await this.call('GET', '/v1/schedules', {
      minVersion: '1.14.0',
      versionMessage: 'Schedules not supported by server',
    });
    return unwrapListResult(reply.ok ? [new ScheduleListResponse(reply.data)] : reply.replies);
  },

  /**
   * python `schedule_list_by_resource`:
   * `GET /v1/view/schedules-by-resource?rsc=..&remote=..&schedule=..[&active-only=True]` → `[ScheduleResourceListResponse]`.
   */
  async scheduleListByResource(
    this: LinstorCore,
    opts: {
      filterByResource?: string | null;
      filterByRemote?: string | null;
      filterBySchedule?: string | null;
      activeOnly?: boolean;
    } = {},
  ): Promise<ListResult<ScheduleResourceListResponse>> {
    const reply = await this.call('GET', '/v1/view/schedules-by-resource', {
      params: {
        query: {
          rsc: opts.filterByResource || undefined,
          remote: opts.filterByRemote || undefined,
          schedule: opts.filterBySchedule || undefined,
          'active-only': opts.activeOnly ? true : undefined,
        },
      },
    });
    return reply.ok ? [new ScheduleResourceListResponse(reply.data)] : reply.replies;
  },

  /**
   * python `schedule_list_by_resource_details`: `GET /v1/view/schedules-by-resource/{rsc}` →
   * `[ScheduleResourceDetailsListResponse]`.
   * Differs from python (quirk 18): the resource name is percent-encoded like every other path argument.
   */
  async scheduleListByResourceDetails(
    this: LinstorCore,
    opts: { resourceName: string },
  ): Promise<ListResult<ScheduleResourceDetailsListResponse>> {
    const reply = await this.call('GET', '/v1/view/schedules-by-resource/{rscName}', {
      params: { path: { rscName: opts.resourceName } },
    });
    return reply.ok ? [new ScheduleResourceDetailsListResponse(reply.data)] : reply.replies;
  },

  /**
   * python `schedule_create`: `POST /v1/schedules`. As python, `keep_local`, `keep_remote`, `on_failure`
   * and `max_retries` are always sent (as `null` when not given); `inc_cron` only when given.
   */
  async scheduleCreate(
    this: LinstorCore,
    opts: { scheduleName: string; fullCron: string } & ScheduleFields,
  ): Promise<ApiCallResponse[]> {
    const body: Record<string, unknown> = {
      schedule_name: opts.scheduleName,
      full_cron: opts.fullCron,
      keep_local: opts.keepLocal ?? null,
      keep_remote: opts.keepRemote ?? null,
      on_failure: opts.onFailure ?? null,
      max_retries: opts.maxRetries ?? null,
    };
    if (opts.incrementalCron !== undefined && opts.incrementalCron !== null)
      body.inc_cron = opts.incrementalCron;
    return this.callReplies('POST', '/v1/schedules', { body: body as Schemas['Schedule'] });
  },

  /** python `schedule_modify`: `PUT /v1/schedules/{s}` with only the given keys (`inc_cron` for `incrementalCron`). */
  async scheduleModify(
    this: LinstorCore,
    opts: { scheduleName: string; fullCron?: string | null } & ScheduleFields,
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['ScheduleModify'] = {};
    if (opts.fullCron !== undefined && opts.fullCron !== null) body.full_cron = opts.fullCron;
    if (opts.keepLocal !== undefined && opts.keepLocal !== null) body.keep_local = opts.keepLocal;
    if (opts.keepRemote !== undefined && opts.keepRemote !== null) body.keep_remote = opts.keepRemote;
    if (opts.onFailure !== undefined && opts.onFailure !== null) body.on_failure = opts.onFailure;
    if (opts.incrementalCron !== undefined && opts.incrementalCron !== null)
      body.inc_cron = opts.incrementalCron;
    if (opts.maxRetries !== undefined && opts.maxRetries !== null) body.max_retries = opts.maxRetries;
    return this.callReplies('PUT', '/v1/schedules/{scheduleName}', {
      params: { path: { scheduleName: opts.scheduleName } },
      body,
    });
  },

  /** python `schedule_delete`: `DELETE /v1/schedules/{s}`. */
  async scheduleDelete(this: LinstorCore, opts: { scheduleName: string }): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/schedules/{scheduleName}', {
      params: { path: { scheduleName: opts.scheduleName } },
    });
  },
};
