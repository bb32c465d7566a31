// GET /v1/view/resources: every resource with its volumes and layer data (controller-behavior.md §3.12).
import { resourceJson, withRenderMemo } from '../render';
import type { Route } from '../router';
import { key, type ResourceRecord } from '../state';
import { nameFilter, paginate, propsFilter } from './common';

export function viewRoutes(): Route[] {
  return [
    {
      method: 'GET',
      template: '/v1/view/resources',
      handler: ({ state, query }) => {
        const nodes = nameFilter(query, 'nodes');
        const rscs = nameFilter(query, 'resources');
        const pools = nameFilter(query, 'storage_pools');
        const byProps = propsFilter(query);
        const rds = rscs
          ? [...rscs].map((n) => state.resourceDefinitions.get(n)).filter((rd) => rd !== undefined)
          : state.sortedResourceDefinitions();
        if (rscs) rds.sort((a, b) => (key(a.name) < key(b.name) ? -1 : 1));
        const picked: { rd: (typeof rds)[number]; r: ResourceRecord }[] = [];
        for (const rd of rds) {
          const list = [...rd.resources.values()];
          if (list.length > 1) list.sort((a, b) => (key(a.nodeName) < key(b.nodeName) ? -1 : 1));
          for (const r of list) {
            if (nodes && !nodes.has(key(r.nodeName))) continue;
            if (pools && ![...r.volumes.values()].some((v) => pools.has(key(v.storagePoolName)))) continue;
            if (!byProps(r.props)) continue;
            picked.push({ rd, r });
          }
        }
        const page = paginate(picked, query);
        return { json: withRenderMemo(() => page.map(({ rd, r }) => resourceJson(state, rd, r, true))) };
      },
    },
  ];
}
