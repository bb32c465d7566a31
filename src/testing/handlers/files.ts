// External files: stored with PUT, listed (content only on request), deleted, checked against a node,
// and deployed with resource definitions (records and rules in external-files.ts).
import {
  CREATED,
  DELETED,
  FAIL_INVLD_EXT_FILE,
  FAIL_INVLD_EXT_FILE_NAME,
  FAIL_NOT_FOUND_EXT_FILE,
  FAIL_NOT_FOUND_NODE,
  MASK_CRT,
  MASK_DEL,
  MASK_EXT_FILES,
  MASK_MOD,
  MODIFIED,
  WARN_NOT_FOUND,
} from '../../../generated/constants';
import type { ObjectShape } from '../body';
import {
  deployedWith,
  deployPropKey,
  type ExternalFileRecord,
  externalFileJson,
  extFilePathProblem,
  isBase64,
  isWritablePath,
  nodesHoldingFile,
} from '../external-files';
import { rscDfnNotFound } from '../messages';
import { entry, fail, failBare, type RcEntry } from '../rc';
import type { Route, RouteContext } from '../router';
import type { NodeRecord, SimulatorState } from '../state';
import { json, paginate, queryBool } from './common';

const FILE = '/v1/files/{extFileName}';

const ExternalFileShape: ObjectShape = {
  cls: 'ExternalFile',
  fields: { path: 'string', content: 'string', alt_suffixes: ['string'] },
};

function fileOf(state: SimulatorState, path: string): ExternalFileRecord {
  const f = state.externalFiles.get(path);
  if (!f) {
    fail(FAIL_NOT_FOUND_EXT_FILE, `External file '${path}' not found.`, {
      cause: `The specified external file '${path}' could not be found in the database`,
      correction: `Store the file with PUT /v1/files/{path} first.`,
    });
  }
  return f;
}

function nodeOf(state: SimulatorState, name: string): NodeRecord {
  return state.node(name) ?? failBare(FAIL_NOT_FOUND_NODE, `Node '${name}' not found.`);
}

function checkPath(path: string): void {
  const problem = extFilePathProblem(path);
  if (problem)
    fail(FAIL_INVLD_EXT_FILE_NAME, `The given external file name '${path}' is invalid.`, { cause: problem });
}

/** One MODIFIED entry per node that holds the file (the satellites rewrite or remove it). */
function nodeEntries(state: SimulatorState, path: string, what: string): RcEntry[] {
  return nodesHoldingFile(state, path).map((n) =>
    entry(MODIFIED, `${what} external file '${path}' on '${n}'`),
  );
}

function storeFile(ctx: RouteContext): RcEntry[] {
  const path = ctx.params[0] as string;
  const body = ctx.body<{ path?: string; content?: string; alt_suffixes?: string[] }>(ExternalFileShape);
  checkPath(path);
  if (body.path !== undefined && body.path !== path) {
    fail(
      FAIL_INVLD_EXT_FILE_NAME,
      `The path '${body.path}' in the body differs from the path '${path}' of the URL.`,
    );
  }
  const content = body.content ?? '';
  if (!isBase64(content)) {
    fail(FAIL_INVLD_EXT_FILE, `The content of external file '${path}' is not valid base64.`);
  }
  const old = ctx.state.externalFiles.get(path);
  const rec: ExternalFileRecord = {
    path,
    content,
    altSuffixes: body.alt_suffixes ?? [],
    uuid: old?.uuid ?? ctx.state.uuid(),
  };
  ctx.state.externalFiles.set(path, rec);
  if (!old) {
    return [
      entry(MASK_EXT_FILES | MASK_CRT | CREATED, `New external file '${path}' created.`, {
        details: `External file '${path}' UUID is: ${rec.uuid}`,
      }),
    ];
  }
  return [
    entry(MODIFIED, `External file '${path}' modified.`, {
      details: `External file '${path}' UUID is: ${rec.uuid}`,
    }),
    ...nodeEntries(ctx.state, path, 'Updated'),
  ];
}

