// Conformance of openapi/ with the newest upstream reference copy: every upstream operation (method,
// path, parameters, request body, success responses, status codes) and every component schema property
// (name, type, format, array item type, enum values, maps, composition, required) must be present and
// compatible in our description. Ours may add things (more enum values, more status codes, extensions).
import type { OpenApiDocument } from '../../codegen/bundle';
import {
  deref,
  isObject,
  loadOurSpec,
  loadUpstreamSpec,
  operations,
  printSkip,
  refName,
} from './spec-helpers';

const upstream = loadUpstreamSpec();
const ours = loadOurSpec();
const describeUpstream = 'doc' in upstream ? describe : describe.skip;
if ('skip' in upstream) printSkip('conformance with the upstream document', upstream.skip);

/** Counters for the printed coverage line. */
interface Tally {
  checked: number;
  problems: string[];
}

/**
 * Compares an upstream schema with ours at `where`. `$ref`s compare by component name (the components
 * themselves are compared one by one). Ours may wrap the upstream shape in a oneOf (used where the
 * controller answers a single object although upstream declares an array).
 */
function compareSchema(up: unknown, our: unknown, where: string, t: Tally, countProps: boolean): void {
  if (!isObject(up)) return;
  if (!isObject(our)) {
    t.problems.push(`${where}: missing schema`);
    return;
  }
  const upRef = refName(up);
  if (upRef !== undefined) {
    if (refName(our) === upRef) return;
    if (Array.isArray(our.oneOf) && our.oneOf.some((b) => refName(b) === upRef)) return;
    t.problems.push(`${where}: expected $ref ${upRef}, found ${JSON.stringify(our).slice(0, 80)}`);
    return;
  }
  if (Array.isArray(our.oneOf) && !Array.isArray(up.oneOf)) {
    // our widening: one branch must match the upstream shape exactly
    const branchProblems = our.oneOf.map((b) => {
      const sub: Tally = { checked: 0, problems: [] };
      compareSchema(up, b, where, sub, false);
      return sub.problems.length;
    });
    if (!branchProblems.includes(0)) t.problems.push(`${where}: no oneOf branch matches the upstream shape`);
    return;
  }
  for (const key of ['type', 'format'] as const) {
    if (up[key] !== undefined && up[key] !== our[key]) {
      t.problems.push(`${where}: ${key} ${String(up[key])} != ours ${String(our[key])}`);
    }
  }
  if (Array.isArray(up.enum)) {
    const ourEnum = Array.isArray(our.enum) ? our.enum : [];
    const missing = up.enum.filter((v) => !ourEnum.includes(v));
    if (!Array.isArray(our.enum) || missing.length > 0) {
      t.problems.push(`${where}: enum values missing: ${JSON.stringify(missing)}`);
    }
  }
  if (Array.isArray(up.required)) {
    const ourReq = Array.isArray(our.required) ? [...our.required].sort() : [];
    if (JSON.stringify([...up.required].sort()) !== JSON.stringify(ourReq)) {
      t.problems.push(`${where}: required ${JSON.stringify(up.required)} != ours ${JSON.stringify(ourReq)}`);
    }
  }
  if (up.items !== undefined) compareSchema(up.items, our.items, `${where}[]`, t, countProps);
  if (isObject(up.additionalProperties)) {
    compareSchema(up.additionalProperties, our.additionalProperties, `${where}{*}`, t, countProps);
  } else if (up.additionalProperties !== undefined && up.additionalProperties !== our.additionalProperties) {
    t.problems.push(`${where}: additionalProperties differs`);
  }
  for (const comb of ['allOf', 'oneOf', 'anyOf'] as const) {
    const u = up[comb];
    if (!Array.isArray(u)) continue;
    // anyOf in ours stands for upstream's oneOf where the members overlap (a value matches several)
    const o = our[comb] ?? (comb === 'oneOf' ? our.anyOf : undefined);
    if (!Array.isArray(o) || o.length !== u.length) {
      t.problems.push(`${where}: ${comb} with ${u.length} members expected`);
      continue;
    }
    for (const [i, member] of u.entries())
      compareSchema(member, o[i], `${where}.${comb}[${i}]`, t, countProps);
  }
  if (isObject(up.properties)) {
    const ourProps = isObject(our.properties) ? our.properties : {};
    for (const [name, prop] of Object.entries(up.properties)) {
      if (countProps) t.checked++;
      if (!(name in ourProps)) {
        t.problems.push(`${where}.${name}: property missing`);
        continue;
      }
      compareSchema(prop, ourProps[name], `${where}.${name}`, t, countProps);
    }
  }
}

function paramKey(doc: OpenApiDocument, p: unknown): { key: string; param: Record<string, unknown> } {
  const param = deref(doc, p) as Record<string, unknown>;
  return { key: `${String(param.in)}:${String(param.name)}`, param };
}

