// The node event stream (GET /v1/events/nodes). Handlers mutate node records in place and in many places
// (create, delete, lost, modify, net interfaces, state helpers), so events are not raised at each site:
// while someone listens, the hub keeps every node as the REST API renders it and, whenever the state
// reports a change, compares the current rendering with the kept one. A comparison per change is cheap
// next to a request, and no mutation site can be forgotten.
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
export interface SimNodeEvent {
  /** increasing per state, sent as the frame's `id:` */
  id: number;
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

export class NodeEventHub {
  private readonly listeners = new Set<NodeEventListener>();
  private kept = new Map<string, Rendered>();
  private nextId = 1;
  private stopWatching: (() => void) | undefined;

  constructor(private readonly state: SimulatorState) {}

  /** Number of open subscriptions (open event streams). */
  get subscribers(): number {
    return this.listeners.size;
  }

  /** Calls `listener` for every node change from now on; the returned function unsubscribes. */
  subscribe(listener: NodeEventListener): () => void {
    // A function may be subscribed twice (two streams); each subscription gets its own wrapper.
    const own: NodeEventListener = (e) => listener(e);
    if (this.listeners.size === 0) {
      this.kept = this.render();
      this.stopWatching = this.state.onChange(() => this.compare());
    }
    this.listeners.add(own);
    return () => {
      if (!this.listeners.delete(own) || this.listeners.size > 0) return;
      this.stopWatching?.();
      this.stopWatching = undefined;
      this.kept = new Map();
    };
  }

  private render(): Map<string, Rendered> {
    const out = new Map<string, Rendered>();
    // sortedNodes: events of one change come in the controller's list order
    for (const n of this.state.sortedNodes()) {
      const json = nodeJson(n);
      out.set(n.uuid, { text: JSON.stringify(json), flags: [...n.flags] });
    }
    return out;
  }

  private compare(): void {
    const now = this.render();
    const before = this.kept;
    this.kept = now;
    const events: Omit<SimNodeEvent, 'id'>[] = [];
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
    for (const e of events) {
      const full: SimNodeEvent = { id: this.nextId++, ...e };
      for (const l of [...this.listeners]) l(full);
    }
  }
}

const hubs = new WeakMap<SimulatorState, NodeEventHub>();

/** The node event hub of a state (one per state, shared by every controller over it). */
export function nodeEventHub(state: SimulatorState): NodeEventHub {
  let hub = hubs.get(state);
  if (!hub) {
    hub = new NodeEventHub(state);
    hubs.set(state, hub);
  }
  return hub;
}

/** One server-sent event frame. JSON has no raw newlines, so `data:` is a single line. */
export function sseFrame(e: SimNodeEvent): string {
  return `id: ${e.id}\nevent: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;
}
