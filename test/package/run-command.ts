// Child processes for the package tests: the build (scripts/ensure-build.mjs), npm and tsc, run
// asynchronously so independent steps (the two consumer installs) overlap.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Environment for nested npm runs. Under `npm test` npm exports its own settings as npm_config_*;
 * some of them (local prefix, package-lock, workspace) would point a nested install back at this
 * repository. Only the settings that say where packages come from are kept.
 */
export function npmEnv(): NodeJS.ProcessEnv {
  const keep = new Set([
    'npm_config_cache',
    'npm_config_registry',
    'npm_config_userconfig',
    'npm_config_globalconfig',
  ]);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if ((lower.startsWith('npm_') && !keep.has(lower)) || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Fails with the command's output when it exits non-zero. */
export async function mustRun(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${options.cwd}) exited ${result.code}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

/** The npm version, or undefined when npm cannot be run here. */
export function npmVersion(): string | undefined {
  const result = spawnSync('npm', ['--version'], { encoding: 'utf8', env: npmEnv() });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Builds dist/ unless it is newer than every build input (shared with `npm run size` and CI). */
export function ensureBuild(): void {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'ensure-build.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build failed\n${result.stdout}\n${result.stderr}`);
}
