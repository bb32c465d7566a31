import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { isObject, loadConstants, loadSpecDir, type OpenApiDocument } from './bundle';
import { CodegenError } from './errors';
import { renderCodeNames, renderConstants } from './gen-constants';
import { buildOperationRows, renderOperations, renderVersionGates } from './gen-operations';
import { GENERATED_FILES, OPENAPI_DIR } from './layout';
import { GENERATED_HEADER } from './literals';
import { normalizeSpec } from './normalize';

export interface GenerateOptions {
  /** An OpenAPI document (file path or http(s) URL) or a directory laid out like openapi/. Default: openapi/. */
  spec?: string;
  /** Output directory. */
  out: string;
  /** constants.yaml (or a directory holding one). Default: openapi/constants.yaml. */
  constants?: string;
  /** Progress output; default: none. */
  log?: (line: string) => void;
}

export interface GenerateSummary {
  specVersion: string;
  operations: number;
  schemas: number;
  constants: number;
  normalisations: string[];
  warnings: string[];
  files: { name: string; bytes: number }[];
  ms: number;
}

let cachedReference: OpenApiDocument | undefined;
/** openapi/ as the normaliser's reference, loaded once per process (several upstream runs in one process). */
function referenceSpec(): OpenApiDocument {
  cachedReference ??= loadSpecDir(OPENAPI_DIR);
  return cachedReference;
}

export async function readDocument(spec: string): Promise<OpenApiDocument> {
  let text: string;
  if (/^https?:\/\//i.test(spec)) {
    let res: Response;
    try {
      res = await fetch(spec);
    } catch (e) {
      throw new CodegenError(`cannot fetch ${spec}: ${(e as Error).message}`);
    }
    if (!res.ok) throw new CodegenError(`cannot fetch ${spec}: HTTP ${res.status} ${res.statusText}`);
    text = await res.text();
  } else {
    if (!existsSync(spec)) throw new CodegenError(`spec not found: ${spec}`);
    if (statSync(spec).isDirectory()) return loadSpecDir(spec);
    text = readFileSync(spec, 'utf8');
  }
  let doc: unknown;
  try {
    doc = parse(text, { prettyErrors: true });
  } catch (e) {
    throw new CodegenError(`${spec}: neither YAML nor JSON: ${(e as Error).message}`);
  }
  if (!isObject(doc)) throw new CodegenError(`${spec}: not an OpenAPI document (no top-level mapping)`);
  return doc as OpenApiDocument;
}

/**
 * The whole pipeline: load, normalise (codegen/normalize.ts), then write the generated/ files (layout.ts).
 * Output depends only on the inputs (no timestamps, stable ordering), so two runs are byte-identical.
 */
export async function generate(options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const specPath = options.spec ?? OPENAPI_DIR;
  const isOwnSpec = path.resolve(specPath) === OPENAPI_DIR;
  const raw = await readDocument(specPath);
  const version = isObject(raw.info) && raw.info.version !== undefined ? String(raw.info.version) : '?';
  log(`spec      ${isOwnSpec ? 'openapi/' : specPath} (info.version ${version})`);

  // An upstream document borrows operationIds and version gates from the repo's openapi/.
  const reference =
    !isOwnSpec && existsSync(path.join(OPENAPI_DIR, 'index.yaml')) ? referenceSpec() : undefined;
  const { doc, changes } = normalizeSpec(raw, { reference });
  log(
    `normalise ${changes.length} correction(s)${reference ? ' (names and version gates from openapi/)' : ''}`,
  );
  for (const c of changes) log(`          - ${c}`);

  const constantsPath = options.constants ?? path.join(OPENAPI_DIR, 'constants.yaml');
  if (!existsSync(constantsPath)) {
    throw new CodegenError(`constants file not found: ${constantsPath} (give one with --constants)`);
  }
  const constants = loadConstants(constantsPath);

  // Loaded only now: openapi-typescript, typescript and ajv take a while to load, and input errors
  // above should not wait for them.
  const { generateTypes } = require('./gen-types') as typeof import('./gen-types');
  const { generateValidators } = require('./gen-validators') as typeof import('./gen-validators');

  const files: Record<string, string> = {};
  const rows = buildOperationRows(doc);
  files['types.ts'] = `${GENERATED_HEADER}\n${await generateTypes(doc)}`;
  log(`types     ${rows.length} operations`);
  files['operations.ts'] = renderOperations(rows, version, GENERATED_HEADER);
  files['version-gates.ts'] = renderVersionGates(rows, GENERATED_HEADER);
  files['constants.ts'] = renderConstants(constants, GENERATED_HEADER);
  files['code-names.ts'] = renderCodeNames(constants, GENERATED_HEADER);
  log(`constants ${constants.count}`);
  const validators = generateValidators(doc);
  files['validators.js'] = validators.js;
  files['validators.d.ts'] = validators.dts;
  log(`validate  ${validators.schemaCount} component + ${validators.responseCount} inline response schemas`);
  for (const w of validators.warnings) log(`warning   ${w}`);

  mkdirSync(options.out, { recursive: true });
  const written: { name: string; bytes: number }[] = [];
  for (const name of GENERATED_FILES) {
    const content = files[name] as string;
    writeFileSync(path.join(options.out, name), content);
    written.push({ name, bytes: Buffer.byteLength(content) });
  }
  return {
    specVersion: version,
    operations: rows.length,
    schemas: validators.schemaCount,
    constants: constants.count,
    normalisations: changes,
    warnings: validators.warnings,
    files: written,
    ms: Math.round(performance.now() - started),
  };
}
