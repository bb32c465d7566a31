/**
 * Path parameters against a real node:http server that records req.url: whatever the name (`/`, `..`,
 * `?`, `#`, `%`, spaces, non-ASCII, astral characters, controls), the server receives exactly one path
 * segment that decodes to the name, byte for byte as python's `quote(name, safe="")`. Names that cannot
 * be one segment (`''`, `.`, `..`) or are not valid Unicode are refused before anything is sent.
 * Query values (python's `quote_plus`) round-trip too.
 */
import '../../src/node/register';
import fc from 'fast-check';
import { Linstor } from '../../src/api/linstor';
import { isLinstorArgumentError } from '../../src/core/errors';
import { authOptions, recordError, recordingLogger, scanForSecrets } from './secrets';
import { type RawServer, startRawServer } from './servers';

/** python `quote(s, safe="")`: UTF-8 bytes, everything but ALPHA / DIGIT / `_.-~` as %XX (upper case). */
function pythonQuote(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.~-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const PIECES = [
  '/',
  '..',
  '.',
  '?',
  '#',
  '%',
  '%2F',
  '%2e%2e',
  ' ',
  '+',
  '&',
  '=',
  ';',
  ':',
  '@',
  '\\',
  '\t',
  '\n',
  '\r',
  "'",
  '"',
  '(',
  ')',
  '*',
  '!',
  '$',
  ',',
  '[',
  ']',
  '{',
  '}',
  '<',
  '>',
  '|',
  '^',
  '`',
  'é',
  'ß',
  '日本',
  'Ωμέγα',
  '😀',
  '\u0000',
  '\u007f',
  '\u00a0',
  '\u2028',
  '\ufeff',
  'a',
  'Z',
  '0',
  '-',
  '_',
  '~',
  'node',
  'res',
];
const hostileName = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    '..',
    '.',
    '../..',
    '../../v1/controller/version',
    'a/../b',
    '%2e%2e',
    '..%2f',
    '?x=1',
    '#frag',
    '',
  ),
);
const RUNS = 300;

describe('path parameters reach the server as exactly one segment', () => {
  let server: RawServer;
  let lin: Linstor;
  beforeAll(async () => {
    server = await startRawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[]');
    });
    lin = new Linstor(server.uri, {
      probeHttps: false,
      timeoutMs: 5000,
      logger: recordingLogger(),
      ...authOptions('basic'),
    });
    await lin.connect();
  });
  afterAll(async () => {
    await server.close();
    expect(scanForSecrets().leaks).toEqual([]);
  });

  const unsendable = (name: string) => name === '' || name === '.' || name === '..';

  it('DELETE /v1/nodes/{node}', async () => {
    await fc.assert(
      fc.asyncProperty(hostileName, async (name) => {
        const before = server.seen.length;
        if (unsendable(name)) {
          const error = await lin.nodeDelete({ nodeName: name }).catch((e: unknown) => e);
          recordError(error);
          expect(isLinstorArgumentError(error)).toBe(true);
          expect(server.seen.length).toBe(before);
          return;
        }
        await lin.nodeDelete({ nodeName: name });
        expect(server.seen.length).toBe(before + 1);
        const url = server.seen[before]?.url as string;
        expect(url.startsWith('/v1/nodes/')).toBe(true);
        const segment = url.slice('/v1/nodes/'.length);
        expect(segment).not.toMatch(/[/?#]/);
        expect(segment).toBe(pythonQuote(name));
        expect(decodeURIComponent(segment)).toBe(name);
      }),
      { numRuns: RUNS, seed: 42 },
    );
  });

  it('DELETE /v1/resource-definitions/{resource}/resources/{node}: both segments', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileName.filter((n) => !unsendable(n)),
        hostileName.filter((n) => !unsendable(n)),
        async (rscName, nodeName) => {
          const before = server.seen.length;
          await lin.resourceDelete({ rscName, nodeName });
          const url = server.seen[before]?.url as string;
          const m = /^\/v1\/resource-definitions\/([^/?#]*)\/resources\/([^/?#]*)$/.exec(url);
          expect(m).not.toBeNull();
          expect(m?.[1]).toBe(pythonQuote(rscName));
          expect(m?.[2]).toBe(pythonQuote(nodeName));
        },
      ),
      { numRuns: RUNS / 2, seed: 43 },
    );
  });

  it('query values: GET /v1/nodes?nodes=… decodes to exactly the names given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileName, { minLength: 1, maxLength: 3 }), async (names) => {
        const before = server.seen.length;
        await lin.nodeList({ filterByNodes: names });
        const url = new URL(server.seen[before]?.url as string, 'http://x');
        expect(url.pathname).toBe('/v1/nodes');
        expect(url.searchParams.getAll('nodes')).toEqual(names);
        expect([...url.searchParams.keys()].every((k) => k === 'nodes')).toBe(true);
      }),
      { numRuns: RUNS / 2, seed: 44 },
    );
  });

  it('lone surrogates and the segments that cannot be sent are refused with LinstorArgumentError, nothing sent', async () => {
    const before = server.seen.length;
    for (const name of ['\ud800', 'a\udc00b', '', '.', '..']) {
      const error = await lin.nodeDelete({ nodeName: name }).catch((e: unknown) => e);
      recordError(error);
      expect(isLinstorArgumentError(error)).toBe(true);
    }
    expect(server.seen.length).toBe(before);
  });
});
