import { backupMethods } from '../../src/api/methods/backups';
import type { BackupInfoResponse, BackupListResponse, BackupQueues } from '../../src/api/responses/backup';
import { controllerDouble, json, req } from './controller-double';

const BACKUPS = {
  linstor: {
    back_20250101_000000: {
      id: 'back_20250101_000000',
      origin_rsc: 'res1',
      origin_snap: 'snap1',
      start_timestamp: 1735689600000,
      finished_timestamp: 1735689700000,
      based_on_id: 'back_0',
      vlms: [],
      success: true,
      restorable: true,
    },
  },
  other: { files: ['stray.bin'] },
};

const INFO = {
  rsc: 'res1',
  full: 'back_0',
  latest: 'back_1',
  count: 2,
  dl_size_kib: 100,
  alloc_size_kib: 200,
  storpools: [
    {
      name: 'pool1',
      provider_kind: 'LVM',
      remaining_space_kib: 1000,
      vlms: [{ layer_type: 'STORAGE', dl_size_kib: 10 }],
    },
  ],
};

const QUEUES = {
  node_queues: [
    {
      node_name: 'alpha',
      queue: [
        {
          resource_name: 'r',
          snapshot_name: 's',
          remote_name: 'rem',
          incremental: true,
          start_timestamp: 1,
          pref_node: 'alpha',
        },
      ],
    },
  ],
};

