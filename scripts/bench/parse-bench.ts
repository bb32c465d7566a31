/**
 * (c) the 10,000-resource view: SDK reply mapping (lossless parse) + wrapper vs bare JSON.parse of the
 * same text, timed in this process (full GC before every timed parse, SDK and baseline alternating),
 * and the memory of one parse of each, measured in fresh child processes (see parse-memory.ts).
 */
import { parseJson } from '../../src/core/lossless-json';
import { runMeasureChild } from './children';
import type { PairedResult } from './http-bench';
import { parseRaw, parseSdk } from './parse-variants';
import { collectGarbage, median } from './stats';

function timed(fn: () => unknown): number {
  collectGarbage();
  const started = performance.now();
  const value = fn();
  const ms = performance.now() - started;
  if (value === undefined) throw new Error('no value');
  return ms;
}

/** Paired timing of two synchronous functions; values are ms per run. */
export function pairedSync(sdk: () => unknown, raw: () => unknown, rounds: number): PairedResult {
  sdk();
  raw();
  const result: PairedResult = { sdk: [], raw: [], ratios: [] };
  for (let r = 0; r < rounds; r++) {
    let s: number;
    let b: number;
    if (r % 2 === 0) {
      s = timed(sdk);
      b = timed(raw);
    } else {
      b = timed(raw);
      s = timed(sdk);
    }
    result.sdk.push(s);
    result.raw.push(b);
    result.ratios.push(s / b);
  }
  return result;
}

export function viewParseTiming(text: string, rounds: number): PairedResult {
  return pairedSync(
    () => parseSdk(text),
    () => parseRaw(text),
    rounds,
  );
}

/** With every wrapper materialized (`.resources` builds one `Resource` object per entry). */
export function viewParseAndMaterializeTiming(text: string, rounds: number): PairedResult {
  return pairedSync(
    () => parseSdk(text).resources,
    () => parseRaw(text),
    rounds,
  );
}

/**
 * The lossless path proper: a reply made only of ApiCallRc entries (each with a 19-digit negative
 * `ret_code`), parseJson vs JSON.parse. The view above has no `ret_code`, so it takes the fast path.
 */
export function retCodeText(entries: number): string {
  const items: string[] = [];
  for (let i = 0; i < entries; i++) {
    items.push(
      JSON.stringify({
        ret_code: '@',
        message: `Resource 'res${i}' on 'node${i % 100}' created.`,
        details: `Node: node${i % 100}, Resource: res${i}`,
        obj_refs: { RscDfn: `res${i}`, Node: `node${i % 100}` },
        error_report_ids: [],
        created_at: '2025-01-01T00:00:00.000+00:00',
      }).replace('"@"', `-${4611686018427387904n + BigInt(i * 7 + 1)}`),
    );
  }
  return `[${items.join(',')}]`;
}

export function retCodeParseTiming(text: string, rounds: number): PairedResult {
  return pairedSync(
    () => parseJson(text),
    () => JSON.parse(text),
    rounds,
  );
}

export interface MemoryNumbers {
  variant: string;
  peak: number;
  newPeak: boolean;
  heapPeakApprox: number;
  retained: number;
  textBytes: number;
}

/** Runs each variant `repeats` times in fresh processes; medians per variant. */
export async function viewParseMemory(
  textFile: string,
  repeats: number,
): Promise<Record<'raw' | 'sdk', MemoryNumbers & { allNewPeaks: boolean }>> {
  const runs: Record<'raw' | 'sdk', MemoryNumbers[]> = { raw: [], sdk: [] };
  for (let i = 0; i < repeats; i++) {
    for (const variant of i % 2 === 0 ? (['raw', 'sdk'] as const) : (['sdk', 'raw'] as const)) {
      runs[variant].push(
        await runMeasureChild<MemoryNumbers>('parse-memory.ts', [variant, textFile], ['--expose-gc']),
      );
    }
  }
  const summary = (list: MemoryNumbers[]) => ({
    variant: list[0]?.variant ?? '',
    peak: median(list.map((m) => m.peak)),
    newPeak: list.every((m) => m.newPeak),
    allNewPeaks: list.every((m) => m.newPeak),
    heapPeakApprox: median(list.map((m) => m.heapPeakApprox)),
    retained: median(list.map((m) => m.retained)),
    textBytes: median(list.map((m) => m.textBytes)),
  });
  return { raw: summary(runs.raw), sdk: summary(runs.sdk) };
}
