import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConstants, loadSpecDir, type OpenApiDocument } from '../../codegen/bundle';
import { CodegenError } from '../../codegen/errors';
import { listOperations, normalizeSpec, synthesizeOperationId } from '../../codegen/normalize';
import { removeDir, scratchDir } from './helpers';

const rcList = { $ref: '#/components/schemas/ApiCallRcList' };
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

/** A tiny upstream-like document with the defects the normaliser corrects. */
function upstreamLike(): OpenApiDocument {
  return {
    openapi: '3.0.2',
    info: { title: 't', version: '1.0.0' },
    paths: {
      '/v1/nodes': {
        get: {
          operationId: 'nodeList',
          responses: {
            '200': {
              description: 'ok',
              ...json({ type: 'array', items: { $ref: '#/components/schemas/Node' } }),
            },
          },
        },
      },
      '/v1/nodes/{node}': {
        parameters: [{ name: 'node', in: 'path', required: true, schema: { type: 'string' } }],
        put: { operationId: 'nodeModify', responses: { '200': { description: 'ok', ...json(rcList) } } },
      },
      '/v1/remotes/{remote_name}/backups': {
        get: { responses: { '200': { description: 'ok' } } },
        post: {
          responses: {
            '200': { description: 'ok' },
            '500': { $ref: '#/components/responses/OperationFailed' },
          },
        },
      },
      '/v1/remotes/{remote_name}/backups/{x}': {
        get: { responses: { '200': { description: 'ok' } } },
      },
    },
    components: {
      schemas: {
        ApiCallRc: {
          type: 'object',
          properties: { ret_code: { type: 'integer' }, message: { type: 'string' } },
        },
        ApiCallRcList: { type: 'array', items: { $ref: '#/components/schemas/ApiCallRc' } },
        Node: { type: 'object', properties: { type: { type: 'string', enum: ['Controller', 'Satellite'] } } },
      },
      responses: {
        OperationFailed: { description: 'failed', ...json({ $ref: '#/components/schemas/ApiCallRc' }) },
      },
    },
  };
}

describe('normalizeSpec', () => {
  const { doc, changes } = normalizeSpec(upstreamLike());
  const op = (method: string, p: string) => (doc.paths[p] as Record<string, Record<string, unknown>>)[method];

  test('every operation gets a unique operationId in upstream style', () => {
    const ids = listOperations(doc).map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(op('get', '/v1/remotes/{remote_name}/backups')?.operationId).toBe('remoteBackupList');
    expect(op('post', '/v1/remotes/{remote_name}/backups')?.operationId).toBe('remoteBackupCreate');
    expect(op('get', '/v1/remotes/{remote_name}/backups/{x}')?.operationId).toBe('remoteBackupGet');
  });

  test('synthesised names are deterministic', () => {
    expect(synthesizeOperationId('get', '/v1/resource-definitions/{r}/properties/info')).toBe(
      'resourceDefinitionPropertyInfoList',
    );
    expect(synthesizeOperationId('put', '/v1/schedules/{scheduleName}')).toBe('scheduleModify');
    expect(normalizeSpec(upstreamLike()).doc).toEqual(doc);
  });

  test('error bodies are ApiCallRc lists, 403 and 500 are declared everywhere', () => {
    const failed = doc.components.responses?.OperationFailed as {
      content: Record<string, { schema: unknown }>;
    };
    expect(failed.content['application/json']?.schema).toEqual(rcList);
    for (const { op: o } of listOperations(doc)) {
      const rs = o.responses as Record<string, unknown>;
      expect(rs['403']).toEqual({ $ref: '#/components/responses/AccessDenied' });
      expect(rs['500']).toBeDefined();
    }
    expect(changes).toContain('components.responses.OperationFailed: error body ApiCallRc -> ApiCallRcList');
  });

  test('ret_code becomes an int64 bigint', () => {
    const schemas = doc.components.schemas as Record<string, { properties: Record<string, unknown> }>;
    const rc = schemas.ApiCallRc?.properties.ret_code;
    expect(rc).toEqual({ type: 'integer', format: 'int64', 'x-linstor-bigint': true });
  });

  test('Node.type lists the upper-case names the controller sends', () => {
    const schemas = doc.components.schemas as Record<string, { properties: { type: { enum: string[] } } }>;
    const type = schemas.Node?.properties.type;
    expect(type?.enum).toEqual(
      expect.arrayContaining(['Controller', 'Satellite', 'SATELLITE', 'CONTROLLER']),
    );
  });

  test('the single-object GET next to a list GET is added', () => {
    const get = op('get', '/v1/nodes/{node}') as { operationId: string; responses: Record<string, unknown> };
    expect(get.operationId).toBe('nodeGet');
    expect(get.responses['200']).toEqual({
      description: 'The object',
      ...json({ $ref: '#/components/schemas/Node' }),
    });
    expect(Object.keys(get.responses).sort()).toEqual(['200', '403', '404', '500']);
  });

  test('is idempotent', () => {
    const again = normalizeSpec(doc);
    expect(again.doc).toEqual(doc);
    expect(again.changes).toEqual([]);
  });

  test('names and version gates come from the reference document', () => {
    const reference = upstreamLike();
    const backups = reference.paths['/v1/remotes/{remote_name}/backups'] as Record<
      string,
      Record<string, unknown>
    >;
    (backups.get as Record<string, unknown>).operationId = 'backupList';
    (backups.get as Record<string, unknown>)['x-linstor-min-rest-version'] = '1.10.0';
    const withRef = normalizeSpec(upstreamLike(), { reference }).doc;
    const get = (
      withRef.paths['/v1/remotes/{remote_name}/backups'] as Record<string, Record<string, unknown>>
    ).get;
    expect(get?.operationId).toBe('backupList');
    expect(get?.['x-linstor-min-rest-version']).toBe('1.10.0');
  });

  test('rejects what is not an OpenAPI 3 LINSTOR document with a clear message', () => {
    const bad = (d: unknown) => () => normalizeSpec(d as OpenApiDocument);
    expect(bad({ swagger: '2.0', paths: {} })).toThrow(/Swagger 2\.0 document; codegen needs OpenAPI 3\.0/);
    expect(bad({ openapi: '3.0.0', paths: { '/x': {} }, components: {} })).toThrow(/ApiCallRc is missing/);
    expect(bad({ openapi: '3.0.0', paths: {} })).toThrow(CodegenError);
  });
});

