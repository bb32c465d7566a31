import { ApiCallResponse } from '../core/api-call-response';
import { LinstorApiCallError, LinstorError } from '../core/errors';

/**
 * The high-level objects' success check (python: `all_api_responses_no_error`, then the first error
 * in the message): throws `LinstorError("<what>: <first error>")` with every reply in `allErrors` and
 * a `LinstorApiCallError` as `cause`, so callers can still inspect the controller's answer.
 */
export function throwIfError(replies: readonly ApiCallResponse[], what: string): void {
  const errors = ApiCallResponse.filterApiCallResponseErrors(replies);
  if (errors.length === 0) return;
  throw replyError(`${what}: ${errors[0]}`, replies, errors);
}

/** Like {@link throwIfError}, but the message carries only the first error's text (python's `.message`). */
export function throwIfErrorMessage(replies: readonly ApiCallResponse[], what: string): void {
  const errors = ApiCallResponse.filterApiCallResponseErrors(replies);
  if (errors.length === 0) return;
  throw replyError(`${what}: ${errors[0].message ?? ''}`, replies, errors);
}

/** python KV's check: the first reply must be a success (a warning counts as a failure there). */
export function throwUnlessFirstSucceeded(replies: readonly ApiCallResponse[], what: string): void {
  const first = replies[0];
  if (first === undefined || first.isSuccess()) return;
  throw replyError(`${what}: ${first}`, replies, [first]);
}

function replyError(
  message: string,
  replies: readonly ApiCallResponse[],
  errors: readonly ApiCallResponse[],
): LinstorError {
  return new LinstorError(message, {
    allErrors: replies,
    cause: new LinstorApiCallError(errors[0], replies),
  });
}