describe('backups (§2.16)', () => {
  test('backupList: query, wrapper, REST 1.10.0', async () => {
    const d = controllerDouble((s) =>
      s.method === 'GET' && s.path.endsWith('/backups') ? json(BACKUPS) : undefined,
    );
    const lin = d.client(backupMethods);
    const list = await lin.backupList({ remoteName: 'rem', resourceName: 'res1', snapName: 'snap1' });
    await lin.backupList({ remoteName: 'my rem' });
    expect(d.work().map(req)).toEqual([
      { method: 'GET', path: '/v1/remotes/rem/backups', query: 'rsc_name=res1&snap_name=snap1' },
      { method: 'GET', path: '/v1/remotes/my%20rem/backups', query: '' },
    ]);
    const b = list[0] as BackupListResponse;
    expect(b.linstor.map((x) => [x.id, x.originRscName, x.originSnapName, x.basedOn, x.success])).toEqual([
      ['back_20250101_000000', 'res1', 'snap1', 'back_0', true],
    ]);
    expect(b.other.files).toEqual(['stray.bin']);
    const old = controllerDouble(undefined, '1.9.0');
    await expect(old.client(backupMethods).backupList({ remoteName: 'r' })).rejects.toThrow('needed 1.10.0');
  });

  test('scenario 22: backupDelete query renames; every flag', async () => {
    const d = controllerDouble();
    const lin = d.client(backupMethods);
    await lin.backupDelete({ remoteName: 'rem', bakId: 'b1', cascade: true, dryrun: true });
    await lin.backupDelete({
      remoteName: 'rem',
      bakIdPrefix: 'back_',
      timestamp: '20250101_000000',
      resourceName: 'res1',
      nodeName: 'alpha',
      allLinstor: true,
      allLocalCluster: true,
      s3Key: 'k/1',
      keepSnaps: true,
      cascade: false,
      dryrun: false,
    });
    expect(d.work().map(req)).toEqual([
      { method: 'DELETE', path: '/v1/remotes/rem/backups', query: 'id=b1&cascading=True&dryrun=True' },
      {
        method: 'DELETE',
        path: '/v1/remotes/rem/backups',
        query:
          'id_prefix=back_&timestamp=20250101_000000&resource_name=res1&node_name=alpha&all=True&all_local_cluster=True&s3key=k%2F1&keep_snaps=True',
      },
    ]);
  });

  test('backupCreate, backupRestore, backupAbort bodies', async () => {
    const d = controllerDouble();
    const lin = d.client(backupMethods);
    await lin.backupCreate({ remoteName: 'rem', resourceName: 'res1' });
    await lin.backupCreate({
      remoteName: 'rem',
      resourceName: 'res1',
      incremental: false,
      nodeName: 'a',
      snapName: 's',
    });
    await lin.backupRestore({ remoteName: 'rem', targetNodeName: 'alpha', targetResourceName: 'res2' });
    await lin.backupRestore({
      remoteName: 'rem',
      targetNodeName: 'alpha',
      targetResourceName: 'res2',
      resourceName: 'res1',
      bakId: 'b1',
      passphrase: 'pw',
      storPoolMap: { a: 'b' },
      downloadOnly: true,
      forceRestore: true,
      snapName: 's1',
      dstRscGrp: 'rg',
      forceMvRscGrp: true,
    });
    await lin.backupAbort({ remoteName: 'rem', resourceName: 'res1' });
    await lin.backupAbort({ remoteName: 'rem', resourceName: 'res1', restore: true, create: false });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/remotes/rem/backups',
        query: '',
        body: { rsc_name: 'res1', incremental: true },
      },
      {
        method: 'POST',
        path: '/v1/remotes/rem/backups',
        query: '',
        body: { rsc_name: 'res1', incremental: false, node_name: 'a', snap_name: 's' },
      },
      {
        method: 'POST',
        path: '/v1/remotes/rem/backups/restore',
        query: '',
        body: { node_name: 'alpha', target_rsc_name: 'res2' },
      },
      {
        method: 'POST',
        path: '/v1/remotes/rem/backups/restore',
        query: '',
        body: {
          node_name: 'alpha',
          target_rsc_name: 'res2',
          src_rsc_name: 'res1',
          src_snap_name: 's1',
          last_backup: 'b1',
          passphrase: 'pw',
          stor_pool_map: { a: 'b' },
          download_only: true,
          force_restore: true,
          dst_rsc_grp: 'rg',
          force_mv_rsc_grp: true,
        },
      },
      { method: 'POST', path: '/v1/remotes/rem/backups/abort', query: '', body: { rsc_name: 'res1' } },
      {
        method: 'POST',
        path: '/v1/remotes/rem/backups/abort',
        query: '',
        body: { rsc_name: 'res1', restore: true, create: false },
      },
    ]);
    await expect(lin.backupAbort({ remoteName: 'rem', resourceName: 'r', snapshot: 's' })).rejects.toThrow(
      'needed 1.27.0',
    );
    const newer = controllerDouble(undefined, '1.27.0');
    await newer.client(backupMethods).backupAbort({ remoteName: 'rem', resourceName: 'r', snapshot: 's' });
    expect(newer.work()[0].body).toEqual({ rsc_name: 'r', snapshot: 's' });
  });

  test('backupShip: optional keys, force_full as allow_incremental=false, version gates', async () => {
    const d = controllerDouble(undefined, '1.28.0');
    const lin = d.client(backupMethods);
    await lin.backupShip({ remoteName: 'rem', srcRscName: 'a', dstRscName: 'b' });
    await lin.backupShip({
      remoteName: 'rem',
      srcRscName: 'a',
      dstRscName: 'b',
      srcNode: 'n1',
      dstNode: 'n2',
      dstNetIf: 'eth1',
      dstStorPool: 'p',
      storPoolRename: { x: 'y' },
      downloadOnly: true,
      forceRestore: true,
      dstRscGrp: 'rg',
      forceMvRscGrp: true,
      forceFull: true,
      srcSnap: 'snap',
    });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/remotes/rem/backups/ship',
        query: '',
        body: { src_rsc_name: 'a', dst_rsc_name: 'b' },
      },
      {
        method: 'POST',
        path: '/v1/remotes/rem/backups/ship',
        query: '',
        body: {
          src_rsc_name: 'a',
          dst_rsc_name: 'b',
          src_node_name: 'n1',
          dst_node_name: 'n2',
          dst_net_if_name: 'eth1',
          dst_stor_pool: 'p',
          stor_pool_rename: { x: 'y' },
          download_only: true,
          force_restore: true,
          dst_rsc_grp: 'rg',
          force_mv_rsc_grp: true,
          allow_incremental: false,
          src_snap_name: 'snap',
        },
      },
    ]);
    const old = controllerDouble(undefined, '1.20.0');
    const o = old.client(backupMethods);
    const base = { remoteName: 'rem', srcRscName: 'a', dstRscName: 'b' };
    await expect(o.backupShip({ ...base, forceRestore: true })).rejects.toThrow('needed 1.21.0');
    await expect(o.backupShip({ ...base, dstRscGrp: 'g' })).rejects.toThrow('needed 1.24.0');
    await expect(o.backupShip({ ...base, srcSnap: 's' })).rejects.toThrow('needed 1.27.0');
    await o.backupShip({ ...base, forceFull: true });
    expect(old.work().map((s) => s.body)).toEqual([
      { src_rsc_name: 'a', dst_rsc_name: 'b', allow_incremental: false },
    ]);
  });

  test('backupInfo: body and wrapper, REST 1.10.2', async () => {
    const d = controllerDouble((s) => (s.path.endsWith('/backups/info') ? json(INFO) : undefined));
    const lin = d.client(backupMethods);
    const r = await lin.backupInfo({
      remoteName: 'rem',
      resourceName: 'res1',
      bakId: 'b1',
      targetNode: 'alpha',
      storPoolMap: { a: 'b' },
      snapName: 's',
    });
    await lin.backupInfo({ remoteName: 'rem' });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/remotes/rem/backups/info',
        query: '',
        body: {
          src_rsc_name: 'res1',
          src_snap_name: 's',
          last_backup: 'b1',
          node_name: 'alpha',
          stor_pool_map: { a: 'b' },
        },
      },
      { method: 'POST', path: '/v1/remotes/rem/backups/info', query: '', body: {} },
    ]);
    const info = r[0] as BackupInfoResponse;
    expect([info.rsc, info.full, info.latest, info.count, info.dlSize, info.allocSize]).toEqual([
      'res1',
      'back_0',
      'back_1',
      2,
      100,
      200,
    ]);
    expect(info.storpools[0].remainingSpace).toBe(1000);
    expect(info.storpools[0].volumes[0].layerType).toBe('STORAGE');
    const old = controllerDouble(undefined, '1.10.1');
    await expect(old.client(backupMethods).backupInfo({ remoteName: 'r' })).rejects.toThrow('needed 1.10.2');
  });

  test('backup schedules enable/disable/delete', async () => {
    const d = controllerDouble();
    const lin = d.client(backupMethods);
    await lin.backupScheduleEnable({ remoteName: 'rem', scheduleName: 'daily' });
    await lin.backupScheduleEnable({
      remoteName: 'rem',
      scheduleName: 'daily',
      resourceName: 'r',
      resourceGroupName: 'g',
      preferredNode: 'n',
      dstStorPool: 'p',
      storpoolRenameMap: { a: 'b' },
      forceRestore: true,
      dstRscGrp: 'rg',
      forceMvRscGrp: true,
      dstRscName: 'r2',
    });
    await lin.backupScheduleDisable({ remoteName: 'rem', scheduleName: 'daily', resourceName: 'r' });
    await lin.backupScheduleDelete({ remoteName: 'rem', scheduleName: 'daily' });
    await lin.backupScheduleDelete({
      remoteName: 'rem',
      scheduleName: 'daily',
      resourceName: 'r',
      resourceGroupName: 'g',
    });
    expect(d.work().map(req)).toEqual([
      { method: 'PUT', path: '/v1/remotes/rem/backups/schedule/daily/enable', query: '', body: {} },
      {
        method: 'PUT',
        path: '/v1/remotes/rem/backups/schedule/daily/enable',
        query: '',
        body: {
          rsc_name: 'r',
          grp_name: 'g',
          node_name: 'n',
          dst_stor_pool: 'p',
          stor_pool_rename: { a: 'b' },
          force_restore: true,
          dst_rsc_grp: 'rg',
          dst_rsc_name: 'r2',
          force_mv_rsc_grp: true,
        },
      },
      {
        method: 'PUT',
        path: '/v1/remotes/rem/backups/schedule/daily/disable',
        query: '',
        body: { rsc_name: 'r' },
      },
      { method: 'DELETE', path: '/v1/remotes/rem/backups/schedule/daily/delete', query: '' },
      {
        method: 'DELETE',
        path: '/v1/remotes/rem/backups/schedule/daily/delete',
        query: 'rsc_dfn_name=r&rsc_grp_name=g',
      },
    ]);
  });

  test('backupQueueList: query and wrapper, REST 1.20.0', async () => {
    const d = controllerDouble((s) => (s.path === '/v1/view/backup/queue' ? json(QUEUES) : undefined));
    const lin = d.client(backupMethods);
    const r = await lin.backupQueueList({
      nodes: ['a'],
      snaps: ['s'],
      rscs: ['r'],
      remotes: ['rem'],
      snapToNode: true,
    });
    await lin.backupQueueList();
    expect(d.work().map(req)).toEqual([
      {
        method: 'GET',
        path: '/v1/view/backup/queue',
        query: 'nodes=a&snapshots=s&resources=r&remotes=rem&snap_to_node=True',
      },
      { method: 'GET', path: '/v1/view/backup/queue', query: '' },
    ]);
    const q = r[0] as BackupQueues;
    expect(q.nodeQueues[0].nodeName).toBe('alpha');
    expect(q.nodeQueues[0].queue[0].snapshotName).toBe('s');
    expect(q.snapQueues).toEqual([]);
    const old = controllerDouble(undefined, '1.19.0');
    await expect(old.client(backupMethods).backupQueueList()).rejects.toThrow('needed 1.20.0');
  });
});
