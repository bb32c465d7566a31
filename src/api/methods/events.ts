import {
  LinstorApiCallError,
  LinstorError,
  LinstorNetworkError,
  LinstorTimeoutError,
} from '../../core/errors';
import { runsInNode } from '../../core/runtime';
import { EventStream, type EventStreamOpener, type EventStreamOptions } from '../events/event-stream';
import {
  type DrbdPromotionEvent,
  decodeDrbdPromotionEvent,
  decodeNodeEvent,
  type NodeEvent,
} from '../events/linstor-events';
import type { LinstorCore } from '../linstor-core';

type StreamPath = '/v1/events/nodes' | '/v1/events/drbd/promotion';

/**
 * Opens one SSE connection through the SDK transport (auth header, TLS, failover, logging): a streaming
 * `fetch`, so it also works in browsers, where `EventSource` cannot send an `Authorization` header.
 * An error status becomes `LinstorApiCallError` (final); a 5xx is treated as a passing outage and retried.
 */
function opener(core: LinstorCore, path: StreamPath): EventStreamOpener {
  return async ({ signal, lastEventId }) => {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    // Browsers would preflight a request carrying Last-Event-ID, and the controller does not allow it.
    if (lastEventId && runsInNode()) headers['Last-Event-ID'] = lastEventId;
    const reply = await core.callStream('GET', path, { signal, headers });
    if (reply.ok) {
      const type = reply.headers.get('content-type') ?? '';
      if (/^text\/event-stream\b/i.test(type)) return reply.body;
      // Reading on would see no events and reconnect forever; this is not an event stream endpoint.
      await reply.body.cancel().catch(() => undefined);
      throw new LinstorError(`${path} did not answer with an event stream (content-type '${type}')`);
    }
    const [first] = reply.replies;
    if (first === undefined) {
      // dry-run (nothing sent) or an empty error list
      throw new LinstorError(`No event stream from ${path} (status ${reply.status})`);
    }
    const error = new LinstorApiCallError(first, reply.replies);
    if (reply.status >= 500)
      throw new LinstorNetworkError(`Event stream unavailable: ${error.message}`, { cause: error });
    throw error;
  };
}

const retryable = (e: LinstorError) => e instanceof LinstorNetworkError || e instanceof LinstorTimeoutError;

/**
 * Server-sent event streams (not in python-linstor): async iterators of typed events that reconnect
 * with backoff after a dropped connection and call `onResync` after each reconnect. They end on the
 * options' `AbortSignal`, `return()` (leaving a `for await` loop) or `close()`.
 *
 * ```ts
 * for await (const e of lin.nodeEvents({ onResync: () => refreshNodes() })) {
 *   if (e.event === 'node-modified') console.log(e.data.new_node?.name);
 * }
 * ```
 */
export const eventMethods = {
  /** `GET /v1/events/nodes`: node-create, -delete, -evacuate, -evicted, -restored and -modified events. */
  nodeEvents(this: LinstorCore, options: EventStreamOptions = {}): EventStream<NodeEvent> {
    return new EventStream(opener(this, '/v1/events/nodes'), decodeNodeEvent, options, retryable);
  },

  /** `GET /v1/events/drbd/promotion`: may-promote-change events of resources. */
  drbdPromotionEvents(this: LinstorCore, options: EventStreamOptions = {}): EventStream<DrbdPromotionEvent> {
    return new EventStream(
      opener(this, '/v1/events/drbd/promotion'),
      decodeDrbdPromotionEvent,
      options,
      retryable,
    );
  },
};
