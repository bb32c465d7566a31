import type { LinstorConstants } from './bundle';
import { CodegenError } from './errors';
import { propertyKey as key, quote as str } from './literals';

const hex = (v: bigint) => `0x${v.toString(16)}n`;
const intLiteral = (v: number | bigint) => (typeof v === 'bigint' ? `${v}n` : String(v));

/** Names the module itself exports next to the constants. */
const RESERVED = new Set(['masks', 'returnCodes']);

/**
 * One `export const` per constant, in file order per section. Masks and return codes are unsigned
 * 64-bit bigints (hex literals, as upstream writes them); the grouped `masks` / `returnCodes` records
 * let code look a value up by name.
 */
export function renderConstants(c: LinstorConstants, header: string): string {
  for (const section of [c.masks, c.returnCodes, c.integers, c.strings, c.enums]) {
    for (const name of Object.keys(section)) {
      if (RESERVED.has(name)) throw new CodegenError(`constants.yaml: the name '${name}' is reserved`);
    }
  }
  const out: string[] = [header];
  out.push('// Masks: unsigned 64-bit.');
  for (const [n, v] of Object.entries(c.masks)) out.push(`export const ${n} = ${hex(v)};`);
  out.push('');
  out.push('// Return codes: the OR of a code number and its masks, unsigned 64-bit.');
  for (const [n, v] of Object.entries(c.returnCodes)) out.push(`export const ${n} = ${hex(v)};`);
  out.push('');
  out.push('// Integers.');
  for (const [n, v] of Object.entries(c.integers)) out.push(`export const ${n} = ${intLiteral(v)};`);
  out.push('');
  out.push('// Strings: property keys, flags, node types and other values.');
  for (const [n, v] of Object.entries(c.strings)) out.push(`export const ${n} = ${str(v)};`);
  out.push('');
  out.push('// Enums.');
  for (const [n, members] of Object.entries(c.enums)) {
    const body = Object.entries(members)
      .map(([m, v]) => `${key(m)}: ${typeof v === 'number' ? String(v) : str(v)}`)
      .join(', ');
    out.push(`export const ${n} = { ${body} } as const;`);
  }
  out.push('');
  out.push('/** Every mask by name. */');
  out.push('export const masks: Record<string, bigint> = {');
  for (const n of Object.keys(c.masks)) out.push(`  ${n},`);
  out.push('};');
  out.push('');
  out.push('/** Every return code by name. */');
  out.push('export const returnCodes: Record<string, bigint> = {');
  for (const n of Object.keys(c.returnCodes)) out.push(`  ${n},`);
  out.push('};');
  out.push('');
  return out.join('\n');
}

/**
 * `NAME=hex` items separated by spaces, in file order; an item without `=hex` has the previous value
 * plus one (most return codes are numbered consecutively, so most items are a bare name).
 */
export function encodeCodeNames(values: Record<string, bigint>): string {
  let previous: bigint | undefined;
  const items: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    items.push(previous !== undefined && value === previous + 1n ? name : `${name}=${value.toString(16)}`);
    previous = value;
  }
  return items.join(' ');
}

/**
 * `generated/code-names.ts`: the masks and return codes by name again, as two compact strings that
 * src/core/code-names.ts decodes. ApiCallResponse.describe() needs every name; as text they cost a
 * browser bundle well under half of the `masks` / `returnCodes` records with their 262 bigint constants.
 */
export function renderCodeNames(c: LinstorConstants, header: string): string {
  return [
    header,
    '// The masks and return codes of constants.ts by name, as compact text for ApiCallResponse.describe().',
    '// Format: `NAME=hex` items separated by spaces; an item without `=hex` is the previous value + 1.',
    '',
    `export const maskNames = ${str(encodeCodeNames(c.masks))};`,
    '',
    `export const returnCodeNames = ${str(encodeCodeNames(c.returnCodes))};`,
    '',
  ].join('\n');
}
