import { HTTP_METHODS, isObject, type JsonObject, type OpenApiDocument } from './bundle';
import { CodegenError } from './errors';

/**
 * Every correction codegen applies to an OpenAPI document lives here, so that generating from the
 * project's openapi/ and from any upstream controller document follows the same rules
 * (sdk-design.md §3, openapi-notes.md §2, §3, §6, §7). Rules, in the order applied:
 *
 *  1. operationId: every operation gets one. A missing id takes the name the repo's own openapi/ uses
 *     for the same method + path (so an SDK written against openapi/ keeps working), else a name
 *     synthesised in upstream's camelCase style (`<objectWords><Verb>`), made unique deterministically.
 *  2. Error bodies: every 4xx/5xx response whose JSON body is a single `ApiCallRc` (upstream's shared
 *     `OperationFailed`, and all of v1.0.x) becomes `ApiCallRcList`, as the controller always sends an
 *     array.
 *  3. Declared errors: 403 (access denied) and 500 (any other failure) are added where missing; the
 *     controller can answer both on every endpoint.
 *  4. ret_code: any integer `ret_code` property becomes int64 with `x-linstor-bigint: true`, which the
 *     type generator turns into `bigint` and the validators accept as a bigint.
 *  5. Enums the controller sends differently or that grow between versions (Node.type, Node.connection_status,
 *     ProviderKind, LayerType) get the values openapi/ lists (Node.type at least the upper-case names).
 *     Enums stay closed; a schema may opt out of enum checks in responses with `x-linstor-open-enum: true`.
 *  6. The single-object GETs the controller serves but upstream does not describe (openapi-notes.md §3)
 *     are added next to their list GETs, answering one element of the list (404 when absent); other
 *     undescribed operations (GET /v1/space-report, ...) are copied from openapi/ with what they reference.
 *  7. Version gates: an operation without `x-linstor-min-rest-version` takes the one the repo's openapi/
 *     records for the same method + path.
 *
 * The rules are idempotent: a document that already follows them (the project's openapi/) comes out
 * unchanged, apart from what `changes` reports.
 */

export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface NormalizeOptions {
  /** The repo's own (bundled) openapi/ document, source of operationIds and version gates. */
  reference?: OpenApiDocument;
}

export interface NormalizeResult {
  doc: OpenApiDocument;
  /** One line per correction, for the terminal. */
  changes: string[];
}

const SCHEMA_REF = '#/components/schemas/';
const RESPONSE_REF = '#/components/responses/';
const API_CALL_RC = 'ApiCallRc';
const API_CALL_RC_LIST = 'ApiCallRcList';
const MIN_REST_VERSION = 'x-linstor-min-rest-version';
export const BIGINT_MARK = 'x-linstor-bigint';
export const OPEN_ENUM_MARK = 'x-linstor-open-enum';

/** The list GETs whose single-object variant (`<list>/{name}`) the controller implements. */
const SINGLE_OBJECT_LISTS = [
  '/v1/nodes',
  '/v1/resource-definitions',
  '/v1/resource-definitions/{resource}/resources',
  '/v1/resource-definitions/{resource}/volume-definitions',
  '/v1/resource-definitions/{resource}/resources/{node}/volumes',
  '/v1/resource-groups',
  '/v1/resource-groups/{resource_group}/volume-groups',
  '/v1/nodes/{node}/net-interfaces',
  '/v1/nodes/{node}/storage-pools',
];

/**
 * Operations the controller serves but upstream does not describe (openapi-notes.md §3), other than the
 * single-object GETs; copied from openapi/ (with the components they use) when openapi/ describes them.
 */
const UNDOCUMENTED_OPERATIONS: { method: HttpMethod; path: string }[] = [
  { method: 'get', path: '/v1/space-report' },
  { method: 'put', path: '/v1/nodes/{node}/evict' },
];

/**
 * Enums whose upstream values differ from what the controller sends, or that grow between controller
 * versions (openapi-notes.md §6.7, §7). A document's enum is completed with the values openapi/ lists for
 * the same place (the controller's values), plus a built-in minimum, so that response validation stays
 * exact (no enum is dropped) yet accepts what a current controller sends.
 */
