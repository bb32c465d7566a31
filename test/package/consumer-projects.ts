// The two consumer projects the package test installs the packed tarball into: an ES module project
// ("type": "module") and a CommonJS one. Both are written in TypeScript, type-checked with
// moduleResolution node16 (then compiled and run) and bundler, and use the four public entries.
// Their sources are kept here as text: they import 'linstor-api', which only resolves once installed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type ConsumerKind = 'esm' | 'cjs';

/** What a consumer prints (one JSON line) after running against the simulator. */
export interface ConsumerReport {
  format: ConsumerKind;
  nodeNames: string[];
  createSucceeded: boolean;
  multiNodeCount: number;
  networkErrorIsTyped: boolean;
  nodeEntrySameClass: boolean;
  nodeTransportRegistered: boolean;
  responsesEntrySameClass: boolean;
  crossFormatGuard: boolean;
}

/** Shared by both projects: one session against the simulated controller, through the public API. */
const shared = `import {
  type ApiCallResponse,
  isLinstorError,
  Linstor,
  LinstorError,
  LinstorNetworkError,
  MultiLinstor,
} from 'linstor-api';
import { Linstor as NodeEntryLinstor } from 'linstor-api/node';
import { NodeListResponse } from 'linstor-api/responses';
import { startSimulator } from 'linstor-api/testing';

export interface Report {
  nodeNames: string[];
  createSucceeded: boolean;
  multiNodeCount: number;
  networkErrorIsTyped: boolean;
  nodeEntrySameClass: boolean;
  nodeTransportRegistered: boolean;
  responsesEntrySameClass: boolean;
}

export async function session(): Promise<Report> {
  const sim = await startSimulator({ port: 0, nodes: 2 });
  try {
    const lin = new Linstor(sim.url);
    await lin.connect();
    const replies: ApiCallResponse[] = await lin.nodeCreate({
      nodeName: 'consumer',
      nodeType: 'Satellite',
      ip: '10.0.0.99',
    });
    const createSucceeded: boolean = Linstor.allApiResponsesSuccess(replies);
    const list = await lin.nodeListRaise();
    const nodeNames: string[] = list.nodes.map((node) => node.name).sort();
    // the nodes family was loaded on first use; its replies are the classes of linstor-api/responses
    const responsesEntrySameClass = list instanceof NodeListResponse;
    // @ts-expect-error nodeCreate needs nodeType and ip as well (proves the declarations are not any)
    const invalid = (): Promise<ApiCallResponse[]> => lin.nodeCreate({ nodeName: 'x' });
    void invalid;
    await lin.disconnect();

    const multi = new MultiLinstor([sim.url, sim.url]);
    const multiNodeCount: number = (await multi.nodeListRaise()).nodes.length;
    await multi.disconnect();

    let networkErrorIsTyped = false;
    try {
      // port 1 on loopback: refused at once
      await new Linstor('http://127.0.0.1:1').connect();
    } catch (error) {
      networkErrorIsTyped = error instanceof LinstorNetworkError && error instanceof LinstorError && isLinstorError(error);
    }
    // TLS options need the Node transport, which importing linstor-api/node registered with the core
    // that the main entry uses (one shared module instance)
    let nodeTransportRegistered = false;
    try {
      void new Linstor({ controller: sim.url, tls: { dangerouslySkipCertificateVerification: true } });
      nodeTransportRegistered = true;
    } catch {
      nodeTransportRegistered = false;
    }
    return {
      nodeNames,
      createSucceeded,
      multiNodeCount,
      networkErrorIsTyped,
      nodeEntrySameClass: NodeEntryLinstor === Linstor,
      nodeTransportRegistered,
      responsesEntrySameClass,
    };
  } finally {
    await sim.close();
  }
}
`;

const esmMain = `import { createRequire } from 'node:module';
import * as esm from 'linstor-api';
import { session } from './shared.js';

// the CommonJS build, loaded the way a CommonJS dependency of this project would load it
const cjs = createRequire(import.meta.url)('linstor-api') as typeof esm;
const report = await session();
const crossFormatGuard =
  cjs.isLinstorError(new esm.LinstorError('from the ESM build')) &&
  esm.isLinstorError(new cjs.LinstorError('from the CJS build'));
console.log(JSON.stringify({ format: 'esm', ...report, crossFormatGuard }));
`;

const cjsMain = `import * as cjs from 'linstor-api';
import { session } from './shared.js';

async function main(): Promise<void> {
  const report = await session();
  // the ESM build, loaded the way an ES module of this project's dependencies would load it
  const esm = await import('linstor-api');
  const esmNode = await import('linstor-api/node');
  const esmTesting = await import('linstor-api/testing');
  const esmResponses = await import('linstor-api/responses');
  const crossFormatGuard =
    cjs.isLinstorError(new esm.LinstorError('from the ESM build')) &&
    esm.isLinstorError(new cjs.LinstorError('from the CJS build')) &&
    esmNode.Linstor === esm.Linstor &&
    esmResponses.NodeListResponse === esm.responses.NodeListResponse &&
    typeof esmTesting.startSimulator === 'function';
  console.log(JSON.stringify({ format: typeof require === 'function' ? 'cjs' : 'esm', ...report, crossFormatGuard }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`;

/**
 * tsconfig for a Node project: node16 resolution, Node types only (no DOM lib). skipLibCheck keeps the
 * tsc run fast (msw's own declarations need the DOM lib); linstor-api's declarations are checked file
 * by file in the test instead (checkPackageDeclarations).
 */
function node16Config(typeRoots: string): object {
  return {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'node16',
      moduleResolution: 'node16',
      strict: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [typeRoots],
      outDir: 'out',
    },
    include: ['src'],
  };
}

/** tsconfig for a bundled app: bundler resolution, DOM and Node types, no emit. */
function bundlerConfig(typeRoots: string): object {
  return {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      module: 'preserve',
      moduleResolution: 'bundler',
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
      typeRoots: [typeRoots],
    },
    include: ['src'],
  };
}

/**
 * Writes a consumer project under `dir`. `typeRoots` is this repository's node_modules/@types, so
 * the consumer gets @types/node without installing it.
 */
export function writeConsumer(dir: string, kind: ConsumerKind, typeRoots: string): void {
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  const pkg = {
    name: `linstor-api-${kind}-consumer`,
    version: '1.0.0',
    private: true,
    type: kind === 'esm' ? 'module' : 'commonjs',
  };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(path.join(dir, 'src', 'shared.ts'), shared);
  writeFileSync(path.join(dir, 'src', 'main.ts'), kind === 'esm' ? esmMain : cjsMain);
  writeFileSync(
    path.join(dir, 'tsconfig.node16.json'),
    `${JSON.stringify(node16Config(typeRoots), null, 2)}\n`,
  );
  writeFileSync(
    path.join(dir, 'tsconfig.bundler.json'),
    `${JSON.stringify(bundlerConfig(typeRoots), null, 2)}\n`,
  );
}
