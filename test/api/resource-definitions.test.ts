import { resourceDefinitionMethods } from '../../src/api/methods/resource-definitions';
import { CloneStarted, CloneStatus, SyncStatus } from '../../src/api/responses/clone';
import { isApiCallResponseList, isListResponse } from '../../src/api/responses/list-result';
import type { ResourceDefinitionResponse } from '../../src/api/responses/resource-definition';
import { LinstorApiCallError, LinstorError } from '../../src/core/errors';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

const RDS = [
  {
    name: 'res1',
    external_name: 'Res One',
    props: { 'DrbdOptions/Net/allow-two-primaries': 'no', 'Aux/a': '1', 'Aux/b': '2' },
    flags: [],
    layer_data: [
      { type: 'DRBD', data: { peer_slots: 7, port: 7000, secret: 's3cret', transport_type: 'IP' } },
      { type: 'STORAGE' },
    ],
    uuid: 'u-res1',
    resource_group_name: 'rg1',
    volume_definitions: [
      {
        volume_number: 0,
        size_kib: 20480,
        flags: ['GROSS_SIZE'],
        props: { StorPoolName: 'pool1' },
        layer_data: [
          { type: 'DRBD', data: { resource_name_suffix: '', volume_number: 0, minor_number: 1000 } },
          { type: 'STORAGE' },
        ],
        uuid: 'vd0',
      },
    ],
  },
  { name: 'plain' },
];

const CLONE_STARTED = {
  location: '/v1/resource-definitions/cap/clone/capclone',
  source_name: 'cap',
  clone_name: 'capclone',
  messages: [{ ret_code: 20447233, message: "New resource definition 'capclone' created." }],
};

