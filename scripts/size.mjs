#!/usr/bin/env node
/**
 * Browser bundle size of the main entry, `import { Linstor, MultiLinstor } from 'linstor-api'`, resolved
 * through the package's `exports` from the built dist/ as a user's bundler would, minified and gzipped
 * (level 9). Two builds:
 *
 * - Rollup with code splitting, each chunk minified by esbuild: Vite's production pipeline. `Linstor`
 *   loads its method families on first use (src/api/install-methods.ts), so the page's initial load
 *   is the entry chunk and the chunks it imports statically; each family is a chunk fetched on its
 *   first call. The initial load must stay within 25 kB (the packaging issue's budget); every chunk
 *   together (what a page that calls every family loads) within {@link TOTAL_LIMIT_BYTES}.
 * - esbuild without splitting (one file, the dynamic imports inlined): what a bundler that does not
 *   split produces; within {@link SINGLE_FILE_LIMIT_BYTES}.
 *
 * Each chunk is gzipped on its own (each is its own HTTP response). Exits 1 above a limit, when a bundle
 * pulls in the generated validators or ajv, or when the entry cannot be bundled for the browser.
 * Writes test-output/size.json.
 * Usage: npm run size   (builds dist/ first when a source changed)
 *        node scripts/size.mjs [--limit-bytes N] [--json] [--gzip-by-module]
 * --gzip-by-module also prints what each source module adds to the gzipped single file (slower: one
 * gzip per module); minified bytes alone mislead, e.g. repetitive tables gzip far better than code.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build, transform } from 'esbuild';
import { rollup } from 'rollup';
import { ensureBuild, root } from './ensure-build.mjs';

/** The budget of the initial load (1 kB = 1000 bytes), from the packaging issue. */
export const DEFAULT_LIMIT_BYTES = 25_000;
/** Every chunk together: the whole client, for a page that calls every method family (growth guard). */
export const TOTAL_LIMIT_BYTES = 52_000;
/** The one-file bundle of a bundler that does not split (growth guard). */
export const SINGLE_FILE_LIMIT_BYTES = 38_000;
export const SIZE_IMPORT = `import { Linstor, MultiLinstor } from 'linstor-api';\nexport { Linstor, MultiLinstor };\n`;

/** Markers that only the generated validators / ajv contain; none may reach the browser bundle. */
const forbiddenMarkers = [
  { name: 'generated validators (schema marker linstorBigint)', text: 'linstorBigint' },
  { name: 'ajv runtime', text: 'ajv.js.org' },
  { name: 'ajv-formats', text: 'ajv-formats' },
];

const gzipSize = (text) => gzipSync(text, { level: 9 }).length;

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

/**
 * Bundles `code` (importing from 'linstor-api') with Rollup for the browser, code splitting on, each
 * chunk minified by esbuild (as Vite builds for production). Returns the chunks with their minified
 * text, whether they belong to the initial load (the entry and what it imports statically) and, for a
 * lazily loaded family, the source module it was split from.
 */
export async function splitBundleForBrowser(code) {
  const dir = consumerDir();
  try {
    const entry = path.join(dir, 'size-entry.mjs');
    writeFileSync(entry, code);
    const bundle = await rollup({
      input: entry,
      plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] })],
      onwarn: (warning, warn) => (warning.code === 'CIRCULAR_DEPENDENCY' ? undefined : warn(warning)),
    });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    const chunks = output.filter((o) => o.type === 'chunk');
    const initial = new Set();
    const queue = chunks.filter((c) => c.isEntry).map((c) => c.fileName);
    while (queue.length > 0) {
      const name = queue.pop();
      if (initial.has(name)) continue;
      initial.add(name);
      queue.push(...chunks.find((c) => c.fileName === name).imports);
    }
    return Promise.all(
      chunks.map(async (c) => {
        const { code: text } = await transform(c.code, { minify: true, target: 'es2022', format: 'esm' });
        const source = c.facadeModuleId ? path.basename(c.facadeModuleId) : undefined;
        return { fileName: c.fileName, text, initial: initial.has(c.fileName), source };
      }),
    );
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

/** The same import bundled from src/ (dist/ chunks hide module boundaries), minified as configured. */
function buildFromSource(minifyOptions) {
  return build({
    stdin: {
      contents: "export { Linstor, MultiLinstor } from './src/index.ts';",
      resolveDir: root,
      sourcefile: 'size-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    ...minifyOptions,
  });
}

/**
 * Where the bytes come from: minified bytes per source module of a bundle of src/, largest first; an
 * estimate for deciding what to trim.
 */
async function sourceBreakdown(top = 15) {
  const result = await buildFromSource({ minify: true });
  const output = Object.values(result.metafile.outputs)[0];
  return Object.fromEntries(
    Object.entries(output.inputs)
      .map(([input, info]) => [input.split(path.sep).join('/'), info.bytesInOutput])
      .filter(([, bytes]) => bytes > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, top),
  );
}

/**
 * What each source module adds to the gzipped bundle: the gzipped size of the whole bundle minus that
 * of the bundle without the module's code (identifiers and syntax minified; whitespace removed
 * afterwards, which keeps esbuild's `// path` module markers until the split). Sums to about the total.
 */
async function gzipByModule() {
  const result = await buildFromSource({ minifySyntax: true, minifyIdentifiers: true });
  const text = result.outputFiles[0].text.replace(/\nexport \{[^}]*\};?\s*$/, '\n');
  const modules = [];
  for (const line of text.split('\n')) {
    const marker = /^\/\/ (\S+\.(?:ts|mjs|js))$/.exec(line);
    if (marker) modules.push({ name: marker[1], lines: [] });
    else if (modules.length > 0) modules[modules.length - 1].lines.push(line);
  }
  const gzipOf = async (parts) => {
    const joined = parts.map((m) => m.lines.join('\n')).join('\n');
    const { code } = await transform(joined, { minifyWhitespace: true, target: 'es2022', format: 'esm' });
    return gzipSync(code, { level: 9 }).length;
  };
  const total = await gzipOf(modules);
  const rows = [];
  for (const module of modules) {
    rows.push([module.name, total - (await gzipOf(modules.filter((m) => m !== module)))]);
  }
  return { total, modules: Object.fromEntries(rows.filter(([, b]) => b > 0).sort((a, b) => b[1] - a[1])) };
}

