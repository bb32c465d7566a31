import fc from 'fast-check';
import { LinstorArgumentError, LinstorError } from '../../src/core/errors';
import { parseJson, stringifyJson } from '../../src/core/lossless-json';

/** JSON.parse, then every `ret_code` number replaced by the exact bigint taken from a reference. */
function expectSameExceptRetCodes(actual: unknown, plain: unknown): void {
  if (typeof actual === 'bigint') {
    expect(typeof plain).toBe('number');
    // The double JSON.parse produced is the nearest double to the exact value.
    expect(Number(actual)).toBe(plain);
    return;
  }
  if (Array.isArray(actual)) {
    expect(Array.isArray(plain)).toBe(true);
    const p = plain as unknown[];
    expect(actual.length).toBe(p.length);
    actual.forEach((item, i) => {
      expectSameExceptRetCodes(item, p[i]);
    });
    return;
  }
  if (typeof actual === 'object' && actual !== null) {
    const p = plain as Record<string, unknown>;
    expect(Object.keys(actual)).toEqual(Object.keys(p));
    for (const [k, v] of Object.entries(actual)) expectSameExceptRetCodes(v, p[k]);
    return;
  }
  expect(actual).toEqual(plain);
}

describe('parseJson', () => {
  it('keeps all 64 bits of real controller ret_codes', () => {
    const v = parseJson(
      '[{"ret_code":-4611686018407202314,"message":"m"},{"ret_code": -4611686018427387604 , "message":"n"}]',
    ) as { ret_code: bigint }[];
    expect(v[0].ret_code).toBe(-4611686018407202314n);
    expect(BigInt.asUintN(64, v[0].ret_code)).toBe(0xc0000000013401f6n);
    expect(v[1].ret_code).toBe(-4611686018427387604n);
    expect(BigInt.asUintN(64, v[1].ret_code) & 0x7fffn).toBe(300n);
    // the naive parse really is lossy (the reason this module exists)
    expect(BigInt((JSON.parse('{"a":-4611686018407202314}') as { a: number }).a) & 0x7fffn).not.toBe(502n);
  });

  it('converts nested ret_codes (reports in lists, messages of the clone envelope)', () => {
    const text = JSON.stringify({
      location: '/v1/x',
      messages: [{ ret_code: 1, message: 'ok' }],
      pools: [{ name: 'p', reports: [{ ret_code: 2, message: 'w' }] }],
    }).replace('"ret_code":1', '"ret_code":4611686018427397904');
    const v = parseJson(text) as {
      messages: { ret_code: bigint }[];
      pools: { reports: { ret_code: bigint }[] }[];
    };
    expect(v.messages[0].ret_code).toBe(4611686018427397904n);
    expect(v.pools[0].reports[0].ret_code).toBe(2n);
  });

  it('leaves other numbers, floats and strings alone', () => {
    const v = parseJson(
      '{"free_capacity":9223372036854775807,"x":{"ret_code":1.5},"s":"{\\"ret_code\\":5}","y":{"ret_code":"7"}}',
    ) as Record<string, unknown>;
    expect(typeof v.free_capacity).toBe('number');
    expect(v.x).toEqual({ ret_code: 1.5 });
    expect(v.s).toBe('{"ret_code":5}');
    expect(v.y).toEqual({ ret_code: '7' });
    // an integer ret_code next to a string-valued one: only the integer becomes a bigint
    expect(
      parseJson('[{"ret_code":5},{"ret_code":"7"},{"ret_code":"\u00008"}]'.replace('\u0000', '')),
    ).toEqual([{ ret_code: 5n }, { ret_code: '7' }, { ret_code: '8' }]);
    expect(parseJson('[{"ret_code" : -9},{"ret_code":"-9"}]')).toEqual([
      { ret_code: -9n },
      { ret_code: '-9' },
    ]);
  });

  it('uses the exact path when the text contains a NUL escape', () => {
    const v = parseJson(
      '[{"ret_code":-4611686018407202314,"message":"a\\u0000b","__proto__":{"ret_code":3}}]',
    ) as {
      ret_code: bigint;
      message: string;
    }[];
    expect(v[0].ret_code).toBe(-4611686018407202314n);
    expect(v[0].message).toBe('a\u0000b');
    expect(Object.getOwnPropertyNames(v[0])).toContain('__proto__');
    expect(parseJson('{"ret_code":"\\u00005"}')).toEqual({ ret_code: '\u00005' });
  });

  it('codes that round to the same double, floats, escaped keys', () => {
    // 502 and 501 of the same masks are 1 apart: the same double
    expect(parseJson('[{"ret_code":-4611686018407202314},{"ret_code":-4611686018407202315}]')).toEqual([
      { ret_code: -4611686018407202314n },
      { ret_code: -4611686018407202315n },
    ]);
    expect(parseJson('[{"ret_code":-4611686018407202314},{"ret_code":1.0},{"ret_code":1}]')).toEqual([
      { ret_code: -4611686018407202314n },
      { ret_code: 1 },
      { ret_code: 1n },
    ]);
    expect(parseJson('[{"ret\\u005fcode":-4611686018407202314},{"ret_code":2}]')).toEqual([
      { ret_code: -4611686018407202314n },
      { ret_code: 2n },
    ]);
    expect(parseJson('{"a":"\\u00e9","x":{"ret\\u005fcode":-4611686018407202314}}')).toEqual({
      a: 'é',
      x: { ret_code: -4611686018407202314n },
    });
    expect(parseJson('[{"ret_code":null},{"ret_code":true},{"ret_code":5}]')).toEqual([
      { ret_code: null },
      { ret_code: true },
      { ret_code: 5n },
    ]);
  });

  it('rejects invalid JSON with a LinstorError', () => {
    for (const bad of [
      '',
      'not json',
      '{"ret_code":01}',
      '[{"ret_code":-5}',
      '{"ret_code":5}x',
      '{"a":1}\u00a0',
    ]) {
      expect(() => parseJson(bad)).toThrow(LinstorError);
      expect(() => parseJson(bad)).toThrow(/^Unable to parse REST json data: /);
    }
    expect(() => parseJson('{"a":"\\u0000",}')).toThrow(LinstorError);
  });

  it('property: equals JSON.parse except ret_code integers, which are exact bigints', () => {
    const key = fc.oneof(fc.constant('ret_code'), fc.constant('message'), fc.string({ maxLength: 8 }));
    const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    const leaf = fc.oneof(
      fc.string(),
      fc.constantFrom('ret_code', '"ret_code":1', '{"ret_code":5}', ',"ret_code":-1,', '\u0000'),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      int64.map((b) => ({ __int: b.toString() })),
      fc
        .integer({ min: -600, max: 600 })
        .map((d) => ({ __int: (-4611686018407202314n + BigInt(d)).toString() })),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, fc.constantFrom('', ' ', '\n\t '), (value, space) => {
        // Integers beyond double range are injected as raw digits.
        const text = JSON.stringify(value, null, space).replace(
          /\{\s*"__int":\s*"(-?\d+)"\s*\}/g,
          (_m, digits: string) => digits,
        );
        const plain = JSON.parse(text);
        const exact = parseJson(text);
        expectSameExceptRetCodes(exact, plain);
        // every bigint sits under a ret_code key, and holds the digits of the text exactly
        const digitsInText = [...text.matchAll(/"ret_code":\s*(-?\d+)(?=\s*[,}])/g)].map((m) => BigInt(m[1]));
        const found: bigint[] = [];
        const walk = (v: unknown, k?: string) => {
          if (typeof v === 'bigint') {
            expect(k).toBe('ret_code');
            found.push(v);
          } else if (v && typeof v === 'object') for (const [kk, vv] of Object.entries(v)) walk(vv, kk);
        };
        walk(exact);
        for (const b of found) expect(digitsInText).toContain(b);
      }),
      { numRuns: 400 },
    );
  });
});

describe('stringifyJson', () => {
  it('writes bigints as exact digits and everything else as JSON.stringify', () => {
    expect(stringifyJson({ ret_code: -4611686018407202314n, a: [1, undefined, 'x'], b: undefined })).toBe(
      '{"ret_code":-4611686018407202314,"a":[1,null,"x"]}',
    );
    expect(stringifyJson({ a: 1 })).toBe('{"a":1}');
    expect(stringifyJson('secret')).toBe('"secret"');
  });

  it('round-trips through parseJson', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.string(), (rc, message) => {
        expect(parseJson(stringifyJson([{ ret_code: rc, message }]))).toEqual([{ ret_code: rc, message }]);
      }),
    );
  });

  it('rejects cycles with a LinstorArgumentError', () => {
    const a: Record<string, unknown> = { n: 1n };
    a.self = a;
    expect(() => stringifyJson(a)).toThrow(LinstorArgumentError);
    const b: Record<string, unknown> = {};
    b.self = b;
    expect(() => stringifyJson(b)).toThrow(LinstorArgumentError);
  });
});
