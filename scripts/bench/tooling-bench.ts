/**
 * (e) tooling times: `npm run codegen` into a temporary --out, and `tsc --noEmit` of a small consumer
 * file that imports the SDK (from src/, as a project depending on the sources would) and makes typed calls.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, timeCommand } from './children';

export interface ToolTime {
  ms: number[];
  ok: boolean;
  detail: string;
}

export async function codegenTime(repeats: number): Promise<ToolTime> {
  const out = mkdtempSync(path.join(tmpdir(), 'linstor-bench-codegen-'));
  const result: ToolTime = { ms: [], ok: true, detail: '' };
  try {
    for (let i = 0; i < repeats; i++) {
      const run = await timeCommand('npm', ['run', '--silent', 'codegen', '--', '--out', out]);
      result.ms.push(run.ms);
      if (run.code !== 0) {
        result.ok = false;
        result.detail = run.output.trim().split('\n').slice(-3).join(' | ');
        break;
      }
      result.detail = run.output.trim().split('\n').pop() ?? '';
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return result;
}

const CONSUMER = `import { Linstor, type ApiCallResponse, isLinstorApiCallError, LinstorError } from '../../src/node';

export async function consumer(uri: string): Promise<string[]> {
  const lin = new Linstor(uri, { timeoutMs: 5000 });
  await lin.connect();
  const created: ApiCallResponse[] = await lin.nodeCreate({ nodeName: 'alpha', nodeType: 'Satellite', ip: '10.0.0.20' });
  if (!Linstor.allApiResponsesNoError(created)) throw new LinstorError('create failed');
  const nodes = await lin.nodeListRaise({ filterByNodes: ['alpha'] });
  const names: string[] = nodes.nodes.map((n) => n.name);
  const rd = await lin.resourceDfnCreate({ name: 'res1' });
  const codes: bigint[] = rd.map((r) => r.retCode);
  const typed = await lin.call('GET', '/v1/nodes/{node}/storage-pools', { params: { path: { node: 'alpha' } } });
  if (typed.ok) for (const pool of typed.data) names.push(pool.storage_pool_name);
  try {
    await lin.nodeDelete({ nodeName: 'alpha' });
  } catch (e) {
    if (isLinstorApiCallError(e)) names.push(e.mainError.message ?? '');
  }
  return [...names, ...codes.map(String)];
}
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'ESNext.Disposable', 'DOM', 'DOM.Iterable'],
    module: 'Node16',
    moduleResolution: 'Node16',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    types: ['node'],
  },
  files: ['consumer.ts'],
};

export async function consumerTscTime(repeats: number): Promise<ToolTime> {
  // inside the repo (gitignored .tmp/) so that node_modules and @types/node resolve as for a consumer
  const base = path.join(REPO_ROOT, '.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(path.join(base, 'bench-consumer-'));
  const result: ToolTime = { ms: [], ok: true, detail: '' };
  try {
    writeFileSync(path.join(dir, 'consumer.ts'), CONSUMER);
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    for (let i = 0; i < repeats; i++) {
      const run = await timeCommand(process.execPath, [tsc, '-p', dir, '--pretty', 'false']);
      result.ms.push(run.ms);
      if (run.code !== 0) {
        result.ok = false;
        result.detail = run.output.trim().split('\n').slice(0, 3).join(' | ');
        break;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
