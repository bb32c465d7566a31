// Shared helpers for the openapi/ tests: where things are, how to read them, and how to walk a document.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { type JsonObject, loadSpecDir, type OpenApiDocument } from '../../codegen/bundle';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const openapiDir = path.join(repoRoot, 'openapi');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const upstreamSpecFile = path.join(
  sharedDir,
  'openapi-reference',
  'linstor-rest-v1-master-3e9306a9.yaml',
);
export const constsFile = path.join(sharedDir, 'reference', 'linstor-consts.json');

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type Json = unknown;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Our document, merged by codegen's own loader (one place for the merge rules). */
export function loadOurSpec(): OpenApiDocument {
  return loadSpecDir(openapiDir);
}

/** The newest upstream reference copy, or a reason why it cannot be used. */
export function loadUpstreamSpec(): { doc: OpenApiDocument } | { skip: string } {
  if (!existsSync(upstreamSpecFile)) {
    return { skip: `reference copy not found at ${upstreamSpecFile} (../shared is absent in a fresh clone)` };
  }
  return { doc: parse(readFileSync(upstreamSpecFile, 'utf8')) as OpenApiDocument };
}

/** Prints why a group of tests does not run, once, where jest shows it. */
export function printSkip(what: string, reason: string): void {
  process.stdout.write(`[openapi tests] skipping ${what}: ${reason}\n`);
}

export interface Operation {
  method: string;
  path: string;
  op: JsonObject;
  /** path-level parameters first, then operation-level ones (both possibly $refs). */
  parameters: JsonObject[];
}

export function operations(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [p, item] of Object.entries(doc.paths)) {
    const shared = Array.isArray(item.parameters) ? (item.parameters as JsonObject[]) : [];
    for (const m of HTTP_METHODS) {
      const op = item[m];
      if (!isObject(op)) continue;
      const own = Array.isArray(op.parameters) ? (op.parameters as JsonObject[]) : [];
      out.push({ method: m, path: p, op, parameters: [...shared, ...own] });
    }
  }
  return out;
}

/** Follows one local `$ref` chain ('#/components/<section>/<name>'). */
export function deref(doc: OpenApiDocument, node: unknown): unknown {
  let cur = node;
  for (let i = 0; i < 20 && isObject(cur) && typeof cur.$ref === 'string'; i++) {
    const parts = cur.$ref.replace(/^#\//, '').split('/');
    let target: unknown = doc;
    for (const part of parts) target = isObject(target) ? target[part] : undefined;
    if (target === undefined) throw new Error(`unresolved $ref ${cur.$ref}`);
    cur = target;
  }
  return cur;
}

export function refName(node: unknown): string | undefined {
  return isObject(node) && typeof node.$ref === 'string' ? node.$ref.split('/').pop() : undefined;
}

/** Every string value stored under one of `keys`, anywhere in the tree (skipping property-name maps). */
export function collectTexts(node: unknown, keys: ReadonlySet<string>, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const v of node) collectTexts(v, keys, out);
  } else if (isObject(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (keys.has(k) && typeof v === 'string') out.push(v);
      else if (k === 'properties' && isObject(v)) {
        // keys here are property names (a property may be called "description"); look only inside
        for (const sub of Object.values(v)) collectTexts(sub, keys, out);
      } else collectTexts(v, keys, out);
    }
  }
  return out;
}
