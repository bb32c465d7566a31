import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinstorArgumentError } from '../../src/core/errors';
import { encodePathSegment, serializeQuery } from '../../src/core/path-encoding';
import { controllerUriList, parseControllerUri } from '../../src/core/uri';
import { identityHeaders, SDK_VERSION, userAgent } from '../../src/core/user-agent';
import { compareVersions, isSupportedRestVersion } from '../../src/core/version';

describe('controller URIs', () => {
  it.each([
    ['linstor://ctrl', 'http://ctrl:3370', false],
    ['linstor+ssl://ctrl', 'https://ctrl:3371', true],
    ['http://ctrl', 'http://ctrl:3370', false],
    ['https://ctrl', 'https://ctrl:3371', true],
    ['http://h:8080', 'http://h:8080', false],
    ['https://h:80', 'https://h:80', true],
    ['ctrl', 'http://ctrl:3370', false],
    ['ctrl:4000', 'http://ctrl:4000', false],
    ['[::1]:3370', 'http://[::1]:3370', false],
    ['linstor+ssl://[fe80::1]', 'https://[fe80::1]:3371', true],
    ['::1', 'http://[::1]:3370', false],
    ['linstor://user:secret@ctrl/ignored?x#y', 'http://ctrl:3370', false],
  ])('%s -> %s', (uri, origin, secure) => {
    const a = parseControllerUri(uri);
    expect(a.origin).toBe(origin);
    expect(a.secure).toBe(secure);
    expect(a.display).not.toContain('secret');
  });

  it.each([
    '',
    'ftp://x',
    'linstor://',
    'linstor://h:99999',
    'linstor://h:x',
    'linstor://[::1',
    'linstor://a:b:c',
    'linstor://ho st',
  ])('malformed %j is a LinstorArgumentError naming it', (uri) => {
    expect(() => parseControllerUri(uri)).toThrow(LinstorArgumentError);
    if (uri) expect(() => parseControllerUri(uri)).toThrow(uri.slice(0, 8));
  });

  it('scenario 3: controllerUriList', () => {
    expect(controllerUriList('10.0.0.1,linstor+ssl://10.0.0.2,,http://h:8080')).toEqual([
      'linstor://10.0.0.1',
      'linstor+ssl://10.0.0.2',
      'http://h:8080',
    ]);
    expect(controllerUriList(' 10.0.0.3 , c2:3370')).toEqual(['linstor://10.0.0.3', 'linstor://c2:3370']);
  });
});

describe('versions', () => {
  it('compares with pre-release suffixes', () => {
    expect(compareVersions('1.25.0', '1.26.0')).toBeLessThan(0);
    expect(compareVersions('1.25.0', '1.25.0')).toBe(0);
    expect(compareVersions('1.28.0-rc1', '1.28.0')).toBeLessThan(0);
    expect(compareVersions('1.28.0-rc1', '1.27.9')).toBeGreaterThan(0);
    expect(compareVersions('1.28.0-rc2', '1.28.0-rc10')).toBeLessThan(0);
    expect(compareVersions('1.10', '1.9.9')).toBeGreaterThan(0);
  });
  it('supports 1.x >= 1.0.4 only', () => {
    expect(isSupportedRestVersion('1.0.4')).toBe(true);
    expect(isSupportedRestVersion('1.28.0-rc1')).toBe(true);
    expect(isSupportedRestVersion('1.0.3')).toBe(false);
    expect(isSupportedRestVersion('2.0.0')).toBe(false);
    expect(isSupportedRestVersion('10.0.0')).toBe(false);
  });
  it('user agent and SDK version match package.json', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    expect(SDK_VERSION).toBe(pkg.version);
    expect(userAgent()).toBe(`linstor-api/${pkg.version} (API1.0.4)`);
    expect(userAgent('acc-test')).toBe(`linstor-api/${pkg.version} (API1.0.4): acc-test`);
  });
});

describe('path and query encoding (python quote / urlencode)', () => {
  it('encodes one segment', () => {
    expect(encodePathSegment('a b/c')).toBe('a%20b%2Fc');
    expect(encodePathSegment('/etc/x.conf')).toBe('%2Fetc%2Fx.conf');
    expect(encodePathSegment("a?#%!'()*ü")).toBe('a%3F%23%25%21%27%28%29%2A%C3%BC');
    expect(encodePathSegment('a/../b')).toBe('a%2F..%2Fb');
    for (const bad of ['', '.', '..', '\ud800'])
      expect(() => encodePathSegment(bad)).toThrow(LinstorArgumentError);
  });
  it('writes queries as urlencode(doseq=True)', () => {
    expect(serializeQuery({ nodes: ['a', 'b'], props: ['Aux/x=y'] })).toBe(
      'nodes=a&nodes=b&props=Aux%2Fx%3Dy',
    );
    expect(serializeQuery({ keep_tiebreaker: true, x: undefined, s: 'a b' })).toBe(
      'keep_tiebreaker=True&s=a+b',
    );
  });
});

describe('identityHeaders', () => {
  test('Node: python-format User-Agent (with agent info) and gzip', () => {
    expect(identityHeaders({ agentInfo: 'acc-test' }, true)).toEqual({
      'User-Agent': `linstor-api/${SDK_VERSION} (API1.0.4): acc-test`,
      'Accept-Encoding': 'gzip',
    });
    expect(identityHeaders({ userAgent: 'mine/1' }, true)['User-Agent']).toBe('mine/1');
  });
  test('browser: nothing that would force a CORS preflight unless configured explicitly', () => {
    expect(identityHeaders({}, false)).toEqual({});
    expect(identityHeaders({ agentInfo: 'dash' }, false)).toEqual({
      'User-Agent': `linstor-api/${SDK_VERSION} (API1.0.4): dash`,
    });
  });
});
