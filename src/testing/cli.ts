// linstor-api-sim: runs the simulated controller as an HTTP server until interrupted.
import { HELP, parseArgs } from './cli-args';
import { startSimulator } from './server';

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (typeof parsed === 'string') {
    process.stderr.write(`linstor-api-sim: ${parsed}\n\n${HELP}`);
    return 2;
  }
  const sim = await startSimulator({
    port: parsed.port,
    host: parsed.host,
    nodes: parsed.large ? undefined : parsed.nodes,
    compression: parsed.compression,
    validateReplies: parsed.validate,
    onInvalidReply: (m) =>
      process.stderr.write(`schema mismatch: ${m.method} ${m.path} -> ${m.status}: ${m.errors.join('; ')}\n`),
  });
  if (parsed.large) sim.seedLarge();
  process.stdout.write(
    `Simulated LINSTOR controller listening on ${sim.url} (${sim.state.nodes.size} nodes, ${sim.state.resourceDefinitions.size} resource definitions)\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await sim.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`linstor-api-sim: ${(e as Error).message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
