import { LinstorError } from '../../core/errors';
import { parseJson } from '../../core/lossless-json';
import type { Schemas } from '../responses/schemas';
import type { SseMessage } from './sse-parser';

/** Node events that carry the node (`EventNode`). */
export type NodeEventName =
  | 'node-create'
  | 'node-delete'
  | 'node-evacuate'
  | 'node-evicted'
  | 'node-restored';

/** One event of `/v1/events/nodes`; `switch (e.event)` narrows `data`. */
export type NodeEvent =
  | { readonly event: NodeEventName; readonly data: Schemas['EventNode']; readonly id: string }
  | { readonly event: 'node-modified'; readonly data: Schemas['EventNodeModified']; readonly id: string };

/** One event of `/v1/events/drbd/promotion`. */
export type DrbdPromotionEvent = {
  readonly event: 'may-promote-change';
  readonly data: Schemas['EventMayPromoteChange'];
  readonly id: string;
};

const NODE_EVENTS: ReadonlySet<string> = new Set<NodeEventName | 'node-modified'>([
  'node-create',
  'node-delete',
  'node-evacuate',
  'node-evicted',
  'node-restored',
  'node-modified',
]);

/**
 * Decodes a node event. Event names this SDK does not know (a newer controller) are skipped, so an
 * upgrade of the controller never breaks a running consumer. The JSON goes through the SDK's one parser.
 */
export function decodeNodeEvent(message: SseMessage): NodeEvent | undefined {
  if (!NODE_EVENTS.has(message.event)) return undefined;
  return { event: message.event, data: objectData(message), id: message.id } as NodeEvent;
}

/** Decodes a DRBD promotion event; other event names are skipped. */
export function decodeDrbdPromotionEvent(message: SseMessage): DrbdPromotionEvent | undefined {
  if (message.event !== 'may-promote-change') return undefined;
  return {
    event: 'may-promote-change',
    data: objectData(message) as Schemas['EventMayPromoteChange'],
    id: message.id,
  };
}

function objectData(message: SseMessage): object {
  const data = parseJson(message.data);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new LinstorError(`The '${message.event}' event carries no JSON object`);
  }
  return data;
}
