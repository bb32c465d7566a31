import { scheduleMethods } from '../../src/api/methods/schedules';
import {
  ScheduleListResponse,
  type ScheduleResourceDetailsListResponse,
  type ScheduleResourceListResponse,
} from '../../src/api/responses/schedule';
import { LinstorApiCallError } from '../../src/core/errors';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

describe('schedules (§2.17)', () => {
  test('scheduleCreate sends explicit nulls; scheduleModify only given keys; scheduleDelete', async () => {
    const d = controllerDouble();
    const lin = d.client(scheduleMethods);
    await lin.scheduleCreate({ scheduleName: 'daily', fullCron: '0 0 * * *' });
    await lin.scheduleCreate({
      scheduleName: 'daily',
      fullCron: '0 0 * * *',
      keepLocal: 3,
      keepRemote: 7,
      onFailure: 'RETRY',
      incrementalCron: '0 * * * *',
      maxRetries: 5,
    });
    await lin.scheduleModify({ scheduleName: 'daily' });
    await lin.scheduleModify({
      scheduleName: 'daily',
      fullCron: '1 0 * * *',
      incrementalCron: '5 * * * *',
      keepLocal: 0,
    });
    await lin.scheduleDelete({ scheduleName: 'daily' });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/schedules',
        query: '',
        body: {
          schedule_name: 'daily',
          full_cron: '0 0 * * *',
          keep_local: null,
          keep_remote: null,
          on_failure: null,
          max_retries: null,
        },
      },
      {
        method: 'POST',
        path: '/v1/schedules',
        query: '',
        body: {
          schedule_name: 'daily',
          full_cron: '0 0 * * *',
          keep_local: 3,
          keep_remote: 7,
          on_failure: 'RETRY',
          max_retries: 5,
          inc_cron: '0 * * * *',
        },
      },
      { method: 'PUT', path: '/v1/schedules/daily', query: '', body: {} },
      {
        method: 'PUT',
        path: '/v1/schedules/daily',
        query: '',
        body: { full_cron: '1 0 * * *', inc_cron: '5 * * * *', keep_local: 0 },
      },
      { method: 'DELETE', path: '/v1/schedules/daily', query: '' },
    ]);
  });

  test('scheduleList (raising), byResource query, byResourceDetails encoded (quirk 18)', async () => {
    let list = () => json({ data: [{ schedule_name: 'daily', full_cron: '0 0 * * *', on_failure: 'SKIP' }] });
    const d = controllerDouble((s) => {
      if (s.path === '/v1/schedules') return list();
      if (s.path === '/v1/view/schedules-by-resource')
        return json({
          data: [
            {
              rsc_name: 'r',
              remote_name: 'rem',
              schedule_name: 'daily',
              last_snap_time: -1,
              next_exec_time: 1735689600000,
              next_exec_inc: true,
            },
          ],
        });
      if (s.path.startsWith('/v1/view/schedules-by-resource/'))
        return json({ data: [{ remote_name: 'rem', schedule_name: 'daily', ctrl: true, rsc_grp: false }] });
      return undefined;
    });
    const lin = d.client(scheduleMethods);
    const all = await lin.scheduleList();
    const byRsc = await lin.scheduleListByResource({
      filterByResource: 'r',
      filterByRemote: 'rem',
      filterBySchedule: 'daily',
      activeOnly: true,
    });
    await lin.scheduleListByResource();
    const details = await lin.scheduleListByResourceDetails({ resourceName: 'my rsc/1' });
    expect(d.work().map(req)).toEqual([
      { method: 'GET', path: '/v1/schedules', query: '' },
      {
        method: 'GET',
        path: '/v1/view/schedules-by-resource',
        query: 'rsc=r&remote=rem&schedule=daily&active-only=True',
      },
      { method: 'GET', path: '/v1/view/schedules-by-resource', query: '' },
      { method: 'GET', path: '/v1/view/schedules-by-resource/my%20rsc%2F1', query: '' },
    ]);
    expect(all).toBeInstanceOf(ScheduleListResponse);
    expect(all.schedules.map((s) => [s.scheduleName, s.fullCron, s.onFailure])).toEqual([
      ['daily', '0 0 * * *', 'SKIP'],
    ]);
    const sr = (byRsc[0] as ScheduleResourceListResponse).scheduleResources[0];
    expect([sr.resourceName, sr.lastSnapTime, sr.nextExecTime?.toISOString(), sr.nextExecInc]).toEqual([
      'r',
      undefined,
      '2025-01-01T00:00:00.000Z',
      true,
    ]);
    const det = (details[0] as ScheduleResourceDetailsListResponse).scheduleResources[0];
    expect([det.remoteName, det.controller, det.resourceGroup, det.resourceDefinition]).toEqual([
      'rem',
      true,
      false,
      undefined,
    ]);
    list = () => json(ERROR_REPLY, 500);
    await expect(lin.scheduleList()).rejects.toBeInstanceOf(LinstorApiCallError);
    const old = controllerDouble(undefined, '1.13.0');
    await expect(old.client(scheduleMethods).scheduleList()).rejects.toThrow('needed 1.14.0');
  });
});