function deleteFile(ctx: RouteContext): RcEntry[] {
  const path = ctx.params[0] as string;
  const f = ctx.state.externalFiles.get(path);
  if (!f) {
    return [
      entry(WARN_NOT_FOUND, `Deletion of external file '${path}' had no effect.`, {
        cause: `External file '${path}' does not exist.`,
      }),
    ];
  }
  // A deleted file is also taken off the nodes of every resource definition it was deployed with.
  const out = nodeEntries(ctx.state, path, 'Removed');
  const rds = deployedWith(ctx.state, path);
  for (const rd of rds) delete rd.props[deployPropKey(path)];
  ctx.state.externalFiles.delete(path);
  out.unshift(
    entry(DELETED, `External file '${path}' deleted.`, {
      details:
        `External file '${path}' UUID was: ${f.uuid}` +
        (rds.length > 0 ? `; undeployed from ${rds.map((rd) => `'${rd.name}'`).join(', ')}` : ''),
    }),
  );
  return out;
}

function fileRoutes(): Route[] {
  return [
    {
      method: 'GET',
      template: '/v1/files',
      handler: ({ state, query }) => {
        const withContent = queryBool(query, 'content');
        const files = [...state.externalFiles.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
        return json(paginate(files, query).map((f) => externalFileJson(f, withContent)));
      },
    },
    {
      method: 'GET',
      template: FILE,
      handler: ({ state, params }) => json(externalFileJson(fileOf(state, params[0] as string), true)),
    },
    {
      method: 'PUT',
      template: FILE,
      context: [MASK_EXT_FILES, MASK_MOD],
      handler: (ctx) => ({ entries: storeFile(ctx) }),
    },
    {
      method: 'DELETE',
      template: FILE,
      context: [MASK_EXT_FILES, MASK_DEL],
      handler: (ctx) => ({ entries: deleteFile(ctx) }),
    },
    {
      method: 'GET',
      template: `${FILE}/check/{node}`,
      handler: ({ state, params }) => {
        const path = params[0] as string;
        nodeOf(state, params[1] as string);
        return json({ allowed: extFilePathProblem(path) === undefined && isWritablePath(path) });
      },
    },
    {
      method: 'GET',
      template: `${FILE}/status/{node}`,
      handler: ({ state, params }) => {
        const f = fileOf(state, params[0] as string);
        const node = nodeOf(state, params[1] as string);
        // No satellite to ask: the controller answers 503 without a body.
        if (node.connectionStatus !== 'ONLINE') return { raw: '', status: 503 };
        const there = nodesHoldingFile(state, f.path).includes(node.name);
        return json(there ? { actual_path: f.path, content_match: true } : { content_match: false });
      },
    },
  ];
}

function deployRoutes(): Route[] {
  const template = '/v1/resource-definitions/{resource}/files/{extFileName}';
  const target = (ctx: RouteContext) => {
    const rd =
      ctx.state.resourceDefinition(ctx.params[0] as string) ?? rscDfnNotFound(ctx.params[0] as string);
    return { rd, file: fileOf(ctx.state, ctx.params[1] as string) };
  };
  // Both answer 200 without a body when they succeed, as the controller does.
  return [
    {
      method: 'POST',
      template,
      context: [MASK_EXT_FILES, MASK_MOD],
      handler: (ctx) => {
        const { rd, file } = target(ctx);
        rd.props[deployPropKey(file.path)] = 'True';
        return { raw: '', status: 200 };
      },
    },
    {
      method: 'DELETE',
      template,
      context: [MASK_EXT_FILES, MASK_MOD],
      handler: (ctx) => {
        const { rd, file } = target(ctx);
        delete rd.props[deployPropKey(file.path)];
        return { raw: '', status: 200 };
      },
    },
  ];
}

export function externalFileRoutes(): Route[] {
  return [...fileRoutes(), ...deployRoutes()];
}
