import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CodegenError } from './errors';
import { GENERATED_DIR, GENERATED_FILES, generate } from './generate';

/** Files of `dir` that differ from a fresh codegen run in `fresh` (missing, changed or extra). */
export function diffGenerated(fresh: string, dir: string): string[] {
  const problems: string[] = [];
  for (const name of GENERATED_FILES) {
    const target = path.join(dir, name);
    if (!existsSync(target)) {
      problems.push(`${name}: missing`);
      continue;
    }
    const a = readFileSync(path.join(fresh, name));
    const b = readFileSync(target);
    if (!a.equals(b)) {
      const la = a.toString('utf8').split('\n');
      const lb = b.toString('utf8').split('\n');
      let line = 0;
      while (line < la.length && la[line] === lb[line]) line++;
      problems.push(`${name}: differs (first difference at line ${line + 1})`);
    }
  }
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (!GENERATED_FILES.includes(name)) problems.push(`${name}: not produced by codegen`);
    }
  }
  return problems;
}

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
