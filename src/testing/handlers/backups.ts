// The simulated controller's routes for backups shipped to remotes (being written; none yet, so every operation of the
// area still answers "not implemented").
import type { Route } from '../router';

export function backupRoutes(): Route[] {
  return [];
}
