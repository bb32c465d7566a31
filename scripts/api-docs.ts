/**
 * API reference: typedoc HTML for the public entries (`linstor-api`, `linstor-api/node`,
 * `linstor-api/testing`; `linstor-api/responses` is the main entry's `responses`), plus two generated pages: the python-linstor -> linstor-api mapping
 * (src/api/parity.ts) and the REST operation table (generated/operations.ts).
 * Usage: npm run docs:api [-- --out <dir>]   (default test-output/api-docs; open index.html)
 * Exit code 1 when typedoc reports an error (warnings, e.g. an exported signature that names a type
 * the entries do not export, are printed and counted).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type OperationInfo, operations, specVersion } from '../generated/operations';
import { parityTable } from '../src/api/parity';

const root = path.resolve(__dirname, '..');
const outIndex = process.argv.indexOf('--out');
const out = path.resolve(
  outIndex >= 0 ? (process.argv[outIndex + 1] ?? '') : path.join(root, 'test-output', 'api-docs'),
);
// generated pages and typedoc's tsconfig: tool state, kept out of the tree that git and biome see
const pagesDir = path.join(root, 'node_modules', '.cache', 'linstor-api', 'api-docs-pages');

const cell = (s: string) => s.replace(/\|/g, '\\|');

function parityPage(): string {
  return [
    '---',
    'title: python-linstor mapping',
    '---',
    '# python-linstor → linstor-api',
    '',
    `Every public method of python-linstor's \`Linstor\` class (${parityTable.length}) and its name here.`,
    "Methods take one options object whose keys are python's parameter names in camelCase.",
    '',
    '| § | python-linstor | linstor-api | HTTP |',
    '|---|---|---|---|',
    ...parityTable.map(
      (e) =>
        `| ${e.section} | \`${e.python}\`${e.classmethod ? ' (classmethod)' : ''} | \`${e.ts}\` | ${cell(e.http)} |`,
    ),
    '',
  ].join('\n');
}

function operationsPage(): string {
  const rows = Object.entries(operations as Record<string, OperationInfo>)
    .sort(([, a], [, b]) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))
    .map(([id, op]) => {
      const ok = Object.entries(op.responses)
        .filter(([status]) => status.startsWith('2'))
        .map(([status, schema]) => `${status}: ${schema ?? '(no body)'}`)
        .join(', ');
      const notes = [
        op.minRestVersion ? `REST ≥ ${op.minRestVersion}` : '',
        op.deprecated ? 'deprecated' : '',
      ]
        .filter(Boolean)
        .join(', ');
      return `| \`${id}\` | ${op.method.toUpperCase()} | \`${cell(op.path)}\` | ${cell(op.requestSchema ?? '')} | ${cell(ok)} | ${notes} |`;
    });
  return [
    '---',
    'title: REST operations',
    '---',
    `# REST operations (API ${specVersion})`,
    '',
    `The ${rows.length} operations of the project's OpenAPI description (\`openapi/\`), as recorded in`,
    '`generated/operations.ts`. Every one is reachable through the typed client of `LinstorCore.call`;',
    'a minimum REST version is enforced before the request is sent.',
    '',
    '| operationId | method | path | request body | success | notes |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  // typedoc is an ES module; this script is CommonJS like the rest of the repository
  const { Application, LogLevel, OptionDefaults } = await import('typedoc');
  rmSync(pagesDir, { recursive: true, force: true });
  mkdirSync(pagesDir, { recursive: true });
  writeFileSync(path.join(pagesDir, 'python-linstor-mapping.md'), parityPage());
  writeFileSync(path.join(pagesDir, 'rest-operations.md'), operationsPage());
  // typedoc reads its program from a tsconfig: only the runtime sources, not tests or tools
  const tsconfig = path.join(pagesDir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: path.join(root, 'tsconfig.json'),
      include: [path.join(root, 'src'), path.join(root, 'generated')],
      compilerOptions: { types: ['node'] },
    }),
  );

  const app = await Application.bootstrapWithPlugins({
    name: 'linstor-api',
    entryPoints: ['src/index.ts', 'src/node/index.ts', 'src/testing/index.ts'],
    entryPointStrategy: 'resolve',
    tsconfig,
    out,
    projectDocuments: [path.join(pagesDir, '*.md')],
    readme: 'none',
    // openapi-typescript writes `@description` in the generated types' comments
    blockTags: [...OptionDefaults.blockTags, '@description'],
    // no public repository to link sources to yet
    disableSources: true,
    excludePrivate: true,
    excludeInternal: true,
    skipErrorChecking: true,
    githubPages: false,
    logLevel: LogLevel.Warn,
  });
  const project = await app.convert();
  if (!project) throw new Error('typedoc could not convert the entry points');
  app.validate(project);
  await app.generateDocs(project, out);
  const { errorCount, warningCount } = app.logger;
  console.log(
    `API reference written to ${path.relative(root, out) || out}/index.html (${warningCount} warnings)`,
  );
  if (errorCount > 0) {
    console.error(`typedoc reported ${errorCount} errors`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
