import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CodegenError } from './errors';

/** A parsed OpenAPI document; codegen only relies on the parts it reads, the rest stays opaque. */
export type JsonObject = { [key: string]: unknown };

export interface OpenApiDocument extends JsonObject {
  openapi: string;
  info: JsonObject;
  paths: Record<string, JsonObject>;
  components: Record<string, Record<string, unknown>>;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const INDEX_FILE = 'index.yaml';
const CONSTANTS_FILE = 'constants.yaml';
/** Area files may only contribute these top-level keys (contracts.md, "openapi/ layout"). */
const AREA_KEYS = new Set(['paths', 'components']);

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readYaml(file: string, options: { intAsBigInt?: boolean } = {}): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CodegenError(`cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    // uniqueKeys (the default) already rejects a key repeated inside one file.
    return parse(text, { intAsBigInt: options.intAsBigInt ?? false, prettyErrors: true });
  } catch (e) {
    throw new CodegenError(`${file}: invalid YAML: ${(e as Error).message}`);
  }
}

/**
 * Loads the project's OpenAPI description from `dir` (normally openapi/): index.yaml first, then every
 * other *.yaml in file-name order, except constants.yaml. Area files are written as if they were part of
 * one document, so merging them is a plain union of `paths` and of each `components` section; a path
 * item key (method or `parameters`) or a component name defined twice is an error naming both files.
 */
export function loadSpecDir(dir: string): OpenApiDocument {
  const indexPath = path.join(dir, INDEX_FILE);
  const index = readYaml(indexPath);
  if (!isObject(index)) throw new CodegenError(`${indexPath}: expected a YAML mapping at the top level`);
  const doc = { ...index } as OpenApiDocument;
  doc.paths = {};
  doc.components = {};
  // Where each merged entry came from, so a clash can name both files.
  const pathOrigin = new Map<string, string>();
  const componentOrigin = new Map<string, string>();

  const mergeFile = (file: string, content: JsonObject, isIndex: boolean) => {
    const rel = path.basename(file);
    if (!isIndex) {
      const extra = Object.keys(content).filter((k) => !AREA_KEYS.has(k));
      if (extra.length > 0) {
        throw new CodegenError(
          `${rel}: only 'paths' and 'components' may appear at the top level of an area file, found: ${extra.join(', ')}`,
        );
      }
    }
    if (content.paths !== undefined) {
      if (!isObject(content.paths)) throw new CodegenError(`${rel}: 'paths' must be a mapping`);
      for (const [p, item] of Object.entries(content.paths)) {
        if (!isObject(item)) throw new CodegenError(`${rel}: path '${p}' must be a mapping`);
        doc.paths[p] ??= {};
        const target = doc.paths[p];
        for (const [key, value] of Object.entries(item)) {
          const id = `${key.toUpperCase()} ${p}`;
          if (key in target) {
            const what = (HTTP_METHODS as readonly string[]).includes(key) ? 'operation' : 'path item key';
            throw new CodegenError(`duplicate ${what} ${id}: defined in ${pathOrigin.get(id)} and in ${rel}`);
          }
          target[key] = value;
          pathOrigin.set(id, rel);
        }
      }
    }
    if (content.components !== undefined) {
      if (!isObject(content.components)) throw new CodegenError(`${rel}: 'components' must be a mapping`);
      for (const [section, entries] of Object.entries(content.components)) {
        if (!isObject(entries)) throw new CodegenError(`${rel}: 'components.${section}' must be a mapping`);
        doc.components[section] ??= {};
        const target = doc.components[section];
        for (const [name, value] of Object.entries(entries)) {
          const id = `components.${section}.${name}`;
          if (name in target) {
            throw new CodegenError(
              `duplicate component ${id}: defined in ${componentOrigin.get(id)} and in ${rel}`,
            );
          }
          target[name] = value;
          componentOrigin.set(id, rel);
        }
      }
    }
  };

  mergeFile(indexPath, index, true);
  const areaFiles = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== INDEX_FILE && f !== CONSTANTS_FILE)
    .sort();
  for (const f of areaFiles) {
    const file = path.join(dir, f);
    const content = readYaml(file);
    if (content === null || content === undefined) continue; // an empty file contributes nothing
    if (!isObject(content)) throw new CodegenError(`${f}: expected a YAML mapping at the top level`);
    mergeFile(file, content, false);
  }
  if (typeof doc.openapi !== 'string') throw new CodegenError(`${INDEX_FILE}: missing 'openapi' version`);
  if (!isObject(doc.info)) throw new CodegenError(`${INDEX_FILE}: missing 'info'`);
  return doc;
}

/** constants.yaml as written (see contracts.md); bigint where YAML holds an integer. */
export type ConstantPart = bigint | number | string;

export interface ConstantsFile {
  masks: Record<string, string>;
  returnCodes: Record<string, ConstantPart[]>;
  integers: Record<string, number | bigint>;
  strings: Record<string, string>;
  enums: Record<string, Record<string, string | number>>;
}

/** The constants with every mask and return code evaluated to an unsigned 64-bit bigint. */
export interface LinstorConstants {
  masks: Record<string, bigint>;
  returnCodes: Record<string, bigint>;
  integers: Record<string, number | bigint>;
  strings: Record<string, string>;
  enums: Record<string, Record<string, string | number>>;
  /** Every name across all sections (they share one namespace, as in the generated module). */
  count: number;
}

const CONSTANT_SECTIONS = ['masks', 'returnCodes', 'integers', 'strings', 'enums'] as const;
const U64 = (1n << 64n) - 1n;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A number written as a hex or decimal string (an optional trailing Java `L` is tolerated). */
function parseIntegerText(text: string): bigint | undefined {
  const t = text.trim().replace(/[lL]$/, '');
  if (/^-?0[xX][0-9a-fA-F]+$/.test(t)) return t.startsWith('-') ? -BigInt(t.slice(1)) : BigInt(t);
  if (/^-?[0-9]+$/.test(t)) return BigInt(t);
  return undefined;
}

function toIntegerValue(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}

/** Reads `dir/constants.yaml` (or the file itself when `dirOrFile` ends in .yaml) without evaluating it. */
export function readConstantsFile(dirOrFile: string): ConstantsFile {
  const file = dirOrFile.endsWith('.yaml') ? dirOrFile : path.join(dirOrFile, CONSTANTS_FILE);
  const rel = path.basename(file);
  // intAsBigInt keeps 64-bit values such as 9223372036854775807 exact.
  const raw = readYaml(file, { intAsBigInt: true });
  if (!isObject(raw)) throw new CodegenError(`${rel}: expected a YAML mapping at the top level`);
  const unknown = Object.keys(raw).filter((k) => !(CONSTANT_SECTIONS as readonly string[]).includes(k));
  if (unknown.length > 0) throw new CodegenError(`${rel}: unknown section(s): ${unknown.join(', ')}`);
  const section = (name: (typeof CONSTANT_SECTIONS)[number]): JsonObject => {
    const s = raw[name] ?? {};
    if (!isObject(s)) throw new CodegenError(`${rel}: '${name}' must be a mapping`);
    return s;
  };
  const out: ConstantsFile = { masks: {}, returnCodes: {}, integers: {}, strings: {}, enums: {} };
  const seen = new Map<string, string>();
  const claim = (name: string, where: string) => {
    if (!IDENTIFIER.test(name)) throw new CodegenError(`${rel}: ${where}.${name}: not a valid identifier`);
    const before = seen.get(name);
    if (before)
      throw new CodegenError(`${rel}: constant ${name} is defined in both '${before}' and '${where}'`);
    seen.set(name, where);
  };
  for (const [name, v] of Object.entries(section('masks'))) {
    claim(name, 'masks');
    if (typeof v !== 'string' && typeof v !== 'bigint') {
      throw new CodegenError(`${rel}: masks.${name} must be a hex string such as '0xC000000000000000'`);
    }
    out.masks[name] = typeof v === 'bigint' ? v.toString() : v;
  }
  for (const [name, v] of Object.entries(section('returnCodes'))) {
    claim(name, 'returnCodes');
    const parts = Array.isArray(v) ? v : [v];
    for (const p of parts) {
      if (typeof p !== 'string' && typeof p !== 'bigint' && typeof p !== 'number') {
        throw new CodegenError(`${rel}: returnCodes.${name}: each part must be a number, hex string or name`);
      }
    }
    out.returnCodes[name] = parts as ConstantPart[];
  }
  for (const [name, v] of Object.entries(section('integers'))) {
    claim(name, 'integers');
    const n = typeof v === 'bigint' ? v : typeof v === 'string' ? parseIntegerText(v) : undefined;
    if (n === undefined) throw new CodegenError(`${rel}: integers.${name} must be an integer`);
    out.integers[name] = toIntegerValue(n);
  }
  for (const [name, v] of Object.entries(section('strings'))) {
    claim(name, 'strings');
    if (typeof v !== 'string') throw new CodegenError(`${rel}: strings.${name} must be a string`);
    out.strings[name] = v;
  }
  for (const [name, members] of Object.entries(section('enums'))) {
    claim(name, 'enums');
    if (!isObject(members)) throw new CodegenError(`${rel}: enums.${name} must be a mapping MEMBER: value`);
    const e: Record<string, string | number> = {};
    for (const [m, mv] of Object.entries(members)) {
      if (!IDENTIFIER.test(m)) throw new CodegenError(`${rel}: enums.${name}.${m}: not a valid identifier`);
      if (typeof mv === 'bigint') e[m] = Number(mv);
      else if (typeof mv === 'string') e[m] = mv;
      else throw new CodegenError(`${rel}: enums.${name}.${m} must be a string or integer`);
    }
    out.enums[name] = e;
  }
  return out;
}

/**
 * Reads and evaluates constants.yaml in `dir`: masks parsed from hex, each return code the bitwise OR
 * (with BigInt, never with numbers) of its parts, where a part is a number, a hex string, or the name of
 * a mask or of another return code. Values are unsigned 64-bit.
 */
export function loadConstants(dirOrFile: string): LinstorConstants {
  const file = readConstantsFile(dirOrFile);
  const masks: Record<string, bigint> = {};
  for (const [name, text] of Object.entries(file.masks)) {
    const v = parseIntegerText(text);
    if (v === undefined || v < 0n || v > U64) {
      throw new CodegenError(`constants.yaml: masks.${name}: '${text}' is not an unsigned 64-bit hex value`);
    }
    masks[name] = v;
  }
  const returnCodes: Record<string, bigint> = {};
  const resolving = new Set<string>();
  const resolve = (name: string): bigint => {
    const done = returnCodes[name];
    if (done !== undefined) return done;
    if (resolving.has(name)) throw new CodegenError(`constants.yaml: returnCodes.${name} refers to itself`);
    resolving.add(name);
    let value = 0n;
    for (const part of file.returnCodes[name] ?? []) {
      let v: bigint | undefined;
      if (typeof part === 'bigint') v = part;
      else if (typeof part === 'number') v = Number.isInteger(part) ? BigInt(part) : undefined;
      else
        v = parseIntegerText(part) ?? masks[part] ?? (part in file.returnCodes ? resolve(part) : undefined);
      if (v === undefined) {
        throw new CodegenError(
          `constants.yaml: returnCodes.${name}: part '${String(part)}' is neither a number, a hex string nor a known mask or return code`,
        );
      }
      value |= BigInt.asUintN(64, v);
    }
    resolving.delete(name);
    returnCodes[name] = value;
    return value;
  };
  for (const name of Object.keys(file.returnCodes)) resolve(name);
  // Keep the file's order (resolve() may have filled entries out of order).
  const ordered: Record<string, bigint> = {};
  for (const name of Object.keys(file.returnCodes)) ordered[name] = returnCodes[name] as bigint;
  const count =
    Object.keys(masks).length +
    Object.keys(ordered).length +
    Object.keys(file.integers).length +
    Object.keys(file.strings).length +
    Object.keys(file.enums).length;
  return {
    masks,
    returnCodes: ordered,
    integers: file.integers,
    strings: file.strings,
    enums: file.enums,
    count,
  };
}
