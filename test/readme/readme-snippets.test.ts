// Every ```ts block of the README type-checks against the SDK's source, so the documentation cannot
// drift from the API. Each block becomes an async function body in its own file; its imports of
// 'linstor-api', 'linstor-api/node' and 'linstor-api/testing' point at the matching source entries.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, removeDir, SPAWN_TIMEOUT, scratchDir, typeCheck } from '../codegen/helpers';

const ENTRIES: Record<string, string> = {
  'linstor-api': 'src/index',
  'linstor-api/node': 'src/node/index',
  'linstor-api/testing': 'src/testing/index',
};

function snippets(): string[] {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** A module for one snippet: its imports on top (re-pointed at src/), the rest inside an async function. */
function moduleFor(snippet: string, index: number): string {
  const lines = snippet.split('\n');
  const imports = lines
    .filter((l) => l.startsWith('import '))
    .map((l) =>
      l.replace(/'(linstor-api(?:\/\w+)?)'/, (_, entry: string) => {
        const target = ENTRIES[entry];
        if (!target) throw new Error(`README imports an unknown entry: ${entry}`);
        return `'${path.join(REPO_ROOT, target).split(path.sep).join('/')}'`;
      }),
    );
  const body = lines.filter((l) => !l.startsWith('import '));
  // `secret` stands for a password the reader supplies.
  return `${imports.join('\n')}\nexport async function snippet${index}(secret: string) {\n${body.join('\n')}\n}\n`;
}

test(
  'README TypeScript examples compile',
  async () => {
    const blocks = snippets();
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const dir = scratchDir('readme');
    try {
      const files = blocks.map((block, i) => {
        const file = `snippet${i}.ts`;
        writeFileSync(path.join(dir, file), moduleFor(block, i));
        return file;
      });
      const result = await typeCheck(dir, files, ['node']);
      if (!result.ok) process.stdout.write(`${result.diagnostics.join('\n')}\n`);
      expect(result.diagnostics).toEqual([]);
    } finally {
      removeDir(dir);
    }
  },
  SPAWN_TIMEOUT,
);
