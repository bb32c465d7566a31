/**
 * Strips surrounding whitespace and slashes the way python-linstor's KV does: whitespace first, then one
 * slash at a time from either end, trimming the whitespace that a removed slash uncovers
 * (`"  //a/b// "` → `"a/b"`, `"/ c /"` → `"c"`). Inner slashes and whitespace stay.
 */
export function stripNamespace(text: string): string {
  let inner = text.trim();
  for (;;) {
    if (inner.startsWith('/')) inner = inner.slice(1).trimStart();
    else if (inner.endsWith('/')) inner = inner.slice(0, -1).trimEnd();
    else return inner;
  }
}

/** A KV namespace in its stored form: `/a/b/`, or `/` for the root (`""`, `"/"`, `" // "`). */
export function normalizeNamespace(namespace: string): string {
  const inner = stripNamespace(namespace);
  return inner === '' ? '/' : `/${inner}/`;
}

/** The full key for `key` inside a normalised `namespace` (`"/a/b/"` + `"/c/d/"` → `"/a/b/c/d"`). */
export function fullKey(namespace: string, key: string): string {
  return namespace + stripNamespace(key);
}
