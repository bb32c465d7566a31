/**
 * The SDK's one JSON parse step for controller replies, and its JSON writer.
 *
 * The controller sends `ret_code` as a signed 64-bit integer (e.g. -4611686018407202314). A plain
 * `JSON.parse` rounds it to a double and destroys the low bits that carry the code, so every `ret_code`
 * (at any depth) must become a `bigint`. Everything else must parse exactly as `JSON.parse` does.
 *
 * Speed matters (a 10,000-resource view is megabytes), so the text is never rebuilt in the usual case:
 * 1. an indexOf scan finds every `"ret_code"` object key and the exact digits of its integer value;
 * 2. the text is parsed once with `JSON.parse` (the ret_codes come out rounded);
 * 3. a walk replaces each rounded ret_code by the exact bigint whose rounding it is. This is
 *    unambiguous while no two different exact values round to the same double.
 * When they do (codes less than ~512 apart), or a ret_code is written as a float, the integer values
 * (or the text has `\u` escapes, which could spell a key the scan cannot see), the integer values are
 * quoted in the text instead and turned into bigints after the parse. Texts where the scan and the
 * parse still disagree (an escaped `ret_code` key, a `\u0000` marker clash) take an exact, slower parser.
 *
 * Why a scan hit cannot be text inside a string: it needs `{` or `,` right before an unescaped `"`. An
 * unescaped quote always ends or starts a string, and if it ended one the next token would be the bare
 * word `ret_code`, which is invalid JSON and fails the parse anyway.
 */
import { LinstorArgumentError, LinstorError } from './errors';

const KEY = '"ret_code"';

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

interface Scan {
  /** [start, end) pairs of the integer digits of each `ret_code` key's value. */
  hits: number[];
  /** Some `ret_code` key has a string value. */
  stringValued: boolean;
  /** Some `ret_code` key has a number value that is not a plain integer (1.5, 1e3). */
  otherNumber: boolean;
}

function scan(text: string): Scan {
  const result: Scan = { hits: [], stringValued: false, otherNumber: false };
  // every KEY contains `code"`, which V8 finds 3-5x faster than KEY (KEY starts with the ubiquitous `"`)
  if (!text.includes('code"')) return result;
  let at = text.indexOf(KEY);
  while (at !== -1) {
    inspectKey(text, at, result);
    at = text.indexOf(KEY, at + KEY.length);
  }
  return result;
}

/** Records what follows a `"ret_code"` at `at`, if it is an object key (after `{` or `,`). */
function inspectKey(text: string, at: number, result: Scan): void {
  let p = at - 1;
  while (p >= 0 && isWs(text.charCodeAt(p))) p--;
  const before = text.charCodeAt(p);
  if (before !== 0x7b && before !== 0x2c) return;
  let q = at + KEY.length;
  while (isWs(text.charCodeAt(q))) q++;
  if (text.charCodeAt(q) !== 0x3a) return;
  q++;
  while (isWs(text.charCodeAt(q))) q++;
  const start = q;
  const c = text.charCodeAt(q);
  if (c === 0x22) {
    result.stringValued = true;
    return;
  }
  if (c === 0x2d) q++;
  const first = text.charCodeAt(q);
  if (first === 0x30) q++;
  else if (first > 0x30 && first <= 0x39) {
    q++;
    while (isDigit(text.charCodeAt(q))) q++;
  } else return;
  const end = q;
  while (isWs(text.charCodeAt(q))) q++;
  const after = text.charCodeAt(q);
  if (after === 0x2c || after === 0x7d) result.hits.push(start, end);
  else result.otherNumber = true;
}

/**
 * Parses controller JSON: every integer `ret_code` becomes a `bigint`; everything else as `JSON.parse`.
 * Throws {@link LinstorError} "Unable to parse REST json data: …" for invalid JSON.
 */
export function parseJson(text: string): unknown {
  try {
    const found = scan(text);
    if (found.hits.length === 0) {
      const value: unknown = JSON.parse(text);
      // a ret_code key written with escapes (never sent by the controller) is invisible to the scan
      if (!text.includes('\\u') || walk(value, () => false)) return value;
      return parseExact(text);
    }
    // escaped keys could spell ret_code unseen by the scan; the quoting path detects them
    if (!found.otherNumber && !text.includes('\\u')) {
      const exact = new Map<number, bigint>();
      let ambiguous = false;
      for (let i = 0; i < found.hits.length && !ambiguous; i += 2) {
        const digits = text.slice(found.hits[i], found.hits[i + 1]);
        const double = Number(digits);
        const big = BigInt(digits);
        const seen = exact.get(double);
        if (seen === undefined) exact.set(double, big);
        else if (seen !== big) ambiguous = true;
      }
      if (!ambiguous) {
        const value: unknown = JSON.parse(text);
        const complete = walk(value, (record, key, item) => {
          if (typeof item !== 'number') return true;
          const big = exact.get(item);
          if (big === undefined) return false;
          record[key] = big;
          return true;
        });
        return complete ? value : parseExact(text);
      }
    }
    return parseQuoted(text, found);
  } catch (error) {
    if (error instanceof LinstorError) throw error;
    throw new LinstorError(`Unable to parse REST json data: ${(error as Error).message}`, { cause: error });
  }
}

