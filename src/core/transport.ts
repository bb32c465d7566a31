/**
 * One HTTP attempt over the injectable `fetch`: per-attempt timeout, the caller's AbortSignal, body
 * reading (gzip included) and a classification of failures by whether the request can have reached the
 * controller. The timeout and the abort race the fetch promise itself, so even a `fetch` that ignores
 * its signal cannot make a call hang.
 */
import { describeError } from './errors';

/** The `fetch` shape the SDK needs (the global `fetch`, undici's, or a test double). */
export type FetchLike = (
  input: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal: AbortSignal;
    redirect: 'manual';
  },
) => Promise<Response>;

/** Default per-attempt timeout: python-linstor's 300 s socket timeout. */
export const DEFAULT_TIMEOUT_MS = 300_000;
/** The HTTPS probe's timeout (python: 3 s). */
export const PROBE_TIMEOUT_MS = 3_000;

export interface AttemptRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface AttemptReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface StreamReply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: ReadableStream<Uint8Array> | null;
}

/**
 * - `connect`: the request cannot have reached the controller (refused, DNS, connect timeout, TLS).
 * - `unknown`: fetch failed without saying where (browsers); it may or may not have been sent.
 * - `sent`: the request was sent; the reply broke off.
 * - `timeout` / `aborted`: our timer or the caller's signal.
 */
export type FailurePhase = 'connect' | 'unknown' | 'sent' | 'timeout' | 'aborted';

export class AttemptFailure {
  constructor(
    readonly phase: FailurePhase,
    readonly cause: unknown,
    /** Whether a response status line had arrived before the failure. */
    readonly gotResponse: boolean,
  ) {}
  get detail(): string {
    return rootCauseText(this.cause);
  }
}

const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'EPROTO',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let e: unknown = error;
  while (e !== undefined && e !== null && chain.length < 8 && !chain.includes(e)) {
    chain.push(e);
    e = (e as { cause?: unknown }).cause;
  }
  return chain;
}

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (const e of causeChain(error)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    // AggregateError from happy-eyeballs connects (several addresses tried)
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner)) for (const x of inner) codes.push(...codesOf(x));
  }
  return codes;
}

/** True when a fetch error proves the request never reached the server. */
export function isConnectPhaseError(error: unknown): boolean {
  return codesOf(error).some(
    (c) => CONNECT_CODES.has(c) || c.startsWith('ERR_SSL_') || c.startsWith('ERR_TLS_') || c.includes('CERT'),
  );
}

/** The most specific message in a cause chain, with its code (e.g. "connect ECONNREFUSED … (ECONNREFUSED)"). */
export function rootCauseText(error: unknown): string {
  const chain = causeChain(error);
  const root = chain[chain.length - 1] ?? error;
  let text = describeError(root);
  if (text === '' || Array.isArray((root as { errors?: unknown } | undefined)?.errors)) {
    const inner = (root as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner.length > 0) text = rootCauseText(inner[0]);
  }
  return text || describeError(error);
}

interface Deadline {
  readonly signal: AbortSignal;
  readonly expired: Promise<never>;
  timedOut(): boolean;
  callerAborted(): boolean;
  dispose(): void;
}

const TIMEOUT = Symbol('timeout');

function makeDeadline(timeoutMs: number, callerSignals: readonly (AbortSignal | undefined)[]): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  let callerAborted = false;
  let reject!: (reason: unknown) => void;
  const expired = new Promise<never>((_resolve, rej) => {
    reject = rej;
  });
  expired.catch(() => undefined);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(TIMEOUT);
    reject(TIMEOUT);
  }, timeoutMs);
  const listeners: [AbortSignal, () => void][] = [];
  for (const s of callerSignals) {
    if (!s) continue;
    const onAbort = () => {
      if (timedOut) return;
      callerAborted = true;
      controller.abort(s.reason);
      reject(s.reason);
    };
    if (s.aborted) onAbort();
    else {
      s.addEventListener('abort', onAbort, { once: true });
      listeners.push([s, onAbort]);
    }
  }
  return {
    signal: controller.signal,
    expired,
    timedOut: () => timedOut,
    callerAborted: () => callerAborted,
    dispose() {
      clearTimeout(timer);
      for (const [s, l] of listeners) s.removeEventListener('abort', l);
    },
  };
}

