// SOS reports in the simulated controller: create (names the report file) and download (a real .tar.gz),
// over HTTP with validated replies, through msw, and through the SDK's sosReportCreate/sosReportDownload.

import { gunzipSync } from 'node:zlib';
import { setupServer } from 'msw/node';
import { CREATED, FAIL_INVLD_TIME_PARAM, FAIL_NOT_FOUND_NODE } from '../../generated/constants';
import { Linstor } from '../../src/api/linstor';
import { SosReportDownload } from '../../src/api/sos-report-download';
import type { ApiCallResponse } from '../../src/core/api-call-response';
import { createSimulator } from '../../src/testing';
import { gzipStored, tar } from '../../src/testing/archive';
import type { SimulatorState } from '../../src/testing/state';
import { rcs, withSim } from './helpers';

/** 2026-12-01T12:00:00Z */
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const NAME = 'sos_2026-12-01_12-00-00';
const opts = {
  now: () => NOW,
  seed: {
    nodes: 3,
    resources: [
      { name: 'r1', placeCount: 1 },
      { name: 'r2', placeCount: 1 },
    ],
  },
};

/** The files of a tar archive: path -> text (regular files only). */
function untar(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const text = (from: number, len: number) =>
    new TextDecoder().decode(bytes.subarray(from, from + len)).replace(/\0.*$/s, '');
  let at = 0;
  while (at + 512 <= bytes.length && bytes[at] !== 0) {
    const prefix = text(at + 345, 155);
    const path = (prefix ? `${prefix}/` : '') + text(at, 100);
    const size = Number.parseInt(text(at + 124, 12), 8);
    out.set(path, new TextDecoder().decode(bytes.subarray(at + 512, at + 512 + size)));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

/** The node of a definition's only replica. */
const holder = (state: SimulatorState, rd: string): string =>
  [...(state.resourceDefinition(rd)?.resources.values() ?? [])][0]?.nodeName ?? '';

test('archive helpers: a stored gzip of a tar that zlib reads back, long paths in the ustar prefix', () => {
  const long = `${'d'.repeat(60)}/${'e'.repeat(60)}/file.txt`;
  const archive = tar(
    [
      { path: 'a.txt', text: 'hello\n' },
      { path: long, text: 'x'.repeat(70000) },
    ],
    NOW / 1000,
  );
  const files = untar(gunzipSync(gzipStored(archive, NOW / 1000)));
  expect(files.get('a.txt')).toBe('hello\n');
  expect(files.get(long)).toHaveLength(70000);
});

test('create names the report file; the query selects nodes', async () => {
  await withSim(opts, async (sim, client) => {
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const replies = await lin.sosReportCreate();
      expect(replies).toHaveLength(1);
      const [created] = replies as [ApiCallResponse];
      expect(created.retCode).toBe(CREATED);
      expect(created.message).toBe(
        `SOS report created on the controller: /var/log/linstor-controller/${NAME}.tar.gz`,
      );
      expect(created.objRefs).toEqual({ path: `/var/log/linstor-controller/${NAME}.tar.gz` });
      expect(created.details).toBe('Collected from 3 node(s) and the controller.');

      const some = await lin.sosReportCreate({
        nodes: ['node1'],
        rscs: ['r2'],
        exclude: ['node3'],
        includeCtrl: false,
      });
      const expected = new Set(['node1', holder(sim.state, 'r2')]);
      expected.delete('node3');
      expect(some[0]?.details).toBe(`Collected from ${expected.size} node(s).`);

      const unknown = await lin.sosReportCreate({ nodes: ['nope'] });
      expect(unknown[0]?.retCode).toBe(FAIL_NOT_FOUND_NODE);
    });
    const raw = await client.get('/v1/sos-report?since=soon');
    expect(raw.status).toBe(400);
    expect(BigInt.asUintN(64, rcs(raw)[0]?.ret_code ?? 0n)).toBe(FAIL_INVLD_TIME_PARAM);
    expect((await client.get(`/v1/sos-report?since=${NOW - 1000}`)).status).toBe(201);
  });
});

