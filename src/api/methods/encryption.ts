import type { ApiCallResponse } from '../../core/api-call-response';
import { LinstorError } from '../../core/errors';
import type { LinstorCore } from '../linstor-core';
import { PassphraseStatus } from '../responses/controller';
import type { ListResult } from '../responses/list-result';
import type { Schemas } from '../responses/schemas';

/** python-linstor §2.14: the master passphrase. */
export const encryptionMethods = {
  /** python `crypt_create_passphrase`: `POST /v1/encryption/passphrase {"new_passphrase"}`. */
  async cryptCreatePassphrase(this: LinstorCore, opts: { passphrase: string }): Promise<ApiCallResponse[]> {
    return this.callReplies('POST', '/v1/encryption/passphrase', {
      body: { new_passphrase: opts.passphrase },
    });
  },

  /** python `crypt_enter_passphrase`: `PATCH /v1/encryption/passphrase` whose body is the bare JSON string. */
  async cryptEnterPassphrase(this: LinstorCore, opts: { passphrase: string }): Promise<ApiCallResponse[]> {
    return this.callReplies('PATCH', '/v1/encryption/passphrase', { body: opts.passphrase });
  },

  /** python `crypt_modify_passphrase`: `PUT /v1/encryption/passphrase {"new_passphrase","old_passphrase"}`. */
  async cryptModifyPassphrase(
    this: LinstorCore,
    opts: { oldPassphrase: string; newPassphrase: string },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('PUT', '/v1/encryption/passphrase', {
      body: { new_passphrase: opts.newPassphrase, old_passphrase: opts.oldPassphrase },
    });
  },

  /**
   * python `crypt_status`: `GET /v1/encryption/passphrase` → `[PassphraseStatus]` (`status` is
   * `unset`/`locked`/`unlocked`). The controller's single object is also accepted inside an array.
   */
  async cryptStatus(this: LinstorCore): Promise<ListResult<PassphraseStatus>> {
    const reply = await this.call('GET', '/v1/encryption/passphrase');
    if (!reply.ok) return reply.replies;
    const data = reply.data as Schemas['PassphraseStatus'] | Schemas['PassphraseStatus'][];
    const status = Array.isArray(data) ? data[0] : data;
    if (typeof status !== 'object' || status === null)
      throw new LinstorError('No passphrase status received.');
    return [new PassphraseStatus(status)];
  },
};
