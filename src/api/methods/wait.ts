import type { ApiCallResponse } from '../../core/api-call-response';
import { LinstorApiCallError, LinstorError } from '../../core/errors';
import type { LinstorCore } from '../linstor-core';
import { type PollOptions, pollUntil } from '../poll';

function replyError(replies: readonly ApiCallResponse[]): LinstorError {
  const [first] = replies;
  return first === undefined
    ? new LinstorError('No response received.')
    : new LinstorApiCallError(first, replies);
}

/**
 * The long operations of python-linstor §2.8 (`resource_dfn_wait_synced`, `resource_dfn_clone_wait_complete`):
 * poll every `waitInterval` seconds (default 1.0), give up after `timeout` seconds with a
 * `LinstorTimeoutError` (default: wait forever), and stop with a `LinstorAbortError` when `signal` aborts
 * (also during a poll request or a pause). Each poll is one GET, so a dropped connection fails the wait
 * with the request's error, as in python.
 */
export const waitMethods = {
  /**
   * python `resource_dfn_wait_synced`: polls `GET /v1/resource-definitions/{rscName}/sync-status`
   * (REST 1.13.0) until `synced_on_all`, then resolves `true`. An error reply throws `LinstorApiCallError`;
   * a timeout throws `LinstorTimeoutError("<rsc> resource didn't get ready in time.")`.
   */
  async resourceDfnWaitSynced(this: LinstorCore, opts: { rscName: string } & PollOptions): Promise<true> {
    return pollUntil<true>(
      async (signal) => {
        const reply = await this.call('GET', '/v1/resource-definitions/{resource}/sync-status', {
          params: { path: { resource: opts.rscName } },
          signal,
          minVersion: '1.13.0',
          versionMessage: 'Resource definition sync status not supported by server',
        });
        if (!reply.ok) throw replyError(reply.replies);
        return reply.data.synced_on_all ? true : undefined;
      },
      opts,
      `${opts.rscName} resource didn't get ready in time.`,
    );
  },

  /**
   * python `resource_dfn_clone_wait_complete`: polls `GET /v1/resource-definitions/{src}/clone/{clone}`
   * (REST 1.10.0) until the clone is `COMPLETE` (→ `true`) or `FAILED` (→ `false`, no throw, as python).
   * Any other status keeps polling. An error reply throws `LinstorApiCallError`; a timeout throws
   * `LinstorTimeoutError("<clone> resource didn't finish clone in time.")`.
   */
  async resourceDfnCloneWaitComplete(
    this: LinstorCore,
    opts: { srcName: string; cloneName: string } & PollOptions,
  ): Promise<boolean> {
    return pollUntil<boolean>(
      async (signal) => {
        const reply = await this.call('GET', '/v1/resource-definitions/{resource}/clone/{resourceClone}', {
          params: { path: { resource: opts.srcName, resourceClone: opts.cloneName } },
          signal,
          minVersion: '1.10.0',
          versionMessage: 'Resource definition clone not supported by server',
        });
        if (!reply.ok) throw replyError(reply.replies);
        if (reply.data.status === 'COMPLETE') return true;
        if (reply.data.status === 'FAILED') return false;
        return undefined;
      },
      opts,
      `${opts.cloneName} resource didn't finish clone in time.`,
    );
  },
};
