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
