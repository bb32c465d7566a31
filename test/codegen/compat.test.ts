import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  copyInto,
  type GenerateResult,
  generateMany,
  limited,
  REFERENCE_DIR,
  REPO_ROOT,
  referenceCopies,
  removeDir,
  SPAWN_TIMEOUT,
  scratchDir,
  type TscResult,
  typeCheck,
} from './helpers';

// (c) Compatibility matrix: codegen against every reference copy of the upstream document, then
// type-check a fixed consumer against each output and the handwritten src/ against the newest one.
const copies = referenceCopies();
const FIRST_SUPPORTED = 'v1.18.0';
const CONSUMER = path.join(__dirname, 'fixtures', 'consumer.ts');
const CONSUMER_REL = path.join('test', 'codegen', 'fixtures', 'consumer.ts');

if (copies.length === 0) {
  process.stdout.write(`codegen compatibility matrix skipped: ${REFERENCE_DIR} is absent\n`);
}
const describeIfShared = copies.length > 0 ? describe : describe.skip;

function hasTsFiles(dir: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true, recursive: true }).some(
    (e) => e.isFile() && e.name.endsWith('.ts'),
  );
}

/** tsc diagnostics grouped by the first path segment (the version folder); continuation lines kept. */
function byVersion(diagnostics: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of diagnostics) {
    const m = /^([^/\\(]+)[/\\].*\(\d+,\d+\): error /.exec(line);
    if (m) {
      const key = m[1] as string;
      current = map.get(key) ?? [];
      map.set(key, current);
      current.push(line);
    } else if (current && /^\s/.test(line)) {
      current.push(line);
    } else {
      current = undefined;
      const list = map.get('') ?? [];
      list.push(line);
      map.set('', list);
    }
  }
  return map;
}

