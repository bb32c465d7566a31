/**
 * Child process of the benchmark: runs simulated controllers (real HTTP servers on 127.0.0.1) so that
 * the server's work (rendering, gzip) does not share the measuring process's event loop, as with a real
 * controller. Started with `fork`; the parent sends `close` (or disconnects) to stop it.
 *
 * argv[2] is a JSON list of `{ id, nodes?, large?: { nodes, resources } }`; the child answers with
 * `{ type: 'ready', urls: { id: url }, notes: [...] }`.
 */
import { type RunningSimulator, startSimulator } from '../../src/testing';

interface SimSpec {
  id: string;
  nodes?: number;
  large?: { nodes: number; resources: number };
}

async function startOne(spec: SimSpec, notes: string[]): Promise<RunningSimulator> {
  if (!spec.large) return startSimulator({ nodes: spec.nodes, validateReplies: false });
  const sim = await startSimulator({ validateReplies: false });
  try {
    sim.seedLarge(spec.large);
    return sim;
  } catch (error) {
    // seedLargeCluster cannot seed more than 255 nodes (src/testing/seed.ts addressFor gives x.y.z.256);
    // fall back to 250 nodes with the same number of resources.
    await sim.close();
    notes.push(
      `seedLarge(${JSON.stringify(spec.large)}) failed (${(error as Error).message}); used 250 nodes instead`,
    );
    const retry = await startSimulator({ validateReplies: false });
    retry.seedLarge({ ...spec.large, nodes: 250 });
    return retry;
  }
}

async function main(): Promise<void> {
  const specs = JSON.parse(process.argv[2] ?? '[]') as SimSpec[];
  const notes: string[] = [];
  const sims: RunningSimulator[] = [];
  const urls: Record<string, string> = {};
  for (const spec of specs) {
    const sim = await startOne(spec, notes);
    sims.push(sim);
    urls[spec.id] = sim.url;
  }
  const stop = async () => {
    await Promise.all(sims.map((s) => s.close()));
    process.exit(0);
  };
  process.on('message', (m) => {
    if (m === 'close') void stop();
  });
  process.on('disconnect', () => void stop());
  process.send?.({ type: 'ready', urls, notes });
}

main().catch((error: unknown) => {
  process.send?.({ type: 'error', message: (error as Error).message });
  process.exit(1);
});
