/**
 * The ONE encoder for path parameters and the query-string writer, both byte-compatible with
 * python-linstor (`quote(str(arg), safe="")` and `urlencode(params, doseq=True)`).
 *
 * A path parameter always becomes exactly one path segment: `/`, `?`, `#`, `%`, spaces and non-ASCII
 * are percent-encoded. The segments `.` and `..` (and the empty segment) cannot be sent as one segment
 * at all (URL parsers resolve them, even percent-encoded), so they are refused before anything is sent.
 */
import { LinstorArgumentError } from './errors';

/** encodeURIComponent leaves these unencoded; python's quote does not. */
const EXTRA = /[!'()*]/g;
const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

function strictEncode(value: string, what: string): string {
  try {
    return encodeURIComponent(value).replace(EXTRA, hex);
  } catch {
    throw new LinstorArgumentError(
      `${what} contains an invalid character (lone surrogate): ${JSON.stringify(value)}`,
    );
  }
}

/** Encodes one path parameter value into one path segment. */
export function encodePathSegment(value: unknown, name = 'path parameter'): string {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') {
    throw new LinstorArgumentError(
      `Missing or invalid ${name}: ${value === undefined ? 'undefined' : typeof value}`,
    );
  }
  const text = String(value);
  if (text === '' || text === '.' || text === '..') {
    throw new LinstorArgumentError(
      `Invalid ${name} ${JSON.stringify(text)}: it cannot be sent as a path segment`,
    );
  }
  return strictEncode(text, name);
}

/** openapi-fetch `pathSerializer`: replaces every `{name}` with the encoded parameter. */
export function serializePath(pathname: string, params: Record<string, unknown>): string {
  return pathname.replace(/\{([^{}]+)\}/g, (_m, name: string) =>
    encodePathSegment(params[name], `path parameter '${name}'`),
  );
}

/** python's `quote_plus`: like the path encoder, but a space becomes `+`. */
function quotePlus(value: string, what: string): string {
  return strictEncode(value, what).replace(/%20/g, '+');
}

/** python's rendering of a scalar in `urlencode`: booleans are `True`/`False`. */
function scalarText(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  return String(value);
}

/**
 * python's `urlencode(params, doseq=True)`: arrays repeat the key (`nodes=a&nodes=b`), booleans are
 * `True`/`False`, `undefined`/`null` values are left out.
 */
export function serializeQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const k = quotePlus(key, 'query key');
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v === undefined || v === null) continue;
      parts.push(`${k}=${quotePlus(scalarText(v), `query parameter '${key}'`)}`);
    }
  }
  return parts.join('&');
}
