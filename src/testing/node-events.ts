// The node event stream (GET /v1/events/nodes): while someone listens, the hub keeps every node as the
// REST API renders it and compares after each change (event-hub.ts says why).
import { EventHub, hubOf, type SimEvent, sseFrame, type Unnumbered } from './event-hub';
import { nodeJson } from './render';
import type { SimulatorState } from './state';

export type NodeEventName =
  | 'node-create'
  | 'node-delete'
  | 'node-evacuate'
  | 'node-evicted'
  | 'node-restored'
  | 'node-modified';

/** One node event as sent: `data` is `EventNode` (`{ node }`) or, for node-modified, `EventNodeModified`. */
export interface SimNodeEvent extends SimEvent {
  event: NodeEventName;
  data: { node: unknown } | { old_node: unknown; new_node: unknown };
}

export type NodeEventListener = (event: SimNodeEvent) => void;

/** Flags that take a node out of service; gaining one is evacuate/evicted, losing all of them is restored. */
const OUT_OF_SERVICE = ['EVACUATE', 'EVICTED'] as const;

interface Rendered {
  text: string;
  flags: readonly string[];
}

export class NodeEventHub extends EventHub<SimNodeEvent, Map<string, Rendered>> {
  /** @internal */
  protected picture(): Map<string, Rendered> {
    const out = new Map<string, Rendered>();
    // sortedNodes: events of one change come in the controller's list order
    for (const n of this.state.sortedNodes()) {
      const json = nodeJson(n);
      out.set(n.uuid, { text: JSON.stringify(json), flags: [...n.flags] });
    }
    return out;
  }

  /** @internal */
  protected diff(before: Map<string, Rendered>, now: Map<string, Rendered>): Unnumbered<SimNodeEvent>[] {
    const events: Unnumbered<SimNodeEvent>[] = [];
    // Kept texts are parsed again so an event never shares objects with the live records.
    const node = (r: Rendered): unknown => JSON.parse(r.text);
    for (const [uuid, old] of before) {
      if (!now.has(uuid)) events.push({ event: 'node-delete', data: { node: node(old) } });
    }
    for (const [uuid, cur] of now) {
      const old = before.get(uuid);
      if (old === undefined) {
        events.push({ event: 'node-create', data: { node: node(cur) } });
        continue;
      }
      if (old.text === cur.text) continue;
      const gained = OUT_OF_SERVICE.find((f) => cur.flags.includes(f) && !old.flags.includes(f));
      const wasOut = OUT_OF_SERVICE.some((f) => old.flags.includes(f));
      const isOut = OUT_OF_SERVICE.some((f) => cur.flags.includes(f));
      if (gained === 'EVACUATE') events.push({ event: 'node-evacuate', data: { node: node(cur) } });
      else if (gained === 'EVICTED') events.push({ event: 'node-evicted', data: { node: node(cur) } });
      else if (wasOut && !isOut) events.push({ event: 'node-restored', data: { node: node(cur) } });
      else events.push({ event: 'node-modified', data: { old_node: node(old), new_node: node(cur) } });
    }
    return events;
  }
}

/** The node event hub of a state (one per state, shared by every controller over it). */
export function nodeEventHub(state: SimulatorState): NodeEventHub {
  return hubOf(state, NodeEventHub, (st) => new NodeEventHub(st));
}

export { sseFrame };
