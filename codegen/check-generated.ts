import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diffGenerated } from './diff-generated';
import { CodegenError } from './errors';
import { generate } from './generate';
import { GENERATED_DIR } from './layout';

/** CI drift check: regenerate from openapi/ into a temp dir and compare with the committed generated/. */
async function main(): Promise<number> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'linstor-codegen-check-'));
  try {
    const s = await generate({ out: tmp });
    const problems = diffGenerated(tmp, GENERATED_DIR);
    if (problems.length === 0) {
      process.stdout.write(
        `check:generated: generated/ is in sync with openapi/ (${s.files.length} files)\n`,
      );
      return 0;
    }
    process.stdout.write('check:generated: generated/ is out of date; run `npm run codegen` and commit:\n');
    for (const p of problems) process.stdout.write(`  generated/${p}\n`);
    return 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        e instanceof CodegenError
          ? `check:generated: error: ${e.message}\n`
          : `check:generated: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      process.exitCode = 2;
    },
  );
}
