// The simulated controller's routes for node and resource connections, DRBD proxy (being written; none yet, so every operation of the
// area still answers "not implemented").
import type { Route } from '../router';

export function connectionRoutes(): Route[] {
  return [];
}
