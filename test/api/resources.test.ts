import { resourceMethods } from '../../src/api/methods/resources';
import { volumeMethods } from '../../src/api/methods/volumes';
import { ResourceData } from '../../src/api/resource-data';
import { isListResponse } from '../../src/api/responses/list-result';
import { ResourceResponse } from '../../src/api/responses/resource';
import { LinstorApiCallError, LinstorError } from '../../src/core/errors';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

const methods = { ...resourceMethods, ...volumeMethods };

const VIEW = [
  {
    name: 'res1',
    node_name: 'alpha',
    flags: ['DISKLESS', 'DRBD_DISKLESS'],
    props: { StorPoolName: 'DfltDisklessStorPool' },
    state: { in_use: false },
    uuid: 'u1',
    create_timestamp: 1735689600000,
    layer_object: {
      type: 'DRBD',
      drbd: {
        node_id: 1,
        peer_slots: 7,
        tcp_ports: [7000],
        connections: { beta: { connected: true, message: 'Connected' } },
      },
      children: [{ type: 'STORAGE' }],
    },
    volumes: [
      {
        volume_number: 0,
        storage_pool_name: 'DfltDisklessStorPool',
        provider_kind: 'DISKLESS',
        device_path: '/dev/drbd1000',
        allocated_size_kib: 0,
        state: { disk_state: 'Diskless', replication_states: { beta: { replication_state: 'Established' } } },
        layer_data_list: [
          { type: 'DRBD', data: { device_path: '/dev/drbd1000', usable_size_kib: 102400 } },
          { type: 'STORAGE', data: {} },
        ],
        reports: [{ ret_code: 'RC', message: 'bad' }],
      },
    ],
  },
];

/** The view as the controller sends it: the 19-digit ret_code written as exact JSON digits. */
const viewJson = (view: unknown) => JSON.stringify(view).replace('"RC"', '-4611686018407202314');

