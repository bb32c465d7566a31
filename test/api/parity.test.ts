import { operations } from '../../generated/operations';
import { Linstor } from '../../src/api/linstor';
import { parityTable } from '../../src/api/parity';

const camel = (python: string) => python.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** `GET /v1/nodes/{node}?x=..` → `GET /v1/nodes/{}`: method and path shape, parameter names ignored. */
const shape = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`;

const known = new Set(Object.values(operations).map((o) => shape(o.method, o.path)));

function implemented(ts: string): boolean {
  const proto = Linstor.prototype as unknown as Record<string, unknown>;
  const statics = Linstor as unknown as Record<string, unknown>;
  return typeof proto[ts] === 'function' || typeof statics[ts] === 'function';
}

describe('python-linstor parity table', () => {
  test('lists each of python’s 161 methods once, named by the camelCase rule', () => {
    expect(parityTable).toHaveLength(161);
    expect(new Set(parityTable.map((e) => e.python)).size).toBe(161);
    expect(new Set(parityTable.map((e) => e.ts)).size).toBe(161);
    for (const e of parityTable) expect(e.ts).toBe(camel(e.python));
    expect(parityTable.filter((e) => e.http === '(local)')).toHaveLength(14);
  });

  test('161 of 161 are methods of Linstor (python classmethods may be static)', () => {
    const missing = parityTable
      .filter((e) => !implemented(e.ts))
      .map((e) => `${e.python} -> ${e.ts} (§${e.section})`);
    expect(missing).toEqual([]);
    const classmethods = parityTable.filter((e) => e.classmethod).map((e) => e.ts);
    for (const name of classmethods) {
      expect(typeof (Linstor as unknown as Record<string, unknown>)[name]).toBe('function');
    }
  });

  test('every HTTP call the table names is an operation of the generated description', () => {
    const unknown: string[] = [];
    for (const e of parityTable) {
      const calls = [...e.http.matchAll(/\b(GET|POST|PUT|DELETE|PATCH|OPTIONS) \/v1\//g)];
      if (e.http !== '(local)' && calls.length === 0) unknown.push(`${e.python}: no HTTP call named`);
      for (const m of e.http.matchAll(/\b(GET|POST|PUT|DELETE|PATCH|OPTIONS) (\/v1\/[^\s?,|([]*)/g)) {
        const call = shape(m[1], m[2]);
        if (!known.has(call)) unknown.push(`${e.python}: ${call}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
