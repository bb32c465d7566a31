import { LinstorArgumentError } from '../core/errors';

// A unit is encoded as (base << 8) | exponent, base 2 or 10: the same numbers python-linstor uses,
// so values stored or logged by either library mean the same thing.
const BASE_2 = 2 << 8;
const BASE_10 = 10 << 8;

const UNIT_B = BASE_2 | 0;
const UNIT_S = BASE_2 | 9;
const UNIT_KiB = BASE_2 | 10;
const UNIT_MiB = BASE_2 | 20;
const UNIT_GiB = BASE_2 | 30;
const UNIT_TiB = BASE_2 | 40;
const UNIT_PiB = BASE_2 | 50;
const UNIT_EiB = BASE_2 | 60;
const UNIT_ZiB = BASE_2 | 70;
const UNIT_YiB = BASE_2 | 80;
const UNIT_kB = BASE_10 | 3;
const UNIT_MB = BASE_10 | 6;
const UNIT_GB = BASE_10 | 9;
const UNIT_TB = BASE_10 | 12;
const UNIT_PB = BASE_10 | 15;
const UNIT_EB = BASE_10 | 18;
const UNIT_ZB = BASE_10 | 21;
const UNIT_YB = BASE_10 | 24;

/** A size unit code (one of the `SizeCalc.UNIT_*` values). */
export type SizeUnit = number;

// Canonical spelling of each unit, in the order they are listed to users.
const UNIT_NAMES: ReadonlyArray<readonly [string, SizeUnit]> = [
  ['B', UNIT_B],
  ['S', UNIT_S],
  ['KiB', UNIT_KiB],
  ['MiB', UNIT_MiB],
  ['GiB', UNIT_GiB],
  ['TiB', UNIT_TiB],
  ['PiB', UNIT_PiB],
  ['EiB', UNIT_EiB],
  ['ZiB', UNIT_ZiB],
  ['YiB', UNIT_YiB],
  ['kB', UNIT_kB],
  ['MB', UNIT_MB],
  ['GB', UNIT_GB],
  ['TB', UNIT_TB],
  ['PB', UNIT_PB],
  ['EB', UNIT_EB],
  ['ZB', UNIT_ZB],
  ['YB', UNIT_YB],
];

// Single letters are binary units (k = KiB), as in python-linstor and the LINSTOR client.
const SHORT_NAMES: ReadonlyArray<readonly [string, SizeUnit]> = [
  ['K', UNIT_KiB],
  ['M', UNIT_MiB],
  ['G', UNIT_GiB],
  ['T', UNIT_TiB],
  ['P', UNIT_PiB],
  ['E', UNIT_EiB],
  ['Z', UNIT_ZiB],
  ['Y', UNIT_YiB],
];

/** Lower-cased unit spelling -> [canonical spelling, unit]; `k` means KiB, `kb` means kB. */
const UNITS_MAP: Readonly<Record<string, readonly [string, SizeUnit]>> = Object.freeze(
  Object.fromEntries(
    [...UNIT_NAMES, ...SHORT_NAMES].map(([name, unit]) => [name.toLowerCase(), [name, unit] as const]),
  ),
);

const UNITS_LIST_STR = [...SHORT_NAMES, ...UNIT_NAMES].map(([name]) => name).join(', ');

