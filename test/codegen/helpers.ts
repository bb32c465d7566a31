import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Timeout for hooks and tests that spawn codegen or tsc. Generous on purpose: the machine is shared, and
 * these steps must not fail because another process slowed them down (no test here is about speed).
 */
export const SPAWN_TIMEOUT = 600_000;

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
export const REFERENCE_DIR = path.join(SHARED_DIR, 'openapi-reference');
export const GENERATED_DIR = path.join(REPO_ROOT, 'generated');
const TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const TSX = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** The reference copies, oldest first (v1.0.0 … v1.33.3, then master), or [] when ../shared is absent. */
export function referenceCopies(): { version: string; file: string }[] {
  if (!existsSync(REFERENCE_DIR)) return [];
  const files = readdirSync(REFERENCE_DIR).filter((f) => /^linstor-rest-v1-.*\.yaml$/.test(f));
  const key = (v: string) =>
    v.startsWith('master') ? [Number.POSITIVE_INFINITY] : v.replace(/^v/, '').split('.').map(Number);
  const versions = files.map((f) => ({
    version: f.replace(/^linstor-rest-v1-/, '').replace(/\.yaml$/, ''),
    file: path.join(REFERENCE_DIR, f),
  }));
  return versions.sort((a, b) => {
    const ka = key(a.version);
    const kb = key(b.version);
    for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
      const d = (ka[i] ?? 0) - (kb[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
}

/**
 * A scratch directory under the OS temp dir (not in the shared working tree, which other helpers
 * clean), with a `node_modules` link to the repo's, so that files there resolve openapi-fetch and
 * @types/node exactly as the repo does.
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `linstor-${prefix}-`));
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

export function removeDir(dir: string): void {
  // Unlink the node_modules link first, so that nothing can ever walk into the repo's node_modules.
  const link = path.join(dir, 'node_modules');
  if (existsSync(link) && lstatSync(link).isSymbolicLink()) unlinkSync(link);
  rmSync(dir, { recursive: true, force: true });
}

export function copyInto(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}

export interface TscResult {
  ok: boolean;
  /** tsc's diagnostics, one per line (`file(line,col): error TSxxxx: message`). */
  diagnostics: string[];
  ms: number;
}

/** `tsc -p <dir>/tsconfig.json` after writing that tsconfig; strict, Node16, no emit. */
export function typeCheck(dir: string, include: string[], types: string[] = []): Promise<TscResult> {
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'ESNext.Disposable', 'DOM', 'DOM.Iterable'],
          module: 'Node16',
          moduleResolution: 'Node16',
          strict: true,
          noImplicitOverride: true,
          noFallthroughCasesInSwitch: true,
          esModuleInterop: true,
          skipLibCheck: true,
          resolveJsonModule: true,
          forceConsistentCasingInFileNames: true,
          noEmit: true,
          types,
        },
        include,
      },
      null,
      2,
    ),
  );
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSC, '-p', dir, '--pretty', 'false'], { cwd: dir });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const diagnostics = out
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => l.length > 0);
      resolve({ ok: code === 0, diagnostics, ms: Date.now() - started });
    });
  });
}

/** Runs the tasks with at most `limit` at a time (the machine has 2 cores shared by several helpers). */
export async function limited<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript file with tsx (as `npm run codegen` does) and collects its output. */
export function runTsx(file: string, args: string[]): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, file, ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export type GenerateResult =
  | { ok: true; operations: number; schemas: number; constants: number; ms: number }
  | { ok: false; error: string };

/**
 * codegen for each job, in `processes` tsx processes (see fixtures/generate-many.ts); jobs are dealt
 * round-robin and the results come back in job order.
 */
export async function generateMany(
  jobs: { spec?: string; out: string }[],
  processes = 1,
): Promise<GenerateResult[]> {
  const n = Math.max(1, Math.min(processes, jobs.length));
  const shares = Array.from({ length: n }, (_, k) => jobs.map((_, i) => i).filter((i) => i % n === k));
  const parts = await Promise.all(
    shares.map(async (indexes) => {
      const share = indexes.map((i) => jobs[i]);
      const r = await runTsx(path.join(__dirname, 'fixtures', 'generate-many.ts'), [JSON.stringify(share)]);
      if (r.code !== 0) throw new Error(`generate-many failed (${r.code}): ${r.stderr}`);
      return JSON.parse(r.stdout) as GenerateResult[];
    }),
  );
  const results: GenerateResult[] = new Array(jobs.length);
  shares.forEach((indexes, k) => {
    indexes.forEach((i, j) => {
      results[i] = (parts[k] as GenerateResult[])[j] as GenerateResult;
    });
  });
  return results;
}
