/**
 * Authorization headers (python precedence): an explicit bearer token, else a token found on disk
 * (Node: LS_BEARER_TOKEN_FILE, /var/lib/linstor.d/auth.json); Basic auth, when a username is set,
 * replaces the bearer header. Basic over plain HTTP is refused unless `allowInsecure` is set.
 */
import { LinstorNetworkError } from './errors';

export interface AuthSettings {
  username?: string;
  password?: string;
  bearerToken?: string;
  allowInsecure?: boolean;
}

export const INSECURE_PASSWORD_MESSAGE =
  'Password authentication with HTTP not allowed, until explicitly enabled.';

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The Authorization header value, or undefined. */
export function authorizationHeader(auth: AuthSettings): string | undefined {
  if (auth.username) return `Basic ${base64(`${auth.username}:${auth.password ?? ''}`)}`;
  if (auth.bearerToken) return `Bearer ${auth.bearerToken}`;
  return undefined;
}

/** Throws python's error when Basic auth would be sent over plain HTTP without `allowInsecure`. */
export function checkTransportSecurity(auth: AuthSettings, secure: boolean): void {
  if (!secure && auth.username && !auth.allowInsecure)
    throw new LinstorNetworkError(INSECURE_PASSWORD_MESSAGE);
}