export async function measure({ byModule = false } = {}) {
  const { text, metafile } = await bundleForBrowser(SIZE_IMPORT);
  const chunks = await splitBundleForBrowser(SIZE_IMPORT);
  const sum = (list) => list.reduce((total, c) => total + gzipSize(c.text), 0);
  const forbidden = forbiddenMarkers
    .filter((m) => text.includes(m.text) || chunks.some((c) => c.text.includes(m.text)))
    .map((m) => m.name);
  const bySourceModule = await sourceBreakdown().catch(() => ({}));
  const gzipBySourceModule = byModule ? await gzipByModule() : undefined;
  return {
    initial: {
      gzipBytes: sum(chunks.filter((c) => c.initial)),
      chunks: chunks.filter((c) => c.initial).length,
    },
    total: { gzipBytes: sum(chunks), chunks: chunks.length },
    lazyFamilies: Object.fromEntries(
      chunks
        .filter((c) => !c.initial && c.source)
        .map((c) => [c.source, gzipSize(c.text)])
        .sort((a, b) => b[1] - a[1]),
    ),
    singleFile: { minifiedBytes: Buffer.byteLength(text), gzipBytes: gzipSize(text) },
    byPackage: breakdown(metafile),
    bySourceModule,
    ...(gzipBySourceModule ? { gzipBySourceModule } : {}),
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
    result = await measure({ byModule: args.includes('--gzip-by-module') });
  } catch (error) {
    const messages = error.errors?.map((e) => `${e.text}${e.location ? ` (${e.location.file})` : ''}`) ?? [];
    console.error(
      `size: the main entry cannot be bundled for the browser:\n  ${messages.join('\n  ') || error}`,
    );
    process.exit(1);
  }
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  const checks = [
    ['initial load', result.initial.gzipBytes, limit],
    ['all chunks', result.total.gzipBytes, TOTAL_LIMIT_BYTES],
    ['single file', result.singleFile.gzipBytes, SINGLE_FILE_LIMIT_BYTES],
  ];
  const over = checks.filter(([, bytes, max]) => bytes > max);
  const report = {
    import: "import { Linstor, MultiLinstor } from 'linstor-api'",
    bundlers: {
      split: 'rollup 4 + @rollup/plugin-node-resolve (browser), chunks minified by esbuild, es2022',
      singleFile: 'esbuild, platform=browser, format=esm, minify, target es2022, no splitting',
    },
    ...result,
    limits: { initial: limit, total: TOTAL_LIMIT_BYTES, singleFile: SINGLE_FILE_LIMIT_BYTES },
    pass: over.length === 0 && result.forbidden.length === 0,
  };
  const outDir = path.join(root, 'test-output');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'size.json'), `${JSON.stringify(report, null, 2)}\n`);

  if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(`browser bundle of ${report.import} (minified + gzip)`);
    console.log(
      `  initial load: ${kB(result.initial.gzipBytes)} in ${result.initial.chunks} chunks (limit ${kB(limit)})`,
    );
    console.log(
      `  all chunks:   ${kB(result.total.gzipBytes)} in ${result.total.chunks} chunks (limit ${kB(TOTAL_LIMIT_BYTES)})`,
    );
    console.log(
      `  single file (no splitting): ${kB(result.singleFile.gzipBytes)}, ${kB(result.singleFile.minifiedBytes)} minified (limit ${kB(SINGLE_FILE_LIMIT_BYTES)})`,
    );
    console.log('  method families, loaded on first use (own chunk, shared code not counted):');
    for (const [family, bytes] of Object.entries(result.lazyFamilies)) {
      console.log(`    ${kB(bytes).padStart(8)}  ${family}`);
    }
    console.log('  largest source modules (minified, from a bundle of src/):');
    for (const [module, bytes] of Object.entries(result.bySourceModule)) {
      console.log(`    ${kB(bytes).padStart(8)}  ${module}`);
    }
    if (result.gzipBySourceModule) {
      const { total, modules } = result.gzipBySourceModule;
      console.log(`  gzipped bytes each source module adds (of ${total}; one file from src/):`);
      for (const [module, bytes] of Object.entries(modules)) {
        console.log(`    ${String(bytes).padStart(6)} B  ${module}`);
      }
    }
    console.log('  written to test-output/size.json');
  }
  if (result.forbidden.length > 0) console.error(`size: the bundle contains ${result.forbidden.join(', ')}`);
  for (const [what, bytes, max] of over)
    console.error(`size: ${what} is ${bytes} bytes gzipped, above ${max}`);
  if (!report.pass) process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'scripts', 'size.mjs')) await main();
