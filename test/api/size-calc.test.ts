import fc from 'fast-check';
import { LinstorArgumentError, LinstorError } from '../../src/core/errors';
import { parseVolumeSizeToKib, SizeCalc } from '../../src/objects/size-calc';

const units = [
  SizeCalc.UNIT_B,
  SizeCalc.UNIT_S,
  SizeCalc.UNIT_KiB,
  SizeCalc.UNIT_MiB,
  SizeCalc.UNIT_GiB,
  SizeCalc.UNIT_TiB,
  SizeCalc.UNIT_PiB,
  SizeCalc.UNIT_EiB,
  SizeCalc.UNIT_ZiB,
  SizeCalc.UNIT_YiB,
  SizeCalc.UNIT_kB,
  SizeCalc.UNIT_MB,
  SizeCalc.UNIT_GB,
  SizeCalc.UNIT_TB,
  SizeCalc.UNIT_PB,
  SizeCalc.UNIT_EB,
  SizeCalc.UNIT_ZB,
  SizeCalc.UNIT_YB,
];

describe('parseVolumeSizeToKib', () => {
  it.each([
    ['1', 1048576],
    ['1g', 1048576],
    ['1GB', 976563],
    ['100MB', 97657],
    ['1k', 1],
    ['3tib', 3221225472],
    ['0', 0],
    ['20MiB', 20480],
    ['5', 5242880],
    ['1G', 1048576],
    ['1kb', 1],
    ['1b', 1],
    ['1024b', 1],
    ['1025b', 2],
    ['3s', 2],
  ])('%s -> %d KiB (python examples)', (input, kib) => {
    expect(parseVolumeSizeToKib(input)).toBe(kib);
  });

  it('accepts whitespace, unlike python (quirk 4)', () => {
    expect(parseVolumeSizeToKib('20 MiB')).toBe(20480);
    expect(parseVolumeSizeToKib(' 30  mib ')).toBe(30720);
    expect(parseVolumeSizeToKib(' 2 ')).toBe(2097152);
  });

  it.each(['1.5G', 'abc', '', 'MiB', '-1', '10 XB', '10 M B'])(
    'rejects %j with LinstorArgumentError',
    (input) => {
      expect(() => parseVolumeSizeToKib(input)).toThrow(LinstorArgumentError);
    },
  );

  it('names the bad unit and the bad number in its messages', () => {
    expect(() => parseVolumeSizeToKib('10 XB')).toThrow('"XB" is not a valid unit!');
    expect(() => parseVolumeSizeToKib('abc')).toThrow("Size 'abc' is not a valid number");
  });

  it('agrees with SizeCalc.convertRoundUp for every unit spelling (property)', () => {
    const spellings = Object.keys(SizeCalc.UNITS_MAP);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom(...spellings),
        fc.boolean(),
        fc.boolean(),
        (n, spelling, upper, space) => {
          const unitText = upper ? spelling.toUpperCase() : spelling;
          const expected = SizeCalc.convertRoundUp(n, SizeCalc.UNITS_MAP[spelling][1], SizeCalc.UNIT_KiB);
          if (!Number.isSafeInteger(expected)) return;
          expect(parseVolumeSizeToKib(`${n}${space ? ' ' : ''}${unitText}`)).toBe(expected);
        },
      ),
    );
  });
});

