import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_FILES } from './layout';

/** Files of `dir` that differ from a fresh codegen run in `fresh` (missing, changed or extra). */
export function diffGenerated(fresh: string, dir: string): string[] {
  const problems: string[] = [];
  for (const name of GENERATED_FILES) {
    const target = path.join(dir, name);
    if (!existsSync(target)) {
      problems.push(`${name}: missing`);
      continue;
    }
    const a = readFileSync(path.join(fresh, name));
    const b = readFileSync(target);
    if (!a.equals(b)) {
      const la = a.toString('utf8').split('\n');
      const lb = b.toString('utf8').split('\n');
      let line = 0;
      while (line < la.length && la[line] === lb[line]) line++;
      problems.push(`${name}: differs (first difference at line ${line + 1})`);
    }
  }
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (!GENERATED_FILES.includes(name)) problems.push(`${name}: not produced by codegen`);
    }
  }
  return problems;
}
