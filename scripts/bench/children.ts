/** Child processes of the benchmark: the simulator server and one-shot measurement children. */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const TSX = ['--import', 'tsx'];

export interface SimChild {
  readonly urls: Record<string, string>;
  readonly notes: string[];
  close(): Promise<void>;
}

/** Starts simulated controllers in a child process; resolves with their URLs once they listen. */
export function startSimChild(
  specs: readonly { id: string; nodes?: number; large?: { nodes: number; resources: number } }[],
): Promise<SimChild> {
  const child = fork(path.join(__dirname, 'sim-server.ts'), [JSON.stringify(specs)], {
    execArgv: TSX,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`simulator child exited early (${code})`)));
    child.on(
      'message',
      (m: { type: string; urls?: Record<string, string>; notes?: string[]; message?: string }) => {
        if (m.type === 'error') reject(new Error(`simulator child: ${m.message}`));
        if (m.type !== 'ready') return;
        child.removeAllListeners('exit');
        resolve({ urls: m.urls ?? {}, notes: m.notes ?? [], close: () => stopChild(child) });
      },
    );
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send('close');
  });
}

/** Runs a TypeScript file in a fresh Node process (with extra Node flags) and returns its one IPC message. */
export function runMeasureChild<T>(
  file: string,
  args: readonly string[],
  nodeFlags: readonly string[],
): Promise<T> {
  const child = fork(path.join(__dirname, file), [...args], {
    execArgv: [...nodeFlags, ...TSX],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: T | undefined;
    child.on('message', (m) => {
      result = m as T;
    });
    child.once('exit', (code) => {
      if (result !== undefined) resolve(result);
      else reject(new Error(`${file} exited with ${code} without a result`));
    });
  });
}

/** Runs a command to completion; returns its wall time in ms, exit code and output. */
export function timeCommand(
  cmd: string,
  args: readonly string[],
  cwd = REPO_ROOT,
): Promise<{ ms: number; code: number; output: string }> {
  const started = performance.now();
  const child = spawn(cmd, [...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ ms: performance.now() - started, code: code ?? -1, output }));
  });
}
