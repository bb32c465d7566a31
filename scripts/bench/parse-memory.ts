/**
 * Child process of (c): measures the memory of ONE parse of the view text in a fresh Node process
 * started with --expose-gc, so that nothing else (earlier rounds, the other variant) is on the heap.
 *
 * - peak: `process.resourceUsage().maxRSS` after the parse minus the RSS right before it (after a full
 *   GC). maxRSS is the kernel's high-water mark of the process, so it catches the transient peak of the
 *   synchronous parse that no sampling could see. Valid only when the parse set a new high-water mark
 *   (reported as `newPeak`); otherwise it is a lower bound.
 * - heapPeakApprox: heapUsed right after the parse (before any GC) minus heapUsed before it: the heap the
 *   parse allocated, garbage included (a lower bound of the heap peak if a GC ran during the parse).
 * - retained: heapUsed after a full GC with the result still referenced (and the text released), minus
 *   heapUsed before the text was read.
 *
 * argv: <raw|sdk> <text file>. Sends one message with the numbers (bytes) and exits.
 */
import { readFileSync } from 'node:fs';
import { type ParseVariant, runVariant } from './parse-variants';
import { collectGarbage } from './stats';

const variant = process.argv[2] as ParseVariant;
const file = process.argv[3] as string;
// warm the code paths on a small text so that compilation does not count
runVariant(variant, '[{"name":"w","node_name":"n","volumes":[]}]');
collectGarbage();
const heapEmpty = process.memoryUsage().heapUsed;
let text: string | undefined = readFileSync(file, 'utf8');
collectGarbage();
const rssBefore = process.memoryUsage().rss;
const maxRssBefore = process.resourceUsage().maxRSS * 1024;
const heapBefore = process.memoryUsage().heapUsed;
const result = runVariant(variant, text);
const maxRssAfter = process.resourceUsage().maxRSS * 1024;
const heapAfterParse = process.memoryUsage().heapUsed;
text = undefined; // only the result stays alive; the text was part of the baseline
collectGarbage();
const retainedHeap = process.memoryUsage().heapUsed;
process.send?.({
  variant,
  peak: maxRssAfter - rssBefore,
  newPeak: maxRssAfter > maxRssBefore,
  heapPeakApprox: heapAfterParse - heapBefore,
  retained: retainedHeap - heapEmpty,
  textBytes: heapBefore - heapEmpty,
  keep: result === undefined ? 0 : 1,
});
