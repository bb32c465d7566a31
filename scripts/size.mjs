#!/usr/bin/env node
/**
 * Browser bundle size of the main entry: bundles `import { Linstor, MultiLinstor } from 'linstor-api'`
 * with esbuild for the browser (minified, tree-shaken, resolved through the package's `exports` from
 * the built dist/, as a user's bundler would), gzips it (level 9), prints the sizes and writes them to
 * test-output/size.json. Exits 1 when the gzipped size is above the limit, when the bundle pulls in the
 * generated validators or ajv, or when it cannot be bundled for the browser (e.g. a `node:` import).
 * Usage: npm run size   (builds dist/ first when a source changed)
 *        node scripts/size.mjs [--limit-bytes N] [--json]
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ensureBuild, root } from './ensure-build.mjs';

/** 25 kB, as the packaging issue states it (1 kB = 1000 bytes). */
export const DEFAULT_LIMIT_BYTES = 25_000;
export const SIZE_IMPORT = `import { Linstor, MultiLinstor } from 'linstor-api';\nexport { Linstor, MultiLinstor };\n`;

/** Markers that only the generated validators / ajv contain; none may reach the browser bundle. */
const forbiddenMarkers = [
  { name: 'generated validators (schema marker linstorBigint)', text: 'linstorBigint' },
  { name: 'ajv runtime', text: 'ajv.js.org' },
  { name: 'ajv-formats', text: 'ajv-formats' },
];

/**
 * A consumer directory whose node_modules/linstor-api links to this repository, so esbuild resolves the
 * import exactly like an installed package (exports map, browser conditions, dependencies).
 */
function consumerDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'linstor-api-size-'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(root, path.join(dir, 'node_modules', 'linstor-api'), 'dir');
  return dir;
}

/** Bundles `code` (importing from 'linstor-api') for the browser; returns the minified output and metafile. */
export async function bundleForBrowser(code, { minify = true } = {}) {
  const dir = consumerDir();
  try {
    const result = await build({
      stdin: { contents: code, resolveDir: dir, sourcefile: 'size-entry.mjs', loader: 'js' },
      bundle: true,
      write: false,
      minify,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      metafile: true,
      logLevel: 'silent',
      legalComments: 'none',
    });
    return { text: result.outputFiles[0].text, metafile: result.metafile };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Per-package share of the minified bundle (dist chunks count as linstor-api). */
function breakdown(metafile) {
  const shares = {};
  const output = Object.values(metafile.outputs)[0];
  for (const [input, info] of Object.entries(output.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input.split(path.sep).join('/'));
    const owner = match && match[1] !== 'linstor-api' ? match[1] : 'linstor-api';
    shares[owner] = (shares[owner] ?? 0) + info.bytesInOutput;
  }
  return Object.fromEntries(Object.entries(shares).sort((a, b) => b[1] - a[1]));
}

/**
 * Where the bytes come from: the same import bundled from src/ (dist/ chunks hide module boundaries).
 * Minified bytes per source module, largest first; an estimate for deciding what to trim.
 */
async function sourceBreakdown(top = 15) {
  const result = await build({
    stdin: {
      contents: "export { Linstor, MultiLinstor } from './src/index.ts';",
      resolveDir: root,
      sourcefile: 'size-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  return Object.fromEntries(
    Object.entries(output.inputs)
      .map(([input, info]) => [input.split(path.sep).join('/'), info.bytesInOutput])
      .filter(([, bytes]) => bytes > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, top),
  );
}

export async function measure() {
  const { text, metafile } = await bundleForBrowser(SIZE_IMPORT);
  const minified = Buffer.byteLength(text);
  const gzipped = gzipSync(text, { level: 9 }).length;
  const forbidden = forbiddenMarkers.filter((m) => text.includes(m.text)).map((m) => m.name);
  const bySourceModule = await sourceBreakdown().catch(() => ({}));
  return {
    minifiedBytes: minified,
    gzipBytes: gzipped,
    byPackage: breakdown(metafile),
    bySourceModule,
    forbidden,
  };
}

async function main() {
  const args = process.argv.slice(2);
  const limitIndex = args.indexOf('--limit-bytes');
  const limit = limitIndex >= 0 ? Number(args[limitIndex + 1]) : DEFAULT_LIMIT_BYTES;
  ensureBuild({ quiet: true });

  let result;
  try {
    result = await measure();
  } catch (error) {
    const messages = error.errors?.map((e) => `${e.text}${e.location ? ` (${e.location.file})` : ''}`) ?? [];
    console.error(
      `size: the main entry cannot be bundled for the browser:\n  ${messages.join('\n  ') || error}`,
    );
    process.exit(1);
  }
  const report = {
    import: "import { Linstor, MultiLinstor } from 'linstor-api'",
    bundler: 'esbuild, platform=browser, format=esm, minify, target es2022',
    ...result,
    gzipKB: Number((result.gzipBytes / 1000).toFixed(2)),
    limitBytes: limit,
    pass: result.gzipBytes <= limit && result.forbidden.length === 0,
  };
  const outDir = path.join(root, 'test-output');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'size.json'), `${JSON.stringify(report, null, 2)}\n`);

  if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(`browser bundle of ${report.import}`);
    console.log(`  minified: ${(result.minifiedBytes / 1000).toFixed(1)} kB`);
    console.log(`  minified + gzip: ${(result.gzipBytes / 1000).toFixed(1)} kB (limit ${limit / 1000} kB)`);
    for (const [owner, bytes] of Object.entries(result.byPackage)) {
      console.log(`    ${owner}: ${(bytes / 1000).toFixed(1)} kB minified`);
    }
    console.log('  largest source modules (minified, from a bundle of src/):');
    for (const [module, bytes] of Object.entries(result.bySourceModule)) {
      console.log(`    ${(bytes / 1000).toFixed(1).padStart(6)} kB  ${module}`);
    }
    console.log('  written to test-output/size.json');
  }
  if (result.forbidden.length > 0) console.error(`size: the bundle contains ${result.forbidden.join(', ')}`);
  if (result.gzipBytes > limit) console.error(`size: ${result.gzipBytes} bytes gzipped is above ${limit}`);
  if (!report.pass) process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'scripts', 'size.mjs')) await main();