function shorten(text: string, max = 160): string {
  let one = text.replace(/\s+/g, ' ').trim();
  // Collapse object types so that a TS message stays readable: `{ a: string; b?: … }` -> `{…}`.
  // (A placeholder without braces, so that enclosing objects collapse in the next round.)
  for (let prev = ''; prev !== one; ) {
    prev = one;
    one = one.replace(/\{[^{}]*\}/g, '\u0001');
  }
  one = one.replaceAll('\u0001', '{…}');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** `consumer.ts:19 TS2322 \`const x = …\`: message`, from tsc's first diagnostic for a version. */
function consumerReason(diagnostic: string): string {
  const m = /\((\d+),\d+\): error (TS\d+): (.*)$/.exec(diagnostic);
  if (!m) return shorten(diagnostic);
  const source = readFileSync(CONSUMER, 'utf8').split('\n')[Number(m[1]) - 1]?.trim() ?? '';
  return `consumer.ts:${m[1]} \`${source}\` ${m[2]}: ${shorten(m[3] as string)}`;
}

describeIfShared('compatibility matrix over the reference copies', () => {
  const rows: { version: string; status: string }[] = [];
  const verdict = new Map<string, boolean>();
  let srcCheck: { status: string; ok: boolean } = { status: '', ok: false };
  let scratch: string;
  let v100Error: string | undefined;

  beforeAll(async () => {
    scratch = scratchDir('codegen-compat');
    const t0 = Date.now();
    const results: GenerateResult[] = await generateMany(
      copies.map((c) => ({ spec: c.file, out: path.join(scratch, c.version, 'generated') })),
      2,
    );
    const generated: string[] = [];
    copies.forEach((c, i) => {
      const r = results[i] as GenerateResult;
      if (r.ok) {
        const target = path.join(scratch, c.version, CONSUMER_REL);
        mkdirSync(path.dirname(target), { recursive: true });
        copyFileSync(CONSUMER, target);
        generated.push(c.version);
      } else {
        verdict.set(c.version, false);
        rows.push({ version: c.version, status: `failed: codegen: ${shorten(r.error)}` });
        if (c.version === 'v1.0.0') v100Error = r.error;
      }
    });

    // The handwritten layer against the newest copy: src/ and that output side by side, so that
    // src's `../../generated/...` imports resolve to it.
    const newest = copies[copies.length - 1]?.version as string;
    const srcDir = path.join(REPO_ROOT, 'src');
    const srcTree = path.join(scratch, 'src-check');
    const tasks: (() => Promise<TscResult | undefined>)[] = [
      () =>
        generated.length > 0
          ? typeCheck(
              scratch,
              generated.map((v) => `${v}/${CONSUMER_REL.split(path.sep).join('/')}`),
            )
          : Promise.resolve(undefined),
      async () => {
        if (!hasTsFiles(srcDir) || !generated.includes(newest)) return undefined;
        copyInto(srcDir, path.join(srcTree, 'src'));
        copyInto(path.join(scratch, newest, 'generated'), path.join(srcTree, 'generated'));
        return typeCheck(srcTree, ['src'], ['node']);
      },
    ];
    const t1 = Date.now();
    const [consumers, src] = await limited(2, tasks);
    const t2 = Date.now();

    const grouped = byVersion(consumers?.diagnostics ?? []);
    for (const v of generated) {
      const errors = grouped.get(v) ?? [];
      verdict.set(v, errors.length === 0);
      rows.push({
        version: v,
        status: errors.length === 0 ? 'ok' : `failed: ${consumerReason(errors[0] as string)}`,
      });
    }
    const unattributed = grouped.get('') ?? [];
    if (unattributed.length > 0)
      process.stdout.write(`tsc output not tied to a version:\n${unattributed.join('\n')}\n`);

    if (!hasTsFiles(srcDir)) srcCheck = { status: 'ok (src/ is empty)', ok: true };
    else if (!src) srcCheck = { status: `failed: no codegen output for ${newest}`, ok: false };
    else if (src.ok) srcCheck = { status: `ok (${(src.ms / 1000).toFixed(1)} s)`, ok: true };
    else {
      // Tell an upstream incompatibility from src/ simply not compiling yet: the same check against
      // the repo's own generated/ (only run when the first one failed).
      const ownTree = path.join(scratch, 'src-check-own');
      copyInto(srcDir, path.join(ownTree, 'src'));
      copyInto(path.join(REPO_ROOT, 'generated'), path.join(ownTree, 'generated'));
      const own = await typeCheck(ownTree, ['src'], ['node']);
      const where = (l: string) => /^(.*?\(\d+,\d+\): error TS\d+)/.exec(l)?.[1];
      const ownErrors = new Set(own.diagnostics.map((l) => where(l) ?? l));
      const errors = src.diagnostics.filter((l) => where(l) !== undefined);
      const upstreamOnly = errors.filter((l) => !ownErrors.has(where(l) ?? l));
      srcCheck = {
        ok: false,
        status:
          `failed: ${errors.length} error(s), ${upstreamOnly.length} only with ${newest} ` +
          `(${errors.length - upstreamOnly.length} also with generated/); first: ` +
          shorten(upstreamOnly[0] ?? errors[0] ?? src.diagnostics[0] ?? '', 240),
      };
      process.stdout.write(`src/ against ${newest}:\n${src.diagnostics.slice(0, 40).join('\n')}\n`);
    }
    rows.sort(
      (a, b) =>
        copies.findIndex((c) => c.version === a.version) - copies.findIndex((c) => c.version === b.version),
    );
    const width = Math.max(...rows.map((r) => r.version.length), `src/ vs ${newest}`.length);
    const table = [
      `codegen compatibility matrix (consumer fixture; src/ against the newest copy; ` +
        `codegen ${((t1 - t0) / 1000).toFixed(1)} s, tsc ${((t2 - t1) / 1000).toFixed(1)} s):`,
      ...rows.map((r) => `  ${r.version.padEnd(width)} → ${r.status}`),
      `  ${`src/ vs ${newest}`.padEnd(width)} → ${srcCheck.status}`,
    ].join('\n');
    process.stdout.write(`${table}\n`);
  }, SPAWN_TIMEOUT);

  afterAll(() => {
    if (scratch) removeDir(scratch);
  });

  test(`${FIRST_SUPPORTED} through master: codegen works and the consumer type-checks`, () => {
    const firstIndex = copies.findIndex((c) => c.version === FIRST_SUPPORTED);
    expect(firstIndex).toBeGreaterThanOrEqual(0);
    const supported = copies.slice(firstIndex).map((c) => c.version);
    expect(supported.filter((v) => verdict.get(v) !== true)).toEqual([]);
  });

  test('v1.0.0 either works or stops with a clear message (no stack trace)', () => {
    if (!copies.some((c) => c.version === 'v1.0.0')) return;
    expect(verdict.has('v1.0.0')).toBe(true);
    if (v100Error !== undefined) expect(v100Error).not.toMatch(/\n\s+at /);
  });

  test('the handwritten layer (src/) type-checks against the newest copy', () => {
    expect(srcCheck.status).not.toBe('');
    expect(srcCheck.ok).toBe(true);
  });
});