describe('resources (§2.10)', () => {
  test('resourceCreate: scenario 7, one array entry per resource, URL from the first', async () => {
    const d = controllerDouble();
    const lin = d.client(methods);
    await lin.resourceCreate({
      rscs: [
        new ResourceData({ nodeName: 'alpha', rscName: 'res1', storagePool: 'pool1' }),
        {
          nodeName: 'beta',
          rscName: 'res1',
          diskless: true,
          nodeId: 3,
          layerList: ['drbd', 'storage'],
          active: false,
        },
      ],
    });
    expect(req(d.work()[0])).toEqual({
      method: 'POST',
      path: '/v1/resource-definitions/res1/resources',
      query: '',
      body: [
        { resource: { node_name: 'alpha', props: { StorPoolName: 'pool1' } } },
        {
          resource: { node_name: 'beta', flags: ['DISKLESS', 'INACTIVE'] },
          drbd_node_id: 3,
          layer_list: ['drbd', 'storage'],
        },
      ],
    });
  });

  test('resourceCreate: every flag in python order, tcp ports, and a diskless pool', async () => {
    const d = controllerDouble();
    await d.client(methods).resourceCreate({
      rscs: [
        {
          nodeName: 'n 1',
          rscName: 'r/1',
          diskless: true,
          drbdDiskless: true,
          nvmeInitiator: true,
          ebsInitiator: true,
          active: false,
          storagePool: 'dl',
          drbdTcpPorts: [7000, 7001],
        },
      ],
    });
    expect(req(d.work()[0])).toEqual({
      method: 'POST',
      path: '/v1/resource-definitions/r%2F1/resources',
      query: '',
      body: [
        {
          resource: {
            node_name: 'n 1',
            props: { StorPoolName: 'dl' },
            flags: ['DISKLESS', 'DRBD_DISKLESS', 'NVME_INITIATOR', 'EBS_INITIATOR', 'INACTIVE'],
          },
          drbd_tcp_ports: [7000, 7001],
        },
      ],
    });
    await expect(d.client(methods).resourceCreate({ rscs: [] })).rejects.toBeInstanceOf(LinstorError);
  });

  test('resourceAutoPlace: scenario 8 and the select-filter keys', async () => {
    const d = controllerDouble();
    const lin = d.client(methods);
    await lin.resourceAutoPlace({
      rscName: 'res1',
      placeCount: 3,
      storagePool: 'pool1',
      disklessOnRemaining: true,
    });
    expect(req(d.work()[0])).toEqual({
      method: 'POST',
      path: '/v1/resource-definitions/res1/autoplace',
      query: '',
      body: {
        diskless_on_remaining: true,
        select_filter: { place_count: 3, diskless_on_remaining: true, storage_pool_list: ['pool1'] },
      },
    });
    await lin.resourceAutoPlace({
      rscName: 'res1',
      placeCount: null,
      additionalPlaceCount: 1,
      doNotPlaceWith: ['x'],
      doNotPlaceWithRegex: 'y.*',
      replicasOnSame: ['Aux/a'],
      replicasOnDifferent: ['Aux/b'],
      xReplicasOnDifferent: { 'Aux/c': 2 },
      layerList: ['drbd', 'storage'],
      providerList: ['LVM'],
      disklessType: 'DRBD_DISKLESS',
      disklessStoragePool: ['dl'],
    });
    expect(d.work()[1].body).toEqual({
      diskless_on_remaining: false,
      layer_list: ['drbd', 'storage'],
      select_filter: {
        additional_place_count: 1,
        diskless_type: 'DRBD_DISKLESS',
        diskless_on_remaining: false,
        storage_pool_diskless_list: ['dl'],
        not_place_with_rsc: ['x'],
        not_place_with_rsc_regex: 'y.*',
        replicas_on_same: ['Aux/a'],
        replicas_on_different: ['Aux/b'],
        x_replicas_on_different_map: { 'Aux/c': 2 },
        layer_stack: ['drbd', 'storage'],
        provider_list: ['LVM'],
      },
    });
  });

  test('resourceCreateAndAutoPlace: three requests, stops at the first non-success first reply', async () => {
    const d = controllerDouble();
    await d
      .client(methods)
      .resourceCreateAndAutoPlace({ rscName: 'res1', size: 1024, placeCount: 2, storagePool: 'p' });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/resource-definitions',
        query: '',
        body: { resource_definition: { name: 'res1' } },
      },
      {
        method: 'POST',
        path: '/v1/resource-definitions/res1/volume-definitions',
        query: '',
        body: { volume_definition: { size_kib: 1024, flags: [], props: { StorPoolName: 'p' } } },
      },
      {
        method: 'POST',
        path: '/v1/resource-definitions/res1/autoplace',
        query: '',
        body: {
          diskless_on_remaining: false,
          select_filter: { place_count: 2, diskless_on_remaining: false, storage_pool_list: ['p'] },
        },
      },
    ]);

    // A warning (not an error) on the volume definition still stops the sequence, as in python.
    const warn = '[{"ret_code":-9223372036854774808,"message":"careful"}]';
    const d2 = controllerDouble((s) =>
      s.path.endsWith('/volume-definitions') ? json(warn, 201) : undefined,
    );
    const replies = await d2
      .client(methods)
      .resourceCreateAndAutoPlace({ rscName: 'res1', size: 1, placeCount: 1 });
    expect(replies[0].message).toBe('careful');
    expect(d2.work()).toHaveLength(2);
    expect(d2.work()[1].body).toEqual({ volume_definition: { size_kib: 1, flags: [] } });
  });

  test('resourceMakeAvailable, resourceModify, resourceActivate/Deactivate', async () => {
    const d = controllerDouble();
    const lin = d.client(methods);
    await lin.resourceMakeAvailable({ nodeName: 'gamma', rscName: 'foo' });
    await lin.resourceMakeAvailable({
      nodeName: 'gamma',
      rscName: 'foo',
      diskful: true,
      layerList: ['drbd', 'storage'],
      drbdTcpPorts: [7010],
    });
    await lin.resourceModify({
      nodeName: 'a',
      rscName: 'r',
      propertyDict: { 'Aux/x': '1' },
      deleteProps: ['Aux/y'],
    });
    await lin.resourceModify({ nodeName: 'a', rscName: 'r', propertyDict: null });
    await lin.resourceActivate({ nodeName: 'a', rscName: 'r' });
    await lin.resourceDeactivate({ nodeName: 'a', rscName: 'r' });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/resource-definitions/foo/resources/gamma/make-available',
        query: '',
        body: { diskful: false },
      },
      {
        method: 'POST',
        path: '/v1/resource-definitions/foo/resources/gamma/make-available',
        query: '',
        body: { diskful: true, layer_list: ['drbd', 'storage'], drbd_tcp_ports: [7010] },
      },
      {
        method: 'PUT',
        path: '/v1/resource-definitions/r/resources/a',
        query: '',
        body: { override_props: { 'Aux/x': '1' }, delete_props: ['Aux/y'] },
      },
      { method: 'PUT', path: '/v1/resource-definitions/r/resources/a', query: '', body: {} },
      { method: 'POST', path: '/v1/resource-definitions/r/resources/a/activate', query: '' },
      { method: 'POST', path: '/v1/resource-definitions/r/resources/a/deactivate', query: '' },
    ]);
  });

  test('resourceActivate needs REST 1.2.0 and throws before sending', async () => {
    const d = controllerDouble(undefined, '1.1.0');
    const lin = d.client(methods);
    await expect(lin.resourceActivate({ nodeName: 'a', rscName: 'r' })).rejects.toThrow(
      'REST action not supported by server, REST-API-VERSION: 1.1.0; needed 1.2.0',
    );
    expect(d.work()).toHaveLength(0);
  });

  test('resourceDelete: scenario 8 keep_tiebreaker=True, plain delete has no query', async () => {
    const d = controllerDouble();
    const lin = d.client(methods);
    await lin.resourceDelete({ nodeName: 'alpha', rscName: 'res1', keepTiebreaker: true });
    await lin.resourceDelete({ nodeName: 'alpha', rscName: 'res1' });
    expect(d.work().map(req)).toEqual([
      {
        method: 'DELETE',
        path: '/v1/resource-definitions/res1/resources/alpha',
        query: 'keep_tiebreaker=True',
      },
      { method: 'DELETE', path: '/v1/resource-definitions/res1/resources/alpha', query: '' },
    ]);
  });

  test('resourceToggleDisk: scenario 8 paths', async () => {
    const d = controllerDouble();
    const lin = d.client(methods);
    await lin.resourceToggleDisk({ nodeName: 'alpha', rscName: 'res1', storagePool: 'pool1' });
    await lin.resourceToggleDisk({ nodeName: 'alpha', rscName: 'res1' });
    await lin.resourceToggleDisk({ nodeName: 'alpha', rscName: 'res1', diskless: true });
    await lin.resourceToggleDisk({ nodeName: 'alpha', rscName: 'res1', diskless: true, storagePool: 'dl' });
    await lin.resourceToggleDisk({ nodeName: 'alpha', rscName: 'res1', migrateFrom: 'beta', diskless: true });
    await lin.resourceToggleDisk({
      nodeName: 'alpha',
      rscName: 'res1',
      migrateFrom: 'beta',
      storagePool: 'p',
    });
    expect(d.work().map((s) => `${s.method} ${s.path} ${s.body === undefined ? 'no-body' : 'body'}`)).toEqual(
      [
        'PUT /v1/resource-definitions/res1/resources/alpha/toggle-disk/diskful/pool1 no-body',
        'PUT /v1/resource-definitions/res1/resources/alpha/toggle-disk/diskful no-body',
        'PUT /v1/resource-definitions/res1/resources/alpha/toggle-disk/diskless no-body',
        'PUT /v1/resource-definitions/res1/resources/alpha/toggle-disk/diskless/dl no-body',
        'PUT /v1/resource-definitions/res1/resources/alpha/migrate-disk/beta no-body',
        'PUT /v1/resource-definitions/res1/resources/alpha/migrate-disk/beta/p no-body',
      ],
    );
  });

  test('resourceDeleteIfDiskless: diskless -> DELETE; diskful and absent -> synthetic success; error passed on', async () => {
    let view: unknown = VIEW;
    let status = 200;
    const d = controllerDouble((s) => (s.path === '/v1/view/resources' ? json(view, status) : undefined));
    const lin = d.client(methods);

    await lin.resourceDeleteIfDiskless({ nodeName: 'alpha', rscName: 'res1' });
    expect(d.work().map(req)).toEqual([
      { method: 'GET', path: '/v1/view/resources', query: 'nodes=alpha&resources=res1' },
      { method: 'DELETE', path: '/v1/resource-definitions/res1/resources/alpha', query: '' },
    ]);

    view = [{ ...VIEW[0], flags: [] }];
    const notDiskless = await lin.resourceDeleteIfDiskless({ nodeName: 'alpha', rscName: 'res1' });
    expect(notDiskless.map((r) => [r.retCode, r.message])).toEqual([
      [0n, 'Resource res1 not diskless on node alpha, not deleted'],
    ]);

    view = [];
    const absent = await lin.resourceDeleteIfDiskless({ nodeName: 'alpha', rscName: 'res1' });
    expect(absent.map((r) => [r.retCode, r.message, r.isSuccess()])).toEqual([
      [0n, 'Resource res1 did not exist on node alpha', true],
    ]);

    view = ERROR_REPLY;
    status = 500;
    const failed = await lin.resourceDeleteIfDiskless({ nodeName: 'alpha', rscName: 'res1' });
    expect(failed[0].isError()).toBe(true);
    expect(d.work().filter((s) => s.method === 'DELETE')).toHaveLength(1);
  });

  test('resourceList/Raise: python shape, wrappers, and the raising variant', async () => {
    let reply = () => json(viewJson(VIEW));
    const d = controllerDouble((s) => (s.path === '/v1/view/resources' ? reply() : undefined));
    const lin = d.client(methods);
    const result = await lin.resourceList({
      filterByNodes: ['alpha'],
      filterByResources: ['res1'],
      filterByProps: ['Aux/x=y'],
    });
    expect(req(d.work()[0])).toEqual({
      method: 'GET',
      path: '/v1/view/resources',
      query: 'nodes=alpha&resources=res1&props=Aux%2Fx%3Dy',
    });
    expect(isListResponse(result)).toBe(true);
    const list = result[0] as ResourceResponse;
    expect(list).toBeInstanceOf(ResourceResponse);
    expect(list.nodes).toEqual(['alpha']);
    const rsc = list.resources[0];
    expect([rsc.name, rsc.nodeName, rsc.flags, rsc.createDatetime?.toISOString()]).toEqual([
      'res1',
      'alpha',
      ['DISKLESS', 'DRBD_DISKLESS'],
      '2025-01-01T00:00:00.000Z',
    ]);
    expect(rsc.layerData?.layerStack).toEqual(['DRBD', 'STORAGE']);
    expect(rsc.layerData?.drbdResource?.connections.beta.message).toBe('Connected');
    const vol = rsc.volumes[0];
    expect([vol.number, vol.storagePoolDriverName, vol.devicePath, vol.usableSize]).toEqual([
      0,
      'DISKLESS',
      '/dev/drbd1000',
      102400,
    ]);
    expect(vol.drbdData?.devicePath).toBe('/dev/drbd1000');
    expect(vol.layerData.map((l) => l.layerType)).toEqual(['DRBD', 'STORAGE']);
    expect(vol.reports[0].retCode).toBe(0xc0000000013401f6n);
    const [state] = list.resourceStates;
    expect([state.rscName, state.nodeName, state.inUse]).toEqual(['res1', 'alpha', false]);
    expect(state.volumeStates[0].number).toBe(0);
    expect(state.volumeStates[0].diskState).toBe('Diskless');
    expect(state.volumeStates[0].replicationStates.beta.replicationState).toBe('Established');

    await expect(lin.resourceListRaise()).resolves.toBeInstanceOf(ResourceResponse);
    expect(d.work()[1].query).toBe('');

    reply = () => json(ERROR_REPLY, 404);
    const failed = await lin.resourceList();
    expect(isListResponse(failed)).toBe(false);
    expect(failed[0]).toMatchObject({ message: 'Something failed.' });
    await expect(lin.resourceListRaise()).rejects.toBeInstanceOf(LinstorApiCallError);
  });
});

