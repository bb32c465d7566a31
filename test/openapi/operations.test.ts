// The corrections our description makes over upstream (sdk-design.md §3) and its own wording:
// operationIds, summaries, shared array error responses, the single-object GETs, version gates,
// bigint ret_code, controller enum spellings, and no text copied from the upstream document.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { OpenApiDocument } from '../../codegen/bundle';
import {
  collectTexts,
  deref,
  isObject,
  loadOurSpec,
  loadUpstreamSpec,
  openapiDir,
  operations,
  printSkip,
  refName,
} from './spec-helpers';

const ours = loadOurSpec();
const ops = operations(ours);
const schemas = ours.components.schemas as Record<string, Record<string, unknown>>;
const upstream = loadUpstreamSpec();
if ('skip' in upstream) printSkip('copied-text check', upstream.skip);

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'InvalidInput',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'ObjectNotFound',
  '500': 'OperationFailed',
};

/** The nine single-object GETs of openapi-notes.md §3 and the schema each returns. */
const SINGLE_GETS: Record<string, string> = {
  '/v1/nodes/{node}': 'Node',
  '/v1/resource-definitions/{resource}': 'ResourceDefinition',
  '/v1/resource-definitions/{resource}/resources/{node}': 'Resource',
  '/v1/resource-definitions/{resource}/volume-definitions/{volume_number}': 'VolumeDefinition',
  '/v1/resource-definitions/{resource}/resources/{node}/volumes/{volume_number}': 'Volume',
  '/v1/resource-groups/{resource_group}': 'ResourceGroup',
  '/v1/resource-groups/{resource_group}/volume-groups/{volume_number}': 'VolumeGroup',
  '/v1/nodes/{node}/net-interfaces/{netinterface}': 'NetInterface',
  '/v1/nodes/{node}/storage-pools/{storagepool}': 'StoragePool',
};

function successSchema(op: Record<string, unknown>, code = '200'): unknown {
  const r = deref(ours, (op.responses as Record<string, unknown>)[code]) as
    | Record<string, unknown>
    | undefined;
  const content = r?.content as Record<string, { schema?: unknown }> | undefined;
  return content?.['application/json']?.schema;
}

function findOp(method: string, p: string): Record<string, unknown> {
  const found = ops.find((o) => o.method === method && o.path === p);
  if (!found) throw new Error(`${method} ${p} not described`);
  return found.op;
}

describe('openapi/ files', () => {
  test('index.yaml has the document header; area files only paths/components', () => {
    const index = parse(readFileSync(path.join(openapiDir, 'index.yaml'), 'utf8')) as Record<string, unknown>;
    expect(index.openapi).toBe('3.0.3');
    expect((index.info as Record<string, unknown>).version).toBe('1.28.0');
    expect(index.security).toEqual([{ bearerAuth: [] }, {}]);
    for (const f of readdirSync(openapiDir).filter((n) => n.endsWith('.yaml'))) {
      if (f === 'index.yaml' || f === 'constants.yaml') continue;
      const doc = parse(readFileSync(path.join(openapiDir, f), 'utf8')) as Record<string, unknown>;
      expect([f, Object.keys(doc).filter((k) => k !== 'paths' && k !== 'components')]).toEqual([f, []]);
    }
  });

  test('no example values anywhere (upstream examples are not carried over)', () => {
    const walk = (node: unknown, where: string): string[] => {
      if (Array.isArray(node)) return node.flatMap((v, i) => walk(v, `${where}[${i}]`));
      if (!isObject(node)) return [];
      return Object.entries(node).flatMap(([k, v]) =>
        (k === 'example' || k === 'examples') && where.split('.').pop() !== 'properties'
          ? [`${where}.${k}`]
          : walk(v, `${where}.${k}`),
      );
    };
    expect(walk(ours, '')).toEqual([]);
  });

  test('every $ref resolves and every path template variable is declared as a path parameter', () => {
    const refs: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (isObject(node)) {
        if (typeof node.$ref === 'string') refs.push(node.$ref);
        Object.values(node).forEach(collect);
      }
    };
    collect(ours);
    for (const r of new Set(refs)) expect(() => deref(ours, { $ref: r })).not.toThrow();
    for (const o of ops) {
      const declared = o.parameters
        .map((p) => deref(ours, p) as Record<string, unknown>)
        .filter((p) => p.in === 'path')
        .map((p) => p.name);
      const vars = [...o.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect([o.method, o.path, [...declared].sort()]).toEqual([o.method, o.path, [...vars].sort()]);
    }
  });
});

