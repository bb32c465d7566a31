// Bundles the dashboard page (app.ts + the SDK's browser entry) with esbuild into a directory of
// static files: index.html, style.css, app.js.
import { copyFile, mkdir } from 'node:fs/promises';
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
  /** size of app.js in bytes */
  bundleBytes: number;
}

/** Builds the page into `outDir` (created if missing); throws when the bundle cannot be built. */
export async function buildDashboard(outDir: string = DEFAULT_OUT_DIR): Promise<DashboardBuild> {
  await mkdir(outDir, { recursive: true });
  const result = await build({
    entryPoints: [path.join(here, 'app.ts')],
    outfile: path.join(outDir, 'app.js'),
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
  const output = Object.values(result.metafile.outputs)[0];
  return { outDir, bundleBytes: output?.bytes ?? 0 };
}
