import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CodegenError } from '../../codegen/errors';
import { readDocument } from '../../codegen/generate';
import { REPO_ROOT, removeDir, runTsx, SPAWN_TIMEOUT, scratchDir } from './helpers';

// The CLI stops on bad input with one clear line and a non-zero exit code, never a stack trace.
describe('npm run codegen: errors', () => {
  let dir: string;
  beforeAll(() => {
    dir = scratchDir('codegen-cli');
  });
  afterAll(() => removeDir(dir));

  test(
    'a Swagger 2.0 document and a missing --out are refused clearly',
    async () => {
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
    },
    SPAWN_TIMEOUT,
  );
});

describe('readDocument', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/spec.yaml') {
        res.writeHead(200, { 'content-type': 'application/yaml' });
        res.end('openapi: 3.0.3\ninfo: {title: t, version: 1.2.3}\npaths: {}\n');
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test('reads a document from an http URL', async () => {
    const doc = await readDocument(`${base}/spec.yaml`);
    expect(doc.info).toEqual({ title: 't', version: '1.2.3' });
  });

  test('an HTTP error or a missing file is a CodegenError', async () => {
    await expect(readDocument(`${base}/missing.yaml`)).rejects.toThrow(
      new CodegenError(`cannot fetch ${base}/missing.yaml: HTTP 404 Not Found`),
    );
    await expect(readDocument(path.join(REPO_ROOT, 'no-such-spec.yaml'))).rejects.toThrow(
      /^spec not found: /,
    );
  });
});
