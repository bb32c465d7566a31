// The DRBD promotion event stream (GET /v1/events/drbd/promotion): a `may-promote-change` event
// (`EventMayPromoteChange`) whenever the may_promote value a resource list shows for a resource on a node
// changes, typically because the resource was promoted or demoted there (state.setInUse). Built on the
// shared compare-after-change hub (event-hub.ts).
import { EventHub, hubOf, type SimEvent, type Unnumbered } from './event-hub';
import { mayPromote } from './render';
import type { SimulatorState } from './state';

export interface SimPromotionEvent extends SimEvent {
  event: 'may-promote-change';
  data: { resource_name: string; node_name: string; may_promote: boolean };
}

interface Seen {
  resourceName: string;
  nodeName: string;
  /** undefined while nothing is known (node offline): no satellite reports then */
  mayPromote: boolean | undefined;
}

export class PromotionEventHub extends EventHub<SimPromotionEvent, Map<string, Seen>> {
  /** @internal */
  protected picture(): Map<string, Seen> {
    const out = new Map<string, Seen>();
    // Definitions and then nodes by name, so the events of one change come in list order.
    for (const rd of this.state.sortedResourceDefinitions()) {
      const rscs = [...rd.resources.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      for (const [, r] of rscs) {
        if (!r.layerStack.includes('DRBD')) continue;
        out.set(r.uuid, {
          resourceName: rd.name,
          nodeName: r.nodeName,
          mayPromote: mayPromote(r, this.state.node(r.nodeName)?.connectionStatus === 'ONLINE'),
        });
      }
    }
    return out;
  }

  /** A change of a known value, or a value becoming known (new resource, node back online). */
  /** @internal */
  protected diff(before: Map<string, Seen>, now: Map<string, Seen>): Unnumbered<SimPromotionEvent>[] {
    const events: Unnumbered<SimPromotionEvent>[] = [];
    for (const [uuid, cur] of now) {
      if (cur.mayPromote === undefined || before.get(uuid)?.mayPromote === cur.mayPromote) continue;
      events.push({
        event: 'may-promote-change',
        data: { resource_name: cur.resourceName, node_name: cur.nodeName, may_promote: cur.mayPromote },
      });
    }
    return events;
  }
}

/** The DRBD promotion event hub of a state (one per state, shared by every controller over it). */
export function promotionEventHub(state: SimulatorState): PromotionEventHub {
  return hubOf(state, PromotionEventHub, (st) => new PromotionEventHub(st));
}
