// DOM rendering of a snapshot. Text from the controller only ever goes into textContent.
import { connectionState, formatKib } from './format';
import type { NodeRow, PoolRow, ReplicaRow, ResourceRow, Snapshot } from './view-model';

type Child = Node | string;

/** document.createElement with attributes (data-*, class, ...) and children. */
export function el(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function badge(text: string, state: string): HTMLElement {
  return el('span', { class: 'badge', 'data-state': state }, text);
}

function tbody(tableId: string): HTMLTableSectionElement {
  const body = document.querySelector<HTMLTableSectionElement>(`#${tableId} tbody`);
  if (!body) throw new Error(`the page has no #${tableId} table`);
  return body;
}

function emptyRow(columns: number, text: string): HTMLElement {
  return el('tr', { class: 'empty' }, el('td', { colspan: String(columns), class: 'muted' }, text));
}

function nodeRow(n: NodeRow): HTMLElement {
  return el(
    'tr',
    { 'data-node': n.name },
    el('td', {}, el('strong', {}, n.name)),
    el('td', {}, n.type),
    el('td', {}, el('code', {}, n.address)),
    el('td', { class: 'connection' }, badge(n.connection, connectionState(n.connection))),
    el('td', { class: 'num' }, String(n.resourceCount)),
  );
}

function poolRow(p: PoolRow): HTMLElement {
  const used =
    p.totalKib && p.freeKib !== undefined
      ? el('meter', {
          min: '0',
          max: String(p.totalKib),
          value: String(p.totalKib - p.freeKib),
          high: String(p.totalKib * 0.8),
          title: `${formatKib(p.totalKib - p.freeKib)} used`,
        })
      : el('span', { class: 'muted' }, 'diskless');
  return el(
    'tr',
    { 'data-pool': `${p.node}/${p.pool}` },
    el('td', {}, p.node),
    el('td', {}, p.pool),
    el('td', {}, p.driver),
    el('td', { class: 'num free' }, formatKib(p.freeKib)),
    el('td', { class: 'num' }, formatKib(p.totalKib)),
    el('td', {}, used),
  );
}

function replicaList(replicas: ReplicaRow[], diskful: boolean): HTMLElement {
  if (replicas.length === 0) return el('span', { class: 'muted' }, '–');
  return el(
    'ul',
    { class: 'replicas' },
    ...replicas.map((r) => {
      const parts: Child[] = [el('strong', {}, r.node), ' ', el('code', {}, r.devicePaths.join(', ') || '–')];
      if (diskful) parts.push(' ', badge(r.diskState, r.diskState === 'UpToDate' ? 'ok' : 'warn'));
      if (r.tieBreaker) parts.push(' ', badge('tie-breaker', 'neutral'));
      if (r.inUse) parts.push(' ', badge('in use', 'ok'));
      return el('li', { 'data-replica': r.node, 'data-diskless': String(!diskful) }, ...parts);
    }),
  );
}

function resourceRow(r: ResourceRow): HTMLElement {
  return el(
    'tr',
    { 'data-resource': r.name },
    el('td', {}, el('strong', {}, r.name)),
    el('td', { class: 'num' }, formatKib(r.sizeKib)),
    el('td', { class: 'diskful' }, replicaList(r.diskful, true)),
    el('td', { class: 'diskless' }, replicaList(r.diskless, false)),
    el('td', { class: 'state' }, badge(r.summary, r.health)),
    el(
      'td',
      {},
      el(
        'button',
        { type: 'button', class: 'danger', 'data-delete': r.name, title: `Delete ${r.name}` },
        'Delete',
      ),
    ),
  );
}

/** Replaces the three tables' rows and the spawn form's group choices. */
export function renderSnapshot(s: Snapshot): void {
  tbody('nodes').replaceChildren(...(s.nodes.length ? s.nodes.map(nodeRow) : [emptyRow(5, 'no nodes')]));
  tbody('pools').replaceChildren(
    ...(s.pools.length ? s.pools.map(poolRow) : [emptyRow(6, 'no storage pools')]),
  );
  tbody('resources').replaceChildren(
    ...(s.resources.length ? s.resources.map(resourceRow) : [emptyRow(6, 'no resources')]),
  );
  const select = document.querySelector<HTMLSelectElement>('#spawn-group');
  if (select) {
    const chosen = select.value;
    select.replaceChildren(...s.groups.map((g) => el('option', { value: g }, g)));
    // keep the user's choice; otherwise prefer a group of our own over the controller's default one
    const preferred = s.groups.find((g) => g !== 'DfltRscGrp') ?? s.groups[0] ?? '';
    select.value = s.groups.includes(chosen) ? chosen : preferred;
  }
}

/** Sets the text and colour of one of the status pills (or the action result line). */
export function setStatus(id: string, state: 'pending' | 'ok' | 'warn' | 'error', text: string): void {
  const node = document.getElementById(id);
  if (!node) return;
  node.textContent = text;
  node.dataset.state = state;
}