function factor(unit: SizeUnit): bigint {
  const base = (unit >> 8) & 0xffffff;
  const exponent = unit & 0xff;
  if ((base !== 2 && base !== 10) || exponent > 80) {
    throw new LinstorArgumentError(`${unit} is not a valid size unit code`);
  }
  return BigInt(base) ** BigInt(exponent);
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

function toBigInt(size: number | bigint): bigint {
  if (typeof size === 'bigint') return size;
  if (!Number.isSafeInteger(size)) {
    throw new LinstorArgumentError(`Size ${size} is not a whole number`);
  }
  return BigInt(size);
}

function convertWith(
  size: number | bigint,
  unitIn: SizeUnit,
  unitOut: SizeUnit,
  div: (a: bigint, b: bigint) => bigint,
): number | bigint {
  const result = div(toBigInt(size) * factor(unitIn), factor(unitOut));
  return typeof size === 'bigint' ? result : Number(result);
}

function convert(size: number, unitIn: SizeUnit, unitOut: SizeUnit): number;
function convert(size: bigint, unitIn: SizeUnit, unitOut: SizeUnit): bigint;
/** Converts `size` from one unit to another, rounding down (exact for bigint input). */
function convert(size: number | bigint, unitIn: SizeUnit, unitOut: SizeUnit): number | bigint {
  return convertWith(size, unitIn, unitOut, floorDiv);
}

function convertRoundUp(size: number, unitIn: SizeUnit, unitOut: SizeUnit): number;
function convertRoundUp(size: bigint, unitIn: SizeUnit, unitOut: SizeUnit): bigint;
/** Converts `size` from one unit to another, rounding up. */
function convertRoundUp(size: number | bigint, unitIn: SizeUnit, unitOut: SizeUnit): number | bigint {
  return convertWith(size, unitIn, unitOut, ceilDiv);
}

function lookupUnit(unitStr: string): SizeUnit {
  const entry = UNITS_MAP[unitStr.toLowerCase()];
  if (entry === undefined) {
    throw new LinstorArgumentError(`"${unitStr}" is not a valid unit! Valid units: ${UNITS_LIST_STR}`);
  }
  return entry[1];
}

const SIZE_RE = /^\s*(\d+)\s*(.*?)\s*$/s;

/**
 * Splits a size string such as `"128k"`, `"20 MiB"` or `"512"` into its number and unit; no unit
 * means bytes. Throws LinstorArgumentError when there is no leading number or the unit is unknown.
 */
function parseUnit(sizeStr: string): [number, SizeUnit] {
  const m = SIZE_RE.exec(sizeStr);
  if (m === null) throw new LinstorArgumentError('Size is not a number.');
  const unit = m[2] === '' ? UNIT_B : lookupUnit(m[2]);
  const size = Number(m[1]);
  if (!Number.isSafeInteger(size)) throw new LinstorArgumentError(`Size '${sizeStr}' is too large`);
  return [size, unit];
}

/** Parses a size string (no unit = bytes) and converts it to `unitTo`, rounding down. */
function autoConvert(sizeStr: string, unitTo: SizeUnit): number {
  const [size, unit] = parseUnit(sizeStr);
  return convert(size, unit, unitTo);
}

/** The canonical spelling of a unit (`"KiB"`, `"MB"`, `"S"`, ...). */
function unitToStr(unit: SizeUnit): string {
  const entry = UNIT_NAMES.find(([, u]) => u === unit);
  if (entry === undefined) throw new LinstorArgumentError(`${unit} is not a valid size unit code`);
  return entry[0];
}

const APPROX_UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/**
 * A short human-readable form of a size in KiB: the largest binary unit not above it, whole when
 * exact (`"20 MiB"`), otherwise with two decimals (`"1.50 GiB"`). `locale` selects the number
 * format (python uses the process locale; we default to plain digits with a `.`).
 */
function approximateSizeString(sizeKib: number | bigint, locale?: string): string {
  const kib = toBigInt(sizeKib);
  let index = 0;
  let magnitude = 1n;
  while (index + 1 < APPROX_UNITS.length && kib >= magnitude << 10n) {
    magnitude <<= 10n;
    index++;
  }
  const unit = APPROX_UNITS[index];
  if (kib % magnitude === 0n) return `${kib / magnitude} ${unit}`;
  const value = Number(kib) / Number(magnitude);
  const text =
    locale === undefined
      ? value.toFixed(2)
      : new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  return `${text} ${unit}`;
}

/**
 * Size units and conversions, as python-linstor's `SizeCalc`: unit constants (`UNIT_B`, `UNIT_S`
 * for 512-byte sectors, `UNIT_KiB` … `UNIT_YiB`, `UNIT_kB` … `UNIT_YB`), parsing, conversion with
 * rounding down or up, and an approximate display string.
 */
export const SizeCalc = /* @__PURE__ */ Object.freeze({
  UNIT_B,
  UNIT_S,
  UNIT_KiB,
  UNIT_MiB,
  UNIT_GiB,
  UNIT_TiB,
  UNIT_PiB,
  UNIT_EiB,
  UNIT_ZiB,
  UNIT_YiB,
  UNIT_kB,
  UNIT_MB,
  UNIT_GB,
  UNIT_TB,
  UNIT_PB,
  UNIT_EB,
  UNIT_ZB,
  UNIT_YB,
  UNITS_MAP,
  UNITS_LIST_STR,
  parseUnit,
  autoConvert,
  convert,
  convertRoundUp,
  unitToStr,
  approximateSizeString,
});

const VOLUME_SIZE_RE = /^\s*(\d+)\s*(.*?)\s*$/s;

/**
 * Parses a volume size for resource-group spawn into KiB, rounding up. No unit means GiB (as
 * python-linstor); units are case-insensitive (`k` = KiB, `kb` = kB).
 * Differs from python: whitespace around the number and unit is accepted, so `"20 MiB"` works.
 */
export function parseVolumeSizeToKib(sizeStr: string): number {
  const m = VOLUME_SIZE_RE.exec(sizeStr);
  if (m === null) throw new LinstorArgumentError(`Size '${sizeStr}' is not a valid number`);
  const unit = m[2] === '' ? UNIT_GiB : lookupUnit(m[2]);
  const kib = convertRoundUp(BigInt(m[1]), unit, UNIT_KiB);
  if (kib > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new LinstorArgumentError(`Size '${sizeStr}' is too large`);
  }
  return Number(kib);
}
