/** The SDK's User-Agent, in python-linstor's format: `<name>/<version> (API<min>)[: <agent info>]`. */
import { API_VERSION_MIN } from './version';

/** Kept equal to package.json's version (a test checks it). */
export const SDK_VERSION = '0.1.0';

export function userAgent(agentInfo?: string): string {
  const base = `linstor-api/${SDK_VERSION} (API${API_VERSION_MIN})`;
  return agentInfo ? `${base}: ${agentInfo}` : base;
}
