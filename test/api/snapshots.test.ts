import { snapshotMethods } from '../../src/api/methods/snapshots';
import { SnapshotResponse } from '../../src/api/responses/snapshot';
import { LinstorApiCallError } from '../../src/core/errors';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

const SNAPS = [
  {
    name: 's1',
    resource_name: 'foo',
    nodes: ['alpha'],
    flags: ['SUCCESSFUL'],
    props: {},
    volume_definitions: [{ volume_number: 0, size_kib: 20480 }],
    snapshots: [
      {
        snapshot_name: 's1',
        node_name: 'alpha',
        create_timestamp: 1735689600000,
        flags: [],
        snapshot_volumes: [{ vlm_nr: 0, state: 'OK', props: {} }],
      },
    ],
  },
];

describe('snapshots (§2.13)', () => {
  test('snapshotCreate, snapshotCreateMulti, restores, delete, rollback (scenario 22), modify', async () => {
    const d = controllerDouble();
    const lin = d.client(snapshotMethods);
    await lin.snapshotCreate({ nodeNames: [], rscName: 'res1', snapshotName: 'snap1' });
    await lin.snapshotCreate({ nodeNames: ['alpha', 'beta'], rscName: 'res1', snapshotName: 'snap1' });
    await lin.snapshotCreateMulti({ nodeNames: ['alpha'], rscNames: ['r1', 'r2'], snapshotName: 'multi' });
    await lin.snapshotCreateMulti({ rscNames: ['r1'], snapshotName: 'm2' });
    await lin.snapshotVolumeDefinitionRestore({
      fromResource: 'res1',
      fromSnapshot: 'snap1',
      toResource: 'res2',
    });
    await lin.snapshotResourceRestore({
      nodeNames: ['alpha'],
      fromResource: 'res1',
      fromSnapshot: 'snap1',
      toResource: 'res2',
      storpoolRenameMap: { old: 'new' },
    });
    await lin.snapshotResourceRestore({ fromResource: 'res1', fromSnapshot: 'snap1', toResource: 'res2' });
    await lin.snapshotDelete({ rscName: 'res1', snapshotName: 'snap1' });
    await lin.snapshotDelete({ rscName: 'res1', snapshotName: 'snap1', nodeNames: ['a', 'b'] });
    await lin.snapshotRollback({ rscName: 'res1', snapshotName: 'snap1' });
    await lin.snapshotDfnModify({
      resourceName: 'res1',
      snapshotName: 'snap1',
      propertyDict: { 'Aux/k': 'v' },
    });
    expect(d.work().map(req)).toEqual([
      { method: 'POST', path: '/v1/resource-definitions/res1/snapshots', query: '', body: { name: 'snap1' } },
      {
        method: 'POST',
        path: '/v1/resource-definitions/res1/snapshots',
        query: '',
        body: { name: 'snap1', nodes: ['alpha', 'beta'] },
      },
      {
        method: 'POST',
        path: '/v1/actions/snapshot/multi',
        query: '',
        body: {
          snapshots: [
            { name: 'multi', resource_name: 'r1', nodes: ['alpha'] },
            { name: 'multi', resource_name: 'r2', nodes: ['alpha'] },
          ],
        },
      },
      {
        method: 'POST',
        path: '/v1/actions/snapshot/multi',
        query: '',
        body: { snapshots: [{ name: 'm2', resource_name: 'r1' }] },
      },
      {
        method: 'POST',
        path: '/v1/resource-definitions/res1/snapshot-restore-volume-definition/snap1',
        query: '',
        body: { to_resource: 'res2' },
      },
      {
        method: 'POST',
        path: '/v1/resource-definitions/res1/snapshot-restore-resource/snap1',
        query: '',
        body: { to_resource: 'res2', nodes: ['alpha'], stor_pool_rename: { old: 'new' } },
      },
      {
        method: 'POST',
        path: '/v1/resource-definitions/res1/snapshot-restore-resource/snap1',
        query: '',
        body: { to_resource: 'res2' },
      },
      { method: 'DELETE', path: '/v1/resource-definitions/res1/snapshots/snap1', query: '' },
      { method: 'DELETE', path: '/v1/resource-definitions/res1/snapshots/snap1', query: 'nodes=a&nodes=b' },
      { method: 'POST', path: '/v1/resource-definitions/res1/snapshot-rollback/snap1', query: '', body: {} },
      {
        method: 'PUT',
        path: '/v1/resource-definitions/res1/snapshots/snap1',
        query: '',
        body: { override_props: { 'Aux/k': 'v' } },
      },
    ]);
  });

  test('version gates: multi snapshot 1.18.0, zfs rollback strategy 1.26.0', async () => {
    const d = controllerDouble(undefined, '1.17.0');
    const lin = d.client(snapshotMethods);
    await expect(lin.snapshotCreateMulti({ rscNames: ['r'], snapshotName: 's' })).rejects.toThrow(
      'Multi snapshot not supported by server, REST-API-VERSION: 1.17.0; needed 1.18.0',
    );
    await expect(
      lin.snapshotRollback({ rscName: 'r', snapshotName: 's', zfsRollbackStrategy: 'clone' }),
    ).rejects.toThrow('needed 1.26.0');
    expect(d.work()).toHaveLength(0);
    const ok = controllerDouble(undefined, '1.26.0');
    await ok
      .client(snapshotMethods)
      .snapshotRollback({ rscName: 'r', snapshotName: 's', zfsRollbackStrategy: 'clone' });
    expect(ok.work()[0].body).toEqual({ zfs_rollback_strategy: 'clone' });
  });

  test('snapshotDfnList / Raise: the view, wrappers, errors', async () => {
    let reply = () => json(SNAPS);
    const d = controllerDouble((s) => (s.path === '/v1/view/snapshots' ? reply() : undefined));
    const lin = d.client(snapshotMethods);
    const list = await lin.snapshotDfnList({ filterByNodes: ['alpha'], filterByResources: ['foo', 'bar'] });
    expect(req(d.work()[0])).toEqual({
      method: 'GET',
      path: '/v1/view/snapshots',
      query: 'nodes=alpha&resources=foo&resources=bar',
    });
    const snaps = (list[0] as SnapshotResponse).snapshots;
    expect([snaps[0].name, snaps[0].rscName, snaps[0].nodes]).toEqual(['s1', 'foo', ['alpha']]);
    expect(snaps[0].snapshotVolumeDefinitions[0].size).toBe(20480);
    expect(snaps[0].snapshots[0].createDatetime?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(snaps[0].snapshots[0].snapshotVolumes[0].state).toBe('OK');
    await expect(lin.snapshotDfnListRaise()).resolves.toBeInstanceOf(SnapshotResponse);
    expect(d.work()[1].query).toBe('');
    reply = () => json(ERROR_REPLY, 500);
    expect((await lin.snapshotDfnList())[0]).toMatchObject({ message: 'Something failed.' });
    await expect(lin.snapshotDfnListRaise()).rejects.toBeInstanceOf(LinstorApiCallError);
  });

  test('snapshotDfnList below REST 1.1.0: per resource definition, concatenated', async () => {
    const d = controllerDouble((s) => {
      if (s.path === '/v1/resource-definitions') return json([{ name: 'foo' }, { name: 'bar' }]);
      if (s.path === '/v1/resource-definitions/foo/snapshots') return json(SNAPS);
      if (s.path === '/v1/resource-definitions/bar/snapshots')
        return json([{ ...SNAPS[0], resource_name: 'bar' }]);
      return undefined;
    }, '1.0.9');
    const list = await d.client(snapshotMethods).snapshotDfnListRaise();
    expect(d.work().map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /v1/resource-definitions',
      'GET /v1/resource-definitions/foo/snapshots',
      'GET /v1/resource-definitions/bar/snapshots',
    ]);
    expect(list.snapshots.map((s) => s.resourceName)).toEqual(['foo', 'bar']);
  });
});
