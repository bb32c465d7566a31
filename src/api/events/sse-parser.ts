/**
 * Incremental parser for the `text/event-stream` format (the WHATWG "server-sent events" rules).
 *
 * It is fed decoded text in arbitrary pieces: a line ending (LF, CRLF or a lone CR) and even the two
 * halves of a CRLF may arrive in different pieces, so the parser only ever acts on complete lines and
 * remembers a trailing CR until it knows whether an LF follows.
 */

/** One dispatched event (a block of field lines ended by an empty line). */
export interface SseMessage {
  /** The `event:` field, or `"message"` when the block did not name one. */
  readonly event: string;
  /** All `data:` lines of the block joined with `\n`. */
  readonly data: string;
  /** The last event id seen so far on this stream (ids persist across events, as in browsers). */
  readonly id: string;
}

/** What the parser reports, in stream order. */
export type SseItem =
  | { readonly kind: 'message'; readonly message: SseMessage }
  /** A valid `retry:` field: the server's requested reconnection delay in milliseconds. */
  | { readonly kind: 'retry'; readonly retryMs: number }
  /** A comment line (`:` first); servers use them as keep-alive pings. */
  | { readonly kind: 'comment'; readonly text: string };

const LF = 0x0a;
const CR = 0x0d;

export class SseParser {
  private buffer = '';
  /** The previous piece ended in CR: an LF at the start of the next piece belongs to that line end. */
  private pendingCr = false;
  private dataLines: string[] = [];
  private hasData = false;
  private eventType = '';
  private lastEventId: string;

  /** @param lastEventId the id carried over from an earlier connection of the same stream. */
  constructor(lastEventId = '') {
    this.lastEventId = lastEventId;
  }

  /** Parses one more piece of text and returns the items it completed. */
  feed(text: string): SseItem[] {
    const out: SseItem[] = [];
    let chunk = text;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (chunk.charCodeAt(0) === LF) chunk = chunk.slice(1);
    }
    let data = this.buffer + chunk;
    let start = 0;
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (c !== LF && c !== CR) continue;
      this.line(data.slice(start, i), out);
      if (c === CR) {
        if (i + 1 === data.length) {
          this.pendingCr = true;
        } else if (data.charCodeAt(i + 1) === LF) {
          i++;
        }
      }
      start = i + 1;
    }
    data = data.slice(start);
    this.buffer = data;
    return out;
  }

  /**
   * The stream has ended. An event whose terminating empty line never arrived is dropped, as the
   * standard says: a half-received event may be truncated and must not be acted on.
   */
  end(): SseItem[] {
    this.buffer = '';
    this.pendingCr = false;
    this.resetBlock();
    return [];
  }

  /** The id to send as `Last-Event-ID` when reconnecting ('' when the server never sent one). */
  get lastId(): string {
    return this.lastEventId;
  }

  private line(line: string, out: SseItem[]): void {
    if (line === '') {
      this.dispatch(out);
      return;
    }
    if (line.charCodeAt(0) === 0x3a /* ':' */) {
      out.push({ kind: 'comment', text: line.slice(1).replace(/^ /, '') });
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    switch (field) {
      case 'data':
        this.dataLines.push(value);
        this.hasData = true;
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        // An id containing NUL is ignored entirely (it could not be sent back in a header).
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^[0-9]+$/.test(value)) out.push({ kind: 'retry', retryMs: Number(value) });
        break;
      default:
        // Unknown fields are ignored by definition of the format.
        break;
    }
  }

  private dispatch(out: SseItem[]): void {
    if (this.hasData) {
      out.push({
        kind: 'message',
        message: {
          event: this.eventType || 'message',
          data: this.dataLines.join('\n'),
          id: this.lastEventId,
        },
      });
    }
    this.resetBlock();
  }

  private resetBlock(): void {
    this.dataLines = [];
    this.hasData = false;
    this.eventType = '';
  }
}
