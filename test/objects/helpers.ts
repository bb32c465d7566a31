// Shared by the high-level object tests: the simulated controller over real HTTP on 127.0.0.1, and a
// recording fetch around it so a test can assert the exact request sequence.

import { parseJson } from '../../src/core/lossless-json';
import type { FetchLike } from '../../src/core/transport';
import { type RunningSimulator, type SeedOptions, startSimulator } from '../../src/testing';

/** One request as sent: method, path with query string, and the parsed JSON body (if any). */
export type SentRequest = [method: string, pathAndQuery: string, body?: unknown];

export interface Recorder {
  readonly fetch: FetchLike;
  /** Every request, the handshake included. */
  readonly all: SentRequest[];
  /** The work requests: everything but `GET /v1/controller/version` (the handshake). */
  work(): SentRequest[];
  /** The work requests since the last call of `take()` (or since the start), then forgets them. */
  take(): SentRequest[];
  /** How many `GET /v1/controller/version` were sent (probe + version = one handshake). */
  versionGets(): number;
}

export function recorder(): Recorder {
  const all: SentRequest[] = [];
  let mark = 0;
  const isWork = (r: SentRequest) => !(r[0] === 'GET' && r[1] === '/v1/controller/version');
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    const entry: SentRequest = [init.method, url.pathname + url.search];
    if (init.body !== undefined) entry.push(parseJson(init.body));
    all.push(entry);
    return globalThis.fetch(input, init);
  };
  return {
    fetch,
    all,
    work: () => all.filter(isWork),
    take: () => {
      const taken = all.slice(mark).filter(isWork);
      mark = all.length;
      return taken;
    },
    versionGets: () => all.filter((r) => !isWork(r)).length,
  };
}

/** A simulator on 127.0.0.1 with nodes whose pools are named as the tests need. */
export async function simulator(seed: SeedOptions): Promise<RunningSimulator> {
  return startSimulator({ host: '127.0.0.1', seed });
}

/** Nodes `names`, each with an LVM_THIN pool per name in `pools` (100 GiB each). */
export function nodesWithPools(
  names: readonly string[],
  pools: readonly string[] = ['DfltStorPool'],
): SeedOptions {
  return {
    nodes: names.map((name) => ({ name })),
    storagePools: pools.map((name) => ({ name, providerKind: 'LVM_THIN', capacityKib: 100 * 1024 * 1024 })),
  };
}
