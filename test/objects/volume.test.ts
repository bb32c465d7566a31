// The high-level Volume without a controller: python-linstor-behavior.md §7.3 sizes, minor, grow.
import { isLinstorArgumentError, isLinstorReadOnlyAfterSetError } from '../../src/core/errors';
import { ObjectClient } from '../../src/objects/object-client';
import { sizeToBytes, Volume, volumeInternals } from '../../src/objects/volume';

describe('sizes (no unit = bytes, whitespace allowed)', () => {
  test.each([
    ['20 MiB', 20971520],
    ['1 GB', 1000000000],
    ['20', 20],
    ['4096s', 2097152],
    ['10M', 10485760],
    ['10MB', 10000000],
  ])('%j -> %d bytes', (text, bytes) => {
    expect(new Volume(text).size).toBe(bytes);
    expect(sizeToBytes(text)).toBe(bytes);
  });

  test.each([['1.5G'], ['nosize'], ['20 parsecs']])('%j is refused', (text) => {
    let error: unknown;
    try {
      new Volume(text);
    } catch (e) {
      error = e;
    }
    expect(isLinstorArgumentError(error)).toBe(true);
  });

  test('numbers are bytes; negative or fractional numbers are refused', () => {
    expect(new Volume(1048576).size).toBe(1048576);
    expect(new Volume().size).toBeUndefined();
    for (const bad of [-1, 1.5, Number.NaN]) expect(() => new Volume(bad)).toThrow(/volume size/);
  });
});

describe('an unbound volume is local', () => {
  test('setSize and grow only store the value', async () => {
    const v = new Volume('20 MiB');
    await v.setSize('10 MiB'); // no shrink check before it is bound
    expect(v.size).toBe(10 * 1024 * 1024);
    await v.grow('+10 MiB');
    expect(v.size).toBe(20 * 1024 * 1024);
    await v.grow(1024);
    expect(v.size).toBe(20 * 1024 * 1024 + 1024);
    expect(v.bound).toBe(false);
    expect(v.devicePath).toBe('');
    expect(v.backingDisk).toBeUndefined();
  });

  test('minor is settable before binding and read-only after', () => {
    const v = new Volume('1 MiB');
    v.minor = 1005;
    expect(v.minor).toBe(1005);
    volumeInternals.setNumber(v, 0);
    volumeInternals.bind(v, {
      client: ObjectClient.from({ uri: 'linstor://127.0.0.1:1', fetch: async () => new Response('[]') }),
      rscName: 'foo',
    });
    let error: unknown;
    try {
      v.minor = 1006;
    } catch (e) {
      error = e;
    }
    expect(isLinstorReadOnlyAfterSetError(error)).toBe(true);
    expect(v.minor).toBe(1005);
    expect(String(v)).toBe('Volume(foo, 0, 1048576 B, 1005)');
  });

  test('a bound volume refuses to shrink before sending anything', async () => {
    const sent: string[] = [];
    const v = new Volume('20 MiB');
    volumeInternals.setNumber(v, 3);
    volumeInternals.bind(v, {
      client: ObjectClient.from({
        uri: 'linstor://127.0.0.1:1',
        fetch: async (url) => {
          sent.push(url);
          return new Response('[]');
        },
      }),
      rscName: 'foo',
    });
    const error = await v.setSize('1 MiB').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isLinstorArgumentError(error)).toBe(true);
    expect((error as Error).message).toBe(
      'shrinking Resource/Volume foo/3 from 20971520 to 1048576 is not allowed',
    );
    expect(sent).toEqual([]);
  });
});
