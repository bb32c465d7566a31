import path from 'node:path';
import { removeDir, SPAWN_TIMEOUT, scratchDir, typeCheck } from './helpers';

// (d) Type-level guarantees of generated/: fixtures/type-level.ts holds `@ts-expect-error` lines (tsc
// reports any that is not needed), so a clean compile proves both the positive and the negative cases:
// ret_code is bigint, an unknown path does not compile, a required path parameter cannot be omitted.
test(
  'generated/ types: ret_code bigint, unknown paths and missing path parameters rejected',
  async () => {
    const dir = scratchDir('codegen-type-level');
    try {
      const fixture = path
        .relative(dir, path.join(__dirname, 'fixtures', 'type-level.ts'))
        .split(path.sep)
        .join('/');
      const result = await typeCheck(dir, [fixture]);
      if (!result.ok) process.stdout.write(`${result.diagnostics.join('\n')}\n`);
      expect(result.diagnostics).toEqual([]);
      expect(result.ok).toBe(true);
    } finally {
      removeDir(dir);
    }
  },
  SPAWN_TIMEOUT,
);
