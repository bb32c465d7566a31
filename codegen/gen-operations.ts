import { isObject, type JsonObject, type OpenApiDocument } from './bundle';
import { propertyKey as key, quote as q } from './literals';
import { listOperations, refName } from './normalize';

const SCHEMA_REF = '#/components/schemas/';
const RESPONSE_REF = '#/components/responses/';
const REQUEST_BODY_REF = '#/components/requestBodies/';

/**
 * How a body is described in the operation table:
 * - a component schema name (`Node`, `ApiCallRcList`),
 * - `Name[]` for an array of a component schema written inline,
 * - `inline` for any other JSON schema written in place,
 * - the media type (`text/event-stream`, `application/octet-stream`) for a body that is not JSON,
 * - null (responses only) for no body.
 */
export type BodyDescriptor = string | null;

export interface OperationRow {
  operationId: string;
  method: string;
  path: string;
  minRestVersion?: string;
  deprecated?: boolean;
  requestSchema?: string;
  responses: Record<string, BodyDescriptor>;
}

function resolve(doc: OpenApiDocument, node: unknown, prefix: string, section: string): unknown {
  const name = isObject(node) ? refName(node.$ref, prefix) : undefined;
  if (name === undefined) return node;
  return doc.components[section]?.[name];
}

export function describeSchema(schema: unknown): string {
  const name = isObject(schema) ? refName(schema.$ref, SCHEMA_REF) : undefined;
  if (name !== undefined) return name;
  if (isObject(schema) && schema.type === 'array' && isObject(schema.items)) {
    const item = refName(schema.items.$ref, SCHEMA_REF);
    if (item !== undefined) return `${item}[]`;
  }
  return 'inline';
}

/** The JSON media type of a content map, if any (application/json, or any +json / json type). */
export function jsonMedia(content: JsonObject): string | undefined {
  const keys = Object.keys(content);
  return keys.find((k) => k === 'application/json') ?? keys.find((k) => /[/+]json\b/.test(k));
}

export function describeContent(content: unknown): BodyDescriptor {
  if (!isObject(content) || Object.keys(content).length === 0) return null;
  const json = jsonMedia(content);
  if (json !== undefined) {
    const mt = content[json];
    return isObject(mt) && mt.schema !== undefined ? describeSchema(mt.schema) : null;
  }
  return Object.keys(content).sort()[0] as string;
}

export function buildOperationRows(doc: OpenApiDocument): OperationRow[] {
  const rows: OperationRow[] = [];
  for (const { path, method, op } of listOperations(doc)) {
    const row: OperationRow = { operationId: String(op.operationId), method, path, responses: {} };
    const gate = op['x-linstor-min-rest-version'];
    if (typeof gate === 'string') row.minRestVersion = gate;
    if (op.deprecated === true) row.deprecated = true;
    const body = resolve(doc, op.requestBody, REQUEST_BODY_REF, 'requestBodies');
    if (isObject(body)) {
      const d = describeContent(body.content);
      if (d !== null) row.requestSchema = d;
    }
    const responses = isObject(op.responses) ? op.responses : {};
    for (const status of Object.keys(responses).sort()) {
      const r = resolve(doc, responses[status], RESPONSE_REF, 'responses');
      row.responses[status] = isObject(r) ? describeContent(r.content) : null;
    }
    rows.push(row);
  }
  return rows;
}

export function renderOperations(rows: OperationRow[], specVersion: string, header: string): string {
  const out: string[] = [header];
  out.push(`/** REST API version (info.version) of the description this table was generated from. */`);
  out.push(`export const specVersion = ${q(specVersion)};`);
  out.push('');
  out.push(`export interface OperationInfo {
  method: 'get' | 'post' | 'put' | 'delete' | 'patch' | 'options' | 'head' | 'trace';
  path: string;
  /** Lowest controller REST API version that serves this operation; absent: every 1.x version. */
  minRestVersion?: string;
  deprecated?: boolean;
  /** Component schema name, \`Name[]\`, \`inline\`, or the media type of a non-JSON body. */
  requestSchema?: string;
  /** Status -> component schema name, \`Name[]\`, \`inline\`, a non-JSON media type, or null (no body). */
  responses: Record<string, string | null>;
}`);
  out.push('');
  out.push('export const operations = {');
  for (const r of rows) {
    const parts = [`method: ${q(r.method)}`, `path: ${q(r.path)}`];
    if (r.minRestVersion !== undefined) parts.push(`minRestVersion: ${q(r.minRestVersion)}`);
    if (r.deprecated) parts.push('deprecated: true');
    if (r.requestSchema !== undefined) parts.push(`requestSchema: ${q(r.requestSchema)}`);
    const rs = Object.entries(r.responses).map(([s, d]) => `${q(s)}: ${d === null ? 'null' : q(d)}`);
    parts.push(`responses: { ${rs.join(', ')} }`);
    out.push(`  ${key(r.operationId)}: {`);
    for (const p of parts) out.push(`    ${p},`);
    out.push('  },');
  }
  out.push('} as const satisfies Record<string, OperationInfo>;');
  out.push('');
  out.push('export type OperationId = keyof typeof operations;');
  out.push('');
  return out.join('\n');
}

/**
 * The version gates alone (`generated/version-gates.ts`): `METHOD /path` -> [operationId, minRestVersion]
 * for the operations with an `x-linstor-min-rest-version`. The runtime checks gates by method and path
 * template; importing this small table instead of `operations` keeps the full operation table (used by
 * the simulator and the docs) out of browser bundles.
 */
export function renderVersionGates(rows: OperationRow[], header: string): string {
  const out: string[] = [header];
  out.push(
    '/** `METHOD /path` -> [operationId, lowest controller REST API version] for every gated operation. */',
  );
  out.push(
    'export const versionGates: Readonly<Record<string, readonly [operationId: string, minRestVersion: string]>> = {',
  );
  for (const r of rows) {
    if (r.minRestVersion === undefined) continue;
    out.push(`  ${q(`${r.method.toUpperCase()} ${r.path}`)}: [${q(r.operationId)}, ${q(r.minRestVersion)}],`);
  }
  out.push('};');
  out.push('');
  return out.join('\n');
}
