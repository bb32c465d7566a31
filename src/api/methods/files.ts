import type { ApiCallResponse } from '../../core/api-call-response';
import { bytesToBase64, contentToBytes } from '../encoding';
import type { LinstorCore } from '../linstor-core';
import { FileResponse } from '../responses/external-file';
import { type ListResult, unwrapListResult } from '../responses/list-result';

/**
 * python-linstor §2.17: external files. A file name is a path such as `/etc/x.conf`; it always travels
 * as one percent-encoded path segment (`/v1/files/%2Fetc%2Fx.conf`).
 */
export const fileMethods = {
  /** python `file_list` (REST 1.7.0): `GET /v1/files` → `[FileResponse]` (paths only). */
  async fileList(this: LinstorCore): Promise<ListResult<FileResponse>> {
    const reply = await this.call('GET', '/v1/files', {
      minVersion: '1.7.0',
      versionMessage: 'External files not supported by server',
    });
    return reply.ok ? [new FileResponse(reply.data)] : reply.replies;
  },

  /**
   * python `file_show`: `GET /v1/files/{path}` → `FileResponse` (with content), or throws
   * `LinstorApiCallError`. The decoded content is `result.file.contentBytes` / `contentText`.
   */
  async fileShow(this: LinstorCore, opts: { fileName: string }): Promise<FileResponse> {
    const reply = await this.call('GET', '/v1/files/{extFileName}', {
      params: { path: { extFileName: opts.fileName } },
    });
    return unwrapListResult(reply.ok ? [new FileResponse(reply.data)] : reply.replies);
  },

  /**
   * python `file_modify`: `PUT /v1/files/{path} {"path","content": base64}`. The content may be bytes or
   * text (text is encoded as UTF-8); the SDK does the base64 step.
   */
  async fileModify(
    this: LinstorCore,
    opts: { fileName: string; newContent: Uint8Array | ArrayBuffer | string },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('PUT', '/v1/files/{extFileName}', {
      params: { path: { extFileName: opts.fileName } },
      body: { path: opts.fileName, content: bytesToBase64(contentToBytes(opts.newContent)) },
    });
  },

  /** python `file_delete`: `DELETE /v1/files/{path}`. */
  async fileDelete(this: LinstorCore, opts: { fileName: string }): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/files/{extFileName}', {
      params: { path: { extFileName: opts.fileName } },
    });
  },

  /** python `file_deploy`: `POST /v1/resource-definitions/{rscName}/files/{path}`. */
  async fileDeploy(
    this: LinstorCore,
    opts: { fileName: string; rscName: string },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('POST', '/v1/resource-definitions/{resource}/files/{extFileName}', {
      params: { path: { resource: opts.rscName, extFileName: opts.fileName } },
    });
  },

  /** python `file_undeploy`: `DELETE /v1/resource-definitions/{rscName}/files/{path}`. */
  async fileUndeploy(
    this: LinstorCore,
    opts: { fileName: string; rscName: string },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/resource-definitions/{resource}/files/{extFileName}', {
      params: { path: { resource: opts.rscName, extFileName: opts.fileName } },
    });
  },
};
