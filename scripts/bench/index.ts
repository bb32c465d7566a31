/**
 * `npm run bench`: the SDK against bare fetch on the simulated controller (issue 8 §1). Prints a table with
 * PASS/MISS per target and writes test-output/bench.json. Not part of `npm test`.
 *
 * Method: the simulated controllers run in a child process (so rendering and gzip do not share this event
 * loop). SDK and baseline run in alternating blocks whose order flips every round, so machine load hits
 * both alike; each figure is the median over the rounds and each ratio is the median of the per-round
 * ratios. Run with `--expose-gc` (the npm script does) so parse timings start from a collected heap.
 *
 * BENCH_QUICK=1 uses fewer rounds (for a smoke run; the table says so).
 */
import '../../src/node/register';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Linstor } from '../../src/api/linstor';
import { MultiLinstor } from '../../src/api/multi-linstor';
import { REPO_ROOT, startSimChild } from './children';
import { closedPort, pairedConcurrent, pairedSerial, rawGet, summarize, timeOnce } from './http-bench';
import { inProcessOverhead } from './overhead-bench';
import {
  retCodeParseTiming,
  retCodeText,
  viewParseAndMaterializeTiming,
  viewParseMemory,
  viewParseTiming,
} from './parse-bench';
import { fmt, median, mib, spreadPercent, table } from './stats';
import { codegenTime, consumerTscTime } from './tooling-bench';

const QUICK = process.env.BENCH_QUICK === '1';
const CONFIG = QUICK
  ? {
      serial: { rounds: 6, perRound: 50, warmup: 20 },
      concurrent: { rounds: 4, callers: 64, perCaller: 2 },
      parseRounds: 3,
      memoryRepeats: 1,
      failover: { rounds: 4, perRound: 50, warmup: 10 },
      overhead: { rounds: 5, perRound: 500 },
      toolRepeats: 1,
    }
  : {
      serial: { rounds: 20, perRound: 100, warmup: 50 },
      concurrent: { rounds: 40, callers: 64, perCaller: 2 },
      parseRounds: 9,
      memoryRepeats: 3,
      failover: { rounds: 10, perRound: 100, warmup: 20 },
      overhead: { rounds: 15, perRound: 1000 },
      toolRepeats: 1,
    };

interface Row {
  id: string;
  name: string;
  sdk: string;
  baseline: string;
  ratio: number | undefined;
  target?: { op: '<=' | '>='; value: number };
  result: 'PASS' | 'MISS' | 'info';
  spreadPercent?: number;
}

const rows: Row[] = [];
const details: Record<string, unknown> = {};
const notes: string[] = [];

