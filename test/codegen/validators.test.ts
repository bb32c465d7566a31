import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_DIR } from './helpers';

// (e) The standalone validators: no code generation from strings at run time, bigint ret_code accepted.
const VALIDATORS = path.join(GENERATED_DIR, 'validators.js');

interface ValidatorsModule {
  schemaValidators: Record<string, ((data: unknown) => boolean) & { errors?: unknown }>;
  validateResponse(
    operationId: string,
    status: number,
    body: unknown,
  ): { ok: true } | { ok: false; errors: string[] };
}
// A plain require of the generated CommonJS file, as an application would load it.
const validators = require(VALIDATORS) as ValidatorsModule;

/** A Node as the controller sends it (upper-case type, as Node.Type.name()). */
const satelliteNode = {
  name: 'alpha',
  type: 'SATELLITE',
  flags: [],
  props: { CurStltConnName: 'default' },
  net_interfaces: [
    {
      name: 'default',
      address: '10.0.0.1',
      satellite_port: 3366,
      satellite_encryption_type: 'PLAIN',
      is_active: true,
    },
  ],
  connection_status: 'ONLINE',
  uuid: '8a3b2f4e-4b1f-4c1e-9a77-0c3c6e2f9d10',
  storage_providers: ['DISKLESS', 'LVM', 'LVM_THIN', 'ZFS'],
  resource_layers: ['DRBD', 'STORAGE'],
  unsupported_providers: {},
  unsupported_layers: {},
};
/** FAIL_NOT_FOUND_NODE | MASK_NODE-ish error entry: a 19-digit negative value, exact only as a bigint. */
const notFoundEntry = {
  ret_code: -4611686018407202516n,
  message: "Node 'bravo' not found.",
  obj_refs: { Node: 'bravo' },
  error_report_ids: [],
  created_at: '2026-06-02T12:00:00.123456+02:00',
};

describe('generated/validators.js', () => {
  const source = readFileSync(VALIDATORS, 'utf8');

  test('contains no eval / new Function / Function constructor', () => {
    expect(source).not.toMatch(/\bnew\s+Function\b/);
    expect(source).not.toMatch(/\beval\s*\(/);
    expect(source).not.toMatch(/(?<![.\w])Function\s*\(/);
  });

  test('loads and validates with code generation from strings disabled', () => {
    const script = `
      const v = require(${JSON.stringify(VALIDATORS)});
      let blocked = false;
      try { new Function('return 1'); } catch { blocked = true; }
      const r = v.validateResponse('nodeList', 200, [{ name: 'alpha', type: 'SATELLITE' }]);
      process.stdout.write(JSON.stringify({ blocked, ok: r.ok }));`;
    const run = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '-e', script], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ blocked: true, ok: true });
  });

  test('a realistic Node reply with type SATELLITE is valid', () => {
    expect(validators.validateResponse('nodeList', 200, [satelliteNode])).toEqual({ ok: true });
    expect(validators.schemaValidators.Node?.(satelliteNode)).toBe(true);
  });

  test('an ApiCallRc list with a 19-digit negative bigint ret_code is valid', () => {
    expect(validators.validateResponse('nodeList', 500, [notFoundEntry])).toEqual({ ok: true });
    expect(validators.schemaValidators.ApiCallRcList?.([notFoundEntry])).toBe(true);
    // ...and a success body of a mutating call.
    expect(
      validators.validateResponse('nodeModify', 200, [{ ret_code: 3n, message: 'Node modified' }]),
    ).toEqual({
      ok: true,
    });
  });

  test('ret_code accepts a safe integer number but not a string, a fraction or an out-of-range bigint', () => {
    const v = validators.schemaValidators.ApiCallRc as (d: unknown) => boolean;
    expect(v({ ret_code: 1, message: 'ok' })).toBe(true);
    expect(v({ ret_code: '-4611686018407202516', message: 'x' })).toBe(false);
    expect(v({ ret_code: 1.5, message: 'x' })).toBe(false);
    expect(v({ ret_code: 1n << 64n, message: 'x' })).toBe(false);
  });

  test('errors name the place and the rule', () => {
    const bad = validators.validateResponse('nodeList', 200, [{ ...satelliteNode, type: 'Bogus' }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors[0]).toMatch(/^\/0\/type must be equal to one of the allowed values \(.*SATELLITE/);
    const missing = validators.validateResponse('nodeList', 500, [{ message: 'no code' }]);
    expect(missing).toEqual({ ok: false, errors: ["/0 must have required property 'ret_code'"] });
    // Error bodies are lists, also for 500 (upstream declares a single object there).
    expect(validators.validateResponse('nodeList', 500, notFoundEntry).ok).toBe(false);
  });

  test('unknown operations and undeclared statuses are not ok', () => {
    expect(validators.validateResponse('noSuchOperation', 200, [])).toEqual({
      ok: false,
      errors: ["unknown operation 'noSuchOperation'"],
    });
    const r = validators.validateResponse('nodeList', 299, []);
    expect(r.ok).toBe(false);
  });

  test('one validator per component schema', () => {
    const names = Object.keys(validators.schemaValidators);
    expect(names.length).toBeGreaterThan(150);
    for (const name of ['Node', 'ApiCallRc', 'ApiCallRcList', 'ResourceDefinition', 'StoragePool']) {
      expect(names).toContain(name);
    }
  });
});
