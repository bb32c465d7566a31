// Command-line parsing of linstor-api-sim (kept apart from cli.ts so it can be tested without starting a server).

export const HELP = `Usage: linstor-api-sim [options]

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

export interface CliOptions {
  port: number;
  host: string;
  nodes: number;
  large: boolean;
  validate: boolean;
  compression: boolean;
}

export function parseArgs(argv: string[]): CliOptions | 'help' | string {
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
