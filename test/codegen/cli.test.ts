import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, removeDir, runTsx, scratchDir } from './helpers';

// The CLI stops on bad input with one clear line and a non-zero exit code, never a stack trace.
describe('npm run codegen: errors', () => {
  let dir: string;
  beforeAll(() => {
    dir = scratchDir('codegen-cli');
  });
  afterAll(() => removeDir(dir));

  test('a Swagger 2.0 document and a missing --out are refused clearly', async () => {
    const spec = path.join(dir, 'swagger.yaml');
    writeFileSync(spec, 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n');
    const index = path.join(REPO_ROOT, 'codegen', 'index.ts');
    const [swagger, noOut] = await Promise.all([
      runTsx(index, ['--spec', spec, '--out', path.join(dir, 'out')]),
      runTsx(index, ['--spec', spec]),
    ]);
    expect(swagger.code).toBe(2);
    expect(swagger.stderr).toBe(
      'codegen: error: this is a Swagger 2.0 document; codegen needs OpenAPI 3.0 or 3.1\n',
    );
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/^codegen: error: --out is required with --spec/);
    expect(`${swagger.stderr}${noOut.stderr}`).not.toMatch(/\n\s+at /);
  });
});