/** The slower path: quotes every integer ret_code in the text, parses, converts the strings back. */
function parseQuoted(text: string, found: Scan): unknown {
  // Without string-valued ret_codes of its own, plain quoting is unambiguous; otherwise a NUL marker
  // tells ours apart (a NUL can only come from a \u0000 escape, which takes the exact path).
  let marker = '';
  if (found.stringValued) {
    if (text.includes('\\u0000')) return parseExact(text);
    marker = '\\u0000';
  }
  const parts: string[] = [];
  let copied = 0;
  for (let i = 0; i < found.hits.length; i += 2) {
    parts.push(
      text.slice(copied, found.hits[i]),
      `"${marker}`,
      text.slice(found.hits[i], found.hits[i + 1]),
      '"',
    );
    copied = found.hits[i + 1];
  }
  parts.push(text.slice(copied));
  const value: unknown = JSON.parse(parts.join(''));
  const complete = walk(value, (record, key, item) => {
    if (typeof item === 'string') {
      if (marker !== '' && item.charCodeAt(0) !== 0) return true;
      record[key] = BigInt(marker !== '' ? item.slice(1) : item);
      return true;
    }
    // a float stays a number; an integer number here is a ret_code the scan did not see
    return typeof item !== 'number' || !Number.isInteger(item);
  });
  return complete ? value : parseExact(text);
}

type RetCodeVisitor = (record: Record<string, unknown>, key: string, item: unknown) => boolean;

/**
 * Visits every non-container value stored under a `ret_code` key (depth-first); stops and returns false
 * as soon as the visitor returns false.
 */
function walk(root: unknown, visit: RetCodeVisitor): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const item = node[i];
        if (typeof item === 'object' && item !== null) stack.push(item);
      }
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key in record) {
      const item = record[key];
      if (typeof item === 'object') {
        if (item !== null) stack.push(item);
      } else if (key === 'ret_code' && !visit(record, key, item)) {
        return false;
      }
    }
  }
  return true;
}

/**
 * A small exact JSON parser (same results as `JSON.parse`, plus bigint `ret_code`s). Used only for texts
 * where the fast path's marker could be ambiguous.
 */
function parseExact(text: string): unknown {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} in JSON at position ${pos}`);
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++;
      else return;
    }
  };
  const NUMBER_RE = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const INT_RE = /-?(?:0|[1-9][0-9]*)(?![.eE0-9])/y;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are invalid in JSON strings
  const STRING_RE = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
  const str = (): string => {
    STRING_RE.lastIndex = pos;
    const m = STRING_RE.exec(text);
    if (!m) return fail('Bad string');
    pos += m[0].length;
    return JSON.parse(m[0]) as string;
  };
  const value = (retCode: boolean): unknown => {
    ws();
    const c = text[pos];
    if (c === '{') {
      pos++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[pos] !== '"') fail('Expected property name');
        const key = str();
        ws();
        if (text[pos] !== ':') fail("Expected ':'");
        pos++;
        const v = value(key === 'ret_code');
        // defineProperty keeps "__proto__" an own data property, as JSON.parse does.
        Object.defineProperty(obj, key, { value: v, writable: true, enumerable: true, configurable: true });
        ws();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return obj;
        }
        return fail("Expected ',' or '}'");
      }
    }
    if (c === '[') {
      pos++;
      const arr: unknown[] = [];
      ws();
      if (text[pos] === ']') {
        pos++;
        return arr;
      }
      for (;;) {
        arr.push(value(false));
        ws();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return arr;
        }
        return fail("Expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    if (text.startsWith('true', pos)) {
      pos += 4;
      return true;
    }
    if (text.startsWith('false', pos)) {
      pos += 5;
      return false;
    }
    if (text.startsWith('null', pos)) {
      pos += 4;
      return null;
    }
    if (retCode) {
      INT_RE.lastIndex = pos;
      const m = INT_RE.exec(text);
      if (m) {
        pos += m[0].length;
        return BigInt(m[0]);
      }
    }
    NUMBER_RE.lastIndex = pos;
    const m = NUMBER_RE.exec(text);
    if (!m) return fail(pos >= text.length ? 'Unexpected end of input' : 'Unexpected token');
    pos += m[0].length;
    return Number(m[0]);
  };
  const result = value(false);
  ws();
  if (pos !== text.length) fail('Unexpected non-whitespace character after JSON');
  return result;
}

/**
 * Writes JSON like `JSON.stringify`, except that a `bigint` is written as its exact decimal digits.
 * Throws {@link LinstorArgumentError} for values JSON cannot represent (cycles).
 */
export function stringifyJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof TypeError) || !/bigint/i.test(error.message)) {
      throw new LinstorArgumentError(`Value cannot be written as JSON: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return writeWithBigints(value, new Set());
}

function writeWithBigints(value: unknown, seen: Set<object>, key = ''): string {
  let v = value;
  if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: (k: string) => unknown }).toJSON(key);
  }
  if (typeof v === 'bigint') return v.toString();
  if (typeof v !== 'object' || v === null) return JSON.stringify(v) ?? 'null';
  if (seen.has(v)) throw new LinstorArgumentError('Value cannot be written as JSON: circular structure');
  seen.add(v);
  try {
    if (Array.isArray(v)) {
      return `[${v.map((item, i) => (isSkipped(item) ? 'null' : writeWithBigints(item, seen, String(i)))).join(',')}]`;
    }
    const parts: string[] = [];
    for (const [k, item] of Object.entries(v)) {
      if (isSkipped(item)) continue;
      parts.push(`${JSON.stringify(k)}:${writeWithBigints(item, seen, k)}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    seen.delete(v);
  }
}

function isSkipped(item: unknown): boolean {
  return item === undefined || typeof item === 'function' || typeof item === 'symbol';
}
