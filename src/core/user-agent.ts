/** The SDK's User-Agent, in python-linstor's format: `<name>/<version> (API<min>)[: <agent info>]`. */
import { runsInNode } from './runtime';
import { API_VERSION_MIN } from './version';

/** Kept equal to package.json's version (a test checks it). */
export const SDK_VERSION = '0.1.0';

export function userAgent(agentInfo?: string): string {
  const base = `linstor-api/${SDK_VERSION} (API${API_VERSION_MIN})`;
  return agentInfo ? `${base}: ${agentInfo}` : base;
}

/**
 * The headers that name the client. On Node: User-Agent (python's format) and `Accept-Encoding: gzip`.
 * In a browser only an explicitly configured User-Agent is sent: a script-set User-Agent is not a
 * CORS-safelisted header, so browsers that honour it (Firefox) would preflight every request, and the
 * controller's `Access-Control-Allow-Headers` does not list it; Accept-Encoding is the browser's own.
 */
export function identityHeaders(
  options: { userAgent?: string; agentInfo?: string },
  inNode: boolean = runsInNode(),
): Record<string, string> {
  const explicit = options.userAgent ?? (options.agentInfo ? userAgent(options.agentInfo) : undefined);
  if (!inNode) return explicit ? { 'User-Agent': explicit } : {};
  return { 'User-Agent': explicit ?? userAgent(), 'Accept-Encoding': 'gzip' };
}
