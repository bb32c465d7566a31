#!/usr/bin/env node
/**
 * Packs the package once (`npm pack`) and checks the tarball that would be published:
 * - every file named by `exports`, `main`, `module`, `types` and `bin` is in it, commands start with a
 *   hashbang, and nothing but dist/, README, LICENSE and package.json is shipped;
 * - publint (errors fail; warnings and suggestions are printed);
 * - @arethetypeswrong/cli on the same tarball (any problem fails).
 * Usage: npm run check:package   (builds first; this script alone expects a current dist/)
 * A summary is written to test-output/package/pack-check.json. Exit code 1 on any failure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Every file path the manifest points at (conditions flattened). */
function manifestTargets() {
  const targets = new Set();
  const walk = (value) => {
    if (typeof value === 'string') targets.add(value);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  walk(pkg.exports);
  for (const field of ['main', 'module', 'types']) if (pkg[field]) targets.add(pkg[field]);
  for (const file of Object.values(pkg.bin ?? {})) targets.add(file);
  return [...targets].map((t) => t.replace(/^\.\//, ''));
}

const allowedTopLevel = /^(dist\/|package\.json$|README(\.md)?$|LICENSE(\.md|\.txt)?$|CHANGELOG\.md$)/i;

function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'linstor-api-pack-'));
  const failures = [];
  try {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    )[0];
    const tarball = path.join(work, packed.filename);
    const files = packed.files.map((f) => f.path);
    console.log(
      `packed ${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(1)} kB packed, ` +
        `${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked`,
    );

    for (const target of manifestTargets()) {
      if (!files.includes(target))
        failures.push(`package.json points at ${target}, which is not in the tarball`);
    }
    for (const file of files) {
      if (!allowedTopLevel.test(file)) failures.push(`unexpected file in the tarball: ${file}`);
    }
    for (const command of Object.values(pkg.bin ?? {})) {
      const rel = command.replace(/^\.\//, '');
      if (!files.includes(rel)) continue;
      const head = readFileSync(path.join(root, rel), 'utf8').slice(0, 2);
      if (head !== '#!') failures.push(`command ${rel} does not start with a hashbang`);
    }

    console.log('\n== publint ==');
    const publint = spawnSync(bin('publint'), ['run', tarball, '--level', 'suggestion'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (publint.status !== 0) failures.push(`publint failed (exit ${publint.status})`);

    console.log('\n== @arethetypeswrong/cli ==');
    const attw = spawnSync(bin('attw'), [tarball, '--format', 'table-flipped', '--no-color'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (attw.status !== 0) failures.push(`attw reported problems (exit ${attw.status})`);

    const out = path.join(root, 'test-output', 'package');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      path.join(out, 'pack-check.json'),
      `${JSON.stringify(
        {
          tarball: packed.filename,
          files: files.length,
          packedBytes: packed.size,
          unpackedBytes: packed.unpackedSize,
          publint: publint.status === 0 ? 'pass' : 'fail',
          attw: attw.status === 0 ? 'pass' : 'fail',
          failures,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`\npack-check FAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log('\npack-check passed: publint and attw report no errors');
}

main();
