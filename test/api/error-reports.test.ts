import { errorReportMethods } from '../../src/api/methods/error-reports';
import { ErrorReport } from '../../src/api/responses/error-report';
import { ApiCallResponse } from '../../src/core/api-call-response';
import { LinstorArgumentError } from '../../src/core/errors';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

const report = (id: string, node: string) => ({
  node_name: node,
  error_time: 1735689600000,
  filename: `ErrorReport-${id}.log`,
  module: 'SATELLITE',
  version: '1.29.0',
  exception: 'NullPointerException',
  origin_line: 42,
});

describe('error reports (§2.15)', () => {
  test('scenario 22: one GET per node with withContent=True&node=..', async () => {
    const d = controllerDouble((s) =>
      s.path === '/v1/error-reports'
        ? json([report(`X-${new URLSearchParams(s.query).get('node')}`, 'n')])
        : undefined,
    );
    const result = await d
      .client(errorReportMethods)
      .errorReportList({ nodes: ['a', 'b'], withContent: true });
    expect(d.work().map(req)).toEqual([
      { method: 'GET', path: '/v1/error-reports', query: 'withContent=True&node=a' },
      { method: 'GET', path: '/v1/error-reports', query: 'withContent=True&node=b' },
    ]);
    expect(result.map((r) => (r as ErrorReport).id)).toEqual(['X-a', 'X-b']);
  });

  test('plain list, since/to as UTC epoch ms, ids one GET each (first element kept), errors mixed in', async () => {
    const d = controllerDouble((s) => {
      if (s.path === '/v1/error-reports') return json([report('A', 'alpha'), report('B', 'beta')]);
      if (s.path === '/v1/error-reports/ID1') return json([report('ID1', 'alpha'), report('other', 'x')]);
      if (s.path === '/v1/error-reports/ID%2F2') return json(ERROR_REPLY, 500);
      return undefined;
    });
    const lin = d.client(errorReportMethods);
    const all = await lin.errorReportList();
    const since = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));
    await lin.errorReportList({ since, to: 1735776000000 });
    const byId = await lin.errorReportList({ ids: ['ID1', 'ID/2'], withContent: true });
    expect(d.work().map(req)).toEqual([
      { method: 'GET', path: '/v1/error-reports', query: 'withContent=False' },
      {
        method: 'GET',
        path: '/v1/error-reports',
        query: 'withContent=False&since=1735689600000&to=1735776000000',
      },
      { method: 'GET', path: '/v1/error-reports/ID1', query: 'withContent=True' },
      { method: 'GET', path: '/v1/error-reports/ID%2F2', query: 'withContent=True' },
    ]);
    expect(all).toHaveLength(2);
    const first = all[0] as ErrorReport;
    expect([
      first.id,
      first.nodeName,
      first.nodeNames,
      first.originLine,
      first.datetime?.toISOString(),
    ]).toEqual(['A', 'alpha', 'alpha', 42, '2025-01-01T00:00:00.000Z']);
    expect(byId).toHaveLength(2);
    expect(byId[0]).toBeInstanceOf(ErrorReport);
    expect(byId[1]).toBeInstanceOf(ApiCallResponse);
    await expect(lin.errorReportList({ since: new Date('nope') })).rejects.toBeInstanceOf(
      LinstorArgumentError,
    );
  });

  test('errorReportDelete: PATCH body, REST 1.4.0', async () => {
    const d = controllerDouble();
    const lin = d.client(errorReportMethods);
    await lin.errorReportDelete({});
    await lin.errorReportDelete({
      nodes: ['alpha'],
      since: new Date(Date.UTC(2025, 0, 1)),
      to: 1735776000000,
      exception: 'NPE',
      version: '1.29.0',
      ids: ['A', 'B'],
    });
    expect(d.work().map(req)).toEqual([
      { method: 'PATCH', path: '/v1/error-reports', query: '', body: {} },
      {
        method: 'PATCH',
        path: '/v1/error-reports',
        query: '',
        body: {
          nodes: ['alpha'],
          since: 1735689600000,
          to: 1735776000000,
          exception: 'NPE',
          version: '1.29.0',
          ids: ['A', 'B'],
        },
      },
    ]);
    const old = controllerDouble(undefined, '1.3.0');
    await expect(old.client(errorReportMethods).errorReportDelete({ ids: ['A'] })).rejects.toThrow(
      'needed 1.4.0',
    );
    expect(old.work()).toHaveLength(0);
  });
});