describe('loadSpecDir / loadConstants', () => {
  let dir: string;
  beforeEach(() => {
    dir = scratchDir('codegen-bundle');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'index.yaml'),
      'openapi: 3.0.3\ninfo: {title: t, version: 1.28.0}\npaths: {}\ncomponents:\n  responses: {A: {description: a}}\n',
    );
    writeFileSync(path.join(dir, 'b.yaml'), 'paths:\n  /v1/x:\n    post: {operationId: y}\n');
    writeFileSync(
      path.join(dir, 'a.yaml'),
      'paths:\n  /v1/x:\n    get: {operationId: x}\ncomponents:\n  schemas: {X: {type: string}}\n',
    );
  });
  afterEach(() => removeDir(dir));

  test('merges index.yaml and the area files in name order', () => {
    const doc = loadSpecDir(dir);
    expect(Object.keys(doc.paths['/v1/x'] ?? {})).toEqual(['get', 'post']);
    expect(Object.keys(doc.components)).toEqual(['responses', 'schemas']);
  });

  test('a duplicated operation or component is an error naming both files', () => {
    writeFileSync(path.join(dir, 'c.yaml'), 'components:\n  schemas: {X: {type: integer}}\n');
    expect(() => loadSpecDir(dir)).toThrow(
      'duplicate component components.schemas.X: defined in a.yaml and in c.yaml',
    );
    writeFileSync(path.join(dir, 'c.yaml'), 'paths:\n  /v1/x:\n    get: {operationId: z}\n');
    expect(() => loadSpecDir(dir)).toThrow('duplicate operation GET /v1/x: defined in a.yaml and in c.yaml');
    writeFileSync(path.join(dir, 'c.yaml'), 'info: {title: nope}\n');
    expect(() => loadSpecDir(dir)).toThrow(/only 'paths' and 'components'/);
  });

  test('constants: return codes are the BigInt OR of their parts', () => {
    writeFileSync(
      path.join(dir, 'constants.yaml'),
      [
        'masks:',
        "  MASK_ERROR: '0xC000000000000000'",
        "  MASK_SUCCESS: '0x0000000000000000'",
        'returnCodes:',
        '  CREATED: [1, MASK_SUCCESS]',
        '  FAIL_NOT_FOUND_NODE: [300, MASK_ERROR]',
        "  UNKNOWN_API_CALL: ['0x0FFFFFFFFFFFFFFF', MASK_ERROR]",
        'integers:',
        '  DFLT_CTRL_PORT_PLAIN: 3370',
        '  VAL_STOR_POOL_SPACE_ENOUGH: 9223372036854775807',
        'strings:',
        '  VAL_NODE_TYPE_STLT: Satellite',
        'enums:',
        '  DeviceLayerKind: {DRBD: DRBD, LUKS: LUKS}',
        '',
      ].join('\n'),
    );
    const c = loadConstants(dir);
    expect(c.returnCodes).toEqual({
      CREATED: 1n,
      FAIL_NOT_FOUND_NODE: 0xc00000000000012cn,
      UNKNOWN_API_CALL: 0xcfffffffffffffffn,
    });
    expect(c.integers).toEqual({
      DFLT_CTRL_PORT_PLAIN: 3370,
      VAL_STOR_POOL_SPACE_ENOUGH: 9223372036854775807n,
    });
    expect(c.count).toBe(9);
    writeFileSync(path.join(dir, 'constants.yaml'), 'returnCodes:\n  X: [1, MASK_NOPE]\n');
    expect(() => loadConstants(dir)).toThrow(/part 'MASK_NOPE' is neither/);
  });
});
