/**
 * Profiling aid for (a) and (b): runs only `lin.nodeList()` calls (mode `sdk`; `sdk-global` = the SDK over
 * the built-in fetch) or the bare-fetch baseline (`raw`) against the 100-node simulator in a child
 * process, serially or with N concurrent callers. Use with --cpu-prof, then cpuprofile-summary.ts:
 *
 *   node --cpu-prof --cpu-prof-dir=test-output/prof --import tsx scripts/bench/profile-serial.ts sdk 2000 [callers]
 *   node --import tsx scripts/bench/cpuprofile-summary.ts test-output/prof/<file>.cpuprofile
 */
import '../../src/node/register';
import { Linstor } from '../../src/api/linstor';
import { startSimChild } from './children';
import { rawGet } from './http-bench';

async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'sdk';
  const calls = Number(process.argv[3] ?? 2000);
  const callers = Number(process.argv[4] ?? 1);
  const sims = await startSimChild([{ id: 'nodes100', nodes: 100 }]);
  const url = sims.urls.nodes100 as string;
  try {
    const lin = new Linstor(url, mode === 'sdk-global' ? { fetch: (u, i) => fetch(u, i) } : {});
    const fn = mode === 'raw' ? rawGet(`${url}/v1/nodes`) : () => lin.nodeList();
    for (let i = 0; i < 50; i++) await fn();
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const perCaller = Math.ceil(calls / callers);
    await Promise.all(
      Array.from({ length: callers }, async () => {
        for (let i = 0; i < perCaller; i++) await fn();
      }),
    );
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write(
      `${mode} x${callers}: ${(ms / (perCaller * callers)).toFixed(3)} ms/call, ` +
        `${((perCaller * callers * 1000) / ms).toFixed(0)} calls/s, client CPU ${((cpu.user + cpu.system) / 1000 / (perCaller * callers)).toFixed(3)} ms/call\n`,
    );
  } finally {
    await sims.close();
  }
}

void main();
