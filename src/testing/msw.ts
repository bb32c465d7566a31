// The simulator as msw 2 request handlers, for users' own tests (setupServer(...sim.handlers)).
import { type HttpHandler, HttpResponse, http } from 'msw';
import type { SimEventStream } from './controller';
import { DEFAULT_HTML_500 } from './faults';
import { createCore, type SimulatorCore, type SimulatorOptions } from './simulator';

export interface CreateSimulatorOptions extends SimulatorOptions {
  /** controller base URL(s) the handlers answer for; default http://localhost:3370 */
  baseUrl?: string | string[];
}

export interface Simulator extends SimulatorCore {
  /** msw handlers: `setupServer(...sim.handlers)` or `server.use(...sim.handlers)` */
  readonly handlers: HttpHandler[];
}

const never = (signal: AbortSignal): Promise<Response> =>
  new Promise((resolve) => {
    // Never answers; when the client gives up, the pending promise is settled with a network error.
    signal.addEventListener('abort', () => resolve(HttpResponse.error()), { once: true });
  });

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function headersOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  request.headers.forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

/** The frames of an event stream as a response body; unsubscribes when the client aborts or cancels. */
function eventBody(stream: SimEventStream, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop: (() => void) | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(stream.preamble));
      stop = stream.open((frame) => controller.enqueue(encoder.encode(frame)));
      signal.addEventListener(
        'abort',
        () => {
          stop?.();
          try {
            controller.close();
          } catch {
            // already closed or errored by the reader
          }
        },
        { once: true },
      );
    },
    cancel() {
      stop?.();
    },
  });
}

/** A simulated controller answering through msw. */
export function createSimulator(opts: CreateSimulatorOptions = {}): Simulator {
  const core = createCore(opts);
  const bases = (Array.isArray(opts.baseUrl) ? opts.baseUrl : [opts.baseUrl ?? 'http://localhost:3370']).map(
    (b) => b.replace(/\/+$/, ''),
  );
  const resolver = async ({ request }: { request: Request }): Promise<Response> => {
    const url = new URL(request.url);
    const info = core.controller.describe(request.method, url.pathname);
    const fault = core.faults.take(info);
    if (fault?.mode === 'down') return HttpResponse.error();
    if (fault?.mode === 'hang') return never(request.signal);
    if (fault?.mode === 'html500') {
      return new HttpResponse(fault.html ?? DEFAULT_HTML_500, {
        status: 500,
        headers: { 'content-type': 'text/html' },
      });
    }
    if (fault?.mode === 'delay') await wait(fault.ms);
    const stream = core.controller.openEventStream(request.method, url.pathname);
    if (stream) {
      return new HttpResponse(eventBody(stream, request.signal), {
        status: stream.status,
        headers: stream.headers,
      });
    }
    const bodyText = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const res = core.handle({
      method: request.method,
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
      headers: headersOf(request),
      bodyText,
    });
    const init = { status: res.status, headers: res.headers };
    if (fault?.mode === 'drop' || fault?.mode === 'stall') {
      const bytes = res.bodyBytes ?? new TextEncoder().encode(res.bodyText);
      const cut = Math.min(fault.afterBytes ?? Math.floor(bytes.length / 2), bytes.length);
      const mode = fault.mode;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.slice(0, cut));
          if (mode === 'drop')
            controller.error(new TypeError('terminated: connection reset by the simulated controller'));
          else {
            // stall: the rest never comes; the stream only ends when the caller gives up
            request.signal.addEventListener('abort', () => controller.error(request.signal.reason), {
              once: true,
            });
          }
        },
      });
      return new HttpResponse(stream, init);
    }
    if (res.bodyBytes) return new HttpResponse(res.bodyBytes, init);
    return new HttpResponse(res.bodyText === '' ? null : res.bodyText, init);
  };
  const handlers = bases.map((base) => http.all(`${base}/*`, resolver));
  return Object.assign(core, { handlers });
}
