// The simulated controller's routes for backup schedules (being written; none yet, so every operation of the
// area still answers "not implemented").
import type { Route } from '../router';

export function scheduleRoutes(): Route[] {
  return [];
}
