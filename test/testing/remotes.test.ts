// Remotes and backup schedules in the simulated controller, over HTTP (replies validated against the
// description) and through the SDK's python-parity methods.
import {
  CREATED,
  DELETED,
  FAIL_EXISTS_REMOTE,
  FAIL_EXISTS_SCHEDULE,
  FAIL_INVLD_REMOTE_NAME,
  FAIL_INVLD_SCHEDULE_NAME,
  FAIL_INVLD_TIME_PARAM,
  FAIL_NOT_FOUND_REMOTE,
  FAIL_NOT_FOUND_RSC_DFN,
  FAIL_NOT_FOUND_SCHEDULE,
  MASK_CRT,
  MASK_DEL,
  MASK_MOD,
  MASK_REMOTE,
  MASK_SCHEDULE,
  MODIFIED,
  WARN_NOT_FOUND,
} from '../../generated/constants';
import { Linstor } from '../../src/api/linstor';
import { isListResponse } from '../../src/api/responses/list-result';
import { rcs, withSim } from './helpers';

const s3 = {
  remoteName: 'bucket1',
  endpoint: 's3.example.com',
  region: 'eu-1',
  bucket: 'backups',
  accessKey: 'AKIA',
  secretKey: 'very-secret',
};

const seed = { nodes: 2, resources: [{ name: 'res1' }, { name: 'res2' }] };

describe('remotes', () => {
  test('create, list (secrets never returned), modify and delete each kind through the SDK', async () => {
    await withSim({}, async (sim, client) => {
      await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
        const created = await lin.remoteCreateS3(s3);
        expect(created[0]?.retCode).toBe(MASK_REMOTE | MASK_CRT | CREATED);
        expect(
          (
            await lin.remoteCreateLinstor({
              remoteName: 'other',
              url: 'http://10.1.0.1:3370',
              passphrase: 'pw',
            })
          )[0]?.retCode,
        ).toBe(MASK_REMOTE | MASK_CRT | CREATED);
        expect(
          (
            await lin.remoteCreateEbs({
              remoteName: 'ebs1',
              availabilityZone: 'us-east-1a',
              accessKey: 'a',
              secretKey: 'b',
            })
          )[0]?.retCode,
        ).toBe(MASK_REMOTE | MASK_CRT | CREATED);
        expect(sim.state.remotes.get('BUCKET1')).toMatchObject({ kind: 's3', secretKey: 'very-secret' });

        const list = await lin.remoteList();
        if (!isListResponse(list)) throw new Error('expected a remote list');
        const [remotes] = list;
        expect(remotes.s3Remotes.map((r) => r.remoteName)).toEqual(['bucket1']);
        expect(remotes.linstorRemotes.map((r) => r.remoteName)).toEqual(['other']);
        expect(remotes.ebsRemotes[0]?.remoteName).toBe('ebs1');
        const wire = JSON.stringify(list[0]);
        expect(wire).not.toContain('very-secret');
        expect(wire).not.toContain('AKIA');
        expect(wire).not.toContain('"pw"');
        const raw = (await client.get('/v1/remotes')).text;
        for (const secret of ['very-secret', 'AKIA', '"pw"', 'access_key', 'secret_key', 'passphrase']) {
          expect(raw).not.toContain(secret);
        }

        const mod = await lin.remoteModifyS3({ remoteName: 'BUCKET1', region: 'eu-2', secretKey: 'new' });
        expect(mod[0]?.retCode).toBe(MASK_REMOTE | MASK_MOD | MODIFIED);
        expect(sim.state.remotes.get('BUCKET1')).toMatchObject({
          region: 'eu-2',
          secretKey: 'new',
          bucket: 'backups',
        });
        expect(
          (await lin.remoteModifyLinstor({ remoteName: 'other', clusterId: 'c-1' }))[0]?.isSuccess(),
        ).toBe(true);
        expect((await lin.remoteModifyEbs({ remoteName: 'ebs1', region: 'eu-west-1' }))[0]?.isSuccess()).toBe(
          true,
        );

        const del = await lin.remoteDelete({ remoteName: 'other' });
        expect(del[0]?.retCode).toBe(MASK_REMOTE | MASK_DEL | DELETED);
        expect(sim.state.remotes.has('OTHER')).toBe(false);
      });
    });
  });

  test('per-kind lists and the error codes: exists, invalid name, unknown, wrong kind', async () => {
    await withSim({}, async (sim, client) => {
      await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
        await lin.remoteCreateS3(s3);
        const dup = await lin.remoteCreateLinstor({ remoteName: 'Bucket1', url: 'http://x:3370' });
        expect(dup[0]?.retCode).toBe(MASK_REMOTE | MASK_CRT | FAIL_EXISTS_REMOTE);
        const bad = await lin.remoteCreateS3({ ...s3, remoteName: '1x' });
        expect(bad[0]?.retCode).toBe(MASK_REMOTE | MASK_CRT | FAIL_INVLD_REMOTE_NAME);
        const unknown = await lin.remoteModifyS3({ remoteName: 'ghost', region: 'x' });
        expect(unknown[0]?.retCode).toBe(MASK_REMOTE | MASK_MOD | FAIL_NOT_FOUND_REMOTE);
        const wrongKind = await lin.remoteModifyLinstor({ remoteName: 'bucket1', url: 'http://x' });
        expect(wrongKind[0]?.isError(FAIL_NOT_FOUND_REMOTE)).toBe(true);
        const gone = await lin.remoteDelete({ remoteName: 'ghost' });
        expect(gone[0]?.retCode).toBe(MASK_REMOTE | MASK_DEL | FAIL_NOT_FOUND_REMOTE);
      });
      const s3List = await client.get('/v1/remotes/s3');
      expect(s3List.body).toEqual([
        {
          remote_name: 'bucket1',
          endpoint: 's3.example.com',
          bucket: 'backups',
          region: 'eu-1',
          use_path_style: false,
        },
      ]);
      expect((await client.get('/v1/remotes/linstor')).body).toEqual([]);
      expect((await client.get('/v1/remotes/ebs')).body).toEqual([]);
      const missing = await client.post('/v1/remotes/s3', { remote_name: 'r2', endpoint: 'e' });
      expect(missing.status).toBe(500);
      const badUrl = await client.post('/v1/remotes/linstor', { remote_name: 'r3', url: 'not a url' });
      expect(badUrl.status).toBe(500);
      expect((await client.del('/v1/remotes?remote_name=ghost')).status).toBe(404);
    });
  });
});

