// Bundles the dashboard page (app.ts + the SDK's browser entry) with esbuild into a directory of
// static files: index.html, style.css, app.js and the chunks app.js imports (code splitting on, so the
// SDK's method families load on their first call, as in a user's split bundle).
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const here = __dirname;
const repoRoot = path.resolve(here, '..', '..');

/** Where `npm run dashboard` puts the page (ignored by git, biome and npm pack). */
export const DEFAULT_OUT_DIR = path.join(repoRoot, 'node_modules', '.cache', 'linstor-api', 'dashboard');

const STATIC_FILES = ['index.html', 'style.css'];
const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * The browser entry must not reach Node modules. esbuild would also fail on them for the browser
 * platform, but this names the importing file, which is what someone fixing it needs.
 */
const refuseNodeModules: Plugin = {
  name: 'refuse-node-modules',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (!nodeBuiltins.has(args.path)) return undefined;
      const from = path.relative(repoRoot, args.importer);
      return {
        errors: [{ text: `the browser bundle imports the Node module '${args.path}' (from ${from})` }],
      };
    });
  },
};

export interface DashboardBuild {
  outDir: string;
  /** size of app.js and its chunks in bytes */
  bundleBytes: number;
  /** number of script files (app.js and its chunks) */
  scriptFiles: number;
}

/** Builds the page into `outDir` (created if missing); throws when the bundle cannot be built. */
export async function buildDashboard(outDir: string = DEFAULT_OUT_DIR): Promise<DashboardBuild> {
  await mkdir(outDir, { recursive: true });
  // chunks of an earlier build have other hashes
  for (const name of await readdir(outDir)) {
    if (name.startsWith('chunk-')) await rm(path.join(outDir, name));
  }
  const result = await build({
    entryPoints: [path.join(here, 'app.ts')],
    outdir: outDir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    splitting: true,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    tsconfig: path.join(repoRoot, 'tsconfig.json'),
    metafile: true,
    logLevel: 'silent',
    plugins: [refuseNodeModules],
  });
  for (const file of STATIC_FILES) await copyFile(path.join(here, file), path.join(outDir, file));
  const outputs = Object.values(result.metafile.outputs);
  return {
    outDir,
    bundleBytes: outputs.reduce((sum, o) => sum + o.bytes, 0),
    scriptFiles: outputs.length,
  };
}