const CONTROLLER_ENUMS: { schema: string; property: string; builtIn: string[] }[] = [
  { schema: 'Node', property: 'type', builtIn: ['CONTROLLER', 'SATELLITE', 'COMBINED', 'AUXILIARY'] },
  { schema: 'Node', property: 'connection_status', builtIn: [] },
  { schema: 'ProviderKind', property: '', builtIn: [] },
  { schema: 'LayerType', property: '', builtIn: [] },
];

const VERBS: Record<HttpMethod, string> = {
  get: 'List',
  post: 'Create',
  put: 'Modify',
  delete: 'Delete',
  patch: 'Patch',
  options: 'Options',
  head: 'Head',
  trace: 'Trace',
};

export function isHttpMethod(key: string): key is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(key);
}

/** Operations in document order: path order, then the fixed method order of HTTP_METHODS. */
export function listOperations(doc: OpenApiDocument): { path: string; method: HttpMethod; op: JsonObject }[] {
  const out: { path: string; method: HttpMethod; op: JsonObject }[] = [];
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (isObject(op)) out.push({ path: p, method, op });
    }
  }
  return out;
}

export function refName(ref: unknown, prefix: string): string | undefined {
  return typeof ref === 'string' && ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
}

function schemaRef(name: string): JsonObject {
  return { $ref: SCHEMA_REF + name };
}

function isRefTo(schema: unknown, name: string): boolean {
  return isObject(schema) && schema.$ref === SCHEMA_REF + name;
}

function words(segment: string): string[] {
  return segment.split(/[-_.]+/).filter((w) => w.length > 0);
}

function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

function pascal(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `GET /v1/remotes/{remote_name}/backups` -> `remoteBackupList`; `PUT /v1/schedules/{n}` -> `scheduleModify`. */
export function synthesizeOperationId(method: HttpMethod, path: string): string {
  const segments = path.split('/').filter((s) => s.length > 0 && s !== 'v1');
  const parts: string[] = [];
  for (const seg of segments) {
    if (seg.startsWith('{')) continue;
    const ws = words(seg.toLowerCase());
    if (ws.length === 0) continue;
    ws[ws.length - 1] = singular(ws[ws.length - 1] as string);
    parts.push(...ws);
  }
  const last = segments[segments.length - 1] ?? '';
  let verb = VERBS[method];
  if (method === 'get' && last.startsWith('{')) verb = 'Get';
  const base = parts.map((w, i) => (i === 0 ? w : pascal(w))).join('') || 'root';
  return base + verb;
}

function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
}

/** Returns `name`, or a unique variant of it (By<Params>, then a number), and reserves it. */
function uniqueName(name: string, path: string, taken: Set<string>): string {
  const lower = (s: string) => s.toLowerCase();
  const isTaken = (s: string) => [...taken].some((t) => lower(t) === lower(s));
  let candidate = name;
  if (isTaken(candidate)) {
    const params = pathParamNames(path).flatMap((p) => words(p).map(pascal));
    if (params.length > 0) candidate = `${name}By${params.join('')}`;
  }
  for (let i = 2; isTaken(candidate); i++) candidate = `${name}${i}`;
  taken.add(candidate);
  return candidate;
}

function referenceOps(reference: OpenApiDocument | undefined): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  if (!reference) return map;
  for (const { path, method, op } of listOperations(reference)) map.set(`${method} ${path}`, op);
  return map;
}

