/** The two ways of turning the 10,000-resource view text into data that (c) compares. */
import { ResourceResponse } from '../../src/api/responses/resource';
import { mapReply } from '../../src/core/reply-mapping';

const JSON_HEADERS = new Headers({ 'content-type': 'application/json' });
const CONTEXT = { method: 'GET', path: '/v1/view/resources', controller: 'bench' };

export type ParseVariant = 'raw' | 'sdk';

/** Bare `JSON.parse` of the reply text. */
export function parseRaw(text: string): unknown {
  return JSON.parse(text);
}

/**
 * What `lin.resourceList()` does with the reply text: the SDK's reply mapping (lossless parse, status
 * check) and the `ResourceResponse` wrapper.
 */
export function parseSdk(text: string): ResourceResponse {
  const reply = mapReply<ConstructorParameters<typeof ResourceResponse>[0]>(
    { status: 200, headers: JSON_HEADERS, text },
    CONTEXT,
  );
  if (!reply.ok) throw new Error('unexpected error reply');
  return new ResourceResponse(reply.data);
}

export function runVariant(variant: ParseVariant, text: string): unknown {
  return variant === 'raw' ? parseRaw(text) : parseSdk(text);
}