function addRow(row: Omit<Row, 'result'>): void {
  let result: Row['result'] = 'info';
  if (row.target && row.ratio !== undefined) {
    const ok = row.target.op === '<=' ? row.ratio <= row.target.value : row.ratio >= row.target.value;
    result = ok ? 'PASS' : 'MISS';
  }
  rows.push({ ...row, result });
}

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!(globalThis as { gc?: unknown }).gc)
    notes.push('run without --expose-gc: parse timings include GC noise');
  if (QUICK) notes.push('BENCH_QUICK=1: fewer rounds than the full run');
  const load0 = loadavg();

  log('starting simulated controllers (child process)…');
  const sims = await startSimChild([
    { id: 'nodes100', nodes: 100 },
    { id: 'large', large: { nodes: 1000, resources: 10000 } },
  ]);
  notes.push(...sims.notes);
  const nodesUrl = sims.urls.nodes100 as string;
  const largeUrl = sims.urls.large as string;

  try {
    // A/A control: the baseline against itself, same method as (a); its distance from 1.000 is the noise
    // floor of the HTTP ratios on this machine at this moment
    {
      log('(a0) A/A control: bare fetch vs bare fetch…');
      const url = `${nodesUrl}/v1/nodes`;
      const p = await pairedSerial(rawGet(url), rawGet(url), {
        ...CONFIG.serial,
        rounds: Math.max(4, CONFIG.serial.rounds / 2),
      });
      const s = summarize(p);
      details.a0 = p;
      addRow({
        id: 'a0',
        name: 'A/A control: bare fetch vs itself (noise floor)',
        sdk: fmt(s.sdk, 3),
        baseline: fmt(s.raw, 3),
        ratio: s.ratio,
        spreadPercent: spreadPercent(p.ratios),
      });
    }

    // (a) serial GET /v1/nodes, 100 nodes
    {
      log(`(a) serial nodeList: ${CONFIG.serial.rounds} x ${CONFIG.serial.perRound} calls per side…`);
      const lin = new Linstor(nodesUrl);
      const p = await pairedSerial(() => lin.nodeList(), rawGet(`${nodesUrl}/v1/nodes`), CONFIG.serial);
      const s = summarize(p);
      details.a = { ...p, calls: CONFIG.serial.rounds * CONFIG.serial.perRound, unit: 'ms per call' };
      addRow({
        id: 'a',
        name: 'serial GET /v1/nodes (100 nodes), ms/call',
        sdk: fmt(s.sdk, 3),
        baseline: fmt(s.raw, 3),
        ratio: s.ratio,
        target: { op: '<=', value: 1.15 },
        spreadPercent: spreadPercent(p.ratios),
      });
      addRow({
        id: 'a-cpu',
        name: '  client CPU per call (this process), ms',
        sdk: fmt(s.sdkCpu, 3),
        baseline: fmt(s.rawCpu, 3),
        ratio: s.cpuRatio,
      });
      // the same with the SDK over the built-in fetch (isolates the transport from the SDK's own work)
      const linGlobal = new Linstor(nodesUrl, { fetch: (url, init) => fetch(url, init) });
      const q = await pairedSerial(() => linGlobal.nodeList(), rawGet(`${nodesUrl}/v1/nodes`), {
        ...CONFIG.serial,
        rounds: Math.max(4, CONFIG.serial.rounds / 2),
      });
      const t = summarize(q);
      details.a_globalFetch = q;
      addRow({
        id: 'a2',
        name: '  same, SDK given the built-in fetch',
        sdk: fmt(t.sdk, 3),
        baseline: fmt(t.raw, 3),
        ratio: t.ratio,
        spreadPercent: spreadPercent(q.ratios),
      });
    }

    // (o) the SDK's own CPU cost per call, no network
    {
      log('(o) SDK overhead per call over an injected fetch (no network)…');
      const reply = await (await fetch(`${nodesUrl}/v1/nodes`)).text();
      const version = await (await fetch(`${nodesUrl}/v1/controller/version`)).text();
      const p = await inProcessOverhead(reply, version, CONFIG.overhead);
      const s = summarize(p);
      details.o = { ...p, unit: 'µs CPU per call', replyBytes: reply.length };
      addRow({
        id: 'o',
        name: '  SDK own cost, injected fetch (no network), µs CPU/call',
        sdk: fmt(s.sdk, 1),
        baseline: fmt(s.raw, 1),
        ratio: s.ratio,
        spreadPercent: spreadPercent(p.ratios),
      });
    }

    // (b) 64 concurrent callers
    {
      const c = CONFIG.concurrent;
      log(
        `(b) ${c.callers} concurrent callers: ${c.rounds} rounds x ${c.callers * c.perCaller} calls per side…`,
      );
      const lin = new Linstor(nodesUrl);
      const p = await pairedConcurrent(() => lin.nodeList(), rawGet(`${nodesUrl}/v1/nodes`), c);
      const s = summarize(p);
      details.b = { ...p, unit: 'calls per second' };
      addRow({
        id: 'b',
        name: `${c.callers} concurrent callers, GET /v1/nodes, calls/s`,
        sdk: fmt(s.sdk, 0),
        baseline: fmt(s.raw, 0),
        ratio: s.ratio,
        target: { op: '>=', value: 0.9 },
        spreadPercent: spreadPercent(p.ratios),
      });
      addRow({
        id: 'b-cpu',
        name: '  client CPU per call (this process), ms',
        sdk: fmt(s.sdkCpu, 3),
        baseline: fmt(s.rawCpu, 3),
        ratio: s.cpuRatio,
      });
    }

    // (c) 10,000-resource view
    {
      log('(c) fetching /v1/view/resources of the large cluster…');
      const response = await fetch(`${largeUrl}/v1/view/resources`);
      const text = await response.text();
      const count = (JSON.parse(text) as unknown[]).length;
      const dir = mkdtempSync(path.join(tmpdir(), 'linstor-bench-view-'));
      const textFile = path.join(dir, 'view.json');
      writeFileSync(textFile, text);
      try {
        log(`(c) ${count} resources, ${mib(text.length)}: ${CONFIG.parseRounds} timed rounds per side…`);
        const p = viewParseTiming(text, CONFIG.parseRounds);
        const s = summarize(p);
        details.c = { ...p, resources: count, bytes: text.length, unit: 'ms per parse' };
        addRow({
          id: 'c',
          name: `view/resources (${count} rsc, ${mib(text.length)}) parse+wrap, ms`,
          sdk: fmt(s.sdk, 1),
          baseline: fmt(s.raw, 1),
          ratio: s.ratio,
          target: { op: '<=', value: 2.0 },
          spreadPercent: spreadPercent(p.ratios),
        });
        const m = viewParseAndMaterializeTiming(text, Math.max(3, Math.floor(CONFIG.parseRounds / 2)));
        const ms = summarize(m);
        details.c_materialized = m;
        addRow({
          id: 'c2',
          name: '  same + .resources (one Resource object each)',
          sdk: fmt(ms.sdk, 1),
          baseline: fmt(ms.raw, 1),
          ratio: ms.ratio,
        });
        const rcText = retCodeText(10000);
        const rc = retCodeParseTiming(rcText, CONFIG.parseRounds);
        const rs = summarize(rc);
        details.c_retCodes = { ...rc, bytes: rcText.length };
        addRow({
          id: 'c3',
          name: `  10,000 ApiCallRc (${mib(rcText.length)}): parseJson vs JSON.parse`,
          sdk: fmt(rs.sdk, 1),
          baseline: fmt(rs.raw, 1),
          ratio: rs.ratio,
        });
        log(`(c) memory: ${CONFIG.memoryRepeats} fresh child process(es) per side…`);
        const mem = await viewParseMemory(textFile, CONFIG.memoryRepeats);
        details.c_memory = mem;
        addRow({
          id: 'c-mem',
          name: '  peak RSS increase during one parse (maxRSS)',
          sdk: mib(mem.sdk.peak),
          baseline: mib(mem.raw.peak),
          ratio: mem.sdk.peak / mem.raw.peak,
        });
        addRow({
          id: 'c-heap',
          name: '  heap allocated by one parse (before GC)',
          sdk: mib(mem.sdk.heapPeakApprox),
          baseline: mib(mem.raw.heapPeakApprox),
          ratio: mem.sdk.heapPeakApprox / mem.raw.heapPeakApprox,
        });
        addRow({
          id: 'c-ret',
          name: '  heap retained by the result (after GC)',
          sdk: mib(mem.sdk.retained),
          baseline: mib(mem.raw.retained),
          ratio: mem.sdk.retained / mem.raw.retained,
        });
        if (!mem.sdk.allNewPeaks || !mem.raw.allNewPeaks) {
          notes.push('a parse did not raise the process high-water mark: its peak figure is a lower bound');
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    // (d) MultiLinstor with the first controller refusing connections
    {
      log('(d) failover: first controller refuses connections…');
      const dead = await closedPort();
      const multi = new MultiLinstor([
        `linstor://127.0.0.1:${dead}`,
        nodesUrl.replace('http://', 'linstor://'),
      ]);
      const direct = new Linstor(nodesUrl);
      const opts = { filterByNodes: ['node1'] };
      const first = await timeOnce(() => multi.nodeList(opts));
      const directFirst = await timeOnce(() => direct.nodeList(opts));
      const p = await pairedSerial(
        () => multi.nodeList(opts),
        () => direct.nodeList(opts),
        CONFIG.failover,
      );
      const s = summarize(p);
      details.d = { ...p, firstCallMs: first, directFirstCallMs: directFirst, unit: 'ms per call' };
      addRow({
        id: 'd',
        name: 'MultiLinstor [refused, ok] vs direct, ms/call (1 node)',
        sdk: fmt(s.sdk, 3),
        baseline: fmt(s.raw, 3),
        ratio: s.ratio,
        target: { op: '<=', value: 1.2 },
        spreadPercent: spreadPercent(p.ratios),
      });
      addRow({
        id: 'd1',
        name: '  first call incl. handshake + failover, ms',
        sdk: fmt(first, 1),
        baseline: fmt(directFirst, 1),
        ratio: first / directFirst,
      });
    }
  } finally {
    await sims.close();
  }

  // (e) tooling
  {
    log('(e) codegen into a temporary --out…');
    const cg = await codegenTime(CONFIG.toolRepeats);
    log('(e) tsc --noEmit of a consumer file…');
    const tc = await consumerTscTime(CONFIG.toolRepeats);
    details.e = { codegen: cg, consumerTsc: tc };
    addRow({
      id: 'e1',
      name: `npm run codegen --out <tmp>, s${cg.ok ? '' : ' (FAILED)'}`,
      sdk: fmt(median(cg.ms) / 1000, 2),
      baseline: '',
      ratio: undefined,
    });
    addRow({
      id: 'e2',
      name: `tsc --noEmit consumer.ts (SDK from src/), s${tc.ok ? '' : ' (FAILED)'}`,
      sdk: fmt(median(tc.ms) / 1000, 2),
      baseline: '',
      ratio: undefined,
    });
    if (!cg.ok) notes.push(`codegen failed: ${cg.detail}`);
    if (!tc.ok) notes.push(`consumer type check failed: ${tc.detail}`);
  }

  const totalS = (performance.now() - started) / 1000;
  const text = table(
    ['case', 'SDK', 'baseline', 'ratio', 'target', 'spread', 'result'],
    rows.map((r) => [
      `(${r.id}) ${r.name}`,
      r.sdk,
      r.baseline,
      r.ratio === undefined ? '' : fmt(r.ratio, 3),
      r.target ? `${r.target.op} ${r.target.value}` : '',
      r.spreadPercent === undefined ? '' : `±${fmt(r.spreadPercent, 1)}%`,
      r.result,
    ]),
  );
  const load1 = loadavg();
  const env = {
    node: process.version,
    cpus: cpus().length,
    loadavgStart: load0.map((l) => Number(l.toFixed(2))),
    loadavgEnd: load1.map((l) => Number(l.toFixed(2))),
    quick: QUICK,
    config: CONFIG,
    totalSeconds: Number(totalS.toFixed(1)),
  };
  process.stdout.write(`\n${text}\n\n`);
  process.stdout.write(
    `baseline = bare fetch + JSON.parse (a, b), JSON.parse (c), a direct Linstor (d); spread = median absolute ` +
      `deviation of the per-round ratios; (a0) shows how far an HTTP ratio strays from 1 by noise alone\n`,
  );
  process.stdout.write(
    `node ${env.node}, ${env.cpus} CPUs, load ${env.loadavgStart.join('/')} -> ${env.loadavgEnd.join('/')}, ` +
      `total ${env.totalSeconds} s\n`,
  );
  for (const n of notes) process.stdout.write(`note: ${n}\n`);
  const outDir = path.join(REPO_ROOT, 'test-output');
  mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, 'bench.json');
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), env, rows, notes, details }, null, 2)}\n`,
  );
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
  if (rows.some((r) => r.result === 'MISS')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 2;
});
