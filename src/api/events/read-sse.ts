import { type SseItem, SseParser } from './sse-parser';

/**
 * Reads a `text/event-stream` body and yields its items in order.
 *
 * Bytes are decoded as UTF-8 in streaming mode, so a multi-byte character split across two network
 * chunks is decoded correctly, and a leading byte-order mark is dropped. When the stream ends, a
 * half-received event is discarded (see {@link SseParser.end}). Leaving the loop early (break/return)
 * cancels the underlying stream.
 *
 * @param parser pass your own to read `lastId` afterwards (needed for `Last-Event-ID` on reconnect).
 */
export async function* readSse(
  stream: ReadableStream<Uint8Array>,
  parser: SseParser = new SseParser(),
): AsyncGenerator<SseItem, void, undefined> {
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8');
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const items = parser.feed(decoder.decode(value, { stream: true }));
      for (const item of items) yield item;
    }
    finished = true;
    const rest = decoder.decode();
    for (const item of parser.feed(rest)) yield item;
    parser.end();
  } finally {
    if (!finished) {
      // Tell the producer we are gone (closes the HTTP response); errors here are irrelevant.
      await reader.cancel().catch(() => undefined);
    }
    reader.releaseLock();
  }
}
