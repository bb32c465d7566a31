// The simulated controller's routes for the properties/info catalogues (being written; none yet, so every operation of the
// area still answers "not implemented").
import type { Route } from '../router';

export function propertiesInfoRoutes(): Route[] {
  return [];
}
