/** Registers the Node transport and defaults with the universal core (imported for its effect). */
import { registerPlatform } from '../core/platform';
import { bearerTokenFromEnvironment, tlsFromEnvironment } from './environment';
import { createNodeFetch } from './tls-fetch';

registerPlatform({
  createFetch(tls, options) {
    const fromEnv = tlsFromEnvironment();
    const given = Object.fromEntries(Object.entries(tls ?? {}).filter(([, v]) => v !== undefined));
    // explicit options win over the environment; a given file replaces an env PEM of the same kind
    const merged = { ...fromEnv, ...given };
    if (given.caFile !== undefined || given.ca !== undefined) {
      merged.ca = given.ca;
      merged.caFile = given.caFile;
    }
    if (
      given.certFile !== undefined ||
      given.cert !== undefined ||
      given.keyFile !== undefined ||
      given.key !== undefined
    ) {
      merged.cert = given.cert;
      merged.certFile = given.certFile;
      merged.key = given.key;
      merged.keyFile = given.keyFile;
    }
    return createNodeFetch(merged, options);
  },
  defaultBearerToken: () => bearerTokenFromEnvironment(),
});
