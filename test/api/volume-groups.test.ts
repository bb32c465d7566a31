import { volumeGroupMethods } from '../../src/api/methods/volume-groups';
import { VolumeGroupResponse } from '../../src/api/responses/volume-group';
import { LinstorApiCallError } from '../../src/core/errors';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

describe('volume groups (§2.7)', () => {
  test('volumeGroupCreate: scenario 13 body, props and gross', async () => {
    const d = controllerDouble();
    const lin = d.client(volumeGroupMethods);
    await lin.volumeGroupCreate({ resourceGrpName: 'threeSSD', volumeNr: 0 });
    await lin.volumeGroupCreate({ resourceGrpName: 'threeSSD' });
    await lin.volumeGroupCreate({
      resourceGrpName: 'rg',
      volumeNr: 1,
      propertyDict: { a: 'b' },
      gross: true,
    });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/resource-groups/threeSSD/volume-groups',
        query: '',
        body: { volume_number: 0 },
      },
      { method: 'POST', path: '/v1/resource-groups/threeSSD/volume-groups', query: '', body: {} },
      {
        method: 'POST',
        path: '/v1/resource-groups/rg/volume-groups',
        query: '',
        body: { volume_number: 1, props: { a: 'b' }, flags: ['GROSS_SIZE'] },
      },
    ]);
    const old = controllerDouble(undefined, '1.0.12');
    await expect(
      old.client(volumeGroupMethods).volumeGroupCreate({ resourceGrpName: 'rg', gross: true }),
    ).rejects.toThrow('needed 1.0.13');
    expect(old.work()).toEqual([]);
  });

  test('volumeGroupModify: gross true / false (quirk 9) / omitted', async () => {
    const d = controllerDouble();
    const lin = d.client(volumeGroupMethods);
    await lin.volumeGroupModify({ resourceGrpName: 'rg', volumeNr: 0, gross: true });
    await lin.volumeGroupModify({ resourceGrpName: 'rg', volumeNr: 0, gross: false });
    await lin.volumeGroupModify({
      resourceGrpName: 'rg',
      volumeNr: 2,
      propertyDict: { a: 'b' },
      deleteProps: ['c'],
    });
    expect(d.work().map(req)).toEqual([
      {
        method: 'PUT',
        path: '/v1/resource-groups/rg/volume-groups/0',
        query: '',
        body: { flags: ['GROSS_SIZE'] },
      },
      {
        method: 'PUT',
        path: '/v1/resource-groups/rg/volume-groups/0',
        query: '',
        body: { flags: ['-GROSS_SIZE'] },
      },
      {
        method: 'PUT',
        path: '/v1/resource-groups/rg/volume-groups/2',
        query: '',
        body: { override_props: { a: 'b' }, delete_props: ['c'] },
      },
    ]);
  });

  test('volumeGroupModify / Delete / ListRaise: REST 1.0.8, gross needs 1.0.13', async () => {
    const v112 = controllerDouble(undefined, '1.0.12');
    const lin = v112.client(volumeGroupMethods);
    await expect(lin.volumeGroupModify({ resourceGrpName: 'rg', volumeNr: 0, gross: false })).rejects.toThrow(
      'Modify volume-group with gross size not supported., REST-API-VERSION: 1.0.12; needed 1.0.13',
    );
    await lin.volumeGroupModify({ resourceGrpName: 'rg', volumeNr: 0, propertyDict: { a: 'b' } });
    expect(v112.work()).toHaveLength(1);
    const v107 = controllerDouble(undefined, '1.0.7');
    const old = v107.client(volumeGroupMethods);
    const message = 'Resource group API not supported by server, REST-API-VERSION: 1.0.7; needed 1.0.8';
    await expect(old.volumeGroupModify({ resourceGrpName: 'rg', volumeNr: 0 })).rejects.toThrow(message);
    await expect(old.volumeGroupDelete({ resourceGrpName: 'rg', volumeNr: 0 })).rejects.toThrow(message);
    await expect(old.volumeGroupListRaise({ resourceGrpName: 'rg' })).rejects.toThrow(message);
    await expect(old.volumeGroupCreate({ resourceGrpName: 'rg' })).rejects.toThrow(message);
    expect(v107.work()).toEqual([]);
  });

  test('volumeGroupDelete', async () => {
    const d = controllerDouble();
    await d.client(volumeGroupMethods).volumeGroupDelete({ resourceGrpName: 'three SSD', volumeNr: 2 });
    expect(req(d.work()[0])).toEqual({
      method: 'DELETE',
      path: '/v1/resource-groups/three%20SSD/volume-groups/2',
      query: '',
    });
  });

  test('volumeGroupListRaise: typed reply, errors throw', async () => {
    const d = controllerDouble((s) =>
      s.path === '/v1/resource-groups/rg/volume-groups'
        ? json([
            { volume_number: 0, props: { a: 'b' }, flags: ['GROSS_SIZE'], uuid: 'v0' },
            { volume_number: 1 },
          ])
        : s.path === '/v1/resource-groups/nope/volume-groups'
          ? json(ERROR_REPLY, 404)
          : undefined,
    );
    const lin = d.client(volumeGroupMethods);
    const list = await lin.volumeGroupListRaise({ resourceGrpName: 'rg' });
    expect(req(d.work()[0])).toEqual({
      method: 'GET',
      path: '/v1/resource-groups/rg/volume-groups',
      query: '',
    });
    expect(list).toBeInstanceOf(VolumeGroupResponse);
    expect(list.volumeGroups.map((v) => [v.number, v.properties, v.flags, v.uuid])).toEqual([
      [0, { a: 'b' }, ['GROSS_SIZE'], 'v0'],
      [1, {}, [], undefined],
    ]);
    await expect(lin.volumeGroupListRaise({ resourceGrpName: 'nope' })).rejects.toBeInstanceOf(
      LinstorApiCallError,
    );
    const dry = controllerDouble();
    expect(
      (await dry.client(volumeGroupMethods, { dryRun: true }).volumeGroupListRaise({ resourceGrpName: 'rg' }))
        .volumeGroups,
    ).toEqual([]);
  });
});
