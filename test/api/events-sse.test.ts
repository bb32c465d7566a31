import fc from 'fast-check';
import { readSse } from '../../src/api/events/read-sse';
import { type SseItem, SseParser } from '../../src/api/events/sse-parser';

/** A stream that delivers the given byte pieces one by one. */
function streamOf(pieces: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < pieces.length) controller.enqueue(pieces[i++]);
      else controller.close();
    },
  });
}

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  out.push(bytes.subarray(prev));
  return out;
}

async function collect(pieces: Uint8Array[]): Promise<SseItem[]> {
  const items: SseItem[] = [];
  for await (const item of readSse(streamOf(pieces))) items.push(item);
  return items;
}

const enc = new TextEncoder();
const msg = (event: string, data: string, id = '') => ({ kind: 'message', message: { event, data, id } });

describe('SseParser', () => {
  test('fields, defaults, comments, retry and multi-line data', () => {
    const p = new SseParser();
    const items = p.feed(
      ': hello\n' +
        'event: node-create\ndata: {"a":1}\n\n' +
        'data: line1\ndata:line2\ndata\n\n' +
        'id: 7\nretry: 1500\nretry: x1\ndata:  two spaces\n\n' +
        'event: ignored-without-data\n\n' +
        'field-without-colon\nunknown: v\ndata: z\n\n',
    );
    expect(items).toEqual([
      { kind: 'comment', text: 'hello' },
      msg('node-create', '{"a":1}'),
      msg('message', 'line1\nline2\n'),
      { kind: 'retry', retryMs: 1500 },
      msg('message', ' two spaces', '7'),
      msg('message', 'z', '7'),
    ]);
    expect(p.lastId).toBe('7');
  });

  test('CR, LF and CRLF line ends, CRLF split across pieces', () => {
    const p = new SseParser();
    expect(p.feed('data: a\r')).toEqual([]);
    expect(p.feed('\n\r')).toEqual([msg('message', 'a')]);
    expect(p.feed('\ndata: b\r\r')).toEqual([msg('message', 'b')]);
    expect(p.feed('data: c\n')).toEqual([]);
    expect(p.feed('\n')).toEqual([msg('message', 'c')]);
  });

  test('an id with NUL is ignored; an empty id resets', () => {
    const p = new SseParser();
    expect(p.feed('id: a\ndata: 1\n\nid: b\0c\ndata: 2\n\nid\ndata: 3\n\n')).toEqual([
      msg('message', '1', 'a'),
      msg('message', '2', 'a'),
      msg('message', '3', ''),
    ]);
  });

  test('an unterminated event at the end of the stream is dropped', async () => {
    const items = await collect([enc.encode('data: done\n\ndata: half')]);
    expect(items).toEqual([msg('message', 'done')]);
  });

  test('a leading byte-order mark is dropped and UTF-8 split mid-character decodes', async () => {
    const bytes = enc.encode('\uFEFFdata: h\u00e9llo \u{1F600}\n\n');
    const pieces = Array.from(bytes, (b) => Uint8Array.of(b));
    expect(await collect(pieces)).toEqual([msg('message', 'h\u00e9llo \u{1F600}')]);
  });
});

// ---- property: any stream of blocks, any line-end style, any chunking, gives the same items ----

const text = fc
  .string({ unit: 'binary', maxLength: 12 })
  .filter((s) => !/[\r\n]/.test(s) && !/\p{Cs}/u.test(s));
const fieldSafe = text.filter((s) => s.length > 0);

type Block =
  | { t: 'event'; event?: string; id?: string; data: string[] }
  | { t: 'comment'; text: string }
  | { t: 'retry'; ms: number };

const block: fc.Arbitrary<Block> = fc.oneof(
  {
    arbitrary: fc.record(
      {
        t: fc.constant('event' as const),
        event: fieldSafe,
        id: text.filter((s) => !s.includes('\0')),
        data: fc.array(text, { minLength: 1, maxLength: 4 }),
      },
      { requiredKeys: ['t', 'data'] },
    ),
    weight: 4,
  },
  fc.record({ t: fc.constant('comment' as const), text }),
  fc.record({ t: fc.constant('retry' as const), ms: fc.nat(100000) }),
);

function render(blocks: Block[], endings: string[]): { wire: string; expected: SseItem[] } {
  const lines: string[] = [];
  const expected: SseItem[] = [];
  let lastId = '';
  for (const b of blocks) {
    if (b.t === 'comment') {
      lines.push(`: ${b.text}`);
      expected.push({ kind: 'comment', text: b.text });
    } else if (b.t === 'retry') {
      lines.push(`retry: ${b.ms}`);
      expected.push({ kind: 'retry', retryMs: b.ms });
    } else {
      if (b.event !== undefined) lines.push(`event: ${b.event}`);
      if (b.id !== undefined) {
        lines.push(`id: ${b.id}`);
        lastId = b.id;
      }
      for (const d of b.data) lines.push(`data: ${d}`);
      lines.push('');
      expected.push({
        kind: 'message',
        message: { event: b.event ?? 'message', data: b.data.join('\n'), id: lastId },
      });
    }
  }
  let wire = '';
  let prev = '';
  lines.forEach((line, i) => {
    let end = endings[i % endings.length];
    // A CR followed by LF is one line end by definition, so "CR" then an empty "LF" line would merge.
    if (prev === '\r' && line === '' && end === '\n') end = '\r\n';
    wire += line + end;
    prev = end;
  });
  return { wire, expected };
}

test('property: random blocks, line ends and chunk boundaries', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(block, { maxLength: 8 }),
      fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 5 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      async (blocks, endings, cuts) => {
        const { wire, expected } = render(blocks, endings);
        const items = await collect(split(enc.encode(wire), cuts));
        expect(items).toEqual(expected);
      },
    ),
    { numRuns: 300 },
  );
});
