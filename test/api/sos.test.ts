import { sosMethods } from '../../src/api/methods/sos';
import { SpaceReport } from '../../src/api/responses/physical-storage';
import { SosReportDownload } from '../../src/api/sos-report-download';
import type { ApiCallResponse } from '../../src/core/api-call-response';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

const TARBALL = Uint8Array.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4]);

function download(headers: Record<string, string> = {}): Response {
  return new Response(TARBALL, {
    status: 200,
    headers: { 'content-type': 'application/octet-stream', ...headers },
  });
}

describe('SOS report and space report (§2.15)', () => {
  test('sosReportCreate: query order and include-ctrl=false, since as UTC epoch ms', async () => {
    const d = controllerDouble();
    const lin = d.client(sosMethods);
    await lin.sosReportCreate();
    await lin.sosReportCreate({
      since: new Date(Date.UTC(2025, 0, 1)),
      nodes: ['a', 'b'],
      rscs: ['r'],
      exclude: ['x'],
      includeCtrl: false,
    });
    await lin.sosReportCreate({ since: 1735689600000, includeCtrl: true });
    expect(d.work().map(req)).toEqual([
      { method: 'GET', path: '/v1/sos-report', query: '' },
      {
        method: 'GET',
        path: '/v1/sos-report',
        query: 'since=1735689600000&nodes=a&nodes=b&rscs=r&exclude=x&include-ctrl=false',
      },
      { method: 'GET', path: '/v1/sos-report', query: 'since=1735689600000' },
    ]);
    const old = controllerDouble(undefined, '1.1.0');
    await expect(old.client(sosMethods).sosReportCreate()).rejects.toThrow('needed 1.2.0');
  });

  test('sosReportDownload: stream + file name, save callback, error replies', async () => {
    let reply = () => download({ 'content-disposition': 'attachment; filename="sos_2025.tar.gz"' });
    const d = controllerDouble((s) => (s.path === '/v1/sos-report/download' ? reply() : undefined));
    const lin = d.client(sosMethods);

    const dl = await lin.sosReportDownload({ nodes: ['a'], includeCtrl: false });
    expect(req(d.work()[0])).toEqual({
      method: 'GET',
      path: '/v1/sos-report/download',
      query: 'nodes=a&include-ctrl=false',
    });
    expect(dl).toBeInstanceOf(SosReportDownload);
    const got = dl as SosReportDownload;
    expect(got.fileName).toBe('sos_2025.tar.gz');
    expect(await got.bytes()).toEqual(TARBALL);

    const named = (await lin.sosReportDownload({ toFile: '/tmp/x.tgz' })) as SosReportDownload;
    expect(named.fileName).toBe('/tmp/x.tgz');
    await named.body.cancel();

    reply = () => download();
    const saved: [string, Uint8Array][] = [];
    const result = await lin.sosReportDownload({
      save: async (name, body) => {
        saved.push([name, new Uint8Array(await new Response(body).arrayBuffer())]);
      },
    });
    expect(saved).toEqual([['linstor.out', TARBALL]]);
    expect(Array.isArray(result)).toBe(true);
    const [msg] = result as ApiCallResponse[];
    expect([msg.retCode, msg.message, msg.objRefs]).toEqual([
      0n,
      'File saved to: linstor.out',
      { path: 'linstor.out' },
    ]);

    reply = () => json(ERROR_REPLY, 500);
    const failed = await lin.sosReportDownload();
    expect((failed as ApiCallResponse[])[0].isError()).toBe(true);
  });

  test('spaceReportingQuery: [SpaceReport] from reportText, REST 1.5.0', async () => {
    const d = controllerDouble((s) =>
      s.path === '/v1/space-report' ? json({ reportText: 'all good' }) : undefined,
    );
    const result = await d.client(sosMethods).spaceReportingQuery();
    expect(req(d.work()[0])).toEqual({ method: 'GET', path: '/v1/space-report', query: '' });
    expect(result[0]).toBeInstanceOf(SpaceReport);
    expect((result[0] as SpaceReport).report).toBe('all good');
    const old = controllerDouble(undefined, '1.4.0');
    await expect(old.client(sosMethods).spaceReportingQuery()).rejects.toThrow('needed 1.5.0');
  });
});
