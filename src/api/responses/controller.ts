import { RestResponse } from './rest-response';
import type { Properties, Schemas } from './schemas';

/** The controller's properties (`controllerProps`). */
export class ControllerProperties extends RestResponse<Properties> {
  get properties(): Properties {
    return this.restData;
  }
}

/** The state of the master passphrase (`cryptStatus`). */
export class PassphraseStatus extends RestResponse<Schemas['PassphraseStatus']> {
  /** `unset`, `locked` or `unlocked`. */
  get status(): Schemas['PassphraseStatus']['status'] {
    return this.restData.status;
  }
}

/** The data of an {@link AuthToken} (the token text only in the reply that created it). */
export type AuthTokenData = Schemas['AuthToken'] & { token?: string };

/** One REST API auth token. */
export class AuthToken extends RestResponse<AuthTokenData> {
  get id(): number {
    return this.restData.id;
  }

  /** The secret; only present in the reply that created the token. */
  get token(): string | undefined {
    return this.restData.token;
  }

  get description(): string {
    return this.restData.description;
  }

  get createdAt(): Date | undefined {
    return isoDate(this.restData.created_at);
  }

  get isActive(): boolean {
    return this.restData.is_active ?? true;
  }

  get deletedAt(): Date | undefined {
    return isoDate(this.restData.deleted_at);
  }

  get expiresAt(): Date | undefined {
    return isoDate(this.restData.expires_at);
  }

  get ipFilter(): string | undefined {
    return this.restData.ip_filter;
  }

  get isUserToken(): boolean {
    return this.restData.is_user_token ?? true;
  }
}

/** The reply of `controllerListAuthTokens`. */
export class AuthTokenListResponse extends RestResponse<Schemas['AuthTokenListResponse']> {
  get authTokens(): AuthToken[] {
    return (this.restData.list ?? []).map((t) => new AuthToken(t));
  }

  get count(): number {
    return Number(this.restData.count ?? this.authTokens.length);
  }
}

function isoDate(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
