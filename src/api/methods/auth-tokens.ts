import type { ApiCallResponse } from '../../core/api-call-response';
import type { LinstorCore } from '../linstor-core';
import { AuthTokenListResponse } from '../responses/controller';
import type { ListResult } from '../responses/list-result';
import type { Schemas } from '../responses/schemas';

/** python's message for every auth-token method on a controller older than REST 1.28.0. */
const GATE = { minVersion: '1.28.0', versionMessage: 'Auth token not supported by server' } as const;

const isoTime = (value: string | Date) => (value instanceof Date ? value.toISOString() : value);

/** python-linstor §2.14: REST API auth tokens (all need REST 1.28.0). */
export const authTokenMethods = {
  /**
   * python `controller_create_auth_token`: `POST /v1/controller/auth/token {"description","ip_filter"?,"expires_at"?}`.
   * `expiresAt` may be a `Date` (sent as ISO 8601 UTC) or the controller's date-time text.
   */
  async controllerCreateAuthToken(
    this: LinstorCore,
    opts: { description: string; ipFilter?: string | null; expiresAt?: string | Date | null },
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['CreateAuthToken'] = { description: opts.description };
    if (opts.ipFilter) body.ip_filter = opts.ipFilter;
    if (opts.expiresAt) body.expires_at = isoTime(opts.expiresAt);
    return this.callReplies('POST', '/v1/controller/auth/token', { body, ...GATE });
  },

  /**
   * python `controller_init_auth_token`: `POST /v1/controller/auth/initialize-token-auth
   * {"description","only_satellites"?,"no_https"?}` (the flags only when true).
   */
  async controllerInitAuthToken(
    this: LinstorCore,
    opts: { description: string; onlySatellites?: boolean; noHttps?: boolean },
  ): Promise<ApiCallResponse[]> {
    const body: Partial<Schemas['InitAuthTokenRequest']> = { description: opts.description };
    if (opts.onlySatellites) body.only_satellites = true;
    if (opts.noHttps) body.no_https = true;
    return this.callReplies('POST', '/v1/controller/auth/initialize-token-auth', {
      body: body as Schemas['InitAuthTokenRequest'],
      ...GATE,
    });
  },

  /** python `controller_list_auth_tokens`: `GET /v1/controller/auth/token` → `[AuthTokenListResponse]`. */
  async controllerListAuthTokens(this: LinstorCore): Promise<ListResult<AuthTokenListResponse>> {
    const reply = await this.call('GET', '/v1/controller/auth/token', GATE);
    return reply.ok ? [new AuthTokenListResponse(reply.data)] : reply.replies;
  },

  /** python `controller_modify_auth_token`: `PUT /v1/controller/auth/token/{id}` with only the given keys. */
  async controllerModifyAuthToken(
    this: LinstorCore,
    opts: {
      tokenid: number | string;
      description?: string | null;
      isActive?: boolean | null;
      ipFilter?: string | null;
    },
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['ModifyAuthToken'] = {};
    if (opts.description !== undefined && opts.description !== null) body.description = opts.description;
    if (opts.isActive !== undefined && opts.isActive !== null) body.is_active = opts.isActive;
    if (opts.ipFilter !== undefined && opts.ipFilter !== null) body.ip_filter = opts.ipFilter;
    return this.callReplies('PUT', '/v1/controller/auth/token/{authtokenid}', {
      params: { path: { authtokenid: opts.tokenid as number } },
      body,
      ...GATE,
    });
  },

  /** python `controller_delete_auth_token`: `DELETE /v1/controller/auth/token/{id}`. */
  async controllerDeleteAuthToken(
    this: LinstorCore,
    opts: { tokenid: number | string },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/controller/auth/token/{authtokenid}', {
      params: { path: { authtokenid: opts.tokenid as number } },
      ...GATE,
    });
  },
};
