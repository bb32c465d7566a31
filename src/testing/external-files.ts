// External files of the simulated controller: files the controller keeps (content as base64) and writes
// to the nodes of the resource definitions they are deployed with. A deployment is the resource
// definition property `files/<path without its leading slash>` = `True`, so it shows in the RD's props.
import { compact, type Json } from './render';
import type { ResourceDefinitionRecord, SimulatorState } from './state';

export interface ExternalFileRecord {
  /** absolute path on the nodes; also the key (paths are case-sensitive, as on the nodes) */
  path: string;
  /** the content, base64 as it travels in JSON */
  content: string;
  altSuffixes: string[];
  uuid: string;
}

/** The RD property that marks `path` as deployed with that resource definition. */
export const deployPropKey = (path: string): string => `files${path}`;

/** Directories that hold kernel interfaces, not files: the simulated satellites refuse to write there. */
const REFUSED_DIRS = ['/proc/', '/sys/', '/dev/'];

/** Why `path` cannot name an external file, or undefined when it can. */
export function extFilePathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'The path must be absolute (start with /).';
  if (path.length > 4096) return `The path is ${path.length} characters long; at most 4096 are allowed.`;
  if (path.includes('\u0000')) return 'The path must not contain NUL characters.';
  const segments = path.slice(1).split('/');
  if (segments.some((s) => s === '')) return 'The path must not end with / or contain empty segments.';
  if (segments.some((s) => s === '.' || s === '..')) return "The path must not contain '.' or '..' segments.";
  return undefined;
}

/** Whether a (valid) path lies where a satellite may write files. */
export const isWritablePath = (path: string): boolean => !REFUSED_DIRS.some((d) => path.startsWith(d));

/** Strict base64 (what a JSON client sends for bytes): groups of four, padding only at the end. */
export const isBase64 = (text: string): boolean =>
  text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);

/** The resource definitions `path` is deployed with, sorted by name. */
export function deployedWith(state: SimulatorState, path: string): ResourceDefinitionRecord[] {
  const k = deployPropKey(path);
  return state.sortedResourceDefinitions().filter((rd) => rd.props[k] !== undefined);
}

/** Names of the nodes that hold a resource of an RD `path` is deployed with (so the file is written there). */
export function nodesHoldingFile(state: SimulatorState, path: string): string[] {
  const out = new Map<string, string>();
  for (const rd of deployedWith(state, path)) {
    for (const [k, r] of rd.resources) out.set(k, r.nodeName);
  }
  return [...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map((e) => e[1]);
}

export function externalFileJson(f: ExternalFileRecord, withContent: boolean): Json {
  return compact({
    path: f.path,
    content: withContent ? f.content : undefined,
    alt_suffixes: f.altSuffixes,
  });
}
