// Plain-fetch client for driving the simulator over real HTTP in tests.
import { Linstor } from '../../src/api/linstor';
import { parseJson } from '../../src/core/lossless-json';
import { type RunningSimulator, type StartSimulatorOptions, startSimulator } from '../../src/testing';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** lossless parse (ret_code as bigint) */
  body: unknown;
}

export interface Api {
  get(path: string): Promise<Reply>;
  post(path: string, body?: unknown): Promise<Reply>;
  put(path: string, body?: unknown): Promise<Reply>;
  del(path: string): Promise<Reply>;
  raw(method: string, path: string, init?: RequestInit): Promise<Response>;
}

export function api(sim: { url: string }): Api {
  const call = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      text,
      body: text === '' ? undefined : parseJson(text),
    };
  };
  return {
    get: (p) => call('GET', p),
    post: (p, b) => call('POST', p, b ?? {}),
    put: (p, b) => call('PUT', p, b ?? {}),
    del: (p) => call('DELETE', p),
    raw: (method, p, init) => fetch(`${sim.url}${p}`, { method, ...init }),
  };
}

/** A fresh simulator server for one test; closed (and checked for schema mismatches) by the caller. */
export async function withSim(
  opts: StartSimulatorOptions,
  fn: (sim: RunningSimulator, client: Api) => Promise<void>,
): Promise<void> {
  const sim = await startSimulator({ validateReplies: true, ...opts });
  try {
    await fn(sim, api(sim));
    expect(sim.replyMismatches).toEqual([]);
  } finally {
    await sim.close();
  }
}

/** `withSim` plus an SDK client of that simulator (disconnected afterwards). */
export async function withSimAndLinstor(
  opts: StartSimulatorOptions,
  fn: (sim: RunningSimulator, client: Api, lin: Linstor) => Promise<void>,
): Promise<void> {
  await withSim(opts, async (sim, client) => {
    const lin = new Linstor(sim.url);
    try {
      await fn(sim, client, lin);
    } finally {
      await lin.disconnect();
    }
  });
}

/** A reply entry's ret_code as the unsigned 64-bit value of the generated constants (0n when absent). */
export const unsignedCode = (r: { ret_code: bigint } | undefined): bigint =>
  BigInt.asUintN(64, r?.ret_code ?? 0n);

export type RcJson = { ret_code: bigint; message: string; [k: string]: unknown };

export const rcs = (r: Reply): RcJson[] => r.body as RcJson[];

export const nodeBody = (name: string, address = '10.0.0.10') => ({
  name,
  type: 'Satellite',
  net_interfaces: [
    { name: 'default', address, satellite_port: 3366, satellite_encryption_type: 'Plain', is_active: true },
  ],
});
