import { ApiCallResponse } from '../../core/api-call-response';
import { LinstorApiCallError, LinstorError } from '../../core/errors';
import { RestResponse } from './rest-response';

/**
 * What a list method returns, in python-linstor's shape: `[wrapper]` when the controller answered
 * with data, or the controller's replies (`ApiCallResponse[]`) when it answered with an error.
 * Narrow it with {@link isListResponse} / {@link isApiCallResponseList}.
 */
export type ListResult<W extends RestResponse> = [W] | ApiCallResponse[];

/** Narrows a {@link ListResult} to its typed one-element form. */
export function isListResponse<W extends RestResponse>(result: ListResult<W>): result is [W] {
  return result.length === 1 && result[0] instanceof RestResponse;
}

/** Narrows a {@link ListResult} to the controller's replies. */
export function isApiCallResponseList<W extends RestResponse>(
  result: ListResult<W>,
): result is ApiCallResponse[] {
  return !isListResponse(result);
}

/**
 * The `…Raise` step: returns the wrapper, or throws `LinstorApiCallError` (first reply, all replies)
 * when the controller answered with replies, or `LinstorError` when nothing came back.
 */
export function unwrapListResult<W extends RestResponse>(result: ListResult<W>): W {
  if (isListResponse(result)) return result[0];
  const replies = result as ApiCallResponse[];
  const first = replies[0];
  if (first === undefined) throw new LinstorError('No list response received.');
  if (first instanceof ApiCallResponse) throw new LinstorApiCallError(first, replies);
  throw new LinstorError('No list response received.');
}
