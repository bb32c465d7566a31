/**
 * Three controllers over one simulated cluster behind MultiLinstor; 500 mixed operations while the
 * controllers are stopped and restarted in turn (scheduled by operation count, not by time). Every call
 * must succeed or throw a LinstorError subclass; afterwards the cluster holds every acknowledged mutation
 * exactly once, and no POST/PATCH reached the controllers twice.
 */
import '../../src/node/register';
import { Linstor } from '../../src/api/linstor';
import { MultiLinstor } from '../../src/api/multi-linstor';
import type { ApiCallResponse } from '../../src/core/api-call-response';
import { isLinstorError } from '../../src/core/errors';
import type { LinstorLogEvent } from '../../src/core/logger';
import { createCore } from '../../src/testing/simulator';
import { key, SimulatorState } from '../../src/testing/state';
import { authOptions, recordError, recordingLogger, scanForSecrets } from './secrets';
import { ControllerServer } from './servers';

const TOTAL_OPS = 500;
const WORKERS = 4;
const KV = 'chaos-kv';

/** Deterministic PRNG (mulberry32) so that a failing run can be repeated. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('MultiLinstor under controller restarts (3 controllers, one cluster)', () => {
  const state = new SimulatorState();
  const controllers = [0, 1, 2].map(() => new ControllerServer(createCore({ state })));

  beforeAll(async () => {
    for (const c of controllers) await c.start();
  });
  afterAll(async () => {
    for (const c of controllers) await c.stop();
    expect(scanForSecrets().leaks).toEqual([]);
  });

  it('500 mixed operations: only LinstorErrors, acknowledged mutations exactly once, no POST sent twice', async () => {
    const random = prng(0x5eed);
    for (const c of controllers) c.answerDelayMs = () => (random() < 0.3 ? 1 : 0);
    const events: LinstorLogEvent[] = [];
    const uris = controllers.map((c) => c.uri);
    const clients = [
      new MultiLinstor(uris, { timeoutMs: 3000, logger: recordingLogger(events), ...authOptions('bearer') }),
      new MultiLinstor(uris, {
        timeoutMs: 3000,
        logger: recordingLogger(events),
        keepAlive: true,
        ...authOptions('basic'),
      }),
    ];

    const acked = {
      nodesCreated: new Set<string>(),
      nodesDeleted: new Set<string>(),
      rds: new Set<string>(),
      kv: new Map<string, string>(),
    };
    const deletable: string[] = [];
    const foreign: unknown[] = [];
    const kinds = new Map<string, number>();
    let succeeded = 0;
    let failed = 0;
    let next = 0;

    // the schedule: every 12th operation stops the next controller and restarts it 6 operations later;
    // every 100th stops all three for 3 operations
    let rotation = 0;
    const pendingRestarts = new Map<number, ControllerServer[]>();
    const chaos = async (n: number): Promise<void> => {
      const due = pendingRestarts.get(n);
      if (due) {
        pendingRestarts.delete(n);
        for (const c of due) await c.start();
      }
      if (n > 0 && n % 100 === 0) {
        const down = controllers.filter((c) => c.running);
        await Promise.all(down.map((c) => c.stop()));
        pendingRestarts.set(n + 3, [...(pendingRestarts.get(n + 3) ?? []), ...down]);
      } else if (n % 12 === 0) {
        const c = controllers[rotation++ % 3] as ControllerServer;
        if (c.running) {
          await c.stop();
          pendingRestarts.set(n + 6, [...(pendingRestarts.get(n + 6) ?? []), c]);
        }
      }
    };

    const mutationAcked = (replies: ApiCallResponse[]) =>
      replies.length > 0 && Linstor.allApiResponsesNoError(replies);

    const operation = async (n: number, lin: MultiLinstor): Promise<void> => {
      const pick = random();
      if (pick < 0.2) {
        const name = `chaos-n${n}`;
        const replies = await lin.nodeCreate({
          nodeName: name,
          nodeType: 'Satellite',
          ip: `10.77.${n >> 8}.${(n & 0xff) + 1}`,
        });
        if (mutationAcked(replies)) {
          acked.nodesCreated.add(name);
          deletable.push(name);
        }
      } else if (pick < 0.3 && deletable.length > 0) {
        const name = deletable.splice(Math.floor(random() * deletable.length), 1)[0] as string;
        const replies = await lin.nodeDelete({ nodeName: name });
        if (mutationAcked(replies)) acked.nodesDeleted.add(name);
      } else if (pick < 0.5) {
        const name = `chaos-rd${n}`;
        const replies = await lin.resourceDfnCreate({ name });
        if (mutationAcked(replies)) acked.rds.add(name);
      } else if (pick < 0.65) {
        const replies = await lin.keyvaluestoreModify({
          instanceName: KV,
          propertyDict: { [`k${n}`]: `v${n}` },
        });
        if (mutationAcked(replies)) acked.kv.set(`k${n}`, `v${n}`);
      } else if (pick < 0.75) {
        await lin.nodeList();
      } else if (pick < 0.85) {
        await lin.resourceDfnList();
      } else if (pick < 0.95) {
        await lin.keyvaluestoreList({ instanceName: KV });
      } else {
        await lin.controllerVersion();
      }
    };

    const worker = async (w: number): Promise<void> => {
      const lin = clients[w % clients.length] as MultiLinstor;
      for (;;) {
        const n = next++;
        if (n >= TOTAL_OPS) return;
        await chaos(n);
        try {
          await operation(n, lin);
          succeeded++;
        } catch (error) {
          failed++;
          recordError(error);
          if (!isLinstorError(error)) foreign.push(error);
          const kind = `${(error as Error).name}: ${String((error as Error).message)
            .replace(/127\.0\.0\.1:\d+/g, 'HOST')
            .slice(0, 70)}`;
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    for (const list of pendingRestarts.values()) for (const c of list) await c.start();

    // every call ended in a result or a LinstorError
    expect(foreign).toEqual([]);
    expect(succeeded + failed).toBe(TOTAL_OPS);

    // the acknowledged mutations, each exactly once in the shared cluster state
    for (const name of acked.nodesCreated) {
      expect(state.nodes.has(key(name))).toBe(!acked.nodesDeleted.has(name));
    }
    for (const name of acked.rds) expect(state.resourceDefinitions.has(key(name))).toBe(true);
    const kvProps = state.keyValueStores.get(key(KV))?.props ?? {};
    for (const [k, v] of acked.kv) expect(kvProps[k]).toBe(v);

    // no non-idempotent request reached the controllers twice; every acknowledged one exactly once
    const seen = controllers.flatMap((c) => c.seen);
    const counts = new Map<string, number>();
    for (const r of seen) {
      if (r.method !== 'POST' && r.method !== 'PATCH') continue;
      const id = `${r.method} ${r.url} ${r.body}`;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect([...counts.entries()].filter(([, c]) => c > 1)).toEqual([]);
    const postsFor = (path: string, name: string) =>
      seen.filter((r) => r.method === 'POST' && r.url === path && JSON.parse(r.body).name === name).length;
    for (const name of acked.nodesCreated) expect(postsFor('/v1/nodes', name)).toBe(1);
    const rdPosts = (name: string) =>
      seen.filter(
        (r) =>
          r.method === 'POST' &&
          r.url === '/v1/resource-definitions' &&
          JSON.parse(r.body).resource_definition?.name === name,
      ).length;
    for (const name of acked.rds) expect(rdPosts(name)).toBe(1);
    // nothing in the cluster that was never sent
    for (const node of state.nodes.values()) {
      if (node.name.startsWith('chaos-')) expect(postsFor('/v1/nodes', node.name)).toBe(1);
    }

    // the schedule really caused failovers and failures
    const failovers = events.filter((e) => e.type === 'failover').length;
    expect(failovers).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);
    process.stdout.write(
      `chaos: ${succeeded} ok, ${failed} LinstorErrors, ${failovers} failovers, ${seen.length} requests at the ` +
        `controllers; acked ${acked.nodesCreated.size} node creates, ${acked.nodesDeleted.size} deletes, ` +
        `${acked.rds.size} RDs, ${acked.kv.size} KV keys\n${[...kinds].map(([k, c]) => `  ${c} x ${k}`).join('\n')}\n`,
    );
  }, 45_000);
});
