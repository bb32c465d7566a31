// The published package, as a user gets it: `npm pack`, installed from the tarball into an ES module
// project and a CommonJS project in the system temp directory (npm --offline: only the local npm cache,
// which holds this repository's dependencies), type-checked with moduleResolution node16 and bundler,
// compiled and run against the simulated controller; plus the `linstor-api-sim` command.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkPackageDeclarations } from './check-declarations';
import { type ConsumerKind, type ConsumerReport, writeConsumer } from './consumer-projects';
import { ensureBuild, mustRun, npmEnv, npmVersion, repoRoot, runCommand } from './run-command';

const npm = npmVersion();
if (npm === undefined)
  console.warn('test/package skipped: npm cannot be run here, so the tarball cannot be packed or installed');
const describeWithNpm = npm === undefined ? describe.skip : describe;

const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const typeRoots = path.join(repoRoot, 'node_modules', '@types');
const kinds: ConsumerKind[] = ['esm', 'cjs'];

/** msw is needed by linstor-api/testing (its msw handlers); installed from the cache like the rest. */
function mswSpec(): string {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  return `msw@${pkg.devDependencies?.msw ?? pkg.peerDependencies?.msw ?? '2'}`;
}

/** `npm install` from the cache only; a missing cache entry is reported, never fetched. */
async function installOffline(dir: string, tarball: string): Promise<void> {
  const args = ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball, mswSpec()];
  const result = await runCommand('npm', args, { cwd: dir, env: npmEnv() });
  if (result.code !== 0) {
    const hint = /ENOTCACHED/.test(result.stderr)
      ? 'a dependency of the package is not in the npm cache; run `npm ci` in the repository first'
      : '';
    throw new Error(`npm ${args.join(' ')} failed in ${dir} ${hint}\n${result.stdout}\n${result.stderr}`);
  }
}

describeWithNpm('the packed package in consumer projects', () => {
  let work: string;
  let tarball: string;
  const dirs = {} as Record<ConsumerKind, string>;

  beforeAll(async () => {
    const started = Date.now();
    ensureBuild();
    const built = Date.now();
    work = mkdtempSync(path.join(os.tmpdir(), 'linstor-api-consumers-'));
    const packed = await mustRun('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: repoRoot,
      env: npmEnv(),
    });
    tarball = path.join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]?.filename ?? '');
    for (const kind of kinds) {
      dirs[kind] = path.join(work, kind);
      writeConsumer(dirs[kind], kind, typeRoots);
    }
    await Promise.all(kinds.map((kind) => installOffline(dirs[kind], tarball)));
    console.log(
      `package test setup: build ${((built - started) / 1000).toFixed(1)} s (0 when dist/ was current), ` +
        `pack + offline installs ${((Date.now() - built) / 1000).toFixed(1)} s`,
    );
  }, 240_000);

  afterAll(() => {
    if (work && !process.env.KEEP_PACKAGE_TEST) rmSync(work, { recursive: true, force: true });
  });

  test.each(kinds)(
    '%s consumer: type-checks with moduleResolution node16 and bundler',
    async (kind) => {
      const [node16, bundler] = await Promise.all([
        runCommand(process.execPath, [tsc, '-p', 'tsconfig.node16.json'], { cwd: dirs[kind] }),
        runCommand(process.execPath, [tsc, '-p', 'tsconfig.bundler.json'], { cwd: dirs[kind] }),
      ]);
      expect({ output: node16.stdout + node16.stderr, code: node16.code }).toEqual({ output: '', code: 0 });
      expect({ output: bundler.stdout + bundler.stderr, code: bundler.code }).toEqual({
        output: '',
        code: 0,
      });
    },
    120_000,
  );

  // The CommonJS consumer loads both builds (require -> .d.ts, import() -> .d.mts), so one check covers
  // every declaration file.
  test('the package declarations have no errors under node16 without the DOM lib', () => {
    const result = checkPackageDeclarations(dirs.cjs, 'tsconfig.node16.json');
    expect(result.files).toEqual(
      expect.arrayContaining(
        ['d.ts', 'd.mts'].flatMap((ext) => [
          `dist/index.${ext}`,
          `dist/node/index.${ext}`,
          `dist/testing/index.${ext}`,
          `dist/responses/index.${ext}`,
        ]),
      ),
    );
    expect(result.errors).toEqual([]);
  }, 90_000);

  test.each(kinds)(
    '%s consumer: runs against the simulator through the four entries',
    async (kind) => {
      const main = path.join(dirs[kind], 'out', 'main.js');
      // compiled by the node16 type-check above; compile here when this test runs alone
      if (!existsSync(main))
        await mustRun(process.execPath, [tsc, '-p', 'tsconfig.node16.json'], { cwd: dirs[kind] });
      const run = await mustRun(process.execPath, [main], { cwd: dirs[kind] });
      const report = JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as ConsumerReport;
      expect(report).toEqual({
        format: kind,
        nodeNames: expect.arrayContaining(['consumer']),
        createSucceeded: true,
        multiNodeCount: report.nodeNames.length,
        networkErrorIsTyped: true,
        nodeEntrySameClass: true,
        nodeTransportRegistered: true,
        responsesEntrySameClass: true,
        crossFormatGuard: true,
      });
      expect(report.nodeNames).toHaveLength(3);
    },
    60_000,
  );

  test('the linstor-api-sim command starts a simulator that answers over HTTP', async () => {
    const bin = path.join(dirs.cjs, 'node_modules', '.bin', 'linstor-api-sim');
    const help = await mustRun(bin, ['--help'], { cwd: dirs.cjs });
    expect(help.stdout).toContain('Usage: linstor-api-sim');

    const child: ChildProcess = spawn(bin, ['--port', '0', '--nodes', '2'], { cwd: dirs.cjs });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.on('error', reject);
        child.on('exit', (code) =>
          reject(new Error(`linstor-api-sim exited ${code} before listening: ${out}`)),
        );
      });
      const reply = await fetch(`${url}/v1/nodes`);
      expect(reply.status).toBe(200);
      expect(((await reply.json()) as unknown[]).length).toBe(2);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }, 30_000);
});