export function normalizeSpec(input: OpenApiDocument, options: NormalizeOptions = {}): NormalizeResult {
  if (!isObject(input)) throw new CodegenError('the document is not a YAML/JSON mapping');
  if (typeof input.swagger === 'string') {
    throw new CodegenError(`this is a Swagger ${input.swagger} document; codegen needs OpenAPI 3.0 or 3.1`);
  }
  if (typeof input.openapi !== 'string' || !/^3\.[01]\./.test(input.openapi)) {
    throw new CodegenError(
      `unsupported 'openapi' version ${JSON.stringify(input.openapi)}; expected 3.0.x or 3.1.x`,
    );
  }
  if (!isObject(input.paths) || Object.keys(input.paths).length === 0) {
    throw new CodegenError("the document has no 'paths'");
  }
  const doc = structuredClone(input) as OpenApiDocument;
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.responses ??= {};
  const schemas = doc.components.schemas as Record<string, unknown>;
  const responses = doc.components.responses as Record<string, unknown>;
  const changes: string[] = [];
  const refOps = referenceOps(options.reference);

  if (!isObject(schemas[API_CALL_RC])) {
    throw new CodegenError(
      `components.schemas.${API_CALL_RC} is missing; this does not look like a LINSTOR REST API document`,
    );
  }

  // 4. ret_code as bigint (before anything copies ApiCallRc around).
  markBigintRetCodes(schemas, changes);

  // 5. Enums.
  const refSchemas = (options.reference?.components?.schemas ?? {}) as Record<string, unknown>;
  for (const { schema, property, builtIn } of CONTROLLER_ENUMS) {
    const target = enumTarget(schemas, schema, property);
    if (!target || !Array.isArray(target.enum)) continue;
    const fromRef = enumTarget(refSchemas, schema, property)?.enum;
    const known = [...(Array.isArray(fromRef) ? fromRef : []), ...builtIn];
    const have = new Set(target.enum as unknown[]);
    const missing = known.filter((v) => !have.has(v) && have.add(v));
    if (missing.length > 0) {
      target.enum = [...(target.enum as unknown[]), ...missing];
      changes.push(`enum ${schema}${property ? `.${property}` : ''}: added ${missing.join(', ')}`);
    }
  }

  // 2. ApiCallRcList exists and error bodies use it.
  if (!isObject(schemas[API_CALL_RC_LIST])) {
    schemas[API_CALL_RC_LIST] = { type: 'array', items: schemaRef(API_CALL_RC) };
    changes.push(`added schema ${API_CALL_RC_LIST}`);
  }
  const fixBody = (response: JsonObject, where: string) => {
    const content = response.content;
    if (!isObject(content)) return;
    for (const [media, mt] of Object.entries(content)) {
      if (!isObject(mt) || !media.includes('json')) continue;
      const s = mt.schema;
      const isSingle = isRefTo(s, API_CALL_RC);
      const isInlineList = isObject(s) && s.type === 'array' && isRefTo(s.items, API_CALL_RC);
      if (isSingle || isInlineList) {
        mt.schema = schemaRef(API_CALL_RC_LIST);
        if (isSingle) changes.push(`${where}: error body ApiCallRc -> ApiCallRcList`);
      }
    }
  };
  const fixedShared = new Set<string>();
  for (const { path, method, op } of listOperations(doc)) {
    const rs = op.responses;
    if (!isObject(rs)) continue;
    for (const [status, r] of Object.entries(rs)) {
      if (!/^[45]/.test(status) && status !== 'default') continue;
      if (!isObject(r)) continue;
      const shared = refName(r.$ref, RESPONSE_REF);
      if (shared !== undefined) {
        const target = responses[shared];
        if (isObject(target) && !fixedShared.has(shared)) {
          fixedShared.add(shared);
          fixBody(target, `components.responses.${shared}`);
        }
      } else {
        fixBody(r, `${method.toUpperCase()} ${path} ${status}`);
      }
    }
  }

  // 3. 403 and 500 on every operation.
  const ensureShared = (preferred: string[], description: string): string => {
    for (const name of preferred) if (isObject(responses[name])) return name;
    const name = preferred[0] as string;
    responses[name] = {
      description,
      content: { 'application/json': { schema: schemaRef(API_CALL_RC_LIST) } },
    };
    changes.push(`added shared response ${name}`);
    return name;
  };
  let added403 = 0;
  let added500 = 0;
  for (const { op } of listOperations(doc)) {
    if (!isObject(op.responses)) op.responses = {};
    const rs = op.responses as JsonObject;
    if (!('403' in rs)) {
      rs['403'] = { $ref: RESPONSE_REF + ensureShared(['AccessDenied', 'Forbidden'], 'Access denied') };
      added403++;
    }
    if (!('500' in rs) && !('5XX' in rs) && !('default' in rs)) {
      rs['500'] = { $ref: RESPONSE_REF + ensureShared(['OperationFailed'], 'The operation failed') };
      added500++;
    }
  }
  if (added403 > 0) changes.push(`declared 403 on ${added403} operations`);
  if (added500 > 0) changes.push(`declared 500 on ${added500} operations`);

  // 6. Single-object GETs.
  addSingleObjectGets(doc, refOps, changes);

  if (options.reference) copyUndocumentedOperations(doc, options.reference, changes);

  // 1. operationIds (after 6, which adds operations) and 7. version gates.
  const taken = new Set<string>();
  for (const { op } of listOperations(doc)) {
    if (typeof op.operationId === 'string' && op.operationId.length > 0) {
      if (taken.has(op.operationId)) throw new CodegenError(`duplicate operationId '${op.operationId}'`);
      taken.add(op.operationId);
    }
  }
  let synthesized = 0;
  let fromReference = 0;
  let gates = 0;
  for (const { path, method, op } of listOperations(doc)) {
    const ref = refOps.get(`${method} ${path}`);
    if (typeof op.operationId !== 'string' || op.operationId.length === 0) {
      const refId = ref?.operationId;
      if (typeof refId === 'string' && !taken.has(refId)) {
        op.operationId = refId;
        taken.add(refId);
        fromReference++;
      } else {
        op.operationId = uniqueName(synthesizeOperationId(method, path), path, taken);
        synthesized++;
      }
    }
    if (op[MIN_REST_VERSION] === undefined && ref && typeof ref[MIN_REST_VERSION] === 'string') {
      op[MIN_REST_VERSION] = ref[MIN_REST_VERSION];
      gates++;
    }
  }
  if (fromReference > 0) changes.push(`operationId taken from openapi/ for ${fromReference} operations`);
  if (gates > 0) changes.push(`${MIN_REST_VERSION} taken from openapi/ for ${gates} operations`);
  if (synthesized > 0) changes.push(`operationId synthesised for ${synthesized} operations`);
  return { doc, changes };
}

