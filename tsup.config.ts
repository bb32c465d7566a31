/**
 * Build of the published package: ESM (.mjs) + CJS (.cjs) + declarations (.d.mts / .d.ts) for the
 * three public entries and the simulator command, into dist/.
 *
 * - One build with code splitting for both formats, so the entries share their modules: the Node entry
 *   registers its transport in the same `src/core/platform` instance that the main entry reads, and an
 *   error class is the same class whichever entry it was imported from.
 * - Modules are found by following imports from the entries, so files added under src/ later need no
 *   change here. An entry file that does not exist yet is skipped with a warning (publint and the
 *   package test then report the missing export).
 * - generated/validators.js is CommonJS that calls `require("ajv-formats/dist/formats")`; that module is
 *   bundled (noExternal) so the ESM output contains no `require` that would throw in ESM or a browser.
 * - `node:` imports are kept as written (removeNodeProtocol off), so the browser-entry test can see them.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

/** dist name (without extension) -> source file */
export const entries: Record<string, string> = {
  index: 'src/index.ts',
  'testing/index': 'src/testing/index.ts',
  'node/index': 'src/node/index.ts',
  // python's `linstor.responses`; as its own entry it also keeps the `responses` namespace object of the
  // main entry in a chunk of its own, which a bundler drops when the namespace is not used (in the
  // chunk of `Linstor` it would hold every reply class in a page's initial load)
  'responses/index': 'src/api/responses/index.ts',
  'testing/cli': 'src/testing/cli.ts',
};

/** Built files that are run as commands (package.json `bin`). */
const commands = ['dist/testing/cli.mjs', 'dist/testing/cli.cjs'];

function existingEntries(warn = true): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, file] of Object.entries(entries)) {
    if (existsSync(file)) found[name] = file;
    else if (warn)
      console.warn(`[tsup.config] entry ${file} does not exist yet; dist/${name}.* is not built`);
  }
  return found;
}

/** A command needs a hashbang and the executable bit, whether or not its source has the hashbang. */
function makeExecutable(): void {
  for (const file of commands) {
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    if (!text.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${text}`);
    chmodSync(file, 0o755);
  }
}

/**
 * package.json `sideEffects` lists only the Node entry (it registers the Node transport when imported);
 * a consumer's bundler may drop any other file, shared chunks included, when nothing of it is used
 * (e.g. the reply classes of method families a page never calls). esbuild applies that field to our own
 * sources too and would drop `import './register'` in src/node/index.ts, so during this build our
 * sources are resolved as having side effects; consumers' bundlers see the field for dist/ only.
 */
const keepOwnSideEffects: Plugin = {
  name: 'keep-own-side-effects',
  setup(build) {
    const own = [path.resolve('src') + path.sep, path.resolve('generated') + path.sep];
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === 'keep-own-side-effects') return undefined;
      const result = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'keep-own-side-effects',
      });
      if (result.errors.length > 0 || !own.some((dir) => result.path.startsWith(dir))) return undefined;
      return { path: result.path, sideEffects: true };
    });
  },
};

export default defineConfig({
  entry: existingEntries(),
  outDir: 'dist',
  format: ['esm', 'cjs'],
  // Declarations: .d.mts for ESM, .d.ts for CJS (tsup's dts worker ignores outExtension; in a package
  // without "type": "module" a .d.ts file is CommonJS, which is exactly what the .cjs files are).
  outExtension: ({ format }) => ({ js: format === 'cjs' ? '.cjs' : '.mjs' }),
  dts: {
    entry: Object.fromEntries(
      Object.entries(existingEntries(false)).filter(([name]) => name !== 'testing/cli'),
    ),
  },
  splitting: true,
  treeshake: false,
  sourcemap: false,
  clean: true,
  platform: 'node',
  target: 'es2022',
  tsconfig: 'tsconfig.json',
  removeNodeProtocol: false,
  // ajv-formats' formats module is required by the generated validators; bundling it keeps the ESM
  // output free of `require`. msw is an optional peer of the testing entry: never bundled.
  noExternal: [/^ajv-formats(\/|$)/],
  external: [/^msw(\/|$)/],
  esbuildPlugins: [keepOwnSideEffects],
  onSuccess: async () => makeExecutable(),
});
