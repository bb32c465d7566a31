import { describeError, LinstorError, LinstorNetworkError, LinstorTimeoutError } from '../../core/errors';
import { readSse } from './read-sse';
import { type SseMessage, SseParser } from './sse-parser';

/** How an event stream reconnects after the connection dropped. */
export interface ReconnectOptions {
  /** Delay before the first reconnect attempt (ms). A `retry:` sent by the server replaces it. Default 1000. */
  initialDelayMs?: number;
  /** Upper bound for the delay (ms). Default 30000. */
  maxDelayMs?: number;
  /** Growth of the delay per consecutive failed attempt. Default 2. */
  factor?: number;
  /** Randomise each delay to 50-100 % of its value, so many clients do not reconnect in lockstep. Default true. */
  jitter?: boolean;
  /** Consecutive failed reconnect attempts after which the stream gives up and throws. Default: never. */
  maxAttempts?: number;
}

/** Passed to the resync callback after a reconnect. */
export interface ResyncInfo {
  /** How many times this stream has reconnected so far (1 after the first reconnect). */
  readonly reconnects: number;
  /** Why the previous connection ended. */
  readonly cause: LinstorError;
  /** The `Last-Event-ID` that was sent on the new connection ('' when the server never sent ids). */
  readonly lastEventId: string;
}

/** Options shared by every event stream method (`nodeEvents`, `drbdPromotionEvents`, ...). */
export interface EventStreamOptions {
  /** Aborting ends the stream: a pending `next()` resolves `{ done: true }`. */
  signal?: AbortSignal;
  /** Reconnect policy, or `false` to end (on a clean close) or throw (on an error) when the connection drops. */
  reconnect?: ReconnectOptions | false;
  /**
   * Called once after every successful reconnect, before further events are delivered. Events sent while
   * the stream was down are lost, so this is where to re-list what may have changed (for example
   * `nodeList()`). The new connection is already open, so nothing that happens afterwards is missed.
   * A throwing callback ends the stream with that error.
   */
  onResync?: (info: ResyncInfo) => void | Promise<void>;
  /**
   * Observes every connection loss (`failedAttempts` 0) and every failed reconnect attempt (1, 2, ...);
   * the stream itself keeps going until `maxAttempts` is reached.
   */
  onDisconnect?: (error: LinstorError, failedAttempts: number) => void;
  /**
   * Called each time a connection is open and events can arrive: the first one and every reconnect
   * (after `onResync`), as EventSource's `open` event. A throwing callback ends the stream with that error.
   */
  onOpen?: () => void;
  /** Sent as `Last-Event-ID` on the first request (resume support for servers that assign ids). */
  lastEventId?: string;
}

/** Opens one connection and returns its body; throws a LinstorError when it cannot. */
export type EventStreamOpener = (request: {
  signal: AbortSignal;
  lastEventId: string;
}) => Promise<ReadableStream<Uint8Array>>;

/** Turns one SSE message into a typed event; `undefined` skips it (an event name this SDK does not know). */
export type EventDecoder<T> = (message: SseMessage) => T | undefined;

const DEFAULTS: Required<ReconnectOptions> = {
  initialDelayMs: 1000,
  maxDelayMs: 30000,
  factor: 2,
  jitter: true,
  maxAttempts: Number.POSITIVE_INFINITY,
};

/** A connection that may come back: network failures and timeouts. Replies such as 401/404 are final. */
export function isRetryableStreamError(error: LinstorError): boolean {
  return error instanceof LinstorNetworkError || error instanceof LinstorTimeoutError;
}

/**
 * A long-lived server-sent event stream as an async iterator.
 *
 * The first connection is opened on the first `next()`; if it fails, that `next()` rejects (a wrong
 * address or missing permission should surface at once, not be retried forever). Once connected, a drop
 * (the server closing the stream, a reset, a read error) is followed by reconnect attempts with
 * exponential backoff, then by the `onResync` callback. `return()` (a `break` out of `for await`), the
 * caller's `AbortSignal`, `close()` and `await using` all end it and close the connection, even while a
 * `next()` is waiting for data.
 */
export class EventStream<T> implements AsyncIterableIterator<T, undefined>, AsyncDisposable {
  private readonly abort = new AbortController();
  private readonly generator: AsyncGenerator<T, undefined, undefined>;
  private lastId: string;
  private reconnectCount = 0;

