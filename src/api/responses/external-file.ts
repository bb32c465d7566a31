import { LinstorError } from '../../core/errors';
import { base64ToBytes } from '../encoding';
import { RestResponse } from './rest-response';
import type { Schemas } from './schemas';

/** A file the controller deploys to satellites. */
export class ExternalFile extends RestResponse<Schemas['ExternalFile']> {
  /** Where the file is written on the nodes. */
  get path(): string | undefined {
    return this.restData.path;
  }

  /** The content as sent by the controller (base64), as python's `content`; absent in plain lists. */
  get content(): string | undefined {
    return this.restData.content;
  }

  /** The decoded content bytes, or `undefined` when the reply carried no content. */
  get contentBytes(): Uint8Array | undefined {
    const c = this.restData.content;
    return c === undefined || c === null ? undefined : base64ToBytes(c);
  }

  /** The decoded content as UTF-8 text (throws `LinstorError` when it is not valid UTF-8). */
  get contentText(): string | undefined {
    const bytes = this.contentBytes;
    if (bytes === undefined) return undefined;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (e) {
      throw new LinstorError(`The content of '${this.path}' is not UTF-8 text`, { cause: e });
    }
  }
}

/**
 * The reply of `fileList` and `fileShow`. python's `files` is a list for a list reply and a single
 * ExternalFile for `file_show`; here `files` is always an array and {@link file} gives the single one.
 */
export class FileResponse extends RestResponse<Schemas['ExternalFile'][] | Schemas['ExternalFile']> {
  get files(): ExternalFile[] {
    const d = this.restData;
    return (Array.isArray(d) ? d : [d]).map((f) => new ExternalFile(f));
  }

  /** The first (for `fileShow`, the only) file. */
  get file(): ExternalFile | undefined {
    return this.files[0];
  }
}