function enumTarget(
  schemas: Record<string, unknown>,
  schema: string,
  property: string,
): JsonObject | undefined {
  const s = schemas[schema];
  if (!isObject(s)) return undefined;
  if (property === '') return s;
  const props = s.properties;
  if (!isObject(props)) return undefined;
  const p = props[property];
  return isObject(p) ? p : undefined;
}

/** Walks every schema reachable inside the components and marks integer ret_code properties. */
function markBigintRetCodes(schemas: Record<string, unknown>, changes: string[]): void {
  const seen = new Set<unknown>();
  const visit = (node: unknown, where: string) => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => {
        visit(n, `${where}[${i}]`);
      });
      return;
    }
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    const props = node.properties;
    if (isObject(props)) {
      const rc = props.ret_code;
      if (isObject(rc) && (rc.type === 'integer' || rc.type === 'number') && rc[BIGINT_MARK] !== true) {
        const before = `${String(rc.type)}${rc.format ? `/${String(rc.format)}` : ''}`;
        rc.type = 'integer';
        rc.format = 'int64';
        rc[BIGINT_MARK] = true;
        changes.push(`${where}.ret_code: ${before} -> int64 bigint`);
      }
    }
    for (const [k, v] of Object.entries(node)) visit(v, `${where}.${k}`);
  };
  for (const [name, s] of Object.entries(schemas)) visit(s, name);
}

