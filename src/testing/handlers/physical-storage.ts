// The simulated controller's routes for physical storage and the space report (being written; none yet, so every operation of the
// area still answers "not implemented").
import type { Route } from '../router';

export function physicalStorageRoutes(): Route[] {
  return [];
}
