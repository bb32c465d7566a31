// Measures the simulated controller on a 1,000-node, 10,000-resource cluster: seeding time and how long
// GET /v1/view/resources takes, in-process (handle()) and over HTTP (with and without gzip).
// Usage: npx tsx scripts/sim-scale.ts [--nodes 1000] [--resources 10000] [--rounds 5]
import { performance } from 'node:perf_hooks';
import { createSimulator, startSimulator } from '../src/testing';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const nodes = arg('nodes', 1000);
  const resources = arg('resources', 10000);
  const rounds = arg('rounds', 5);

  let t = performance.now();
  const sim = createSimulator({ validateReplies: false });
  sim.seedLarge({ nodes, resources });
  const seedMs = performance.now() - t;
  let count = 0;
  for (const rd of sim.state.resourceDefinitions.values()) count += rd.resources.size;
  console.log(
    `seeded ${sim.state.nodes.size} nodes, ${sim.state.resourceDefinitions.size} resource definitions, ${count} resources in ${ms(seedMs)}`,
  );

  const inProcess: number[] = [];
  let bytes = 0;
  for (let i = 0; i < rounds; i++) {
    t = performance.now();
    const r = sim.handle({ method: 'GET', path: '/v1/view/resources' });
    inProcess.push(performance.now() - t);
    bytes = r.bodyText.length;
  }
  console.log(
    `handle(GET /v1/view/resources): median ${ms(median(inProcess))} over ${rounds} rounds, ${(bytes / 1e6).toFixed(1)} MB of JSON`,
  );

  for (const gzip of [false, true]) {
    const server = await startSimulator({ state: sim.state, validateReplies: false, compression: gzip });
    const firstByte: number[] = [];
    const complete: number[] = [];
    const parsedAt: number[] = [];
    let parsed = 0;
    for (let i = 0; i < rounds; i++) {
      t = performance.now();
      const res = await fetch(`${server.url}/v1/view/resources`, {
        headers: gzip ? { 'accept-encoding': 'gzip' } : { 'accept-encoding': 'identity' },
      });
      firstByte.push(performance.now() - t);
      const text = await res.text();
      complete.push(performance.now() - t);
      parsed = (JSON.parse(text) as unknown[]).length;
      parsedAt.push(performance.now() - t);
    }
    await server.close();
    console.log(
      `HTTP GET /v1/view/resources (${gzip ? 'gzip' : 'no compression'}): headers after ${ms(median(firstByte))}, ` +
        `body complete after ${ms(median(complete))}, client JSON.parse done after ${ms(median(parsedAt))} (${parsed} entries)`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
