import Ajv, { _, type KeywordCxt } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import addFormats from 'ajv-formats';
import { isObject, type JsonObject, type OpenApiDocument } from './bundle';
import { CodegenError } from './errors';
import { jsonMedia } from './gen-operations';
import { GENERATED_HEADER, quote } from './literals';
import { BIGINT_MARK, listOperations, OPEN_ENUM_MARK, refName } from './normalize';

const SCHEMA_REF = '#/components/schemas/';
const RESPONSE_REF = '#/components/responses/';
const ID_PREFIX = 'linstor:';
/** The ajv keyword that replaces `type: integer` where the SDK holds a bigint (ret_code). */
const BIGINT_KEYWORD = 'linstorBigint';

/** OpenAPI number/string formats with no run-time check beyond `type` (int64 may exceed doubles anyway). */
const ANNOTATION_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];
/** Formats ajv-formats checks (only those the document uses are pulled into the output). */
const AJV_FORMATS = new Set([
  'date',
  'time',
  'date-time',
  'duration',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'relative-json-pointer',
]);
/** Schema keys that are OpenAPI-only or documentation, dropped before ajv sees them. */
const DROPPED_KEYS = new Set(['discriminator', 'xml', 'externalDocs']);

export interface ValidatorsOutput {
  js: string;
  dts: string;
  schemaCount: number;
  responseCount: number;
  warnings: string[];
}

/**
 * Turns an OpenAPI 3.0 schema into the JSON Schema (draft-07) ajv compiles: `$ref`s point at per-schema
 * ids, `x-linstor-bigint` integers accept a bigint, open enums lose their `enum`, OpenAPI-only keys go.
 */
