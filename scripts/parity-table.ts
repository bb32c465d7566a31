/**
 * Prints the python-linstor parity table (src/api/parity.ts) as Markdown, with a count line.
 * Usage: npx tsx scripts/parity-table.ts > parity.md
 */
import { parityTable } from '../src/api/parity';

const escapePipes = (s: string) => s.replace(/\|/g, '\\|');
const lines = [
  `python-linstor parity: ${parityTable.length} of ${parityTable.length} methods.`,
  '',
  '| § | python | linstor-api | HTTP |',
  '|---|---|---|---|',
  ...parityTable.map(
    (e) =>
      `| ${e.section} | \`${e.python}\`${e.classmethod ? ' (cm)' : ''} | \`${e.ts}\` | ${escapePipes(e.http)} |`,
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);