describe('operations', () => {
  test('every operation has a unique camelCase-style operationId and a one-line summary', () => {
    const ids = ops.map((o) => o.op.operationId);
    for (const o of ops) {
      expect(typeof o.op.operationId).toBe('string');
      expect(o.op.operationId).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      expect(typeof o.op.summary).toBe('string');
      expect((o.op.summary as string).length).toBeGreaterThan(10);
      expect(o.op.summary).not.toMatch(/\n|TODO/);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((i) => String(i).toLowerCase())).size).toBe(ids.length);
    process.stdout.write(
      `[openapi operations] ${ops.length} operations, ${Object.keys(schemas).length} schemas\n`,
    );
  });

  test('every operation declares 400/401/403/404/500 with an ApiCallRc list body', () => {
    const sharedResponses = ours.components.responses as Record<string, Record<string, unknown>>;
    for (const name of Object.values(ERROR_RESPONSES)) {
      const content = sharedResponses[name].content as Record<string, { schema: unknown }>;
      expect(refName(content['application/json'].schema)).toBe('ApiCallRcList');
    }
    const listSchema = schemas.ApiCallRcList;
    expect(listSchema.type).toBe('array');
    expect(refName(listSchema.items)).toBe('ApiCallRc');
    const bodyless404 = new Set(['errorReportList', 'errorReportShow']);
    // clone failures come as the clone-started object with error messages, or as a plain entry list
    const cloneFailed = sharedResponses.CloneFailed.content as Record<
      string,
      { schema: { oneOf: unknown[] } }
    >;
    expect(cloneFailed['application/json'].schema.oneOf.map(refName)).toEqual([
      'ResourceDefinitionCloneStarted',
      'ApiCallRcList',
    ]);
    const special: Record<string, Record<string, string>> = {
      resourceDefinitionClone: {
        '400': 'CloneFailed',
        '403': 'CloneFailed',
        '404': 'CloneFailed',
        '500': 'CloneFailed',
      },
    };
    for (const o of ops) {
      const responses = o.op.responses as Record<string, unknown>;
      for (const [code, name] of Object.entries(ERROR_RESPONSES)) {
        if (code === '404' && bodyless404.has(o.op.operationId as string)) {
          expect(responses[code]).toBeDefined();
          continue;
        }
        const want = special[o.op.operationId as string]?.[code] ?? name;
        expect([o.op.operationId, code, refName(responses[code])]).toEqual([o.op.operationId, code, want]);
      }
    }
  });

  test('ApiCallRc.ret_code is int64 marked for bigint generation', () => {
    const retCode = (schemas.ApiCallRc.properties as Record<string, Record<string, unknown>>).ret_code;
    expect(retCode).toMatchObject({ type: 'integer', format: 'int64', 'x-linstor-bigint': true });
  });

  test('the nine single-object GETs return one object and 404 an ApiCallRcList', () => {
    for (const [p, schema] of Object.entries(SINGLE_GETS)) {
      const op = findOp('get', p);
      expect([p, refName(successSchema(op))]).toEqual([p, schema]);
      expect(refName((op.responses as Record<string, unknown>)['404'])).toBe('ObjectNotFound');
    }
  });

  test('the resource-connection pair GET accepts one object or an array; the KV single GET is an array', () => {
    const pair = successSchema(
      findOp('get', '/v1/resource-definitions/{resource}/resource-connections/{node_a}/{node_b}'),
    ) as Record<string, unknown>;
    const branches = pair.oneOf as Record<string, unknown>[];
    expect(refName(branches[0])).toBe('ResourceConnection');
    expect(branches[1]).toMatchObject({ type: 'array' });
    expect(refName(branches[1].items)).toBe('ResourceConnection');
    const kv = successSchema(findOp('get', '/v1/key-value-store/{instance}')) as Record<string, unknown>;
    expect(kv.type).toBe('array');
  });

  test('SSE, binary and body-less successes are kept', () => {
    for (const p of ['/v1/events/nodes', '/v1/events/drbd/promotion']) {
      const r = (findOp('get', p).responses as Record<string, Record<string, unknown>>)['200'];
      expect(Object.keys(r.content as object)).toEqual(['text/event-stream']);
    }
    const sos = (
      findOp('get', '/v1/sos-report/download').responses as Record<string, Record<string, unknown>>
    )['200'];
    expect((sos.content as Record<string, { schema: unknown }>)['application/octet-stream'].schema).toEqual({
      type: 'string',
      format: 'binary',
    });
    for (const [m, p] of [
      ['post', '/v1/resource-definitions/{resource}/files/{extFileName}'],
      ['delete', '/v1/resource-definitions/{resource}/files/{extFileName}'],
      ['delete', '/v1/controller/auth/token/{authtokenid}'],
    ]) {
      const r = (findOp(m, p).responses as Record<string, Record<string, unknown>>)['200'];
      expect(r.content).toBeUndefined();
    }
  });

  test('version gates: well-formed, above 1.0.4, and on the operations python-linstor gates', () => {
    const cmp = (a: string, b: string) => {
      const x = a.split('.').map(Number);
      const y = b.split('.').map(Number);
      for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
      return 0;
    };
    const gated = ops.filter((o) => o.op['x-linstor-min-rest-version'] !== undefined);
    for (const o of gated) {
      const v = o.op['x-linstor-min-rest-version'];
      expect(typeof v).toBe('string');
      expect(v).toMatch(/^\d+\.\d+\.\d+$/);
      expect(cmp(v as string, '1.0.4')).toBeGreaterThan(0);
      expect(cmp(v as string, '1.28.0')).toBeLessThanOrEqual(0);
    }
    const gate = (id: string) => ops.find((o) => o.op.operationId === id)?.op['x-linstor-min-rest-version'];
    expect(gate('controllerAuthTokenCreate')).toBe('1.28.0');
    expect(gate('nodeEvacuate')).toBe('1.12.0');
    expect(gate('resourceGroupSpawn')).toBe('1.0.8');
    expect(gate('viewBackupQueue')).toBe('1.20.0');
    expect(gate('nodeList')).toBeUndefined();
    process.stdout.write(
      `[openapi operations] ${gated.length} operations carry x-linstor-min-rest-version\n`,
    );
  });

  test('enums carry the spellings the controller sends', () => {
    const nodeProps = schemas.Node.properties as Record<string, { enum: string[] }>;
    expect(nodeProps.type.enum).toEqual(
      expect.arrayContaining(['SATELLITE', 'CONTROLLER', 'COMBINED', 'AUXILIARY']),
    );
    expect(nodeProps.connection_status.enum).toEqual(
      expect.arrayContaining(['MISSING_EXT_TOOLS', 'DUPLICATE_UNAME']),
    );
    const netif = schemas.NetInterface.properties as Record<string, { enum: string[] }>;
    expect(netif.satellite_encryption_type.enum).toEqual(expect.arrayContaining(['PLAIN', 'SSL']));
  });
});

const describeUpstream = 'doc' in upstream ? describe : describe.skip;
describeUpstream('wording is our own', () => {
  const up = (upstream as { doc: OpenApiDocument }).doc;
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').replace(/[.:]$/, '').toLowerCase();
  const textKeys = new Set(['summary', 'description', 'title']);

  test('no summary, description or title equals one from the upstream document', () => {
    const upstreamTexts = new Set(collectTexts(up, textKeys).map(norm));
    const ourTexts = collectTexts(ours, textKeys);
    expect(ourTexts.length).toBeGreaterThan(ops.length);
    const copied = ourTexts.filter((t) => upstreamTexts.has(norm(t)));
    expect(copied).toEqual([]);
  });
});
