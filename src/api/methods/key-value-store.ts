import type { ApiCallResponse } from '../../core/api-call-response';
import type { LinstorCore } from '../linstor-core';
import { type KeyValueStore, KeyValueStoresResponse } from '../responses/key-value-store';
import { unwrapListResult } from '../responses/list-result';
import { type PropertyDict, propsBody } from './props-body';

/** python-linstor §2.15: the key-value store. */
export const keyValueStoreMethods = {
  /** python `keyvaluestore_modify`: `PUT /v1/key-value-store/{instance}` (the controller creates it implicitly). */
  async keyvaluestoreModify(
    this: LinstorCore,
    opts: {
      instanceName: string;
      propertyDict?: PropertyDict | null;
      deleteProps?: readonly string[] | null;
    },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('PUT', '/v1/key-value-store/{instance}', {
      params: { path: { instance: opts.instanceName } },
      body: propsBody(opts.propertyDict, opts.deleteProps),
    });
  },

  /** python `keyvaluestores`: `GET /v1/key-value-store` → `KeyValueStoresResponse` (unwrapped; throws otherwise). */
  async keyvaluestores(this: LinstorCore): Promise<KeyValueStoresResponse> {
    const reply = await this.call('GET', '/v1/key-value-store');
    return unwrapListResult(reply.ok ? [new KeyValueStoresResponse(reply.data)] : reply.replies);
  },

  /**
   * python `keyvaluestore_list`: every instance is fetched and the one asked for is picked client-side;
   * an unknown instance gives an empty store.
   */
  async keyvaluestoreList(this: LinstorCore, opts: { instanceName: string }): Promise<KeyValueStore> {
    const all = await keyValueStoreMethods.keyvaluestores.call(this);
    return all.instance(opts.instanceName);
  },
};
