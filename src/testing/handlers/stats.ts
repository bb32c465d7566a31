// Object counts (/v1/stats/*), error-report bulk delete, and node lost (forced removal).
import { DELETED, MASK_DEL, MASK_NODE } from '../../../generated/constants';
import type { ObjectShape } from '../body';
import { nodeNotFound } from '../messages';
import { reconcileTieBreaker, removeResource } from '../ops';
import { entry } from '../rc';
import type { Route } from '../router';
import { key, type SimulatorState } from '../state';
import { forgetNodeExtras } from './nodes';

const ErrorReportDeleteShape: ObjectShape = {
  cls: 'ErrorReportDelete',
  fields: {
    since: 'long',
    to: 'long',
    nodes: ['string'],
    exception: 'string',
    version: 'string',
    ids: ['string'],
  },
};

const count = (path: string, fn: (s: SimulatorState) => number): Route => ({
  method: 'GET',
  template: `/v1/stats/${path}`,
  handler: ({ state }) => ({ json: { count: fn(state) } }),
});

export function statsRoutes(): Route[] {
  return [
    count('nodes', (s) => s.nodes.size),
    count('resource-definitions', (s) => s.resourceDefinitions.size),
    count('resource-groups', (s) => s.resourceGroups.size),
    count('error-reports', (s) => s.errorReports.length),
    count('resources', (s) =>
      [...s.resourceDefinitions.values()].reduce((n, rd) => n + rd.resources.size, 0),
    ),
    count('storage-pools', (s) => [...s.nodes.values()].reduce((n, node) => n + node.storagePools.size, 0)),
    {
      method: 'PATCH',
      template: '/v1/error-reports',
      handler: (ctx) => {
        const body = ctx.body<{
          since?: number;
          to?: number;
          nodes?: string[];
          exception?: string;
          version?: string;
          ids?: string[];
        }>(ErrorReportDeleteShape);
        const nodes = body.nodes?.map(key);
        const before = ctx.state.errorReports.length;
        const keep = ctx.state.errorReports.filter(
          (e) =>
            !(
              (body.ids === undefined || body.ids.includes(e.id)) &&
              (body.since === undefined || e.errorTime >= body.since) &&
              (body.to === undefined || e.errorTime <= body.to) &&
              (nodes === undefined || nodes.includes(key(e.nodeName))) &&
              (body.exception === undefined || e.exception === body.exception) &&
              (body.version === undefined || e.version === body.version)
            ),
        );
        ctx.state.errorReports.splice(0, ctx.state.errorReports.length, ...keep);
        return { entries: [entry(DELETED, `Deleted ${before - keep.length} error report(s).`)] };
      },
    },
    {
      method: 'DELETE',
      template: '/v1/nodes/{node}/lost',
      context: [MASK_NODE, MASK_DEL],
      handler: ({ state, params }) => {
        const node = state.node(params[0] as string);
        if (!node) return nodeNotFound(params[0] as string);
        // The node is gone for good: its resources go without the usual safety checks.
        const affected = [...state.resourceDefinitions.values()].filter((rd) =>
          rd.resources.has(key(node.name)),
        );
        for (const rd of affected) {
          const r = rd.resources.get(key(node.name));
          if (r) removeResource(state, rd, r);
        }
        state.nodes.delete(key(node.name));
        forgetNodeExtras(state, node.name);
        return {
          entries: [
            entry(DELETED, `Node '${node.name}' deleted.`, {
              details: `Node '${node.name}' UUID was: ${node.uuid}`,
              objRefs: { Node: node.name },
            }),
            ...affected.flatMap((rd) => reconcileTieBreaker(state, rd)),
          ],
        };
      },
    },
  ];
}
