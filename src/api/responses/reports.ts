import { ApiCallResponse } from '../../core/api-call-response';

/** Wraps the `ApiCallRc` entries embedded in a reply (pool reports, clone messages, ...). */
export function toApiCallResponses(entries: readonly unknown[] | undefined | null): ApiCallResponse[] {
  return (entries ?? []).map((entry) => ApiCallResponse.fromJson(entry));
}