  constructor(
    private readonly open: EventStreamOpener,
    private readonly decode: EventDecoder<T>,
    private readonly options: EventStreamOptions = {},
    private readonly isRetryable: (error: LinstorError) => boolean = isRetryableStreamError,
  ) {
    this.lastId = options.lastEventId ?? '';
    const outer = options.signal;
    if (outer) {
      if (outer.aborted) this.abort.abort();
      else outer.addEventListener('abort', () => this.abort.abort(), { once: true });
    }
    this.generator = this.run();
  }

  /** The last event id the server sent (sent back as `Last-Event-ID` on reconnect). */
  get lastEventId(): string {
    return this.lastId;
  }

  /** How many times the stream has reconnected. */
  get reconnects(): number {
    return this.reconnectCount;
  }

  next(): Promise<IteratorResult<T, undefined>> {
    return this.generator.next();
  }

  async return(): Promise<IteratorResult<T, undefined>> {
    this.abort.abort();
    return this.generator.return(undefined);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Ends the stream and closes the connection. */
  async close(): Promise<void> {
    await this.return();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return();
  }

  private async *run(): AsyncGenerator<T, undefined, undefined> {
    const signal = this.abort.signal;
    const policy = this.options.reconnect === false ? undefined : { ...DEFAULTS, ...this.options.reconnect };
    let serverRetryMs: number | undefined;
    let failures = 0;
    let connected = false;
    let cause: LinstorError | undefined;

    while (!signal.aborted) {
      let body: ReadableStream<Uint8Array>;
      try {
        body = await this.open({ signal, lastEventId: this.lastId });
      } catch (e) {
        if (signal.aborted) return;
        const error = asLinstorError(e, 'Unable to open the event stream');
        if (!connected || !policy || !this.isRetryable(error)) throw error;
        failures++;
        this.options.onDisconnect?.(error, failures);
        if (failures >= policy.maxAttempts) throw error;
        await sleep(backoff(policy, serverRetryMs, failures + 1), signal);
        continue;
      }

      let resync: ResyncInfo | undefined;
      if (connected && cause) {
        this.reconnectCount++;
        failures = 0;
        resync = { reconnects: this.reconnectCount, cause, lastEventId: this.lastId };
      }
      try {
        if (resync) await this.options.onResync?.(resync);
        this.options.onOpen?.();
      } catch (e) {
        await body.cancel().catch(() => undefined);
        throw e instanceof LinstorError
          ? e
          : new LinstorError(`The ${resync ? 'resync' : 'open'} callback failed: ${describeError(e)}`, {
              cause: e,
            });
      }
      connected = true;

      const parser = new SseParser(this.lastId);
      let ended: LinstorError;
      let cleanClose = false;
      try {
        for await (const item of readSse(body, parser)) {
          if (item.kind === 'retry') {
            serverRetryMs = item.retryMs;
          } else if (item.kind === 'message') {
            this.lastId = item.message.id;
            const event = this.decodeOrThrow(item.message);
            if (event !== undefined) yield event;
          }
        }
        ended = new LinstorNetworkError('The controller closed the event stream.');
        cleanClose = true;
      } catch (e) {
        if (signal.aborted) return;
        if (e instanceof EventDecodeError) throw e.error;
        ended = asLinstorError(e, 'The event stream connection was lost');
      }
      if (signal.aborted) return;
      if (!policy) {
        if (cleanClose) return;
        throw ended;
      }
      cause = ended;
      failures = 0;
      this.options.onDisconnect?.(ended, 0);
      await sleep(backoff(policy, serverRetryMs, 1), signal);
    }
  }

  private decodeOrThrow(message: SseMessage): T | undefined {
    try {
      return this.decode(message);
    } catch (e) {
      const error =
        e instanceof LinstorError
          ? e
          : new LinstorError(`Unable to decode the '${message.event}' event: ${describeError(e)}`, {
              cause: e,
            });
      throw new EventDecodeError(error);
    }
  }
}

/** Marks a decode failure so the read loop does not mistake it for a dropped connection. */
class EventDecodeError {
  constructor(readonly error: LinstorError) {}
}

function backoff(policy: Required<ReconnectOptions>, serverRetryMs: number | undefined, failures: number) {
  const base = serverRetryMs ?? policy.initialDelayMs;
  const delay = Math.min(policy.maxDelayMs, base * policy.factor ** (failures - 1));
  return policy.jitter ? delay * (0.5 + Math.random() * 0.5) : delay;
}

/** Waits, but wakes up early (without throwing) when the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Anything that is not already ours is a transport failure (undici's "terminated", a reset socket, ...). */
function asLinstorError(e: unknown, context: string): LinstorError {
  if (e instanceof LinstorError) return e;
  return new LinstorNetworkError(`${context}: ${describeError(e)}`, { cause: e });
}
