/**
 * Summarizes a V8 .cpuprofile: self time per function (with file:line), and total (inclusive) time of the
 * functions whose URL matches an optional filter. `node --import tsx cpuprofile-summary.ts <file> [filter] [top]`
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const [file, filter = '', topArg = '30'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file as string, 'utf8')) as {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const totalSamples = profile.samples.length;
const msPerSample = (profile.endTime - profile.startTime) / 1000 / totalSamples;
const label = (n: ProfileNode) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '').replace(process.cwd(), '.');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
};

const self = new Map<string, number>();
for (const n of profile.nodes) self.set(label(n), (self.get(label(n)) ?? 0) + (n.hitCount ?? 0));

// inclusive time: sum of hits in the subtree, counted once per label per path
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
for (const n of profile.nodes) {
  const hits = n.hitCount ?? 0;
  if (!hits) continue;
  const seen = new Set<string>();
  let cur: ProfileNode | undefined = n;
  while (cur) {
    const l = label(cur);
    if (!seen.has(l)) {
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + hits);
    }
    const p = parent.get(cur.id);
    cur = p === undefined ? undefined : byId.get(p);
  }
}

const top = Number(topArg);
const show = (title: string, m: Map<string, number>, f: (k: string) => boolean) => {
  process.stdout.write(`\n${title} (of ${(totalSamples * msPerSample).toFixed(0)} ms)\n`);
  [...m.entries()]
    .filter(([k]) => f(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, v]) => {
      process.stdout.write(
        `${(v * msPerSample).toFixed(1).padStart(9)} ms  ${((v / totalSamples) * 100).toFixed(1).padStart(5)}%  ${k}\n`,
      );
    });
};
show('self time', self, () => true);
if (filter) show(`inclusive time, ${filter}`, inclusive, (k) => k.includes(filter));