describe('resource definitions (§2.8)', () => {
  test('resourceDfnCreate: scenario 7 body, external name', async () => {
    const d = controllerDouble();
    const lin = d.client(resourceDefinitionMethods);
    await lin.resourceDfnCreate({
      name: 'res1',
      port: 7000,
      layerList: ['drbd', 'storage'],
      resourceGroup: 'rg1',
      peerSlots: 4,
    });
    await lin.resourceDfnCreate({ name: '', externalName: 'New Rsc' });
    await lin.resourceDfnCreate({ name: 'res2' });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/resource-definitions',
        query: '',
        body: {
          resource_definition: {
            name: 'res1',
            layer_data: [{ type: 'drbd' }, { type: 'storage' }],
            resource_group_name: 'rg1',
          },
          drbd_port: 7000,
          drbd_peer_slots: 4,
        },
      },
      {
        method: 'POST',
        path: '/v1/resource-definitions',
        query: '',
        body: { resource_definition: { external_name: 'New Rsc' } },
      },
      {
        method: 'POST',
        path: '/v1/resource-definitions',
        query: '',
        body: { resource_definition: { name: 'res2' } },
      },
    ]);
  });

  test('resourceDfnClone: scenario 21 body and the CloneStarted reply', async () => {
    const d = controllerDouble((s) => (s.path.endsWith('/clone') ? json(CLONE_STARTED, 201) : undefined));
    const lin = d.client(resourceDefinitionMethods);
    const started = await lin.resourceDfnClone({ srcName: 'cap', cloneName: 'capclone', useZfsClone: true });
    expect(req(d.work()[0])).toEqual({
      method: 'POST',
      path: '/v1/resource-definitions/cap/clone',
      query: '',
      body: { name: 'capclone', use_zfs_clone: true },
    });
    expect(started).toBeInstanceOf(CloneStarted);
    expect([started?.location, started?.sourceName, started?.cloneName]).toEqual([
      '/v1/resource-definitions/cap/clone/capclone',
      'cap',
      'capclone',
    ]);
    expect(started?.messages[0].isSuccess()).toBe(true);
  });

  test('resourceDfnClone: every option (REST 1.26.0)', async () => {
    const d = controllerDouble(
      (s) => (s.path.endsWith('/clone') ? json(CLONE_STARTED, 201) : undefined),
      '1.26.0',
    );
    await d.client(resourceDefinitionMethods).resourceDfnClone({
      srcName: 'cap',
      cloneName: 'ignored',
      cloneExternalName: 'Cap Clone',
      useZfsClone: false,
      volumePassphrases: ['pw'],
      layerList: ['drbd', 'luks', 'storage'],
      resourceGroup: 'rg2',
      propertyDict: { a: 'b' },
      deleteProps: ['c'],
    });
    expect(d.work()[0].body).toEqual({
      external_name: 'Cap Clone',
      use_zfs_clone: false,
      volume_passphrases: ['pw'],
      layer_list: ['drbd', 'luks', 'storage'],
      resource_group: 'rg2',
      override_props: { a: 'b' },
      delete_props: ['c'],
    });
  });

  test('resourceDfnClone: a 4xx clone reply is still a CloneStarted (errors in messages); gates', async () => {
    const failed = {
      ...CLONE_STARTED,
      messages: JSON.parse(ERROR_REPLY.replace('-4611686018407202314', '"RC"')),
    };
    const body = JSON.stringify(failed).replace('"RC"', '-4611686018407202314');
    const d = controllerDouble((s) => (s.path.endsWith('/clone') ? json(body, 400) : undefined));
    const started = await d
      .client(resourceDefinitionMethods)
      .resourceDfnClone({ srcName: 'cap', cloneName: 'capclone' });
    expect(started).toBeInstanceOf(CloneStarted);
    expect(started?.messages[0].isError()).toBe(true);
    expect(started?.messages[0].retCode).toBe(0xc0000000013401f6n);

    const list = controllerDouble((s) => (s.path.endsWith('/clone') ? json(ERROR_REPLY, 404) : undefined));
    await expect(
      list.client(resourceDefinitionMethods).resourceDfnClone({ srcName: 'x', cloneName: 'y' }),
    ).rejects.toBeInstanceOf(LinstorApiCallError);

    const old = controllerDouble(undefined, '1.9.0');
    await expect(
      old.client(resourceDefinitionMethods).resourceDfnClone({ srcName: 'a', cloneName: 'b' }),
    ).rejects.toThrow(
      'Resource definition clone API not supported by server, REST-API-VERSION: 1.9.0; needed 1.10.0',
    );
    const v125 = controllerDouble(undefined, '1.25.0');
    await expect(
      v125
        .client(resourceDefinitionMethods)
        .resourceDfnClone({ srcName: 'a', cloneName: 'b', propertyDict: { x: 'y' } }),
    ).rejects.toThrow('needed 1.26.0');
    expect([...old.work(), ...v125.work()]).toEqual([]);
  });

  test('resourceDfnClone: useZfsClone is dropped below REST 1.12.1 (soft gate)', async () => {
    const d = controllerDouble(
      (s) => (s.path.endsWith('/clone') ? json(CLONE_STARTED, 201) : undefined),
      '1.12.0',
    );
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await d
        .client(resourceDefinitionMethods)
        .resourceDfnClone({ srcName: 'cap', cloneName: 'c', useZfsClone: true });
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
    expect(d.work()[0].body).toEqual({ name: 'c' });
  });

  test('resourceDfnCloneStatus: scenario 21 GET, typed status, errors throw', async () => {
    const statuses = ['CLONING', 'COMPLETE'];
    const d = controllerDouble((s) =>
      s.path === '/v1/resource-definitions/cap/clone/capclone'
        ? json({ status: statuses.shift() })
        : s.path.includes('/clone/')
          ? json(ERROR_REPLY, 404)
          : undefined,
    );
    const lin = d.client(resourceDefinitionMethods);
    const first = await lin.resourceDfnCloneStatus({ srcName: 'cap', cloneName: 'capclone' });
    const second = await lin.resourceDfnCloneStatus({ srcName: 'cap', cloneName: 'capclone' });
    expect(req(d.work()[0])).toEqual({
      method: 'GET',
      path: '/v1/resource-definitions/cap/clone/capclone',
      query: '',
    });
    expect(first).toBeInstanceOf(CloneStatus);
    expect([first.status, second.status]).toEqual(['CLONING', 'COMPLETE']);
    await expect(lin.resourceDfnCloneStatus({ srcName: 'cap', cloneName: 'other' })).rejects.toBeInstanceOf(
      LinstorApiCallError,
    );
  });

  test('resourceDfnSyncStatus: GET, typed reply, 1.13.0 gate', async () => {
    const d = controllerDouble((s) =>
      s.path.endsWith('/sync-status') ? json({ synced_on_all: true }) : undefined,
    );
    const sync = await d.client(resourceDefinitionMethods).resourceDfnSyncStatus({ rscName: 'res 1' });
    expect(req(d.work()[0])).toEqual({
      method: 'GET',
      path: '/v1/resource-definitions/res%201/sync-status',
      query: '',
    });
    expect(sync).toBeInstanceOf(SyncStatus);
    expect(sync.syncedOnAll).toBe(true);
    const old = controllerDouble(undefined, '1.12.0');
    await expect(
      old.client(resourceDefinitionMethods).resourceDfnSyncStatus({ rscName: 'r' }),
    ).rejects.toThrow('needed 1.13.0');
  });

  test('resourceDfnModify: scenario 17 body and every key', async () => {
    const d = controllerDouble();
    const lin = d.client(resourceDefinitionMethods);
    await lin.resourceDfnModify({
      name: 'foo',
      propertyDict: { 'DrbdOptions/Net/allow-two-primaries': 'yes' },
    });
    await lin.resourceDfnModify({
      name: 'foo',
      propertyDict: { a: 'b' },
      deleteProps: ['c'],
      peerSlots: 5,
      resourceGroup: 'rg2',
      port: 7001,
    });
    expect(d.work().map(req)).toEqual([
      {
        method: 'PUT',
        path: '/v1/resource-definitions/foo',
        query: '',
        body: { override_props: { 'DrbdOptions/Net/allow-two-primaries': 'yes' } },
      },
      {
        method: 'PUT',
        path: '/v1/resource-definitions/foo',
        query: '',
        body: {
          drbd_peer_slots: 5,
          override_props: { a: 'b' },
          delete_props: ['c'],
          resource_group: 'rg2',
          drbd_port: 7001,
        },
      },
    ]);
  });

  test('resourceDfnDelete', async () => {
    const d = controllerDouble();
    await d.client(resourceDefinitionMethods).resourceDfnDelete({ name: 'New_Rsc' });
    expect(req(d.work()[0])).toEqual({
      method: 'DELETE',
      path: '/v1/resource-definitions/New_Rsc',
      query: '',
    });
  });

  test('resourceDfnList: scenario 14 query (with_volume_definitions=true), filters, typed reply', async () => {
    const d = controllerDouble((s) => (s.path === '/v1/resource-definitions' ? json(RDS) : undefined));
    const lin = d.client(resourceDefinitionMethods);
    const result = await lin.resourceDfnList();
    await lin.resourceDfnList({ filterByResourceDefinitions: ['res1', 'res2'], filterByProps: ['Aux/a=1'] });
    await lin.resourceDfnList({ queryVolumeDefinitions: false });
    expect(d.work().map(req)).toEqual([
      { method: 'GET', path: '/v1/resource-definitions', query: 'with_volume_definitions=true' },
      {
        method: 'GET',
        path: '/v1/resource-definitions',
        query:
          'resource_definitions=res1&resource_definitions=res2&with_volume_definitions=true&props=Aux%2Fa%3D1',
      },
      { method: 'GET', path: '/v1/resource-definitions', query: '' },
    ]);
    expect(isListResponse(result)).toBe(true);
    const rds = (result[0] as ResourceDefinitionResponse).resourceDefinitions;
    const [res1, plain] = rds;
    expect([res1.name, res1.externalName, res1.uuid, res1.resourceGroupName, res1.flags]).toEqual([
      'res1',
      'Res One',
      'u-res1',
      'rg1',
      [],
    ]);
    expect(res1.layerData.map((l) => l.type)).toEqual(['DRBD', 'STORAGE']);
    expect([
      res1.drbdData?.port,
      res1.drbdData?.secret,
      res1.drbdData?.peerSlots,
      res1.drbdData?.transportType,
    ]).toEqual([7000, 's3cret', 7, 'IP']);
    expect(res1.layerData[1].drbdResource).toBeUndefined();
    const [vd] = res1.volumeDefinitions;
    expect([vd.number, vd.size, vd.flags, vd.properties, vd.uuid]).toEqual([
      0,
      20480,
      ['GROSS_SIZE'],
      { StorPoolName: 'pool1' },
      'vd0',
    ]);
    expect([vd.drbdData?.minor, vd.drbdData?.number, vd.drbdData?.resourceNameSuffix]).toEqual([1000, 0, '']);
    expect([plain.externalName, plain.resourceGroupName, plain.drbdData, plain.volumeDefinitions]).toEqual([
      '',
      '',
      undefined,
      [],
    ]);
  });

  test('resourceDfnList: per-definition volume definitions below REST 1.0.10 (soft gate)', async () => {
    const d = controllerDouble((s) => {
      if (s.path === '/v1/resource-definitions') return json([{ name: 'r1' }, { name: 'r2' }]);
      if (s.path.endsWith('/volume-definitions'))
        return json([{ volume_number: 0, size_kib: s.path.includes('r1') ? 1 : 2 }]);
      return undefined;
    }, '1.0.9');
    const result = await d.client(resourceDefinitionMethods).resourceDfnList();
    expect(d.work().map(req)).toEqual([
      { method: 'GET', path: '/v1/resource-definitions', query: '' },
      { method: 'GET', path: '/v1/resource-definitions/r1/volume-definitions', query: '' },
      { method: 'GET', path: '/v1/resource-definitions/r2/volume-definitions', query: '' },
    ]);
    const sizes = (result[0] as ResourceDefinitionResponse).resourceDefinitions.map(
      (r) => r.volumeDefinitions[0].size,
    );
    expect(sizes).toEqual([1, 2]);
  });

  test('resourceDfnList below REST 1.0.10: no query parameters, failed volume-definition GETs are skipped', async () => {
    const d = controllerDouble((s) => {
      if (s.path === '/v1/resource-definitions') return json([{ name: 'r1' }, { name: 'r2' }]);
      if (s.path === '/v1/resource-definitions/r1/volume-definitions') return json(ERROR_REPLY, 404);
      if (s.path.endsWith('/volume-definitions')) return json([{ volume_number: 0, size_kib: 2 }]);
      return undefined;
    }, '1.0.9');
    const lin = d.client(resourceDefinitionMethods);
    const result = await lin.resourceDfnList({ filterByResourceDefinitions: ['r1'], filterByProps: ['a'] });
    const rds = (result[0] as ResourceDefinitionResponse).resourceDefinitions;
    expect(rds.map((r) => r.volumeDefinitions.length)).toEqual([0, 1]);
    expect(d.work()[0].query).toBe('');
    await lin.resourceDfnList({ queryVolumeDefinitions: false });
    expect(d.work().slice(3).map(req)).toEqual([
      { method: 'GET', path: '/v1/resource-definitions', query: '' },
    ]);
  });

  test('resourceDfnList / Raise: errors', async () => {
    const d = controllerDouble((s) =>
      s.path === '/v1/resource-definitions' ? json(ERROR_REPLY, 500) : undefined,
    );
    const lin = d.client(resourceDefinitionMethods);
    expect(isApiCallResponseList(await lin.resourceDfnList())).toBe(true);
    await expect(lin.resourceDfnListRaise()).rejects.toBeInstanceOf(LinstorApiCallError);
  });

  test('resourceDfnListRaise: unwraps', async () => {
    const d = controllerDouble((s) => (s.path === '/v1/resource-definitions' ? json(RDS) : undefined));
    const list = await d
      .client(resourceDefinitionMethods)
      .resourceDfnListRaise({ filterByResourceDefinitions: ['res1'] });
    expect(list.resourceDefinitions).toHaveLength(2);
  });

  test('resourceDfnPropsList: case-insensitive match, namespace prefix, {} when absent', async () => {
    const d = controllerDouble((s) => (s.path === '/v1/resource-definitions' ? json(RDS) : undefined));
    const lin = d.client(resourceDefinitionMethods);
    expect(await lin.resourceDfnPropsList({ rscName: 'RES1', filterByNamespace: 'Aux/' })).toEqual({
      'Aux/a': '1',
      'Aux/b': '2',
    });
    expect(await lin.resourceDfnPropsList({ rscName: 'res1' })).toEqual(RDS[0].props);
    expect(await lin.resourceDfnPropsList({ rscName: 'zzz' })).toEqual({});
    expect(req(d.work()[0])).toEqual({
      method: 'GET',
      path: '/v1/resource-definitions',
      query: 'resource_definitions=RES1',
    });
    const err = controllerDouble((s) =>
      s.path === '/v1/resource-definitions' ? json(ERROR_REPLY, 500) : undefined,
    );
    await expect(
      err.client(resourceDefinitionMethods).resourceDfnPropsList({ rscName: 'x' }),
    ).rejects.toBeInstanceOf(LinstorError);
  });
});