describe('schedules', () => {
  test('create, list, modify, delete through the SDK', async () => {
    await withSim({}, async (sim) => {
      await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
        const c = await lin.scheduleCreate({ scheduleName: 'nightly', fullCron: '0 2 * * *', keepLocal: 2 });
        expect(c[0]?.retCode).toBe(MASK_SCHEDULE | MASK_CRT | CREATED);
        await lin.scheduleCreate({
          scheduleName: 'hourly',
          fullCron: '0 0 * * 0',
          incrementalCron: '0 * * * *',
          onFailure: 'RETRY',
          maxRetries: 3,
        });
        const list = await lin.scheduleList();
        expect(list.schedules.map((s) => s.scheduleName)).toEqual(['hourly', 'nightly']);
        expect(list.schedules[0]).toMatchObject({ incCron: '0 * * * *', onFailure: 'RETRY', maxRetries: 3 });
        expect(list.schedules[1]).toMatchObject({ keepLocal: 2, onFailure: 'SKIP' });

        const m = await lin.scheduleModify({
          scheduleName: 'NIGHTLY',
          keepRemote: 5,
          fullCron: '30 3 * * *',
        });
        expect(m[0]?.retCode).toBe(MASK_SCHEDULE | MASK_MOD | MODIFIED);
        expect(sim.state.schedules.get('NIGHTLY')).toMatchObject({
          keepLocal: 2,
          keepRemote: 5,
          fullCron: '30 3 * * *',
        });

        const d = await lin.scheduleDelete({ scheduleName: 'hourly' });
        expect(d[0]?.retCode).toBe(MASK_SCHEDULE | MASK_DEL | DELETED);
        expect([...sim.state.schedules.keys()]).toEqual(['NIGHTLY']);
        const again = await lin.scheduleDelete({ scheduleName: 'hourly' });
        expect(again[0]?.retCode).toBe(MASK_SCHEDULE | MASK_DEL | WARN_NOT_FOUND);
      });
    });
  });

  test('schedule errors: duplicate, invalid name, bad cron, unknown, bad on_failure', async () => {
    await withSim({}, async (sim, client) => {
      await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
        await lin.scheduleCreate({ scheduleName: 's1', fullCron: '* * * * *' });
        expect((await lin.scheduleCreate({ scheduleName: 'S1', fullCron: '* * * * *' }))[0]?.retCode).toBe(
          MASK_SCHEDULE | MASK_CRT | FAIL_EXISTS_SCHEDULE,
        );
        expect((await lin.scheduleCreate({ scheduleName: '-s', fullCron: '* * * * *' }))[0]?.retCode).toBe(
          MASK_SCHEDULE | MASK_CRT | FAIL_INVLD_SCHEDULE_NAME,
        );
        expect((await lin.scheduleCreate({ scheduleName: 's2', fullCron: 'every day' }))[0]?.retCode).toBe(
          MASK_SCHEDULE | MASK_CRT | FAIL_INVLD_TIME_PARAM,
        );
        expect((await lin.scheduleModify({ scheduleName: 'ghost', keepLocal: 1 }))[0]?.retCode).toBe(
          MASK_SCHEDULE | MASK_MOD | FAIL_NOT_FOUND_SCHEDULE,
        );
        // A failing modify leaves the schedule unchanged.
        await lin.scheduleModify({ scheduleName: 's1', keepLocal: 4, incrementalCron: 'bad' });
        expect(sim.state.schedules.get('S1')?.keepLocal).toBeUndefined();
      });
      const r = await client.put('/v1/schedules/s1', { on_failure: 'NEVER' });
      expect(r.status).toBe(500);
      const unknownField = await client.post('/v1/schedules', {
        schedule_name: 's3',
        full_cron: '* * * * *',
        x: 1,
      });
      expect(unknownField.status).toBe(500);
    });
  });

  test('enable/disable on controller, group and definition; the by-resource views', async () => {
    await withSim({ seed }, async (sim, client) => {
      await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
        await lin.remoteCreateS3(s3);
        await lin.scheduleCreate({ scheduleName: 'nightly', fullCron: '0 2 * * *' });
        const en = await lin.backupScheduleEnable({ remoteName: 'bucket1', scheduleName: 'nightly' });
        expect(en[0]?.retCode).toBe(MASK_SCHEDULE | MASK_MOD | MODIFIED);
        const off = await lin.backupScheduleDisable({
          remoteName: 'bucket1',
          scheduleName: 'nightly',
          resourceName: 'res2',
        });
        expect(off[0]?.isSuccess()).toBe(true);
        expect(sim.state.scheduleBindings).toHaveLength(2);

        const all = await lin.scheduleListByResource();
        if (!isListResponse(all)) throw new Error('expected a list');
        expect(all[0].scheduleResources.map((r) => [r.resourceName, r.remoteName, r.reason])).toEqual([
          ['res1', 'bucket1', 'set on controller'],
          ['res2', 'bucket1', 'disabled on resource definition'],
        ]);
        const active = await lin.scheduleListByResource({ activeOnly: true });
        if (!isListResponse(active)) throw new Error('expected a list');
        expect(active[0].scheduleResources.map((r) => r.resourceName)).toEqual(['res1']);

        const details = await lin.scheduleListByResourceDetails({ resourceName: 'res2' });
        if (!isListResponse(details)) throw new Error('expected a list');
        const d0 = details[0].scheduleResources[0];
        expect([
          d0?.remoteName,
          d0?.scheduleName,
          d0?.controller,
          d0?.resourceDefinition,
          d0?.resourceGroup,
        ]).toEqual(['bucket1', 'nightly', true, false, undefined]);

        const del = await lin.backupScheduleDelete({
          remoteName: 'bucket1',
          scheduleName: 'nightly',
          resourceName: 'res2',
        });
        expect(del[0]?.retCode).toBe(MASK_SCHEDULE | MASK_DEL | DELETED);
        const delAgain = await lin.backupScheduleDelete({
          remoteName: 'bucket1',
          scheduleName: 'nightly',
          resourceName: 'res2',
        });
        expect(delAgain[0]?.retCode).toBe(MASK_SCHEDULE | MASK_DEL | WARN_NOT_FOUND);

        const ghostRemote = await lin.backupScheduleEnable({ remoteName: 'ghost', scheduleName: 'nightly' });
        expect(ghostRemote[0]?.retCode).toBe(MASK_SCHEDULE | MASK_MOD | FAIL_NOT_FOUND_REMOTE);
        const ghostSched = await lin.backupScheduleEnable({ remoteName: 'bucket1', scheduleName: 'ghost' });
        expect(ghostSched[0]?.retCode).toBe(MASK_SCHEDULE | MASK_MOD | FAIL_NOT_FOUND_SCHEDULE);
        const ghostRd = await lin.backupScheduleEnable({
          remoteName: 'bucket1',
          scheduleName: 'nightly',
          resourceName: 'nope',
        });
        expect(ghostRd[0]?.isError(FAIL_NOT_FOUND_RSC_DFN)).toBe(true);

        // Deleting the remote drops its bindings.
        await lin.remoteDelete({ remoteName: 'bucket1' });
        expect(sim.state.scheduleBindings).toEqual([]);
      });
      const none = await client.get('/v1/view/schedules-by-resource?remote=bucket1');
      expect(none.body).toEqual({ data: [] });
      const missing = await client.get('/v1/view/schedules-by-resource/ghost');
      expect(missing.status).toBe(404);
      expect(rcs(missing)[0]?.ret_code).toBe(BigInt.asIntN(64, FAIL_NOT_FOUND_RSC_DFN));
    });
  });
});
