// The simulated controller's routes for the master passphrase and volume passphrases (being written; none yet, so every operation of the
// area still answers "not implemented").
import type { Route } from '../router';

export function encryptionRoutes(): Route[] {
  return [];
}
