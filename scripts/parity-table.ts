/**
 * Prints the python-linstor parity table (src/api/parity.ts) as Markdown, counting the methods that the
 * `Linstor` class really has (test/api/parity.test.ts fails when that is not 161 of 161).
 * Usage: npx tsx scripts/parity-table.ts > parity.md
 */
import { Linstor } from '../src/api/linstor';
import { parityTable } from '../src/api/parity';

const has = (name: string) =>
  typeof (Linstor.prototype as unknown as Record<string, unknown>)[name] === 'function' ||
  typeof (Linstor as unknown as Record<string, unknown>)[name] === 'function';
const done = parityTable.filter((e) => has(e.ts)).length;
const escapePipes = (s: string) => s.replace(/\|/g, '\\|');
const lines = [
  `python-linstor parity: ${done} of ${parityTable.length} methods.`,
  '',
  '| § | python | linstor-api | HTTP |',
  '|---|---|---|---|',
  ...parityTable.map(
    (e) =>
      `| ${e.section} | \`${e.python}\`${e.classmethod ? ' (classmethod)' : ''} | ${has(e.ts) ? '' : '**missing** '}\`${e.ts}\` | ${escapePipes(e.http)} |`,
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);
