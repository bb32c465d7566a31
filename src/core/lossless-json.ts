/**
 * The SDK's one JSON parse step for controller replies, and its JSON writer.
 *
 * The controller sends `ret_code` as a signed 64-bit integer (e.g. -4611686018407202314). A plain
 * `JSON.parse` rounds it to a double and destroys the low bits that carry the code, so every `ret_code`
 * (at any depth) must become a `bigint`. Everything else must parse exactly as `JSON.parse` does.
 *
 * Speed matters (a 10,000-resource view is megabytes): replies without a `ret_code` key go straight to
 * `JSON.parse`. Otherwise one regex pass quotes each integer `ret_code` value with a marker prefix, then
 * `JSON.parse` runs once, then a walk converts exactly the marked values, stopping once all are found.
 *
 * Why the regex cannot hit text inside a string: it requires `{` or `,` right before an unescaped `"`.
 * An unescaped quote always ends or starts a string, and if it ended one the next token would be the
 * bare word `ret_code`, which is invalid JSON and fails the parse anyway.
 * The marker is a NUL character, which a JSON string can only contain when the text has a `\u0000`
 * escape; such (rare) texts take an exact, slower path instead.
 */
import { LinstorArgumentError, LinstorError } from './errors';

const RET_CODE_RE = /([{,][ \t\n\r]*"ret_code"[ \t\n\r]*:[ \t\n\r]*)(-?(?:0|[1-9][0-9]*))(?=[ \t\n\r]*[,}])/g;

/**
 * Parses controller JSON: every integer `ret_code` becomes a `bigint`; everything else as `JSON.parse`.
 * Throws {@link LinstorError} "Unable to parse REST json data: …" for invalid JSON.
 */
export function parseJson(text: string): unknown {
  try {
    if (!text.includes('"ret_code"')) return JSON.parse(text);
    if (text.includes('\\u0000')) return parseExact(text);
    let count = 0;
    const rewritten = text.replace(RET_CODE_RE, (_m, head: string, digits: string) => {
      count++;
      return `${head}"\\u0000${digits}"`;
    });
    const value: unknown = JSON.parse(rewritten);
    if (count > 0) convertMarked(value, count);
    return value;
  } catch (error) {
    if (error instanceof LinstorError) throw error;
    throw new LinstorError(`Unable to parse REST json data: ${(error as Error).message}`, { cause: error });
  }
}

/** Walks containers depth-first and turns marked `ret_code` strings into bigints. */
function convertMarked(root: unknown, expected: number): void {
  let remaining = expected;
  const stack: unknown[] = [root];
  while (stack.length > 0 && remaining > 0) {
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
      } else if (key === 'ret_code' && typeof item === 'string' && item.charCodeAt(0) === 0) {
        record[key] = BigInt(item.slice(1));
        remaining--;
      }
    }
  }
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
