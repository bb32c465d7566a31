// The simulated controller's routes for remotes (S3, LINSTOR, EBS) (being written; none yet, so every operation of the
// area still answers "not implemented").
import type { Route } from '../router';

export function remoteRoutes(): Route[] {
  return [];
}
