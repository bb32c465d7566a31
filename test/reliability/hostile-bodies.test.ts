/**
 * 10,000 generated hostile replies (fast-check) through an injected fetch: truncated JSON, wrong types
 * at any place of realistic replies, huge numbers, deep nesting, wrong content types and encodings, for
 * the handshake and for a spread of methods. Only LinstorError subclasses may escape a call, and the
 * process must stay healthy (no unhandled rejection, bounded heap, a normal call works afterwards).
 */
import '../../src/node/register';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { Linstor } from '../../src/api/linstor';
import { isLinstorError } from '../../src/core/errors';
import type { FetchLike } from '../../src/core/transport';
import { createCore } from '../../src/testing/simulator';
import { authOptions, recordError, recordingLogger, scanForSecrets } from './secrets';
import { VERSION_JSON } from './servers';

const RUNS = 10_000;

// ---------------------------------------------------------------- realistic material from the simulator

const core = createCore({ seed: 4, validateReplies: false });
core.handle({ method: 'PUT', path: '/v1/key-value-store/kv1', bodyText: '{"override_props":{"a":"1"}}' });
core.handle({
  method: 'POST',
  path: '/v1/resource-definitions',
  bodyText: '{"resource_definition":{"name":"r1"}}',
});
const real = (path: string, method = 'GET', bodyText?: string) =>
  core.handle({ method, path, bodyText }).bodyText;
const REAL_TEXTS = [
  real('/v1/nodes'),
  real('/v1/view/storage-pools'),
  real('/v1/resource-definitions'),
  real('/v1/view/resources'),
  real('/v1/key-value-store'),
  real('/v1/controller/version'),
  real('/v1/nodes/nope'),
  real(
    '/v1/nodes',
    'POST',
    '{"name":"node1","type":"SATELLITE","net_interfaces":[{"name":"d","address":"10.0.0.9"}]}',
  ),
  real('/v1/resource-definitions/r1', 'DELETE'),
].filter((t) => t.length > 0);

// ---------------------------------------------------------------- generators

interface Hostile {
  kind: string;
  status: number;
  contentType: string | null;
  contentEncoding: string | null;
  body: string | Uint8Array | null;
}

/** Every path (array indices and object keys) of a JSON value, up to a limit. */
function paths(value: unknown, limit = 400): (string | number)[][] {
  const out: (string | number)[][] = [];
  const visit = (v: unknown, p: (string | number)[]): void => {
    if (out.length >= limit) return;
    out.push(p);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) visit(v[i], [...p, i]);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) visit(x, [...p, k]);
    }
  };
  visit(value, []);
  return out;
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = JSON.parse(JSON.stringify(value)) as Record<string | number, unknown>;
  let cur = copy;
  for (const step of path.slice(0, -1)) cur = cur[step] as Record<string | number, unknown>;
  cur[path[path.length - 1] as string | number] = replacement;
  return copy;
}

const realText = fc.constantFrom(...REAL_TEXTS);
// mostly shallow; one in four deep enough to overflow any recursive walk (the stack holds ~10,000 frames)
const nesting = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 200 }), weight: 3 },
  { arbitrary: fc.integer({ min: 10_000, max: 30_000 }), weight: 1 },
);

