// A tiny .tar.gz writer for the simulated SOS report. It runs wherever the msw handlers run (browsers
// included) and inside a synchronous handler, so it uses no `node:` module and no async compression
// API: the gzip member holds the tar in stored (uncompressed) deflate blocks, which every gunzip reads.

export interface ArchiveFile {
  /** path inside the archive (ASCII; over 100 characters it is split at a '/' into ustar's prefix) */
  path: string;
  text: string;
}

const BLOCK = 512;
const encoder = new TextEncoder();

/** Writes `value` as a zero-padded octal field of `width` bytes (the last one NUL), as tar wants. */
function octal(out: Uint8Array, at: number, width: number, value: number): void {
  out.set(encoder.encode(value.toString(8).padStart(width - 1, '0')), at);
}

/** One ustar header block for a regular file. */
function tarHeader(path: string, size: number, mtimeSec: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  // ustar keeps up to 155 more leading characters in a prefix field, joined with a '/'.
  const cut = path.length > 100 ? path.indexOf('/', path.length - 101) : -1;
  h.set(encoder.encode(cut > 0 ? path.slice(cut + 1) : path).subarray(0, 100), 0);
  if (cut > 0) h.set(encoder.encode(path.slice(0, cut)).subarray(0, 155), 345);
  octal(h, 100, 8, 0o644); // mode
  octal(h, 108, 8, 0); // uid
  octal(h, 116, 8, 0); // gid
  octal(h, 124, 12, size);
  octal(h, 136, 12, mtimeSec);
  h[156] = 0x30; // '0': regular file
  h.set(encoder.encode('ustar\u000000'), 257);
  h.set(encoder.encode('root'), 265); // uname
  h.set(encoder.encode('root'), 297); // gname
  // The checksum is summed with its own field read as eight spaces, then written as 6 octal digits, NUL, space.
  h.fill(0x20, 148, 156);
  const sum = h.reduce((a, b) => a + b, 0);
  h.set(encoder.encode(`${sum.toString(8).padStart(6, '0')}\u0000 `), 148);
  return h;
}

/** A tar archive of text files: header and data (padded to whole blocks) per file, then two zero blocks. */
export function tar(files: readonly ArchiveFile[], mtimeSec: number): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const f of files) {
    const data = encoder.encode(f.text);
    parts.push(tarHeader(f.path, data.length, mtimeSec), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(2 * BLOCK));
  return concat(parts);
}

let crcTable: Uint32Array | undefined;

function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const le32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];

/** A gzip member (RFC 1952) of `data` in stored deflate blocks (RFC 1951 §3.2.4, at most 65535 bytes each). */
export function gzipStored(data: Uint8Array, mtimeSec: number): Uint8Array {
  // magic, CM=8 (deflate), no flags, MTIME, XFL=0, OS=255 (unknown)
  const parts: Uint8Array[] = [new Uint8Array([0x1f, 0x8b, 8, 0, ...le32(mtimeSec), 0, 0xff])];
  const MAX = 0xffff;
  let at = 0;
  do {
    const len = Math.min(MAX, data.length - at);
    const last = at + len >= data.length;
    parts.push(
      new Uint8Array([last ? 1 : 0, len & 0xff, len >>> 8, ~len & 0xff, (~len >>> 8) & 0xff]),
      data.subarray(at, at + len),
    );
    at += len;
  } while (at < data.length);
  parts.push(new Uint8Array([...le32(crc32(data)), ...le32(data.length >>> 0)]));
  return concat(parts);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
