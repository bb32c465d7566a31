// openapi/constants.yaml against the shared LINSTOR constant table (linstor-consts.json): every name
// present in the right section with the same value. Masks and return codes are evaluated with BigInt
// by codegen's own loader (one place for the evaluation rules) and recomputed here independently.
import { existsSync, readFileSync } from 'node:fs';
import { loadConstants, readConstantsFile } from '../../codegen/bundle';
import { constsFile, openapiDir, printSkip } from './spec-helpers';

interface ConstEntry {
  name?: string;
  type?: 'long' | 'int' | 'string' | 'BOR' | 'enum';
  value?: unknown;
  values?: { name: string; value: string | number }[];
}

const present = existsSync(constsFile);
const describeShared = present ? describe : describe.skip;
if (!present) printSkip('constants check', `${constsFile} not found (../shared is absent in a fresh clone)`);

const U64 = (1n << 64n) - 1n;

/** A Java literal from consts.json ("0x…L", "9223…L", a number) as an unsigned 64-bit bigint. */
function javaLong(value: unknown): bigint {
  if (typeof value === 'number') return BigInt.asUintN(64, BigInt(value));
  if (typeof value === 'string') return BigInt.asUintN(64, BigInt(value.replace(/L$/, '')));
  throw new Error(`not a long literal: ${String(value)}`);
}

describe('openapi/constants.yaml (self-contained checks)', () => {
  test('every mask is an unsigned 64-bit hex value and every return code evaluates', () => {
    const file = readConstantsFile(openapiDir);
    for (const [name, text] of Object.entries(file.masks)) {
      expect([name, /^0x[0-9A-F]{16}$/.test(text)]).toEqual([name, true]);
    }
    const c = loadConstants(openapiDir);
    expect(Object.keys(c.returnCodes).length).toBe(Object.keys(file.returnCodes).length);
    for (const v of Object.values(c.returnCodes)) expect(v <= U64 && v >= 0n).toBe(true);
  });
});

describeShared('openapi/constants.yaml matches linstor-consts.json', () => {
  const entries = present ? (JSON.parse(readFileSync(constsFile, 'utf8')) as ConstEntry[]) : [];
  const named = entries.filter((e) => typeof e.name === 'string' && e.type !== undefined);
  const byName = new Map(named.map((e) => [e.name as string, e]));
  const ours = loadConstants(openapiDir);
  const problems: string[] = [];
  const counts = { masks: 0, returnCodes: 0, flags: 0, integers: 0, strings: 0, enums: 0 };

  // Evaluates a BOR list from the reference table itself (names resolve within the table).
  const borCache = new Map<string, bigint>();
  const evalRef = (name: string): bigint => {
    const cached = borCache.get(name);
    if (cached !== undefined) return cached;
    const e = byName.get(name);
    if (!e) throw new Error(`unknown name ${name}`);
    let v = 0n;
    if (e.type === 'long') v = javaLong(e.value);
    else if (e.type === 'BOR') {
      for (const part of e.value as (string | number)[]) {
        v |= typeof part === 'string' && !/^0x/i.test(part) ? evalRef(part) : javaLong(part);
      }
    } else throw new Error(`${name} is not numeric`);
    borCache.set(name, v);
    return v;
  };

  for (const e of named) {
    const name = e.name as string;
    switch (e.type) {
      case 'long': {
        const want = javaLong(e.value);
        const got =
          ours.masks[name] ??
          (name in ours.integers
            ? BigInt.asUintN(64, BigInt(ours.integers[name] as number | bigint))
            : undefined);
        if (got !== want) problems.push(`${name}: ${String(got)} != ${want}`);
        else if (name.startsWith('MASK_')) counts.masks++;
        else counts.integers++;
        if (name.startsWith('MASK_') && !(name in ours.masks)) problems.push(`${name}: not under masks`);
        break;
      }
      case 'BOR': {
        const want = evalRef(name);
        const got = ours.returnCodes[name];
        if (got !== want) problems.push(`${name}: ${got?.toString(16)} != ${want.toString(16)}`);
        else counts.returnCodes++;
        break;
      }
      case 'int':
        if (ours.integers[name] !== e.value)
          problems.push(`${name}: ${String(ours.integers[name])} != ${e.value}`);
        else counts.integers++;
        break;
      case 'string':
        if (ours.strings[name] !== e.value)
          problems.push(`${name}: ${ours.strings[name]} != ${String(e.value)}`);
        else if (name.startsWith('FLAG_')) counts.flags++;
        else counts.strings++;
        break;
      case 'enum': {
        const want = Object.fromEntries((e.values ?? []).map((v) => [v.name, v.value]));
        if (JSON.stringify(ours.enums[name]) !== JSON.stringify(want)) problems.push(`${name}: enum differs`);
        else counts.enums++;
        break;
      }
    }
  }

  afterAll(() => {
    process.stdout.write(
      `[openapi constants] masks ${counts.masks}, return codes ${counts.returnCodes}, flags ${counts.flags}, ` +
        `other strings ${counts.strings}, integers ${counts.integers}, enums ${counts.enums}; ` +
        `${named.length - problems.length}/${named.length} names match, ours hold ${ours.count}\n`,
    );
  });

  test('every mask, return code, flag, string, integer and enum has the same name and value', () => {
    expect(problems).toEqual([]);
    expect(counts.masks).toBe(named.filter((e) => e.name?.startsWith('MASK_')).length);
    expect(counts.flags).toBe(named.filter((e) => e.name?.startsWith('FLAG_')).length);
    expect(counts.returnCodes).toBe(named.filter((e) => e.type === 'BOR').length);
  });

  test('ours hold nothing beyond the reference table', () => {
    expect(ours.count).toBe(named.length);
  });

  test('known values as a spot check (signed wire form of ret_codes)', () => {
    expect(BigInt.asIntN(64, ours.returnCodes.FAIL_NOT_FOUND_NODE as bigint)).toBe(-4611686018427387604n);
    expect(ours.masks.MASK_ERROR).toBe(0xc000000000000000n);
    expect(ours.strings.VAL_NODE_TYPE_STLT).toBe('Satellite');
  });
});
