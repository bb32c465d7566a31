/**
 * The Node transport: undici 7's fetch with an Agent carrying the TLS settings (CA, client certificate
 * and key for mTLS, verification on unless explicitly skipped) and a connect timeout.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';
import { LinstorArgumentError } from '../core/errors';
import type { TlsOptions } from '../core/platform';
import type { FetchLike } from '../core/transport';

function readPem(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new LinstorArgumentError(`Cannot read the ${what} file '${file}': ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Resolves file options into PEM text (files are read once, when the client is created). */
export function resolveTls(tls: TlsOptions | undefined): {
  ca?: string;
  cert?: string;
  key?: string;
  rejectUnauthorized: boolean;
} {
  const ca = tls?.ca ?? (tls?.caFile ? readPem(tls.caFile, 'CA') : undefined);
  const cert = tls?.cert ?? (tls?.certFile ? readPem(tls.certFile, 'client certificate') : undefined);
  const key = tls?.key ?? (tls?.keyFile ? readPem(tls.keyFile, 'client key') : undefined);
  if ((cert === undefined) !== (key === undefined)) {
    throw new LinstorArgumentError('A client certificate needs its key (and a key its certificate)');
  }
  try {
    // fail at construction, not at the first request, on PEM text that is not a certificate or key
    createSecureContext({ ca, cert, key });
    // createSecureContext silently ignores a CA that is not a certificate
    if (ca !== undefined) new X509Certificate(ca);
  } catch (error) {
    throw new LinstorArgumentError(`Invalid TLS material: ${(error as Error).message}`, { cause: error });
  }
  return { ca, cert, key, rejectUnauthorized: tls?.dangerouslySkipCertificateVerification !== true };
}

/** A {@link FetchLike} over undici 7 with the given TLS settings. */
export function createNodeFetch(
  tls: TlsOptions | undefined,
  options: { connectTimeoutMs?: number } = {},
): FetchLike {
  const resolved = resolveTls(tls);
  const agent = new Agent({
    connect: {
      ...(resolved.ca !== undefined ? { ca: resolved.ca } : {}),
      ...(resolved.cert !== undefined ? { cert: resolved.cert, key: resolved.key } : {}),
      rejectUnauthorized: resolved.rejectUnauthorized,
      timeout: options.connectTimeoutMs ?? 10_000,
    },
  });
  return (url, init) => undiciFetch(url, { ...init, dispatcher: agent }) as unknown as Promise<Response>;
}
