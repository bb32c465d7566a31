// Keeps the page current: a refresh every few seconds, plus an immediate refresh on every node event
// when the controller offers the node event stream (GET /v1/events/nodes, server-sent events).
import { describeError, type Linstor, type NodeEvent } from '../../src/index';

export type LiveMode = 'starting' | 'events' | 'polling';

export interface LiveOptions {
  lin: Linstor;
  /** reloads and re-renders everything; must not throw */
  refresh: () => Promise<void>;
  /** period of the regular refresh in ms */
  pollMs: number;
  signal: AbortSignal;
  /** `detail` is the short text shown; `why` the full reason (shown as a tooltip) */
  onMode: (mode: LiveMode, detail: string, why?: string) => void;
}

/** Runs until the signal aborts. */
export function startLive(opts: LiveOptions): void {
  pollForever(opts);
  void followNodeEvents(opts);
}

function pollForever({ refresh, pollMs, signal }: LiveOptions): void {
  const tick = () => {
    if (signal.aborted) return;
    void refresh().finally(() => {
      if (!signal.aborted) setTimeout(tick, pollMs);
    });
  };
  setTimeout(tick, pollMs);
}

function describeEvent(e: NodeEvent): string {
  const name = e.event === 'node-modified' ? e.data.new_node?.name : e.data.node?.name;
  return name ? `${e.event} ${name}` : e.event;
}

/**
 * The stream's first connection failing (no such endpoint, e.g. a controller or simulator without
 * it) ends here: the page keeps polling and says why. After a successful start the SDK reconnects by
 * itself, and `onResync` refreshes everything, because events sent while disconnected are lost.
 */
async function followNodeEvents(opts: LiveOptions): Promise<void> {
  const { lin, refresh, pollMs, signal, onMode } = opts;
  const every = `${pollMs / 1000} s`;
  onMode('starting', 'live updates: opening the node event stream…');
  try {
    const stream = lin.nodeEvents({
      signal,
      onResync: () => refresh(),
      onOpen: () => onMode('events', `live: node events + refresh every ${every}`),
      onDisconnect: (error) => onMode('events', 'live: node events reconnecting…', describeError(error)),
    });
    for await (const event of stream) {
      onMode('events', `live: node events (last: ${describeEvent(event)}) + refresh every ${every}`);
      await refresh();
    }
  } catch (error) {
    if (signal.aborted) return;
    onMode('polling', `live: polling every ${every} (no node event stream)`, describeError(error));
  }
}
