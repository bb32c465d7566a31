/**
 * The SDK's own cost per call, without the network: `lin.nodeList()` over an injected fetch that returns
 * the 100-node reply from memory, vs the same Response read with `text()` + `JSON.parse`. CPU time per
 * call of this process, medians over rounds (SDK and baseline alternate). This isolates what the HTTP
 * cases (a)/(b) cannot resolve on a loaded machine: building the request, the attempt machinery,
 * reading the body, the lossless parse and the wrapper.
 */
import { Linstor } from '../../src/api/linstor';
import type { FetchLike } from '../../src/core/transport';
import type { PairedResult } from './http-bench';

const JSON_TYPE = { 'content-type': 'application/json' };

async function cpuBlock(fn: () => Promise<unknown>, calls: number): Promise<number> {
  const cpu = process.cpuUsage();
  for (let i = 0; i < calls; i++) await fn();
  const d = process.cpuUsage(cpu);
  return (d.user + d.system) / calls; // µs per call
}

export async function inProcessOverhead(
  replyText: string,
  versionText: string,
  opts: { rounds: number; perRound: number },
): Promise<PairedResult> {
  const fetchFn: FetchLike = async (url) =>
    new Response(url.endsWith('/v1/controller/version') ? versionText : replyText, {
      status: 200,
      headers: JSON_TYPE,
    });
  const lin = new Linstor('linstor://bench.invalid:3370', { fetch: fetchFn, probeHttps: false });
  const sdk = () => lin.nodeList();
  const raw = async () =>
    JSON.parse(await (await fetchFn('http://bench.invalid/v1/nodes', FAKE_INIT)).text());
  await cpuBlock(sdk, 300);
  await cpuBlock(raw, 300);
  const result: PairedResult = { sdk: [], raw: [], ratios: [] };
  for (let r = 0; r < opts.rounds; r++) {
    const first = r % 2 === 0;
    const a = await cpuBlock(first ? sdk : raw, opts.perRound);
    const b = await cpuBlock(first ? raw : sdk, opts.perRound);
    const s = first ? a : b;
    const w = first ? b : a;
    result.sdk.push(s);
    result.raw.push(w);
    result.ratios.push(s / w);
  }
  return result;
}

const FAKE_INIT = {
  method: 'GET',
  headers: {},
  signal: new AbortController().signal,
  redirect: 'manual' as const,
};
