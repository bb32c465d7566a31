// Reading the simulator's server-sent event streams in tests with a plain parser of their own (not the
// SDK's), so the stream format is checked independently of the client.

export interface Frame {
  id?: string;
  event?: string;
  data: unknown;
}

/** Reads SSE frames from a fetch body; `next()` waits for the next event frame (comments skipped). */
export function frames(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    reader,
    async next(): Promise<Frame | undefined> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: Frame = { data: undefined };
          let data: string | undefined;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = line.slice(0, colon);
            const value = line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') frame.id = value;
            else if (field === 'event') frame.event = value;
            else if (field === 'data') data = data === undefined ? value : `${data}\n${value}`;
          }
          if (frame.event === undefined && data === undefined) continue;
          frame.data = data === undefined ? undefined : JSON.parse(data);
          return frame;
        }
        const { done, value } = await reader.read();
        if (done) return undefined;
        buffer += decoder.decode(value, { stream: true });
      }
    },
  };
}

/** Waits (without a time bound of its own; jest's timeout is the bound) until `check` holds. */
export async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}