async function race<T>(work: Promise<T>, deadline: Deadline): Promise<T> {
  work.catch(() => undefined);
  return Promise.race([work, deadline.expired]);
}

/** Reads a body as text; inflates gzip when the fetch implementation has not already done so. */
async function readText(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (
    bytes.length >= 2 &&
    bytes[0] === 0x1f &&
    bytes[1] === 0x8b &&
    /gzip/i.test(response.headers.get('content-encoding') ?? '')
  ) {
    const inflated = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')));
    return inflated.text();
  }
  return new TextDecoder().decode(bytes);
}

function classify(error: unknown, deadline: Deadline, gotResponse: boolean): AttemptFailure {
  if (deadline.callerAborted()) return new AttemptFailure('aborted', error, gotResponse);
  if (deadline.timedOut()) return new AttemptFailure('timeout', error, gotResponse);
  if (gotResponse) return new AttemptFailure('sent', error, true);
  return new AttemptFailure(isConnectPhaseError(error) ? 'connect' : 'unknown', error, false);
}

/**
 * One attempt: sends and reads the whole reply within `timeoutMs`. Rejects with {@link AttemptFailure}.
 */
export async function attempt(
  fetchFn: FetchLike,
  request: AttemptRequest,
  timeoutMs: number,
  signals: readonly (AbortSignal | undefined)[],
): Promise<AttemptReply> {
  const deadline = makeDeadline(timeoutMs, signals);
  let response: Response | undefined;
  try {
    const got: Response = await race(
      Promise.resolve().then(() =>
        fetchFn(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: deadline.signal,
          redirect: 'manual',
        }),
      ),
      deadline,
    );
    response = got;
    const text = await race(readText(got), deadline);
    return { status: got.status, headers: got.headers, text };
  } catch (error) {
    if (response) response.body?.cancel().catch(() => undefined);
    throw classify(error, deadline, response !== undefined);
  } finally {
    deadline.dispose();
  }
}

/**
 * Like {@link attempt}, but returns as soon as the status line and headers have arrived; the body
 * stream stays open (event streams). The timeout covers only the wait for the headers; the caller's
 * signals keep covering the stream.
 */
export async function attemptStream(
  fetchFn: FetchLike,
  request: AttemptRequest,
  timeoutMs: number,
  signals: readonly (AbortSignal | undefined)[],
): Promise<{ status: number; headers: Headers; response: Response }> {
  const deadline = makeDeadline(timeoutMs, []);
  const streamController = new AbortController();
  const forward = () => streamController.abort(TIMEOUT);
  deadline.signal.addEventListener('abort', forward, { once: true });
  const callerSignals = signals.filter((s): s is AbortSignal => s !== undefined);
  const combined = callerSignals.length
    ? AbortSignal.any([streamController.signal, ...callerSignals])
    : streamController.signal;
  const callerDeadline = makeDeadline(2 ** 31 - 1, callerSignals);
  try {
    const response = await Promise.race([
      race(
        Promise.resolve().then(() =>
          fetchFn(request.url, {
            method: request.method,
            headers: request.headers,
            body: request.body,
            signal: combined,
            redirect: 'manual',
          }),
        ),
        deadline,
      ),
      callerDeadline.expired,
    ]);
    return { status: response.status, headers: response.headers, response };
  } catch (error) {
    if (callerDeadline.callerAborted()) throw new AttemptFailure('aborted', error, false);
    throw classify(error, deadline, false);
  } finally {
    deadline.signal.removeEventListener('abort', forward);
    deadline.dispose();
    callerDeadline.dispose();
  }
}

/** Reads the text of a streamed reply's body (used when a stream request got an error status). */
export { readText };
