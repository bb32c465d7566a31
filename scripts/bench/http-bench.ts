/**
 * (a) serial calls, (b) 64 concurrent callers and (d) failover cost, SDK vs bare fetch, against simulated
 * controllers in a child process. Serial cases interleave SDK and baseline call by call; the concurrent
 * case alternates short blocks (the order flips each round); so both sides see the same machine load.
 * Results are medians over the rounds, and ratios are medians of the per-round ratios.
 */
import { createServer } from 'node:net';
import { median } from './stats';

export type Call = () => Promise<unknown>;

export interface PairedResult {
  /** per-round values of the SDK and of the baseline */
  sdk: number[];
  raw: number[];
  ratios: number[];
  /** client CPU time (user + system of this process) per call, ms, per round; HTTP cases only */
  sdkCpu?: number[];
  rawCpu?: number[];
}

interface Block {
  /** ms per call (serial) or calls per second (concurrent) */
  value: number;
  cpuPerCall: number;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

function emptyResult(): Required<PairedResult> {
  return { sdk: [], raw: [], ratios: [], sdkCpu: [], rawCpu: [] };
}

function record(result: Required<PairedResult>, s: Block, b: Block, ratio: number): void {
  result.sdk.push(s.value);
  result.raw.push(b.value);
  result.ratios.push(ratio);
  result.sdkCpu.push(s.cpuPerCall);
  result.rawCpu.push(b.cpuPerCall);
}

/** Bare fetch + JSON.parse: what a caller without the SDK writes. */
export function rawGet(url: string): Call {
  return async () => {
    const response = await fetch(url);
    return JSON.parse(await response.text());
  };
}

/**
 * Serial calls, interleaved call by call (SDK, baseline, SDK, … with the first side alternating per
 * round), so that both sides see the same machine load to within one call; each round's value is the
 * mean over its calls of that side, in ms per call.
 */
export async function pairedSerial(
  sdk: Call,
  raw: Call,
  opts: { rounds: number; perRound: number; warmup: number },
): Promise<PairedResult> {
  for (let i = 0; i < opts.warmup; i++) {
    await sdk();
    await raw();
  }
  const result = emptyResult();
  const timeCall = async (fn: Call, acc: { ms: number; cpu: number }) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await fn();
    acc.ms += performance.now() - started;
    acc.cpu += cpuMs(cpu);
  };
  for (let r = 0; r < opts.rounds; r++) {
    const s = { ms: 0, cpu: 0 };
    const b = { ms: 0, cpu: 0 };
    for (let i = 0; i < opts.perRound; i++) {
      if ((i + r) % 2 === 0) {
        await timeCall(sdk, s);
        await timeCall(raw, b);
      } else {
        await timeCall(raw, b);
        await timeCall(sdk, s);
      }
    }
    const n = opts.perRound;
    record(
      result,
      { value: s.ms / n, cpuPerCall: s.cpu / n },
      { value: b.ms / n, cpuPerCall: b.cpu / n },
      s.ms / b.ms,
    );
  }
  return result;
}

async function concurrentBlock(fn: Call, callers: number, perCaller: number): Promise<Block> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let i = 0; i < perCaller; i++) await fn();
    }),
  );
  const calls = callers * perCaller;
  return { value: (calls * 1000) / (performance.now() - started), cpuPerCall: cpuMs(cpu) / calls };
}

/** Concurrent callers: values are calls per second; ratio = SDK / baseline throughput. */
export async function pairedConcurrent(
  sdk: Call,
  raw: Call,
  opts: { rounds: number; callers: number; perCaller: number },
): Promise<PairedResult> {
  await concurrentBlock(sdk, opts.callers, 1);
  await concurrentBlock(raw, opts.callers, 1);
  const result = emptyResult();
  for (let r = 0; r < opts.rounds; r++) {
    let s: Block;
    let b: Block;
    if (r % 2 === 0) {
      s = await concurrentBlock(sdk, opts.callers, opts.perCaller);
      b = await concurrentBlock(raw, opts.callers, opts.perCaller);
    } else {
      b = await concurrentBlock(raw, opts.callers, opts.perCaller);
      s = await concurrentBlock(sdk, opts.callers, opts.perCaller);
    }
    record(result, s, b, s.value / b.value);
  }
  return result;
}

export function summarize(p: PairedResult): {
  sdk: number;
  raw: number;
  ratio: number;
  sdkCpu: number;
  rawCpu: number;
  cpuRatio: number;
} {
  const sdkCpu = median(p.sdkCpu ?? []);
  const rawCpu = median(p.rawCpu ?? []);
  const cpuRatios = (p.sdkCpu ?? []).map((c, i) => c / ((p.rawCpu ?? [])[i] as number));
  return {
    sdk: median(p.sdk),
    raw: median(p.raw),
    ratio: median(p.ratios),
    sdkCpu,
    rawCpu,
    cpuRatio: median(cpuRatios),
  };
}

/** A loopback port with nothing listening (bound once, then closed): connections are refused. */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Wall time of one call in ms. */
export async function timeOnce(fn: Call): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
