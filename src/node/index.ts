/**
 * Node entry (`linstor-api/node`): everything of the main entry, plus the Node transport (TLS files,
 * mTLS, verification, connect timeout via undici), default credentials from LS_BEARER_TOKEN_FILE /
 * auth.json, and the controller list from LS_CONTROLLERS / linstor-client.conf.
 */
import './register';

export * from '../index';
export {
  AUTH_JSON_PATH,
  bearerTokenFromEnvironment,
  type ClientConfigPaths,
  controllersFromEnvironment,
  type EnvironmentVariables,
  parseIni,
  readClientConfig,
  tlsFromEnvironment,
} from './environment';
export { createNodeFetch, resolveTls } from './tls-fetch';