function toAjvSchema(node: unknown, formats: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => toAjvSchema(n, formats));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') {
    // OpenAPI 3.0 ignores siblings of $ref.
    const name = refName(node.$ref, SCHEMA_REF);
    if (name === undefined) throw new CodegenError(`unsupported $ref '${node.$ref}' in a schema`);
    const [schemaName, ...pointer] = name.split('/');
    return { $ref: `${ID_PREFIX}${schemaName}${pointer.length > 0 ? `#/${pointer.join('/')}` : ''}` };
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('x-') || DROPPED_KEYS.has(k)) continue;
    switch (k) {
      case 'properties':
      case 'patternProperties':
        out[k] = Object.fromEntries(
          Object.entries(isObject(v) ? v : {}).map(([p, s]) => [p, toAjvSchema(s, formats)]),
        );
        break;
      case 'items':
      case 'additionalProperties':
      case 'not':
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        out[k] = toAjvSchema(v, formats);
        break;
      case 'format':
        if (typeof v === 'string') formats.add(v);
        out[k] = v;
        break;
      default:
        out[k] = v;
    }
  }
  // OpenAPI 3.0 writes exclusive bounds as booleans next to minimum/maximum (draft-04 style).
  for (const [bound, excl] of [
    ['minimum', 'exclusiveMinimum'],
    ['maximum', 'exclusiveMaximum'],
  ] as const) {
    if (typeof out[excl] === 'boolean') {
      if (out[excl] === true && typeof out[bound] === 'number') {
        out[excl] = out[bound];
        delete out[bound];
      } else delete out[excl];
    }
  }
  if (node[BIGINT_MARK] === true) {
    for (const k of ['type', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'])
      delete out[k];
    out[BIGINT_KEYWORD] = true;
  }
  if (node[OPEN_ENUM_MARK] === true) delete out.enum;
  return out;
}

function createAjv(): Ajv {
  const ajv = new Ajv({
    code: { source: true, esm: false, lines: true, optimize: true },
    // strictSchema catches unknown keywords (a typo in openapi/); type strictness is left to the spec.
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allErrors: false,
    inlineRefs: false,
    messages: true,
  });
  ajv.addVocabulary(['example']);
  ajv.addKeyword({
    keyword: BIGINT_KEYWORD,
    schemaType: 'boolean',
    error: { message: 'must be a 64-bit integer (bigint or integer number)' },
    code(cxt: KeywordCxt) {
      if (cxt.schema !== true) return;
      const { data } = cxt;
      cxt.fail(
        _`!(typeof ${data} == "bigint" ? ${data} >= -9223372036854775808n && ${data} <= 18446744073709551615n : Number.isSafeInteger(${data}))`,
      );
    },
  });
  return ajv;
}

function exportName(i: number): string {
  return `v${i}`;
}

type ResponseEntry = { kind: 'none' } | { kind: 'any' } | { kind: 'schema'; exportName: string };

export function generateValidators(doc: OpenApiDocument): ValidatorsOutput {
  const warnings: string[] = [];
  const formats = new Set<string>();
  const componentSchemas = (doc.components.schemas ?? {}) as Record<string, unknown>;
  const names = Object.keys(componentSchemas).sort();
  const ajvSchemas = names.map((name) => {
    const s = toAjvSchema(componentSchemas[name], formats);
    return { ...(isObject(s) ? s : {}), $id: `${ID_PREFIX}${name}` };
  });

  // Response bodies: a component $ref reuses the component's validator; any other JSON schema is
  // compiled once per distinct shape (e.g. `Node[]` is shared by several operations).
  const exportsById = new Map<string, string>();
  const exportList: { name: string; id: string }[] = [];
  names.forEach((name, i) => {
    exportsById.set(`${ID_PREFIX}${name}`, exportName(i));
    exportList.push({ name: exportName(i), id: `${ID_PREFIX}${name}` });
  });
  const inlineByShape = new Map<string, string>();
  const inlineSchemas: JsonObject[] = [];
  const table: { operationId: string; statuses: [string, ResponseEntry][] }[] = [];
  for (const { op } of listOperations(doc)) {
    const statuses: [string, ResponseEntry][] = [];
    const rs = isObject(op.responses) ? op.responses : {};
    for (const status of Object.keys(rs).sort()) {
      let r = rs[status];
      const shared = isObject(r) ? refName(r.$ref, RESPONSE_REF) : undefined;
      if (shared !== undefined) r = doc.components.responses?.[shared];
      const content = isObject(r) && isObject(r.content) ? r.content : undefined;
      if (!content || Object.keys(content).length === 0) {
        statuses.push([status, { kind: 'none' }]);
        continue;
      }
      const media = jsonMedia(content);
      const mt = media !== undefined ? content[media] : undefined;
      if (!isObject(mt) || mt.schema === undefined) {
        statuses.push([status, { kind: 'any' }]);
        continue;
      }
      const direct = isObject(mt.schema) ? refName(mt.schema.$ref, SCHEMA_REF) : undefined;
      if (direct !== undefined && !direct.includes('/')) {
        const name = exportsById.get(`${ID_PREFIX}${direct}`);
        if (name === undefined) throw new CodegenError(`response schema $ref to unknown schema '${direct}'`);
        statuses.push([status, { kind: 'schema', exportName: name }]);
        continue;
      }
      const converted = toAjvSchema(mt.schema, formats) as JsonObject;
      const shape = JSON.stringify(converted);
      let name = inlineByShape.get(shape);
      if (name === undefined) {
        const id = `${ID_PREFIX}response/${inlineSchemas.length}`;
        name = exportName(names.length + inlineSchemas.length);
        inlineSchemas.push({ ...converted, $id: id });
        inlineByShape.set(shape, name);
        exportList.push({ name, id });
      }
      statuses.push([status, { kind: 'schema', exportName: name }]);
    }
    table.push({ operationId: String(op.operationId), statuses });
  }

  const ajv = createAjv();
  const checked = [...formats].filter((f) => AJV_FORMATS.has(f)).sort();
  if (checked.length > 0) addFormats(ajv, { formats: checked as never, keywords: false });
  for (const f of [...formats].sort()) {
    if (AJV_FORMATS.has(f)) continue;
    if (!ANNOTATION_FORMATS.includes(f)) warnings.push(`format '${f}' is not checked by the validators`);
    ajv.addFormat(f, true);
  }
  try {
    for (const s of [...ajvSchemas, ...inlineSchemas]) ajv.addSchema(s);
    const refs: Record<string, string> = {};
    for (const e of exportList) refs[e.name] = e.id;
    const code = standaloneCode(ajv, refs);
    return {
      js: renderJs(code, names, table),
      dts: renderDts(),
      schemaCount: names.length,
      responseCount: inlineSchemas.length,
      warnings,
    };
  } catch (e) {
    if (e instanceof CodegenError) throw e;
    throw new CodegenError(`ajv could not compile the schemas: ${(e as Error).message}`);
  }
}

function renderJs(
  standalone: string,
  names: string[],
  table: { operationId: string; statuses: [string, ResponseEntry][] }[],
): string {
  const body = standalone.replace(/^"use strict";\n?/, '');
  const lines: string[] = [GENERATED_HEADER, '"use strict";', body.trimEnd(), ''];
  lines.push('// ---- lookup tables and validateResponse (codegen) ----');
  lines.push('const schemaValidators = {');
  names.forEach((n, i) => {
    lines.push(`  ${quote(n)}: exports.${exportName(i)},`);
  });
  lines.push('};');
  lines.push('// operationId -> status -> validator; null: no body; 0: not JSON (nothing to check).');
  lines.push('const responseValidators = {');
  for (const { operationId, statuses } of table) {
    const entries = statuses.map(([s, e]) => {
      const v = e.kind === 'none' ? 'null' : e.kind === 'any' ? '0' : `exports.${e.exportName}`;
      return `${quote(s)}: ${v}`;
    });
    lines.push(`  ${quote(operationId)}: { ${entries.join(', ')} },`);
  }
  lines.push('};');
  lines.push(RUNTIME);
  return `${lines.join('\n')}\n`;
}

/** Plain run-time code appended to the ajv output (no code generation from strings). */
const RUNTIME = `const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

function formatErrors(errors) {
  if (!errors || errors.length === 0) return ['invalid'];
  return errors.map((e) => {
    const where = e.instancePath === '' ? '(body)' : e.instancePath;
    const allowed = e.params && e.params.allowedValues ? ' (' + e.params.allowedValues.join(', ') + ')' : '';
    const extra = e.params && e.params.additionalProperty ? " '" + e.params.additionalProperty + "'" : '';
    return where + ' ' + (e.message || e.keyword) + allowed + extra;
  });
}

function validateResponse(operationId, status, body) {
  if (typeof operationId !== 'string' || !hasOwn(responseValidators, operationId)) {
    return { ok: false, errors: ["unknown operation '" + String(operationId) + "'"] };
  }
  const byStatus = responseValidators[operationId];
  const code = String(status);
  const key = hasOwn(byStatus, code)
    ? code
    : hasOwn(byStatus, code.charAt(0) + 'XX')
      ? code.charAt(0) + 'XX'
      : hasOwn(byStatus, 'default')
        ? 'default'
        : undefined;
  if (key === undefined) {
    return { ok: false, errors: ["operation '" + operationId + "' does not declare status " + code] };
  }
  const validate = byStatus[key];
  if (validate === null) {
    return body === undefined || body === null || body === ''
      ? { ok: true }
      : { ok: false, errors: ['(body) status ' + code + ' has no body, but one was given'] };
  }
  if (validate === 0) return { ok: true };
  return validate(body) ? { ok: true } : { ok: false, errors: formatErrors(validate.errors) };
}

module.exports = { schemaValidators, validateResponse };`;

function renderDts(): string {
  return `${GENERATED_HEADER}
/** An ajv validator compiled ahead of time; \`errors\` describes the last failure. */
export type Validator = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string; keyword?: string; params?: Record<string, unknown> }[] | null;
};

/** Component schema name -> validator. \`ret_code\` (and every x-linstor-bigint field) accepts a bigint. */
export const schemaValidators: Record<string, Validator>;

/**
 * Checks a parsed response body against the schema declared for \`operationId\` and HTTP \`status\`.
 * An unknown operation or an undeclared status gives \`ok: false\`; a non-JSON body is not checked.
 */
export function validateResponse(
  operationId: string,
  status: number,
  body: unknown,
): { ok: true } | { ok: false; errors: string[] };
`;
}
