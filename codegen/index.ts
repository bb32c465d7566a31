import path from 'node:path';
import { parseArgs, USAGE } from './cli-args';
import { CodegenError } from './errors';
import { generate } from './generate';
import { GENERATED_DIR, OPENAPI_DIR } from './layout';

/** `npm run codegen [-- --spec <file|URL> --out <dir> --constants <file>]` */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.spec !== undefined && args.out === undefined && path.resolve(args.spec) !== OPENAPI_DIR) {
    throw new CodegenError('--out is required with --spec (generated/ is only written from openapi/)');
  }
  const out = args.out ?? GENERATED_DIR;
  const log = args.quiet ? undefined : (line: string) => process.stdout.write(`codegen: ${line}\n`);
  const s = await generate({ spec: args.spec, out, constants: args.constants, log });
  for (const f of s.files)
    log?.(`wrote     ${f.name.padEnd(16)} ${f.bytes.toLocaleString('en-US').padStart(10)} bytes`);
  const total = s.files.reduce((n, f) => n + f.bytes, 0);
  process.stdout.write(
    `codegen: ${s.operations} operations, ${s.schemas} schemas, ${s.constants} constants -> ` +
      `${path.relative(process.cwd(), out) || '.'} (${total.toLocaleString('en-US')} bytes) in ${(s.ms / 1000).toFixed(2)} s\n`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof CodegenError) {
      process.stderr.write(`codegen: error: ${e.message}\n`);
      process.exitCode = 2;
    } else {
      // Not an input problem: a bug in codegen, so keep the stack.
      process.stderr.write(
        `codegen: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      process.exitCode = 3;
    }
  },
);
