// What every event stream of the simulated controller shares (node events, DRBD promotion events).
// Handlers mutate records in place and in many places, so events are not raised at each mutation site:
// while someone listens, a hub keeps a small picture of what its stream reports and, whenever the state
// reports a change, compares the current picture with the kept one. A comparison per change is cheap
// next to a request, and no mutation site can be forgotten.
import type { SimulatorState } from './state';

/** One event as sent: `id` increases per hub and is sent as the frame's `id:`. */
export interface SimEvent {
  id: number;
  event: string;
  data: unknown;
}

/** An event before the hub numbers it. */
export type Unnumbered<E extends SimEvent> = E extends SimEvent ? Omit<E, 'id'> : never;

/** The part of a hub a transport needs: subscribe for the stream's lifetime. */
export interface EventSource<E extends SimEvent = SimEvent> {
  subscribe(listener: (event: E) => void): () => void;
}

export abstract class EventHub<E extends SimEvent, Picture> implements EventSource<E> {
  private readonly listeners = new Set<(event: E) => void>();
  private kept: Picture | undefined;
  private nextId = 1;
  private stopWatching: (() => void) | undefined;

  constructor(protected readonly state: SimulatorState) {}

  /** Number of open subscriptions (open event streams). */
  get subscribers(): number {
    return this.listeners.size;
  }

  /** Calls `listener` for every event from now on; the returned function unsubscribes. */
  subscribe(listener: (event: E) => void): () => void {
    // A function may be subscribed twice (two streams); each subscription gets its own wrapper.
    const own = (e: E) => listener(e);
    if (this.listeners.size === 0) {
      this.kept = this.picture();
      this.stopWatching = this.state.onChange(() => this.compare());
    }
    this.listeners.add(own);
    return () => {
      if (!this.listeners.delete(own) || this.listeners.size > 0) return;
      this.stopWatching?.();
      this.stopWatching = undefined;
      this.kept = undefined;
    };
  }

  /**
   * What the stream reports about the state now (kept between changes; must not share live records).
   * @internal
   */
  protected abstract picture(): Picture;

  /**
   * The events that lead from `before` to `now`, in the order they are sent.
   * @internal
   */
  protected abstract diff(before: Picture, now: Picture): Unnumbered<E>[];

  private compare(): void {
    const now = this.picture();
    const before = this.kept ?? now;
    this.kept = now;
    for (const e of this.diff(before, now)) {
      const full = { id: this.nextId++, ...e } as E;
      for (const l of [...this.listeners]) l(full);
    }
  }
}

const hubs = new WeakMap<SimulatorState, Map<unknown, unknown>>();

/** The hub of one kind for a state (one per state and kind, shared by every controller over it). */
export function hubOf<H>(state: SimulatorState, kind: unknown, make: (state: SimulatorState) => H): H {
  let own = hubs.get(state);
  if (!own) {
    own = new Map();
    hubs.set(state, own);
  }
  let hub = own.get(kind) as H | undefined;
  if (hub === undefined) {
    hub = make(state);
    own.set(kind, hub);
  }
  return hub;
}

/** One server-sent event frame. JSON has no raw newlines, so `data:` is a single line. */
export function sseFrame(e: SimEvent): string {
  return `id: ${e.id}\nevent: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;
}