describe('SizeCalc', () => {
  it('encodes units as (base << 8) | exponent', () => {
    expect(SizeCalc.UNIT_B).toBe(0x200);
    expect(SizeCalc.UNIT_S).toBe(0x209);
    expect(SizeCalc.UNIT_KiB).toBe(0x20a);
    expect(SizeCalc.UNIT_YiB).toBe(0x250);
    expect(SizeCalc.UNIT_kB).toBe(0xa03);
    expect(SizeCalc.UNIT_YB).toBe(0xa18);
  });

  it('parses units as python (unit test values)', () => {
    expect(SizeCalc.parseUnit('128k')).toEqual([128, SizeCalc.UNIT_KiB]);
    expect(SizeCalc.parseUnit('128')).toEqual([128, SizeCalc.UNIT_B]);
    expect(SizeCalc.parseUnit('248GiB')).toEqual([248, SizeCalc.UNIT_GiB]);
    expect(SizeCalc.parseUnit('248GB')).toEqual([248, SizeCalc.UNIT_GB]);
    expect(SizeCalc.parseUnit('512S')).toEqual([512, SizeCalc.UNIT_S]);
    expect(SizeCalc.parseUnit('20 MiB')).toEqual([20, SizeCalc.UNIT_MiB]);
    expect(() => SizeCalc.parseUnit('nosize')).toThrow(LinstorError);
    expect(() => SizeCalc.parseUnit('nosize')).toThrow('Size is not a number.');
  });

  it('auto-converts as python (unit test values)', () => {
    expect(SizeCalc.autoConvert('10M', SizeCalc.UNIT_B)).toBe(10485760);
    expect(SizeCalc.autoConvert('10MB', SizeCalc.UNIT_B)).toBe(10000000);
    expect(SizeCalc.autoConvert('3Gib', SizeCalc.UNIT_KiB)).toBe(3145728);
    expect(SizeCalc.autoConvert('2M', SizeCalc.UNIT_S)).toBe(4096);
    expect(SizeCalc.autoConvert('4096s', SizeCalc.UNIT_MiB)).toBe(2);
  });

  it('rounds down with convert and up with convertRoundUp', () => {
    expect(SizeCalc.convert(1000, SizeCalc.UNIT_B, SizeCalc.UNIT_KiB)).toBe(0);
    expect(SizeCalc.convertRoundUp(1000, SizeCalc.UNIT_B, SizeCalc.UNIT_KiB)).toBe(1);
    expect(SizeCalc.convert(-1, SizeCalc.UNIT_B, SizeCalc.UNIT_KiB)).toBe(-1);
    expect(SizeCalc.convertRoundUp(-1, SizeCalc.UNIT_B, SizeCalc.UNIT_KiB)).toBe(0);
    expect(SizeCalc.convert(1n, SizeCalc.UNIT_YiB, SizeCalc.UNIT_B)).toBe(2n ** 80n);
    expect(() => SizeCalc.convert(1.5, SizeCalc.UNIT_B, SizeCalc.UNIT_KiB)).toThrow(LinstorArgumentError);
  });

  it('round-trips any size through a larger unit and back exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 70n }),
        fc.constantFrom(...units),
        fc.constantFrom(...units),
        (size, a, b) => {
          const up = SizeCalc.convert(size, a, b);
          const back = SizeCalc.convert(up, b, a);
          // Converting down then back loses at most one unit of b.
          expect(back <= size).toBe(true);
          const upCeil = SizeCalc.convertRoundUp(size, a, b);
          expect(SizeCalc.convertRoundUp(upCeil, b, a) >= size).toBe(true);
          expect(upCeil - up === 0n || upCeil - up === 1n).toBe(true);
          // Going to a smaller-or-equal unit is lossless.
          const toBytes = SizeCalc.convert(size, a, SizeCalc.UNIT_B);
          expect(SizeCalc.convert(toBytes, SizeCalc.UNIT_B, a)).toBe(size);
        },
      ),
    );
  });

  it('round-trips unit names through unitToStr and parseUnit (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...units), fc.nat({ max: 1 << 30 }), (unit, n) => {
        expect(SizeCalc.parseUnit(`${n}${SizeCalc.unitToStr(unit)}`)).toEqual([n, unit]);
      }),
    );
  });

  it('lists the units and maps k to KiB, kb to kB', () => {
    expect(SizeCalc.UNITS_MAP.k[1]).toBe(SizeCalc.UNIT_KiB);
    expect(SizeCalc.UNITS_MAP.kb[1]).toBe(SizeCalc.UNIT_kB);
    expect(SizeCalc.UNITS_MAP.kib[0]).toBe('KiB');
    expect(SizeCalc.UNITS_LIST_STR).toContain('KiB');
    expect(SizeCalc.unitToStr(SizeCalc.UNIT_S)).toBe('S');
  });

  it('formats approximate sizes', () => {
    expect(SizeCalc.approximateSizeString(20480)).toBe('20 MiB');
    expect(SizeCalc.approximateSizeString(1572864)).toBe('1.50 GiB');
    expect(SizeCalc.approximateSizeString(0)).toBe('0 KiB');
    expect(SizeCalc.approximateSizeString(512)).toBe('512 KiB');
    expect(SizeCalc.approximateSizeString(1024)).toBe('1 MiB');
    expect(SizeCalc.approximateSizeString(2n ** 80n)).toBe('1024 YiB');
    expect(SizeCalc.approximateSizeString(1572864, 'de-DE')).toBe('1,50 GiB');
  });
});