const bodies: fc.Arbitrary<{ kind: string; body: string | Uint8Array | null }> = fc.oneof(
  // truncated JSON
  fc
    .tuple(realText, fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([t, f]) => ({ kind: 'truncated', body: t.slice(0, Math.floor(t.length * f)) })),
  // a wrong type anywhere in a realistic reply
  fc.tuple(realText, fc.nat(), fc.jsonValue({ maxDepth: 3 })).map(([t, i, v]) => {
    const parsed = JSON.parse(t) as unknown;
    const all = paths(parsed);
    return {
      kind: 'wrong-type',
      body: JSON.stringify(replaceAt(parsed, all[i % all.length] ?? [], v)) ?? 'null',
    };
  }),
  // any JSON at all
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ kind: 'any-json', body: JSON.stringify(v) ?? 'null' })),
  // huge numbers, in ret_code and elsewhere
  fc
    .tuple(
      fc.constantFrom('ret_code', 'ret_code', 'port', 'node_id', 'volume_number', 'total_capacity'),
      fc.oneof(
        fc.integer({ min: 20, max: 5000 }).map((n) => `${'9'.repeat(n)}`),
        fc.integer({ min: 20, max: 5000 }).map((n) => `-${'9'.repeat(n)}`),
        fc.constantFrom(
          '1e400',
          '-1e400',
          '1.5e308',
          '4.9e-324',
          '-0',
          '0.0000001',
          '1E+2',
          '18446744073709551616',
        ),
      ),
      fc.boolean(),
    )
    .map(([k, num, array]) => {
      const obj = `{"${k}":${num},"message":"m","name":"n","volumes":[]}`;
      return { kind: 'huge-number', body: array ? `[${obj}]` : obj };
    }),
  // deep nesting (closed and unclosed, arrays and objects, with a ret_code inside)
  fc.tuple(nesting, fc.constantFrom('array', 'object', 'unclosed', 'retcode')).map(([d, how]) => {
    if (how === 'array') return { kind: 'deep', body: `${'['.repeat(d)}${']'.repeat(d)}` };
    if (how === 'object') return { kind: 'deep', body: `${'{"a":'.repeat(d)}1${'}'.repeat(d)}` };
    if (how === 'unclosed') return { kind: 'deep', body: '['.repeat(d) };
    return {
      kind: 'deep',
      body: `${'[{"ret_code":-4611686018427387904,"x":'.repeat(d)}"\\u0041"${'}]'.repeat(d)}`,
    };
  }),
  // odd strings: escapes, lone surrogates, NULs, BOM, __proto__
  fc
    .constantFrom(
      '\uFEFF[]',
      '[{"ret_code":"\\u0000-1","message":"x"}]',
      '[{"\\u0072et_code":-4611686018427387904,"message":"x"}]',
      '[{"ret_code":-4611686018427387904,"message":"\\ud800"}]',
      '{"__proto__":{"polluted":true},"name":"x"}',
      '[{"__proto__":[],"ret_code":1}]',
      '[{"ret_code":1.5,"message":"x"}]',
      '[{"ret_code":null}]',
      '[{"ret_code":{}}]',
      '[null]',
      '"just a string"',
      'true',
      '',
      ' ',
      'NaN',
      '[1,]',
    )
    .map((body) => ({ kind: 'odd', body })),
  // not JSON at all: HTML, text, binary, a gzip header on garbage
  fc
    .oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        '<html><body><h1 class="header">Oops</h1></body></html>',
        '<html><body>',
        'Internal Server Error',
      ),
    )
    .map((body) => ({ kind: 'text', body })),
  fc.uint8Array({ maxLength: 300 }).map((b) => ({ kind: 'binary', body: b })),
  fc
    .uint8Array({ maxLength: 100 })
    .map((b) => ({ kind: 'fake-gzip', body: new Uint8Array([0x1f, 0x8b, ...b]) })),
);

const hostile: fc.Arbitrary<Hostile> = fc
  .record({
    b: bodies,
    status: fc.constantFrom(200, 200, 200, 201, 202, 204, 301, 400, 401, 403, 404, 409, 500, 502, 503),
    contentType: fc.constantFrom(
      'application/json',
      'application/json',
      'application/json; charset=utf-8',
      'text/html',
      'text/plain',
      'application/octet-stream',
      'application/problem+json',
      null,
    ),
    contentEncoding: fc.constantFrom(null, null, null, null, 'gzip', 'br', 'identity'),
  })
  .map(({ b, status, contentType, contentEncoding }) => ({
    kind: b.kind,
    status,
    contentType,
    contentEncoding,
    body: status === 204 ? null : b.body,
  }));

// ---------------------------------------------------------------- the calls under test

type Target = (lin: Linstor) => Promise<unknown>;
const TARGETS: [string, Target][] = [
  ['nodeList', async (lin) => lin.nodeList()],
  ['nodeListRaise', async (lin) => (await lin.nodeListRaise()).nodes.map((n) => n.name)],
  ['nodeCreate', (lin) => lin.nodeCreate({ nodeName: 'x', nodeType: 'Satellite', ip: '10.0.0.1' })],
  ['nodeDelete', (lin) => lin.nodeDelete({ nodeName: 'x' })],
  ['resourceList', async (lin) => lin.resourceList()],
  ['resourceListRaise', async (lin) => (await lin.resourceListRaise()).resourceStates],
  ['resourceDfnList', (lin) => lin.resourceDfnList()],
  ['resourceDfnCreate', (lin) => lin.resourceDfnCreate({ name: 'r' })],
  ['storagePoolList', (lin) => lin.storagePoolList()],
  ['keyvaluestoreList', (lin) => lin.keyvaluestoreList({ instanceName: 'kv1' })],
  [
    'keyvaluestoreModify',
    (lin) => lin.keyvaluestoreModify({ instanceName: 'kv1', propertyDict: { a: 'b' } }),
  ],
  ['controllerVersion', (lin) => lin.controllerVersion()],
  ['errorReportList', (lin) => lin.errorReportList()],
  ['call', (lin) => lin.call('GET', '/v1/nodes')],
];

/**
 * TypeErrors from inside the SDK that this suite found and reported (issue 8 report, "bugs in others'
 * code"): a success reply whose JSON has the wrong top-level shape (an object or null where the operation
 * returns an array, or null entries) reaches the wrappers unchecked. Listed so that the suite guards
 * against every OTHER escape; remove an entry once its cause is fixed (then it simply stops matching).
 */
const KNOWN_DEFECTS: { id: string; target: string; error: RegExp }[] = [];