describeUpstream('openapi/ conforms to the upstream reference (newest copy)', () => {
  const up = (upstream as { doc: OpenApiDocument }).doc;
  const upOps = operations(up);
  const ourOps = new Map(operations(ours).map((o) => [`${o.method} ${o.path}`, o]));
  const upSchemas = up.components.schemas as Record<string, unknown>;
  const ourSchemas = ours.components.schemas as Record<string, unknown>;

  const opTally: Tally = { checked: 0, problems: [] };
  const paramTally: Tally = { checked: 0, problems: [] };
  const schemaTally: Tally = { checked: 0, problems: [] };
  const propTally: Tally = { checked: 0, problems: [] };
  let opsPresent = 0;
  let schemasPresent = 0;

  for (const u of upOps) {
    const id = `${u.method.toUpperCase()} ${u.path}`;
    const o = ourOps.get(`${u.method} ${u.path}`);
    opTally.checked++;
    if (!o) {
      opTally.problems.push(`${id}: operation missing`);
      continue;
    }
    opsPresent++;
    // parameters: location, name, required, type, format, array item type
    const ourParams = new Map(o.parameters.map((p) => [paramKey(ours, p).key, paramKey(ours, p).param]));
    for (const p of u.parameters) {
      const { key, param } = paramKey(up, p);
      paramTally.checked++;
      const mine = ourParams.get(key);
      if (!mine) {
        paramTally.problems.push(`${id}: parameter ${key} missing`);
        continue;
      }
      if (Boolean(param.required) !== Boolean(mine.required)) {
        paramTally.problems.push(`${id}: parameter ${key} required differs`);
      }
      compareSchema(param.schema, mine.schema, `${id} param ${key}`, paramTally, false);
    }
    // request body
    const upBody = deref(up, u.op.requestBody);
    if (isObject(upBody)) {
      const ourBody = deref(ours, o.op.requestBody);
      if (!isObject(ourBody)) opTally.problems.push(`${id}: request body missing`);
      else {
        for (const [mt, media] of Object.entries((upBody.content ?? {}) as Record<string, unknown>)) {
          const ourMedia = isObject(ourBody.content) ? ourBody.content[mt] : undefined;
          if (!isObject(ourMedia)) opTally.problems.push(`${id}: request media type ${mt} missing`);
          else
            compareSchema(
              (media as { schema?: unknown }).schema,
              ourMedia.schema,
              `${id} body`,
              opTally,
              false,
            );
        }
      }
    } else if (o.op.requestBody !== undefined) {
      opTally.problems.push(`${id}: request body added where upstream has none`);
    }
    // status codes (all of them) and success bodies
    const upResponses = (u.op.responses ?? {}) as Record<string, unknown>;
    const ourResponses = (o.op.responses ?? {}) as Record<string, unknown>;
    for (const [code, r] of Object.entries(upResponses)) {
      if (!(code in ourResponses)) {
        opTally.problems.push(`${id}: response ${code} missing`);
        continue;
      }
      if (!code.startsWith('2')) continue;
      const upR = deref(up, r) as Record<string, unknown>;
      const ourR = deref(ours, ourResponses[code]) as Record<string, unknown>;
      const upContent = (upR.content ?? {}) as Record<string, { schema?: unknown }>;
      const ourContent = (ourR.content ?? {}) as Record<string, { schema?: unknown }>;
      if (Object.keys(upContent).length === 0 && Object.keys(ourContent).length > 0) {
        opTally.problems.push(`${id}: ${code} has a body in ours but none upstream`);
      }
      for (const [mt, media] of Object.entries(upContent)) {
        if (!ourContent[mt]) opTally.problems.push(`${id}: ${code} media type ${mt} missing`);
        else compareSchema(media.schema, ourContent[mt].schema, `${id} ${code}`, opTally, false);
      }
    }
    if (u.op.deprecated === true && o.op.deprecated !== true) {
      opTally.problems.push(`${id}: upstream marks it deprecated, ours does not`);
    }
  }

  for (const [name, schema] of Object.entries(upSchemas)) {
    schemaTally.checked++;
    if (!(name in ourSchemas)) {
      schemaTally.problems.push(`schema ${name} missing`);
      continue;
    }
    schemasPresent++;
    compareSchema(schema, ourSchemas[name], name, propTally, true);
  }

  afterAll(() => {
    const propsOk =
      propTally.checked - propTally.problems.filter((p) => p.includes('property missing')).length;
    process.stdout.write(
      `[openapi conformance] operations ${opsPresent}/${upOps.length}, parameters ${
        paramTally.checked - paramTally.problems.length
      }/${paramTally.checked}, schemas ${schemasPresent}/${Object.keys(upSchemas).length}, properties ${propsOk}/${
        propTally.checked
      }, incompatibilities ${opTally.problems.length + paramTally.problems.length + propTally.problems.length}\n`,
    );
  });

  test('the comparison itself notices a missing property, a changed type and a dropped enum value', () => {
    const upNode = upSchemas.Node as Record<string, unknown>;
    const broken = structuredClone(ourSchemas.Node) as {
      properties: Record<string, Record<string, unknown>>;
    };
    delete broken.properties.name;
    broken.properties.eviction_timestamp = { type: 'string' };
    broken.properties.type = { type: 'string', enum: ['SATELLITE'] };
    const t: Tally = { checked: 0, problems: [] };
    compareSchema(upNode, broken, 'Node', t, true);
    expect(t.problems.some((p) => p.startsWith('Node.name: property missing'))).toBe(true);
    expect(t.problems.some((p) => p.startsWith('Node.eviction_timestamp: type'))).toBe(true);
    expect(t.problems.some((p) => p.startsWith('Node.type: enum values missing'))).toBe(true);
  });

  test('the reference copy is the one described (181 operations, 172 schemas)', () => {
    expect(upOps).toHaveLength(181);
    expect(Object.keys(upSchemas)).toHaveLength(172);
  });

  test('every upstream operation is present with compatible body, responses and status codes', () => {
    expect(opTally.problems).toEqual([]);
    expect(opsPresent).toBe(upOps.length);
  });

  test('every upstream parameter is present with the same location, name, required flag and type', () => {
    expect(paramTally.problems).toEqual([]);
  });

  test('every upstream component schema and property is present and compatible', () => {
    expect(schemaTally.problems).toEqual([]);
    expect(propTally.problems).toEqual([]);
    expect(schemasPresent).toBe(Object.keys(upSchemas).length);
    expect(propTally.checked).toBeGreaterThan(700);
  });
});
