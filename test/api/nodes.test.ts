import { nodeMethods } from '../../src/api/methods/nodes';
import { isApiCallResponseList, isListResponse } from '../../src/api/responses/list-result';
import { NetInterface, NodeListResponse } from '../../src/api/responses/node';
import { ApiCallResponse } from '../../src/core/api-call-response';
import { LinstorApiCallError, LinstorArgumentError, LinstorError } from '../../src/core/errors';
import { controllerDouble, json, req } from './controller-double';

const NODES = [
  {
    name: 'alpha',
    type: 'SATELLITE',
    flags: [],
    props: { 'Aux/x': 'y', CurStltConnName: 'default' },
    net_interfaces: [
      {
        name: 'default',
        address: '10.0.0.1',
        satellite_port: 3366,
        satellite_encryption_type: 'PLAIN',
        is_active: true,
        uuid: 'n1',
      },
    ],
    connection_status: 'ONLINE',
    uuid: 'u-alpha',
    storage_providers: ['DISKLESS', 'LVM', 'LVM_THIN'],
    resource_layers: ['DRBD', 'STORAGE'],
    unsupported_providers: { ZFS: ['zfs not found'] },
    unsupported_layers: { NVME: ['nvme missing'] },
    platform: 'LINUX',
  },
  { name: 'beta', type: 'COMBINED' },
];

const NOT_FOUND =
  '[{"ret_code":-4611686018427387604,"message":"Node \'x\' not found.","cause":"c","correction":"fix","details":"d","obj_refs":{"Node":"x"},"error_report_ids":["ABC-1"]}]';

