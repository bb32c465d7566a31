import { nodeConnectionMethods } from '../../src/api/methods/node-connections';
import { isListResponse } from '../../src/api/responses/list-result';
import { NodeConnection, NodeConnectionsResponse } from '../../src/api/responses/node-connection';
import { ApiCallResponse } from '../../src/core/api-call-response';
import { LinstorApiCallError } from '../../src/core/errors';
import { controllerDouble, json, req } from './controller-double';

const CONNS = [
  { node_a: 'alpha', node_b: 'beta', props: { 'DrbdOptions/Net/protocol': 'C' } },
  { node_a: 'alpha', node_b: 'gamma', flags: ['X'] },
];
const NOT_FOUND = `[{"ret_code":-4611686018424766164,"message":"Node connection between 'a' and 'b' not found."}]`;

describe('node connections (§2.3)', () => {
  test('nodeConnModify: PUT with the property edits', async () => {
    const d = controllerDouble();
    await d.client(nodeConnectionMethods).nodeConnModify({
      nodeA: 'alpha',
      nodeB: 'be ta',
      propertyDict: { 'DrbdOptions/Net/protocol': 'A' },
      deleteProps: ['Aux/x'],
    });
    expect(req(d.work()[0])).toEqual({
      method: 'PUT',
      path: '/v1/node-connections/alpha/be%20ta',
      query: '',
      body: { override_props: { 'DrbdOptions/Net/protocol': 'A' }, delete_props: ['Aux/x'] },
    });
  });

  test('nodeConnList / nodeConnListRaise: query and typed reply', async () => {
    const d = controllerDouble((s) => (s.path === '/v1/node-connections' ? json(CONNS) : undefined));
    const lin = d.client(nodeConnectionMethods);
    const result = await lin.nodeConnList({ nodeA: 'alpha', nodeB: 'beta' });
    await lin.nodeConnList();
    const raised = await lin.nodeConnListRaise({ nodeA: 'alpha' });
    expect(d.work().map(req)).toEqual([
      { method: 'GET', path: '/v1/node-connections', query: 'node_a=alpha&node_b=beta' },
      { method: 'GET', path: '/v1/node-connections', query: '' },
      { method: 'GET', path: '/v1/node-connections', query: 'node_a=alpha' },
    ]);
    expect(isListResponse(result)).toBe(true);
    expect(result[0]).toBeInstanceOf(NodeConnectionsResponse);
    const conns = raised.nodeConnections;
    expect(conns.map((c) => [c.nodeA, c.nodeB])).toEqual([
      ['alpha', 'beta'],
      ['alpha', 'gamma'],
    ]);
    expect(conns[0].properties).toEqual({ 'DrbdOptions/Net/protocol': 'C' });
    expect(conns[0].flags).toEqual([]);
    expect(conns[1].flags).toEqual(['X']);
  });

  test('nodeConnListSpecificPair: the matching element (quirk 13), or the 404 replies', async () => {
    const d = controllerDouble((s) =>
      s.path === '/v1/node-connections'
        ? s.query.includes('node_b=zeta')
          ? json(NOT_FOUND, 404)
          : json([CONNS[0]])
        : undefined,
    );
    const lin = d.client(nodeConnectionMethods);
    const pair = await lin.nodeConnListSpecificPair({ nodeA: 'alpha', nodeB: 'beta' });
    expect(req(d.work()[0])).toEqual({
      method: 'GET',
      path: '/v1/node-connections',
      query: 'node_a=alpha&node_b=beta',
    });
    expect(pair[0]).toBeInstanceOf(NodeConnection);
    expect((pair[0] as NodeConnection).nodeB).toBe('beta');
    const missing = await lin.nodeConnListSpecificPair({ nodeA: 'alpha', nodeB: 'zeta' });
    expect(missing[0]).toBeInstanceOf(ApiCallResponse);
    expect((missing[0] as ApiCallResponse).message).toBe("Node connection between 'a' and 'b' not found.");
    await expect(lin.nodeConnListRaise({ nodeA: 'alpha', nodeB: 'zeta' })).rejects.toBeInstanceOf(
      LinstorApiCallError,
    );
  });
});
