import { LinstorAbortError, LinstorArgumentError, LinstorTimeoutError } from '../core/errors';

/** Options of the polling helpers (`resourceDfnWaitSynced`, `resourceDfnCloneWaitComplete`). */
export interface PollOptions {
  /** Seconds between two polls (python's `wait_interval`). Default 1.0. */
  waitInterval?: number;
  /** Give up after this many seconds with a `LinstorTimeoutError` (python's `timeout`). Default: wait forever. */
  timeout?: number;
  /** Aborting ends the wait with a `LinstorAbortError`, also in the middle of a poll or a pause. */
  signal?: AbortSignal;
}

/** One poll: returns the final value when done, or `undefined` to poll again. */
export type PollCheck<T> = (signal: AbortSignal | undefined) => Promise<T | undefined>;

/**
 * Calls `check` until it returns a value, sleeping `waitInterval` seconds between calls, as python's
 * loops do: poll, return if done, give up if `timeout` seconds have passed since the start, sleep.
 * Time is measured with a monotonic clock, so wall-clock jumps do not shorten or stretch the wait.
 */
export async function pollUntil<T>(
  check: PollCheck<T>,
  options: PollOptions,
  timeoutMessage: string,
): Promise<T> {
  const interval = options.waitInterval ?? 1.0;
  const timeout = options.timeout;
  if (!(interval >= 0) || !Number.isFinite(interval)) {
    throw new LinstorArgumentError(`waitInterval must be a non-negative number of seconds, got ${interval}`);
  }
  if (timeout !== undefined && timeout !== null && !(timeout >= 0)) {
    throw new LinstorArgumentError(`timeout must be a non-negative number of seconds, got ${timeout}`);
  }
  const { signal } = options;
  const start = performance.now();
  for (;;) {
    throwIfAborted(signal);
    const result = await check(signal);
    if (result !== undefined) return result;
    // python treats a timeout of 0/None as "no timeout" (`if timeout and …`); keep that.
    if (timeout && (performance.now() - start) / 1000 > timeout) {
      throw new LinstorTimeoutError(timeoutMessage);
    }
    await pause(interval * 1000, signal);
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new LinstorAbortError('The wait was aborted.', { cause: signal.reason });
  }
}

/** Sleeps; rejects with `LinstorAbortError` as soon as the signal aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new LinstorAbortError('The wait was aborted.', { cause: signal.reason }));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new LinstorAbortError('The wait was aborted.', { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