describe('nodes (§2.2)', () => {
  test('nodeCreate: scenario 4 defaults', async () => {
    const d = controllerDouble();
    const replies = await d
      .client(nodeMethods)
      .nodeCreate({ nodeName: 'alpha', nodeType: 'Satellite', ip: '10.0.0.1' });
    expect(req(d.work()[0])).toEqual({
      method: 'POST',
      path: '/v1/nodes',
      query: '',
      body: {
        name: 'alpha',
        type: 'Satellite',
        net_interfaces: [
          {
            name: 'default',
            address: '10.0.0.1',
            satellite_port: 3366,
            satellite_encryption_type: 'Plain',
            is_active: true,
          },
        ],
      },
    });
    expect(d.work()[0].headers['content-type']).toBe('application/json');
    expect(replies[0]).toBeInstanceOf(ApiCallResponse);
    expect(replies[0].isSuccess()).toBe(true);
  });

  test('nodeCreate: scenario 4 SSL combined keeps the casing, adds props', async () => {
    const d = controllerDouble();
    await d.client(nodeMethods).nodeCreate({
      nodeName: 'beta',
      nodeType: 'combined',
      ip: '10.0.0.2',
      comType: 'SSL',
      propertyDict: { 'Aux/foo': 'bar' },
    });
    expect(d.work()[0].body).toEqual({
      name: 'beta',
      type: 'combined',
      net_interfaces: [
        {
          name: 'default',
          address: '10.0.0.2',
          satellite_port: 3371,
          satellite_encryption_type: 'SSL',
          is_active: true,
        },
      ],
      props: { 'Aux/foo': 'bar' },
    });
  });

  test('nodeCreate: default ports by type, explicit port and interface name', async () => {
    const d = controllerDouble();
    const lin = d.client(nodeMethods);
    await lin.nodeCreate({ nodeName: 'c', nodeType: 'Controller', ip: '1.1.1.1' });
    await lin.nodeCreate({ nodeName: 's', nodeType: 'Satellite', ip: '1.1.1.2', comType: 'SSL' });
    await lin.nodeCreate({
      nodeName: 'p',
      nodeType: 'Auxiliary',
      ip: '1.1.1.3',
      port: 4000,
      netifName: 'data',
    });
    const ports = d
      .work()
      .map((s) => (s.body as { net_interfaces: { satellite_port: number }[] }).net_interfaces[0]);
    expect(ports.map((n) => n.satellite_port)).toEqual([3370, 3367, 4000]);
    expect((d.work()[2].body as { net_interfaces: { name: string }[] }).net_interfaces[0].name).toBe('data');
  });

  test('nodeCreate: scenario 4 unknown type and unknown com type throw before any request', async () => {
    const d = controllerDouble();
    const lin = d.client(nodeMethods);
    await expect(lin.nodeCreate({ nodeName: 'x', nodeType: 'bogus', ip: '1.2.3.4' })).rejects.toThrow(
      "Unknown node type 'bogus'. Known types are: Controller, Auxiliary, Combined, Satellite, Remote_Spdk",
    );
    await expect(
      lin.nodeCreate({ nodeName: 'x', nodeType: 'Satellite', ip: '1', comType: 'TLS' }),
    ).rejects.toThrow('Communication type TLS has no default port');
    expect(d.all).toEqual([]);
  });

  test('nodeCreate: no is_active below REST 1.0.7 or when no version is known (dry-run)', async () => {
    const d = controllerDouble(undefined, '1.0.6');
    await d.client(nodeMethods).nodeCreate({ nodeName: 'a', nodeType: 'Satellite', ip: '1.1.1.1' });
    await d
      .client(nodeMethods)
      .netinterfaceModify({ nodeName: 'a', interfaceName: 'default', isActive: true });
    expect((d.work()[0].body as { net_interfaces: object[] }).net_interfaces[0]).not.toHaveProperty(
      'is_active',
    );
    expect(d.work()[1].body).toEqual({ name: 'default' });
    const dry = controllerDouble();
    const lin = dry.client(nodeMethods, { dryRun: true });
    await lin.nodeCreate({ nodeName: 'a', nodeType: 'Satellite', ip: '1.1.1.1' });
    expect(dry.all).toEqual([]);
    expect(JSON.parse(lin.dryRunRequests[0].body ?? '{}').net_interfaces[0]).not.toHaveProperty('is_active');
  });

  test('nodeCreate: the communication type is matched case-insensitively for the default port', async () => {
    const d = controllerDouble();
    await d
      .client(nodeMethods)
      .nodeCreate({ nodeName: 's', nodeType: 'satellite', ip: '1.1.1.2', comType: 'ssl' });
    const nif = (
      d.work()[0].body as { net_interfaces: { satellite_port: number; satellite_encryption_type: string }[] }
    ).net_interfaces[0];
    expect([nif.satellite_port, nif.satellite_encryption_type]).toEqual([3367, 'ssl']);
  });

  test('nodeCreateEbs, nodeModify, nodeDelete, nodeLost', async () => {
    const d = controllerDouble();
    const lin = d.client(nodeMethods);
    await lin.nodeCreateEbs({ nodeName: 'e1', ebsRemoteName: 'rem' });
    await lin.nodeModify({
      nodeName: 'alpha',
      nodeType: 'Combined',
      propertyDict: { a: 'b' },
      deleteProps: ['c'],
    });
    await lin.nodeModify({ nodeName: 'alpha' });
    await lin.nodeDelete({ nodeName: 'a b/c' });
    await lin.nodeLost({ nodeName: 'gone', asyncMsg: true });
    expect(d.work().map(req)).toEqual([
      { method: 'POST', path: '/v1/nodes/ebs', query: '', body: { name: 'e1', ebs_remote_name: 'rem' } },
      {
        method: 'PUT',
        path: '/v1/nodes/alpha',
        query: '',
        body: { node_type: 'Combined', override_props: { a: 'b' }, delete_props: ['c'] },
      },
      { method: 'PUT', path: '/v1/nodes/alpha', query: '', body: {} },
      // scenario 9: path parameters are percent-encoded
      { method: 'DELETE', path: '/v1/nodes/a%20b%2Fc', query: '' },
      { method: 'DELETE', path: '/v1/nodes/gone/lost', query: '' },
    ]);
  });

  test('nodeReconnect: one PUT per node, replies concatenated', async () => {
    let n = 0;
    const d = controllerDouble((s) =>
      s.method === 'PUT' ? json(`[{"ret_code":33816578,"message":"m${n++}"}]`) : undefined,
    );
    const replies = await d.client(nodeMethods).nodeReconnect({ nodeNames: ['a', 'b/c'] });
    expect(d.work().map(req)).toEqual([
      { method: 'PUT', path: '/v1/nodes/a/reconnect', query: '' },
      { method: 'PUT', path: '/v1/nodes/b%2Fc/reconnect', query: '' },
    ]);
    expect(replies.map((r) => r.message)).toEqual(['m0', 'm1']);
  });

  test('nodeRestore: no body, or the flags (REST 1.10.1)', async () => {
    const d = controllerDouble();
    const lin = d.client(nodeMethods);
    await lin.nodeRestore({ nodeName: 'a' });
    await lin.nodeRestore({ nodeName: 'a', deleteResources: true });
    await lin.nodeRestore({ nodeName: 'a', deleteResources: true, deleteSnapshots: true });
    expect(d.work().map(req)).toEqual([
      { method: 'PUT', path: '/v1/nodes/a/restore', query: '' },
      { method: 'PUT', path: '/v1/nodes/a/restore', query: '', body: { delete_resources: true } },
      {
        method: 'PUT',
        path: '/v1/nodes/a/restore',
        query: '',
        body: { delete_resources: true, delete_snapshots: true },
      },
    ]);
    const old = controllerDouble(undefined, '1.10.0');
    await expect(
      old.client(nodeMethods).nodeRestore({ nodeName: 'a', deleteSnapshots: true }),
    ).rejects.toThrow(
      'Delete snapshots during restore is not supported by server, REST-API-VERSION: 1.10.0; needed 1.10.1',
    );
    expect(old.work()).toEqual([]);
  });

  test('nodeEvacuate: bodies and the hard gates (scenario 12)', async () => {
    const d = controllerDouble(undefined, '1.27.0');
    const lin = d.client(nodeMethods);
    await lin.nodeEvacuate({ nodeName: 'a' });
    await lin.nodeEvacuate({ nodeName: 'a', target: ['b'] });
    await lin.nodeEvacuate({ nodeName: 'a', doNotTarget: ['c', 'd'] });
    expect(d.work().map(req)).toEqual([
      { method: 'PUT', path: '/v1/nodes/a/evacuate', query: '' },
      { method: 'PUT', path: '/v1/nodes/a/evacuate', query: '', body: { target: ['b'] } },
      { method: 'PUT', path: '/v1/nodes/a/evacuate', query: '', body: { do_not_target: ['c', 'd'] } },
    ]);
    await expect(
      lin.nodeEvacuate({ nodeName: 'a', target: ['b'], doNotTarget: ['c'] }),
    ).rejects.toBeInstanceOf(LinstorArgumentError);

    const v125 = controllerDouble(undefined, '1.25.0');
    const err = await v125
      .client(nodeMethods)
      .nodeEvacuate({ nodeName: 'a', target: ['b'] })
      .catch((e) => e);
    expect(err).toBeInstanceOf(LinstorError);
    expect(err.message).toBe(
      'Node evacuate --target is not supported by server, REST-API-VERSION: 1.25.0; needed 1.27.0',
    );
    await v125.client(nodeMethods).nodeEvacuate({ nodeName: 'a' });
    expect(v125.work().map(req)).toEqual([{ method: 'PUT', path: '/v1/nodes/a/evacuate', query: '' }]);

    const v111 = controllerDouble(undefined, '1.11.0');
    await expect(v111.client(nodeMethods).nodeEvacuate({ nodeName: 'a' })).rejects.toThrow(
      'Node evacuate is not supported by server, REST-API-VERSION: 1.11.0; needed 1.12.0',
    );
    expect(v111.work()).toEqual([]);
  });

  test('netinterfaceCreate / Modify / Delete bodies', async () => {
    const d = controllerDouble();
    const lin = d.client(nodeMethods);
    await lin.netinterfaceCreate({ nodeName: 'alpha', interfaceName: 'data', ip: '10.1.0.1' });
    await lin.netinterfaceCreate({
      nodeName: 'alpha',
      interfaceName: 'data',
      ip: '10.1.0.1',
      port: 3367,
      comType: 'SSL',
      isActive: true,
    });
    await lin.netinterfaceCreate({ nodeName: 'alpha', interfaceName: 'x', ip: '10.1.0.2', port: 3366 });
    await lin.netinterfaceModify({ nodeName: 'alpha', interfaceName: 'data' });
    await lin.netinterfaceModify({
      nodeName: 'alpha',
      interfaceName: 'data',
      ip: '10.1.0.9',
      port: 3366,
      comType: 'Plain',
      isActive: true,
    });
    await lin.netinterfaceDelete({ nodeName: 'alpha', interfaceName: 'd/x' });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/nodes/alpha/net-interfaces',
        query: '',
        body: { name: 'data', address: '10.1.0.1', is_active: false },
      },
      {
        method: 'POST',
        path: '/v1/nodes/alpha/net-interfaces',
        query: '',
        body: {
          name: 'data',
          address: '10.1.0.1',
          satellite_port: 3367,
          satellite_encryption_type: 'SSL',
          is_active: true,
        },
      },
      {
        method: 'POST',
        path: '/v1/nodes/alpha/net-interfaces',
        query: '',
        body: {
          name: 'x',
          address: '10.1.0.2',
          satellite_port: 3366,
          satellite_encryption_type: null,
          is_active: false,
        },
      },
      {
        method: 'PUT',
        path: '/v1/nodes/alpha/net-interfaces/data',
        query: '',
        body: { name: 'data', is_active: false },
      },
      {
        method: 'PUT',
        path: '/v1/nodes/alpha/net-interfaces/data',
        query: '',
        body: {
          name: 'data',
          address: '10.1.0.9',
          satellite_port: 3366,
          satellite_encryption_type: 'Plain',
          is_active: true,
        },
      },
      { method: 'DELETE', path: '/v1/nodes/alpha/net-interfaces/d%2Fx', query: '' },
    ]);
  });

  test('netInterfaceList: typed NetInterfaces (quirk 14), or the error replies', async () => {
    const d = controllerDouble((s) =>
      s.path === '/v1/nodes/alpha/net-interfaces'
        ? json(NODES[0].net_interfaces)
        : s.path.startsWith('/v1/nodes/') && s.method === 'GET' && s.path !== '/v1/controller/version'
          ? json(NOT_FOUND, 404)
          : undefined,
    );
    const lin = d.client(nodeMethods);
    const list = await lin.netInterfaceList({ nodeName: 'alpha' });
    expect(req(d.work()[0])).toEqual({ method: 'GET', path: '/v1/nodes/alpha/net-interfaces', query: '' });
    expect(list[0]).toBeInstanceOf(NetInterface);
    const nif = list[0] as NetInterface;
    expect([nif.name, nif.address, nif.stltPort, nif.stltEncryptionType, nif.isActive, nif.uuid]).toEqual([
      'default',
      '10.0.0.1',
      3366,
      'PLAIN',
      true,
      'n1',
    ]);
    const missing = await lin.netInterfaceList({ nodeName: 'x' });
    expect(missing[0]).toBeInstanceOf(ApiCallResponse);
  });

  test('nodeList: scenario 9 filter encoding and the typed reply', async () => {
    const d = controllerDouble((s) => (s.path === '/v1/nodes' ? json(NODES) : undefined));
    const lin = d.client(nodeMethods);
    const result = await lin.nodeList({ filterByNodes: ['a', 'b'], filterByProps: ['Aux/x=y'] });
    expect(req(d.work()[0])).toEqual({
      method: 'GET',
      path: '/v1/nodes',
      query: 'nodes=a&nodes=b&props=Aux%2Fx%3Dy',
    });
    await lin.nodeList();
    await lin.nodeList({ filterByNodes: [] });
    expect(d.work()[1].query).toBe('');
    expect(d.work()[2].query).toBe('');

    expect(isListResponse(result)).toBe(true);
    if (!isListResponse(result)) throw new Error('unreachable');
    const [list] = result;
    expect(list).toBeInstanceOf(NodeListResponse);
    expect(list.nodes.map((n) => n.name)).toEqual(['alpha', 'beta']);
    const alpha = list.node('alpha');
    expect(alpha?.toString()).toBe('Node(alpha, SATELLITE, ONLINE)');
    expect(alpha?.netInterfaces[0].address).toBe('10.0.0.1');
    expect(alpha?.storageProviders).toEqual(['DISKLESS', 'LVM', 'LVM_THIN']);
    expect(alpha?.resourceLayers).toEqual(['DRBD', 'STORAGE']);
    expect(alpha?.unsupportedProviders).toEqual({ ZFS: ['zfs not found'] });
    expect(alpha?.unsupportedLayers).toEqual({ NVME: ['nvme missing'] });
    expect(alpha?.props).toEqual({ 'Aux/x': 'y', CurStltConnName: 'default' });
    expect(alpha?.platform).toBe('LINUX');
    expect(alpha?.uuid).toBe('u-alpha');
    const beta = list.node('beta');
    expect([beta?.connectionStatus, beta?.platform, beta?.flags, beta?.netInterfaces]).toEqual([
      'OFFLINE',
      '',
      [],
      [],
    ]);
    expect(list.node('gamma')).toBeUndefined();
    expect(JSON.parse(JSON.stringify(list))).toEqual(NODES);
  });

  test('nodeList / nodeListRaise: scenario 10 error mapping', async () => {
    const d = controllerDouble((s) => (s.path === '/v1/nodes' ? json(NOT_FOUND, 404) : undefined));
    const lin = d.client(nodeMethods);
    const result = await lin.nodeList();
    expect(isApiCallResponseList(result)).toBe(true);
    if (!isApiCallResponseList(result)) throw new Error('unreachable');
    expect(result).toHaveLength(1);
    const r = result[0];
    expect([r.isError(), r.isWarning(), r.isInfo(), r.isSuccess()]).toEqual([true, true, true, false]);
    expect([r.message, r.cause, r.correction, r.details]).toEqual(["Node 'x' not found.", 'c', 'fix', 'd']);
    expect(r.objRefs).toEqual({ Node: 'x' });
    expect(r.errorReportIds).toEqual(['ABC-1']);
    const err = await lin.nodeListRaise().catch((e) => e);
    expect(err).toBeInstanceOf(LinstorApiCallError);
    expect(err.message).toBe("ERRO:Node 'x' not found.");
  });

  test('nodeListRaise: unwraps the typed reply', async () => {
    const d = controllerDouble((s) => (s.path === '/v1/nodes' ? json(NODES) : undefined));
    const list = await d.client(nodeMethods).nodeListRaise({ filterByNodes: ['alpha'] });
    expect(list.nodes).toHaveLength(2);
    expect(d.work()[0].query).toBe('nodes=alpha');
  });

  test('nodeSetLogLevel: level_linstor, or level for the library', async () => {
    const d = controllerDouble();
    const lin = d.client(nodeMethods);
    await lin.nodeSetLogLevel({ nodeName: 'alpha', level: 'DEBUG' });
    await lin.nodeSetLogLevel({ nodeName: 'alpha', level: 'TRACE', library: true });
    expect(d.work().map(req)).toEqual([
      { method: 'PUT', path: '/v1/nodes/alpha/config', query: '', body: { log: { level_linstor: 'DEBUG' } } },
      { method: 'PUT', path: '/v1/nodes/alpha/config', query: '', body: { log: { level: 'TRACE' } } },
    ]);
  });
});