function addSingleObjectGets(doc: OpenApiDocument, refOps: Map<string, JsonObject>, changes: string[]): void {
  const paths = doc.paths;
  const responses = doc.components.responses as Record<string, unknown>;
  const existingIds = new Set(listOperations(doc).map(({ op }) => op.operationId));
  for (const listPath of SINGLE_OBJECT_LISTS) {
    const listItem = paths[listPath];
    const listOp = isObject(listItem) ? listItem.get : undefined;
    if (!isObject(listOp)) continue;
    const ok = isObject(listOp.responses) ? listOp.responses['200'] : undefined;
    const content = isObject(ok) && isObject(ok.content) ? ok.content['application/json'] : undefined;
    const listSchema = isObject(content) ? content.schema : undefined;
    if (!isObject(listSchema) || listSchema.type !== 'array' || !isObject(listSchema.items)) continue;
    const singlePath = Object.keys(paths).find(
      (p) => p.startsWith(`${listPath}/{`) && /^\{[^}/]+\}$/.test(p.slice(listPath.length + 1)),
    );
    if (singlePath === undefined) continue;
    const item = paths[singlePath] as JsonObject;
    if (isObject(item.get)) continue;
    // The path parameters: path-level ones if declared, else those of a sibling operation.
    const pathLevel = Array.isArray(item.parameters) ? item.parameters : undefined;
    let parameters: unknown[] = [];
    if (!pathLevel) {
      const sibling = HTTP_METHODS.map((m) => item[m]).find(isObject);
      const params = sibling && Array.isArray(sibling.parameters) ? sibling.parameters : [];
      parameters = params.filter((p) => {
        if (!isObject(p)) return false;
        if (p.in === 'path') return true;
        const name = refName(p.$ref, '#/components/parameters/');
        const shared = name ? doc.components.parameters?.[name] : undefined;
        return isObject(shared) && shared.in === 'path';
      });
    }
    // A list GET may declare its own path parameters (e.g. {node} of /v1/nodes/{node}/storage-pools).
    const listParams = Array.isArray(listOp.parameters) ? listOp.parameters : [];
    for (const p of listParams) {
      if (isObject(p) && p.in === 'path' && !parameters.some((q) => isObject(q) && q.name === p.name)) {
        if (!pathLevel?.some((q) => isObject(q) && q.name === p.name)) parameters.push(p);
      }
    }
    const notFound = isObject(responses.ObjectNotFound)
      ? { $ref: `${RESPONSE_REF}ObjectNotFound` }
      : {
          description: 'No such object',
          content: { 'application/json': { schema: schemaRef(API_CALL_RC_LIST) } },
        };
    const op: JsonObject = {
      summary: 'Returns one object of the list, by name',
      responses: {
        '200': {
          description: 'The object',
          content: { 'application/json': { schema: structuredClone(listSchema.items) } },
        },
        '404': notFound,
      },
    };
    if (parameters.length > 0) op.parameters = parameters;
    // Named as in openapi/, else after the list (nodeList -> nodeGet); rule 1 fills in the rest.
    const refId = refOps.get(`get ${singlePath}`)?.operationId;
    const fromList =
      typeof listOp.operationId === 'string' && /List$/.test(listOp.operationId)
        ? `${listOp.operationId.slice(0, -4)}Get`
        : undefined;
    const id = typeof refId === 'string' ? refId : fromList;
    if (id !== undefined && !existingIds.has(id)) {
      op.operationId = id;
      existingIds.add(id);
    }
    // Same error declarations as every other operation.
    const rs = op.responses as JsonObject;
    for (const status of ['403', '500']) {
      const fromList = isObject(listOp.responses) ? listOp.responses[status] : undefined;
      if (fromList !== undefined) rs[status] = structuredClone(fromList);
    }
    // Keep HTTP method order stable in the path item: rebuild it with get first.
    paths[singlePath] = { ...(pathLevel ? { parameters: pathLevel } : {}), get: op, ...item };
    changes.push(`added single-object GET ${singlePath}`);
  }
}

/** Every `#/components/<section>/<name>` reference inside `node`. */
function componentRefs(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const n of node) componentRefs(n, out);
  else if (isObject(node)) {
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/components/')) {
      const [section, name] = node.$ref.slice('#/components/'.length).split('/');
      if (section && name) out.add(`${section}/${name}`);
    }
    for (const v of Object.values(node)) componentRefs(v, out);
  }
  return out;
}

function copyUndocumentedOperations(
  doc: OpenApiDocument,
  reference: OpenApiDocument,
  changes: string[],
): void {
  for (const { method, path } of UNDOCUMENTED_OPERATIONS) {
    const refItem = reference.paths[path];
    const refOp = isObject(refItem) ? refItem[method] : undefined;
    if (!isObject(refItem) || !isObject(refOp)) continue;
    const item = isObject(doc.paths[path]) ? (doc.paths[path] as JsonObject) : {};
    if (isObject(item[method])) continue;
    if (item.parameters === undefined && refItem.parameters !== undefined) {
      item.parameters = structuredClone(refItem.parameters);
    }
    item[method] = structuredClone(refOp);
    doc.paths[path] = item;
    // Bring along the components it needs that the document lacks (the document's own win).
    const pending = [...componentRefs(item, new Set())];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const key = pending.pop() as string;
      if (seen.has(key)) continue;
      seen.add(key);
      const [section, name] = key.split('/') as [string, string];
      doc.components[section] ??= {};
      const target = doc.components[section];
      if (target[name] !== undefined) continue;
      const value = reference.components[section]?.[name];
      if (value === undefined) continue;
      target[name] = structuredClone(value);
      pending.push(...componentRefs(value, new Set()));
    }
    changes.push(`added ${method.toUpperCase()} ${path} (described in openapi/ only)`);
  }
}
