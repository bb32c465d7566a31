import { resourceConnectionMethods } from '../../src/api/methods/resource-connections';
import { ResourceConnection, ResourceConnectionsResponse } from '../../src/api/responses/resource-connection';
import { LinstorApiCallError } from '../../src/core/errors';
import { controllerDouble, json, req } from './controller-double';

const CONN = {
  node_a: 'alpha',
  node_b: 'beta',
  props: { 'DrbdOptions/Net/protocol': 'C' },
  flags: [],
  port: 7001,
};
const NOT_FOUND =
  '[{"ret_code":-4611686018427386906,"message":"Resource connection between \'alpha\' and \'gamma\' not found."}]';

describe('resource connections and DRBD proxy (§2.12)', () => {
  test('resourceConnModify', async () => {
    const d = controllerDouble();
    await d.client(resourceConnectionMethods).resourceConnModify({
      rscName: 'res 1',
      nodeA: 'alpha',
      nodeB: 'beta',
      propertyDict: { 'DrbdOptions/Net/protocol': 'C' },
      deleteProps: ['Aux/x'],
    });
    expect(req(d.work()[0])).toEqual({
      method: 'PUT',
      path: '/v1/resource-definitions/res%201/resource-connections/alpha/beta',
      query: '',
      body: { override_props: { 'DrbdOptions/Net/protocol': 'C' }, delete_props: ['Aux/x'] },
    });
  });

  test('resourceConnList / Raise', async () => {
    let status = 200;
    const d = controllerDouble((s) =>
      s.method === 'GET' && s.path.endsWith('/resource-connections')
        ? json(status === 200 ? [CONN] : '[{"ret_code":-4611686018427386902,"message":"no rd"}]', status)
        : undefined,
    );
    const lin = d.client(resourceConnectionMethods);
    const list = await lin.resourceConnList({ rscName: 'res1' });
    expect(req(d.work()[0])).toEqual({
      method: 'GET',
      path: '/v1/resource-definitions/res1/resource-connections',
      query: '',
    });
    expect(list[0]).toBeInstanceOf(ResourceConnectionsResponse);
    const conn = (list[0] as ResourceConnectionsResponse).resourceConnections[0];
    expect([conn.nodeA, conn.nodeB, conn.port, conn.properties]).toEqual(['alpha', 'beta', 7001, CONN.props]);
    await expect(lin.resourceConnListRaise({ rscName: 'res1' })).resolves.toBeInstanceOf(
      ResourceConnectionsResponse,
    );
    status = 404;
    await expect(lin.resourceConnListRaise({ rscName: 'res1' })).rejects.toBeInstanceOf(LinstorApiCallError);
  });

  test('resourceConnNodeListRaise: single object (controller), one-element array (spec), 404 throws', async () => {
    let body: unknown = CONN;
    let status = 200;
    const d = controllerDouble((s) =>
      s.method === 'GET' && s.path.includes('/resource-connections/') ? json(body, status) : undefined,
    );
    const lin = d.client(resourceConnectionMethods);
    const one = await lin.resourceConnNodeListRaise({ rscName: 'res1', nodeA: 'alpha', nodeB: 'beta' });
    expect(req(d.work()[0])).toEqual({
      method: 'GET',
      path: '/v1/resource-definitions/res1/resource-connections/alpha/beta',
      query: '',
    });
    expect(one).toBeInstanceOf(ResourceConnection);
    expect(one.nodeB).toBe('beta');
    body = [CONN];
    expect(
      (await lin.resourceConnNodeListRaise({ rscName: 'res1', nodeA: 'alpha', nodeB: 'beta' })).nodeA,
    ).toBe('alpha');
    body = NOT_FOUND;
    status = 404;
    await expect(
      lin.resourceConnNodeListRaise({ rscName: 'res1', nodeA: 'alpha', nodeB: 'gamma' }),
    ).rejects.toThrow("ERRO:Resource connection between 'alpha' and 'gamma' not found.");
  });

  test('drbdProxyEnable / Disable / Modify', async () => {
    const d = controllerDouble();
    const lin = d.client(resourceConnectionMethods);
    await lin.drbdProxyEnable({ rscName: 'r', nodeA: 'a', nodeB: 'b' });
    await lin.drbdProxyEnable({ rscName: 'r', nodeA: 'a', nodeB: 'b', port: 7100 });
    await lin.drbdProxyDisable({ rscName: 'r', nodeA: 'a', nodeB: 'b' });
    await lin.drbdProxyModify({ rscName: 'r' });
    await lin.drbdProxyModify({
      rscName: 'r',
      propertyDict: { 'DrbdOptions/Proxy/memlimit': '100M' },
      deleteProps: ['x'],
      compressionType: 'zlib',
      compressionPropertyDict: { level: '9' },
    });
    await lin.drbdProxyModify({ rscName: 'r', compressionPropertyDict: { level: '9' } });
    expect(d.work().map(req)).toEqual([
      { method: 'POST', path: '/v1/resource-definitions/r/drbd-proxy/enable/a/b', query: '', body: {} },
      {
        method: 'POST',
        path: '/v1/resource-definitions/r/drbd-proxy/enable/a/b',
        query: '',
        body: { port: 7100 },
      },
      { method: 'POST', path: '/v1/resource-definitions/r/drbd-proxy/disable/a/b', query: '' },
      { method: 'PUT', path: '/v1/resource-definitions/r/drbd-proxy', query: '', body: {} },
      {
        method: 'PUT',
        path: '/v1/resource-definitions/r/drbd-proxy',
        query: '',
        body: {
          override_props: { 'DrbdOptions/Proxy/memlimit': '100M' },
          delete_props: ['x'],
          compression_type: 'zlib',
          compression_props: { level: '9' },
        },
      },
      { method: 'PUT', path: '/v1/resource-definitions/r/drbd-proxy', query: '', body: {} },
    ]);
  });
});
