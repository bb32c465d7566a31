// The main entry (`linstor-api`) is for browsers too: its built files import no Node module and no
// Node-only package, a browser bundler can bundle it without the generated validators, and the
// bundle runs in a context that has only web globals (fetch, URL, AbortController, ...; no process,
// Buffer or require), talking to the simulated controller over HTTP.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { type RunningSimulator, startSimulator } from '../../src/testing/server';
import { ensureBuild, repoRoot } from '../package/run-command';

/** The only packages the browser entry may load (besides its own files). */
const BROWSER_DEPENDENCIES = new Set(['openapi-fetch']);
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Import/require specifiers of a built file (static, dynamic, bare side-effect imports). */
function specifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1] as string);
  return found;
}

/** Follows relative imports from a built entry; returns every file reached and every outside specifier. */
function importGraph(entry: string): { files: string[]; external: Map<string, string> } {
  const files: string[] = [];
  const external = new Map<string, string>();
  const queue = [path.join(repoRoot, entry)];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (files.includes(file)) continue;
    files.push(file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) queue.push(path.resolve(path.dirname(file), spec));
      else external.set(spec, path.relative(repoRoot, file));
    }
  }
  return { files: files.map((f) => path.relative(repoRoot, f)), external };
}

/** Markers that only the generated validators / ajv contain. */
const validatorMarkers = ['linstorBigint', 'ajv.js.org', 'ajv-formats'];

/** Bundles `code` (which imports 'linstor-api') the way a web app's bundler would, from dist/. */
async function bundleForBrowser(code: string, format: 'esm' | 'iife'): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linstor-api-browser-'));
  try {
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(repoRoot, path.join(dir, 'node_modules', 'linstor-api'), 'dir');
    const result = await build({
      stdin: { contents: code, resolveDir: dir, sourcefile: 'app.js', loader: 'js' },
      bundle: true,
      write: false,
      minify: true,
      format,
      globalName: format === 'iife' ? 'app' : undefined,
      platform: 'browser',
      target: 'es2022',
      logLevel: 'silent',
    });
    return result.outputFiles[0]?.text ?? '';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(() => ensureBuild(), 240_000);

describe.each(['dist/index.mjs', 'dist/index.cjs'])('%s and the chunks it loads', (entry) => {
  test('import no Node module and no Node-only package', () => {
    const { files, external } = importGraph(entry);
    expect(files.length).toBeGreaterThan(0);
    const nodeOnly = [...external].filter(([spec]) => builtins.has(spec) || !BROWSER_DEPENDENCIES.has(spec));
    expect(nodeOnly).toEqual([]);
  });

  test('contain no node: specifier and no generated validators', () => {
    for (const file of importGraph(entry).files) {
      const code = readFileSync(path.join(repoRoot, file), 'utf8');
      expect({ file, nodeSpecifier: /["']node:/.test(code) }).toEqual({ file, nodeSpecifier: false });
      for (const marker of validatorMarkers)
        expect({ file, marker, found: code.includes(marker) }).toEqual({ file, marker, found: false });
    }
  });
});

test('esbuild bundles Linstor and MultiLinstor for the browser without the validators', async () => {
  const text = await bundleForBrowser("export { Linstor, MultiLinstor } from 'linstor-api';", 'esm');
  expect(text.length).toBeGreaterThan(1000);
  for (const marker of validatorMarkers)
    expect({ marker, found: text.includes(marker) }).toEqual({ marker, found: false });
}, 60_000);

describe('the browser bundle in a context with only web globals', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, nodes: 2 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  test('lists nodes over fetch and reports a refused connection as LinstorNetworkError', async () => {
    const app = `import { Linstor, MultiLinstor, isLinstorArgumentError, isLinstorNetworkError } from 'linstor-api';
      export async function run(url) {
        const lin = new Linstor(url);
        const names = (await lin.nodeListRaise()).nodes.map((n) => n.name).sort();
        const multi = new MultiLinstor([url]);
        const count = (await multi.nodeListRaise()).nodes.length;
        let refused = 'no error';
        try { await new Linstor('http://127.0.0.1:1').connect(); } catch (e) { refused = isLinstorNetworkError(e) ? 'LinstorNetworkError' : String(e); }
        // no Node transport in a browser: TLS file options are refused with a typed error
        let tls = 'accepted';
        try { new Linstor({ controller: url, tls: { dangerouslySkipCertificateVerification: true } }); } catch (e) { tls = isLinstorArgumentError(e) ? 'LinstorArgumentError' : String(e); }
        return { names, count, refused, tls };
      }`;
    const code = await bundleForBrowser(app, 'iife');
    // web platform globals only: what a browser page offers (Node's implementations of them)
    const web = {
      fetch,
      Headers,
      Request,
      Response,
      URL,
      URLSearchParams,
      AbortController,
      AbortSignal,
      TextEncoder,
      TextDecoder,
      ReadableStream,
      Blob,
      DOMException,
      Event,
      EventTarget,
      atob,
      btoa,
      structuredClone,
      queueMicrotask,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      console,
    };
    const context = vm.createContext({ ...web });
    vm.runInContext(`${code}\nglobalThis.app = app;`, context, { filename: 'browser-bundle.js' });
    const { app: bundle } = context as unknown as { app: { run(url: string): Promise<unknown> } };
    const result = await bundle.run(sim.url);
    // compared as JSON: the arrays were made in the other realm
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      names: expect.any(Array),
      count: 2,
      refused: 'LinstorNetworkError',
      tls: 'LinstorArgumentError',
    });
    expect((result as { names: string[] }).names).toHaveLength(2);
  }, 60_000);
});
