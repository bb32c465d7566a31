#!/usr/bin/env node
/**
 * Runs `tsup` (the package build) unless dist/ is already newer than every build input, so the size
 * script, the pack check and the package tests can each ask for a build and CI still builds once.
 * A lock file serialises concurrent callers (jest runs test files in parallel workers).
 * Usage: node scripts/ensure-build.mjs [--force]
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// tool state lives in node_modules/.cache (ignored by git, biome and npm pack)
const cacheDir = path.join(root, 'node_modules', '.cache', 'linstor-api');
const stampFile = path.join(cacheDir, 'build-stamp.json');
const lockFile = path.join(cacheDir, 'build.lock');
const inputs = ['src', 'generated', 'package.json', 'tsup.config.ts', 'tsconfig.json'];
/** A lock older than this belongs to a build that died; a real build takes well under a minute. */
const STALE_LOCK_MS = 5 * 60_000;

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function isFresh() {
  if (!existsSync(stampFile) || !existsSync(path.join(root, 'dist'))) return false;
  const built = statSync(stampFile).mtimeMs;
  return inputs.every((input) => newestMtime(path.join(root, input)) < built);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock() {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  for (;;) {
    try {
      closeSync(openSync(lockFile, 'wx'));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lockFile).mtimeMs > STALE_LOCK_MS) rmSync(lockFile, { force: true });
      } catch {
        // removed by its owner in the meantime
      }
      sleep(250);
    }
  }
}

/** Builds when needed; returns true when a build ran. Throws when the build fails. */
export function ensureBuild({ force = false, quiet = false } = {}) {
  if (!force && isFresh()) return false;
  acquireLock();
  try {
    // another caller may have finished a build while this one waited for the lock
    if (!force && isFresh()) return false;
    const started = Date.now();
    const result = spawnSync(path.join(root, 'node_modules', '.bin', 'tsup'), [], {
      cwd: root,
      encoding: 'utf8',
      stdio: quiet ? 'pipe' : 'inherit',
    });
    if (result.status !== 0) {
      rmSync(stampFile, { force: true });
      throw new Error(`tsup failed (exit ${result.status})\n${result.stdout ?? ''}${result.stderr ?? ''}`);
    }
    writeFileSync(
      stampFile,
      `${JSON.stringify({ builtAt: new Date().toISOString(), ms: Date.now() - started })}\n`,
    );
    // dated at the start, so a source saved while tsup ran makes the next call build again
    utimesSync(stampFile, started / 1000, started / 1000);
    return true;
  } finally {
    rmSync(lockFile, { force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ran = ensureBuild({ force: process.argv.includes('--force') });
  if (!ran) console.log('dist/ is up to date (no build input changed since the last build)');
}
