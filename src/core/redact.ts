/** Keeps credentials out of logs, messages and stored requests. */
import type { RequestSummary } from './reply-mapping';

const SENSITIVE = new Set(['authorization', 'proxy-authorization', 'cookie']);

export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] = SENSITIVE.has(k.toLowerCase()) ? `${v.split(' ')[0]} [REDACTED]` : v;
  }
  return out;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A redacted request description with a curl command line (python's curl mode, with the real port). */
export function summarizeRequest(
  method: string,
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string | undefined,
  tlsFlags: readonly string[] = [],
): RequestSummary {
  const safe = redactHeaders(headers);
  const parts = ['curl', '-X', method];
  for (const [k, v] of Object.entries(safe)) {
    if (k.toLowerCase() === 'user-agent' || k.toLowerCase() === 'accept-encoding') continue;
    parts.push('-H', shellQuote(`${k}: ${v}`));
  }
  if (body !== undefined) parts.push('-d', shellQuote(body));
  parts.push(...tlsFlags, url);
  return { method, url, headers: safe, ...(body !== undefined ? { body } : {}), curl: parts.join(' ') };
}
