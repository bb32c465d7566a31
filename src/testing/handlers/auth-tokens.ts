// The simulated controller's routes for auth tokens (being written; none yet, so every operation of the
// area still answers "not implemented").
import type { Route } from '../router';

export function authTokenRoutes(): Route[] {
  return [];
}