test('download: a .tar.gz named by Content-Disposition with the version, nodes and per-node files', async () => {
  await withSim(opts, async (sim, client) => {
    sim.state.addErrorReport({ exception: 'IOException', exceptionMessage: 'disk gone', text: 'trace' });
    sim.state.setNodeOnline('node3', false);
    await Linstor.withLinstor({ controller: sim.url }, async (lin) => {
      const download = await lin.sosReportDownload();
      if (!(download instanceof SosReportDownload)) throw new Error('expected a download');
      expect(download.fileName).toBe(`${NAME}.tar.gz`);
      const files = untar(gunzipSync(await download.bytes()));
      expect([...files.keys()].sort()).toEqual(
        [
          'controller/error-reports.txt',
          'controller/nodes.txt',
          'controller/version.txt',
          'node1/resources.txt',
          'node2/resources.txt',
          'node3/error.txt',
          'report.txt',
        ].map((f) => `${NAME}/${f}`),
      );
      expect(files.get(`${NAME}/controller/version.txt`)).toContain(`version: ${sim.state.version.version}`);
      const nodes = files.get(`${NAME}/controller/nodes.txt`) ?? '';
      expect(
        nodes
          .trim()
          .split('\n')
          .map((l) => l.split('\t')[0]),
      ).toEqual(['node1', 'node2', 'node3']);
      expect(nodes).toContain('node3\tSATELLITE');
      expect(files.get(`${NAME}/controller/error-reports.txt`)).toContain('IOException');
      expect(files.get(`${NAME}/node3/error.txt`)).toContain('OFFLINE');
      const r1 = holder(sim.state, 'r1');
      if (r1 !== 'node3') expect(files.get(`${NAME}/${r1}/resources.txt`)).toContain('r1\tUpToDate\tUnused');

      // The query shapes the archive: no controller part, only the nodes asked for.
      const small = await lin.sosReportDownload({ nodes: ['node2'], includeCtrl: false, since: NOW + 1 });
      if (!(small instanceof SosReportDownload)) throw new Error('expected a download');
      const smallFiles = untar(gunzipSync(await small.bytes()));
      expect([...smallFiles.keys()].sort()).toEqual([`${NAME}/node2/resources.txt`, `${NAME}/report.txt`]);

      // With `save`: python's synthetic reply, the bytes handed to the callback.
      let saved: Uint8Array | undefined;
      const done = await lin.sosReportDownload({
        toFile: 'out.tgz',
        save: async (_name, body) => {
          saved = new Uint8Array(await new Response(body).arrayBuffer());
        },
      });
      expect((done as ApiCallResponse[])[0]?.message).toBe('File saved to: out.tgz');
      expect(untar(gunzipSync(saved ?? new Uint8Array())).has(`${NAME}/report.txt`)).toBe(true);

      const refused = await lin.sosReportDownload({ rscs: ['nope'] });
      expect(Array.isArray(refused)).toBe(true);
    });
    // Over plain HTTP: binary, not re-compressed, with the controller's headers.
    const res = await client.raw('GET', '/v1/sos-report/download', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${NAME}.tar.gz"`);
    expect(res.headers.get('content-encoding')).toBeNull();
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    const head = await client.raw('HEAD', '/v1/sos-report/download');
    expect(head.status).toBe(200);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });
});

describe('download through msw', () => {
  const sim = createSimulator({ ...opts, validateReplies: true });
  const server = setupServer(...sim.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  test('the binary body arrives intact', async () => {
    const res = await fetch('http://localhost:3370/v1/sos-report/download?nodes=node1');
    expect(res.status).toBe(200);
    const files = untar(gunzipSync(new Uint8Array(await res.arrayBuffer())));
    expect(files.has(`${NAME}/node1/resources.txt`)).toBe(true);
    expect(sim.replyMismatches).toEqual([]);
  });
});
