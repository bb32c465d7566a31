import { CodegenError } from './errors';

export interface CliArgs {
  spec?: string;
  out?: string;
  constants?: string;
  quiet: boolean;
  help: boolean;
}

/** `--name value` or `--name=value`; unknown flags are an error so a typo does not go unnoticed. */
export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { quiet: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new CodegenError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--spec':
        args.spec = value();
        break;
      case '--out':
        args.out = value();
        break;
      case '--constants':
        args.constants = value();
        break;
      case '--quiet':
      case '-q':
        args.quiet = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new CodegenError(`unknown argument '${arg}' (see --help)`);
    }
  }
  return args;
}

export const USAGE = `usage: npm run codegen [-- [--spec <file|dir|URL>] [--out <dir>] [--constants <constants.yaml>] [--quiet]]

  (no options)       regenerate generated/ from openapi/
  --spec <source>    an OpenAPI document (YAML or JSON file, http(s) URL) or a directory laid out like
                     openapi/; the normalisation rules of codegen/normalize.ts are applied to it
  --out <dir>        where to write; required with --spec (generated/ is only written from openapi/)
  --constants <f>    constants.yaml to use (default: openapi/constants.yaml)
`;
