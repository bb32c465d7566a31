// python-linstor-behavior.md §9 scenario 20 (KV namespaces) request-exact, issue 5 §3 (the Map-like
// surface), and the documentation example, against the simulated controller over HTTP.
import { isLinstorArgumentError, isLinstorError } from '../../src/core/errors';
import { KV } from '../../src/objects/kv';
import { fullKey, normalizeNamespace } from '../../src/objects/kv-namespace';
import type { RunningSimulator } from '../../src/testing';
import { type Recorder, recorder, simulator } from './helpers';

let sim: RunningSimulator;
let rec: Recorder;

beforeEach(async () => {
  sim = await simulator({ nodes: 1 });
  rec = recorder();
});
afterEach(async () => {
  await sim.close();
});

const open = (namespace?: string) => KV.open('myKV', { uri: sim.url, fetch: rec.fetch, namespace });
const stored = () => ({ ...sim.state.keyValueStores.get('MYKV')?.props });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('namespace and key normalisation (python _normalize_ns)', () => {
  test.each([
    ['  //a/b// ', '/a/b/'],
    ['/foo/bar/', '/foo/bar/'],
    ['foo/bar', '/foo/bar/'],
    ['/', '/'],
    ['', '/'],
    [' / ', '/'],
    ['/ c /', '/c/'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeNamespace(input)).toBe(expected);
  });

  test('full keys', () => {
    expect(fullKey('/a/b/', '/c/d/')).toBe('/a/b/c/d');
    expect(fullKey('/', 'foo/baz/key')).toBe('/foo/baz/key');
    expect(fullKey('/a/', ' key ')).toBe('/a/key');
  });
});

describe('scenario 20: KV namespaces', () => {
  test('the documentation example, request for request', async () => {
    const kv = await open('/foo/bar/');
    expect(rec.take()).toEqual([['GET', '/v1/key-value-store']]);
    expect(kv.namespace).toBe('/foo/bar/');

    await kv.set('key', 'val');
    expect(rec.take()).toEqual([
      ['PUT', '/v1/key-value-store/myKV', { override_props: { '/foo/bar/key': 'val' } }],
    ]);
    expect([...kv.items()]).toEqual([['key', 'val']]);

    kv.namespace = '/';
    expect([...kv.items()]).toEqual([['foo/bar/key', 'val']]);
    await kv.set('foo/baz/key', 'valbaz');
    expect(rec.take()).toEqual([
      ['PUT', '/v1/key-value-store/myKV', { override_props: { '/foo/baz/key': 'valbaz' } }],
    ]);

    kv.namespace = '/foo/bar';
    expect(kv.namespace).toBe('/foo/bar/');
    expect([...kv.items()]).toEqual([['key', 'val']]); // keys in /foo/baz are not visible
    expect(kv.has('key')).toBe(true);
    expect(kv.get('baz/key')).toBeUndefined();

    // the controller stores the keys without their leading slash
    expect(stored()).toEqual({ 'foo/bar/key': 'val', 'foo/baz/key': 'valbaz' });
    await kv.close();
  });

  test('a new KV sees what the server stored (keys read back without the slash, stored with it)', async () => {
    const writer = await open('/foo/bar/');
    await writer.set('key', 'val');
    await writer.close();
    rec.take();

    const reader = await KV.open('myKV', { uri: sim.url, fetch: rec.fetch });
    expect(rec.take()).toEqual([['GET', '/v1/key-value-store']]);
    expect([...reader.entries()]).toEqual([['foo/bar/key', 'val']]);
    reader.namespace = '/foo/bar/';
    expect(reader.get('key')).toBe('val');
    expect(await reader.delete('key')).toBe(true);
    expect(rec.take()).toEqual([['PUT', '/v1/key-value-store/myKV', { delete_props: ['/foo/bar/key'] }]]);
    expect(reader.has('key')).toBe(false);
    // the last key is gone, so the controller removed the instance
    expect(sim.state.keyValueStores.has('MYKV')).toBe(false);
  });

  test('clear() deletes the whole namespace with one request and keeps the rest', async () => {
    const kv = await open('/');
    await kv.set('foo/a', '1');
    await kv.set('foo/b/c', '2');
    await kv.set('other', '3');
    rec.take();
    kv.namespace = '/foo';
    expect(kv.size).toBe(2);
    await kv.clear();
    expect(rec.take()).toEqual([
      ['PUT', '/v1/key-value-store/myKV', { delete_props: ['/foo/a', '/foo/b/c'] }],
    ]);
    expect(kv.size).toBe(0);
    expect(stored()).toEqual({ other: '3' });
    kv.namespace = '/';
    expect([...kv.keys()]).toEqual(['other']);
    expect([...kv.values()]).toEqual(['3']);
  });

  test('non-string keys and values are refused before any request; update() is not implemented', async () => {
    const kv = await open('/foo/');
    rec.take();
    const badValue = await rejection(kv.set('k', 5 as unknown as string));
    expect(isLinstorArgumentError(badValue)).toBe(true);
    const badKey = await rejection(kv.set(7 as unknown as string, 'v'));
    expect(isLinstorArgumentError(badKey)).toBe(true);
    expect(isLinstorArgumentError(await rejection(kv.delete({} as unknown as string)))).toBe(true);
    let getError: unknown;
    try {
      kv.get(1 as unknown as string);
    } catch (e) {
      getError = e;
    }
    expect(isLinstorArgumentError(getError)).toBe(true);
    expect(rec.take()).toEqual([]);
    expect(() => kv.update()).toThrow('not implemented');
  });
});

describe('Map-like surface', () => {
  test('get/set/has/delete/size/iteration, pop, popitem, setdefault', async () => {
    const kv = await open('/app/');
    expect(kv.size).toBe(0);
    expect(await kv.set('a', '1')).toBe(kv);
    await kv.set('b', '2');
    expect(kv.get('a')).toBe('1');
    expect(kv.get('missing', 'fallback')).toBe('fallback');
    expect(kv.size).toBe(2);
    expect([...kv]).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    expect(new Map(kv.entries()).get('b')).toBe('2');
    expect(await kv.setdefault('a', 'x')).toBe('1');
    expect(await kv.setdefault('c', '3')).toBe('3');
    expect(await kv.pop('c')).toBe('3');
    expect(await kv.pop('c', 'gone')).toBe('gone');
    expect(isLinstorError(await rejection(kv.pop('c')))).toBe(true);
    expect(await kv.popitem()).toEqual(['b', '2']);
    expect(await kv.delete('nothing')).toBe(false);
    expect(stored()).toEqual({ 'app/a': '1' });
  });

  test('rwToLinstor: false keeps everything local', async () => {
    const kv = await KV.open('local', { rwToLinstor: false, fetch: rec.fetch, namespace: '/x' });
    await kv.set('k', 'v');
    expect(kv.get('k')).toBe('v');
    await kv.clear();
    expect(rec.all).toEqual([]);
  });

  test("a failed write throws python's message and leaves the local copy unchanged", async () => {
    const kv = await KV.open('x', { uri: sim.url, fetch: rec.fetch }); // 'x' is too short a name
    const error = await rejection(kv.set('k', 'v'));
    expect(isLinstorError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Could not set kv\(\/k:v\): ERRO:/);
    expect(kv.has('k')).toBe(false);
  });

  test('one handshake for all operations; await using closes the client', async () => {
    {
      await using kv = await open('/n/');
      await kv.set('a', '1');
      await kv.set('b', '2');
      await kv.delete('a');
      await kv.refresh();
    }
    expect(rec.versionGets()).toBe(2);
  });
});
