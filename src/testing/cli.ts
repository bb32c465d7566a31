// linstor-api-sim: runs the simulated controller as an HTTP server until interrupted.
import { startSimulator } from './server';

const HELP = `Usage: linstor-api-sim [options]

Runs a simulated LINSTOR controller (REST API v1, version 1.28.0) over HTTP.

Options:
  --port <n>        port to listen on (default 3370; 0 picks a free port)
  --host <addr>     address to bind (default 127.0.0.1)
  --nodes <n>       seed n satellite nodes, each with a 100 GiB LVM_THIN pool
                    named DfltStorPool (default 3)
  --large           seed 1,000 nodes and 10,000 resources instead
  --validate        check every reply against the OpenAPI schemas and log mismatches
  --no-compression  never gzip replies
  -h, --help        show this help

The server sends the controller's CORS headers, so browser dashboards can call it
cross-origin. Stop it with Ctrl-C.
`;

interface CliOptions {
  port: number;
  host: string;
  nodes: number;
  large: boolean;
  validate: boolean;
  compression: boolean;
}

function parseArgs(argv: string[]): CliOptions | 'help' | string {
  const o: CliOptions = {
    port: 3370,
    host: '127.0.0.1',
    nodes: 3,
    large: false,
    validate: false,
    compression: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] = a.includes('=')
      ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
      : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--port':
      case '--nodes': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 0 || (flag === '--port' && v > 65535))
          return `invalid value for ${flag}`;
        if (flag === '--port') o.port = v;
        else o.nodes = v;
        break;
      }
      case '--host': {
        const v = value();
        if (!v) return 'missing value for --host';
        o.host = v;
        break;
      }
      case '--large':
        o.large = true;
        break;
      case '--validate':
        o.validate = true;
        break;
      case '--no-compression':
        o.compression = false;
        break;
      default:
        return `unknown option: ${a}`;
    }
  }
  return o;
}

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