function responseFor(h: Hostile): Response {
  const headers = new Headers();
  if (h.contentType) headers.set('content-type', h.contentType);
  if (h.contentEncoding) headers.set('content-encoding', h.contentEncoding);
  return new Response(h.body as BodyInit | null, { status: h.status, headers });
}

describe('hostile reply bodies (fast-check, injected fetch)', () => {
  it(`${RUNS.toLocaleString('en-US')} generated replies: only LinstorError subclasses escape; the process stays healthy`, async () => {
    let current: Hostile | undefined;
    let hostileHandshake = false;
    const fetchFn: FetchLike = async (url) => {
      const isVersion = new URL(url).pathname === '/v1/controller/version';
      if (isVersion && !hostileHandshake) {
        return new Response(VERSION_JSON, { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return responseFor(current as Hostile);
    };
    const options = {
      fetch: fetchFn,
      probeHttps: false,
      timeoutMs: 5000,
      logger: recordingLogger(),
      ...authOptions('bearer'),
    };
    const shared = new Linstor('linstor://ctrl.invalid:3370', options);

    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    // a full GC without --expose-gc (jest workers run without it)
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const heapBefore = process.memoryUsage().heapUsed;

    const escaped: { target: string; kind: string; error: string; body: string }[] = [];
    const known = new Map<string, number>();
    const outcomes = new Map<string, number>();
    let runs = 0;
    const msByKind = new Map<string, number>();
    const started = performance.now();
    try {
      // fc.assert generates lazily (the deep bodies are megabytes); the property itself never fails, escapes
      // are collected so that the report lists every kind at once; the time limit bounds the loop
      await fc.assert(
        fc.asyncProperty(hostile, fc.nat(TARGETS.length), fc.nat(19), async (h, t, handshakeDie) => {
          runs++;
          current = h;
          // one run in 20 is a fresh client whose handshake gets the hostile reply
          hostileHandshake = handshakeDie === 0;
          const lin = hostileHandshake ? new Linstor('linstor://ctrl.invalid:3370', options) : shared;
          const [name, target] = TARGETS[t % TARGETS.length] as [string, Target];
          const t0 = performance.now();
          try {
            await target(lin);
            outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
          } catch (error) {
            recordError(error);
            if (isLinstorError(error)) {
              outcomes.set((error as Error).name, (outcomes.get((error as Error).name) ?? 0) + 1);
              return;
            }
            const message = `${(error as Error)?.name}: ${(error as Error)?.message}`;
            const defect = KNOWN_DEFECTS.find((d) => d.target === name && d.error.test(message));
            if (defect && !hostileHandshake) {
              known.set(defect.id, (known.get(defect.id) ?? 0) + 1);
              return;
            }
            const body =
              typeof h.body === 'string' ? h.body : h.body === null ? 'null' : `<${h.body.length} bytes>`;
            escaped.push({
              target: hostileHandshake ? `${name} (handshake)` : name,
              kind: h.kind,
              error: message,
              body: `${h.status} ${h.contentType} ${h.contentEncoding ?? ''} ${body.slice(0, 160)}`,
            });
          } finally {
            msByKind.set(h.kind, (msByKind.get(h.kind) ?? 0) + performance.now() - t0);
          }
        }),
        { numRuns: RUNS, seed: 8, interruptAfterTimeLimit: 45_000, markInterruptAsFailure: true },
      );
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    const ms = performance.now() - started;

    // health: nothing unhandled, the heap did not keep the garbage, the client still works
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    current = {
      kind: 'valid',
      status: 200,
      contentType: 'application/json',
      contentEncoding: null,
      body: REAL_TEXTS[0] as string,
    };
    hostileHandshake = false;
    const after = await shared.nodeListRaise();
    expect(after.nodes.length).toBeGreaterThan(0);

    const summary = [...outcomes].map(([k, n]) => `${k} ${n}`).join(', ');
    const byPlace = new Map<string, number>();
    for (const e of escaped) {
      const where = `${e.target} <- ${e.error.slice(0, 90)}`;
      byPlace.set(where, (byPlace.get(where) ?? 0) + 1);
    }
    process.stdout.write(
      `hostile: ${runs} replies in ${(ms / 1000).toFixed(1)} s: ${summary}; escaped ${escaped.length}; ` +
        `known defects ${[...known].map(([k, n]) => `${k} x${n}`).join(', ') || 'none'}; ` +
        `heap growth ${(heapGrowth / 1048576).toFixed(1)} MiB; ms by kind ` +
        `${[...msByKind].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}\n` +
        [...byPlace].map(([k, n]) => `  ${n} x ${k}`).join('\n') +
        (escaped.length ? `\n  e.g. ${JSON.stringify(escaped.slice(0, 3), null, 1)}\n` : '\n'),
    );
    expect(unhandled).toEqual([]);
    expect(escaped).toEqual([]);
    expect(runs).toBe(RUNS);
    // nothing of the 10,000 replies is kept (the suite's own recorders keep no text)
    expect(heapGrowth).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);

  afterAll(() => {
    expect(scanForSecrets().leaks).toEqual([]);
  });
});
