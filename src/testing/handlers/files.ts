// The simulated controller's routes for external files (being written; none yet, so every operation of the
// area still answers "not implemented").
import type { Route } from '../router';

export function externalFileRoutes(): Route[] {
  return [];
}
