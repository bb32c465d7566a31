// npm run dashboard: builds the page, starts the simulated controller (seeded) and the static server,
// prints both addresses and runs until Ctrl-C.
//
//   npm run dashboard [-- --port 8370] [--sim-port 3370] [--controller http://host:3370]
//
// --controller uses an existing controller instead of starting the simulator. A taken port falls back
// to a free one (the printed addresses are the ones in use).
import { type RunningSimulator, startSimulator } from '../../src/testing';
import { buildDashboard } from './build';
import { DASHBOARD_SEED } from './seed';
import { type StaticServer, startStaticServer } from './static-server';

interface Args {
  port: number;
  simPort: number;
  controller?: string;
}

const USAGE = 'usage: npm run dashboard -- [--port N] [--sim-port N] [--controller URL]\n';

function parseArgs(argv: string[]): Args | string {
  const args: Args = { port: 8370, simPort: 3370 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '-h' || flag === '--help') return 'help';
    if (value === undefined) return `${flag} needs a value`;
    if (flag === '--port' || flag === '--sim-port') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 65535) return `${flag}: not a port: ${value}`;
      if (flag === '--port') args.port = n;
      else args.simPort = n;
    } else if (flag === '--controller') {
      args.controller = value;
    } else {
      return `unknown option ${flag}`;
    }
    i++;
  }
  return args;
}

/** Tries the wanted port, then any free one. */
async function onSomePort<T>(wanted: number, start: (port: number) => Promise<T>, what: string): Promise<T> {
  try {
    return await start(wanted);
  } catch (error) {
    if (wanted === 0) throw error;
    process.stderr.write(`${what}: port ${wanted} is taken, using a free port instead\n`);
    return start(0);
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (typeof args === 'string') {
    process.stderr.write(`dashboard: ${args}\n${USAGE}`);
    return 2;
  }
  const built = await buildDashboard();
  let sim: RunningSimulator | undefined;
  let controller = args.controller;
  if (!controller) {
    sim = await onSomePort(
      args.simPort,
      (port) => startSimulator({ port, seed: DASHBOARD_SEED }),
      'simulated controller',
    );
    controller = sim.url;
    process.stdout.write(
      `Simulated LINSTOR controller: ${sim.url} (${sim.state.nodes.size} nodes, ${sim.state.resourceDefinitions.size} resource definitions)\n`,
    );
  }
  const server: StaticServer = await onSomePort(
    args.port,
    (port) => startStaticServer({ root: built.outDir, port }),
    'dashboard',
  );
  const page = `${server.url}/?controller=${encodeURIComponent(controller)}`;
  process.stdout.write(
    `Dashboard: ${page}\n  (page scripts ${(built.bundleBytes / 1024).toFixed(0)} KiB in ${built.scriptFiles} files, in ${built.outDir})\nCtrl-C stops ${sim ? 'both' : 'it'}.\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await server.close();
  await sim?.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`dashboard: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
