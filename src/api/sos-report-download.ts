import { LinstorNetworkError } from '../core/errors';

/** Writes a downloaded report somewhere (for example a Node file stream); used by `sosReportDownload`. */
export type SaveDownload = (fileName: string, body: ReadableStream<Uint8Array>) => Promise<void>;

/**
 * An SOS report being downloaded (a `.tar.gz`). The body is a stream so large reports need not fit in
 * memory; read it once, with `bytes()` or by consuming `body`.
 */
export class SosReportDownload {
  constructor(
    /** `toFile` when given, else the name from `Content-Disposition`, else `linstor.out` (python's choice). */
    readonly fileName: string,
    readonly body: ReadableStream<Uint8Array>,
  ) {}

  /** Reads the whole report into memory. */
  async bytes(): Promise<Uint8Array> {
    try {
      return new Uint8Array(await new Response(this.body).arrayBuffer());
    } catch (e) {
      throw new LinstorNetworkError('Error reading the SOS report download', { cause: e });
    }
  }
}

/** The file name of a `Content-Disposition` header (`attachment; filename="x.tar.gz"`), if any. */
export function dispositionFileName(header: string | null): string | undefined {
  if (!header) return undefined;
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1].trim());
  } catch {
    return m[1].trim();
  }
}
