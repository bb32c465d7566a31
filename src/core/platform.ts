/**
 * Hooks that the Node entry (`src/node`) registers, so the universal core never imports `node:`
 * modules: a fetch with TLS files/mTLS (undici), and default credentials found on disk.
 */
import type { FetchLike } from './transport';

/** TLS settings (Node only: they need the Node entry, which registers the undici-based transport). */
export interface TlsOptions {
  /** PEM text of the CA certificate(s) that sign the controller's certificate. */
  ca?: string;
  /** Path of a PEM CA file (python's `cafile`). */
  caFile?: string;
  /** PEM client certificate for mTLS (python's `certfile`). */
  cert?: string;
  certFile?: string;
  /** PEM client key for mTLS (python's `keyfile`). */
  key?: string;
  keyFile?: string;
  /**
   * Accept ANY server certificate and host name. Dangerous: anyone on the network path can read and
   * change the traffic, credentials included. python-linstor does this by default; this SDK does not.
   */
  dangerouslySkipCertificateVerification?: boolean;
}

export interface PlatformHooks {
  /** Builds a fetch honouring the TLS settings. */
  createFetch(tls: TlsOptions | undefined, options: { connectTimeoutMs: number }): FetchLike;
  /** A bearer token found in the environment or on disk, read when a client is constructed. */
  defaultBearerToken?(): string | undefined;
}

let registered: PlatformHooks | undefined;

export function registerPlatform(hooks: PlatformHooks): void {
  registered = hooks;
}

export function platformHooks(): PlatformHooks | undefined {
  return registered;
}
