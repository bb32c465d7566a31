// The simulated controller's routes for auth tokens (being written).
import type { Route } from '../router';

/** One issued token; the secret itself is only returned by the creating request. */
export interface AuthTokenRecord {
  id: number;
  description: string;
  createdAt: number;
  isActive: boolean;
  isUserToken: boolean;
  expiresAt?: string;
  deletedAt?: number;
  ipFilter?: string;
}

export function authTokenRoutes(): Route[] {
  return [];
}