describe('volumes (§2.11)', () => {
  test('volumeList: scenario 9 encoding', async () => {
    const d = controllerDouble((s) => (s.path === '/v1/view/resources' ? json([]) : undefined));
    const lin = d.client(methods);
    const result = await lin.volumeList({
      filterByNodes: ['a'],
      filterByStorPools: ['p'],
      filterByResources: ['r'],
    });
    expect(req(d.work()[0])).toEqual({
      method: 'GET',
      path: '/v1/view/resources',
      query: 'nodes=a&storage_pools=p&resources=r',
    });
    expect(result[0]).toBeInstanceOf(ResourceResponse);
    await lin.volumeList({ filterByNodes: [], filterByProps: ['Aux/a', 'Aux/b'] });
    expect(d.work()[1].query).toBe('props=Aux%2Fa&props=Aux%2Fb');
    await expect(lin.volumeListRaise({ filterByNodes: ['a b'] })).resolves.toBeInstanceOf(ResourceResponse);
    expect(d.work()[2].query).toBe('nodes=a+b');
  });

  test('volumeModify: props body, REST 1.0.6 gate message', async () => {
    const d = controllerDouble();
    await d.client(methods).volumeModify({
      nodeName: 'alpha',
      rscName: 'res1',
      vlmNr: 0,
      propertyDict: { 'Aux/x': 'y' },
      deleteProps: ['Aux/z'],
    });
    expect(req(d.work()[0])).toEqual({
      method: 'PUT',
      path: '/v1/resource-definitions/res1/resources/alpha/volumes/0',
      query: '',
      body: { override_props: { 'Aux/x': 'y' }, delete_props: ['Aux/z'] },
    });
    const old = controllerDouble(undefined, '1.0.5');
    await expect(
      old.client(methods).volumeModify({ nodeName: 'a', rscName: 'r', vlmNr: 1, propertyDict: {} }),
    ).rejects.toThrow('Volume modify not supported by server, REST-API-VERSION: 1.0.5; needed 1.0.6');
    expect(old.work()).toHaveLength(0);
  });
});
