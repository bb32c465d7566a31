/**
 * What a Node process finds in its environment and on disk: TLS material (LS_ROOT_CA,
 * LS_USER_CERTIFICATE, LS_USER_KEY: PEM text or a file path), the bearer token (LS_BEARER_TOKEN_FILE,
 * then python's /var/lib/linstor.d/auth.json) and the controller list (LS_CONTROLLERS, then the
 * linstor-client.conf files, then linstor://localhost).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TlsOptions } from '../core/platform';
import { controllerUriList } from '../core/uri';

export const AUTH_JSON_PATH = '/var/lib/linstor.d/auth.json';

/** Environment variables as `process.env` holds them (pass another record to read from it instead). */
export type EnvironmentVariables = Readonly<Record<string, string | undefined>>;

function pemOrFile(value: string | undefined): { pem?: string; file?: string } {
  if (!value) return {};
  return value.includes('-----BEGIN') ? { pem: value } : { file: value };
}

/** TLS settings from LS_ROOT_CA, LS_USER_CERTIFICATE and LS_USER_KEY (each PEM text or a file path). */
export function tlsFromEnvironment(env: EnvironmentVariables = process.env): TlsOptions {
  const ca = pemOrFile(env.LS_ROOT_CA);
  const cert = pemOrFile(env.LS_USER_CERTIFICATE);
  const key = pemOrFile(env.LS_USER_KEY);
  const tls: TlsOptions = {};
  if (ca.pem) tls.ca = ca.pem;
  if (ca.file) tls.caFile = ca.file;
  if (cert.pem) tls.cert = cert.pem;
  if (cert.file) tls.certFile = cert.file;
  if (key.pem) tls.key = key.pem;
  if (key.file) tls.keyFile = key.file;
  return tls;
}

function tokenFromText(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const token = (JSON.parse(trimmed) as { token?: unknown }).token;
      return typeof token === 'string' && token !== '' ? token : undefined;
    } catch {
      return undefined;
    }
  }
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The bearer token a client uses when none is given: the file named by LS_BEARER_TOKEN_FILE (plain token
 * or `{"token": …}`), else python's auth.json. Unreadable files count as absent.
 */
export function bearerTokenFromEnvironment(
  env: EnvironmentVariables = process.env,
  authJsonPath = AUTH_JSON_PATH,
): string | undefined {
  const candidates = [env.LS_BEARER_TOKEN_FILE, authJsonPath].filter((p): p is string => Boolean(p));
  for (const file of candidates) {
    try {
      const token = tokenFromText(readFileSync(file, 'utf8'));
      if (token) return token;
    } catch {
      // absent or unreadable: try the next source
    }
  }
  return undefined;
}

export interface ClientConfigPaths {
  /** Directory of drop-in files (default /etc/linstor/linstor-client.d). */
  dropInDir?: string;
  /** An explicit config file (python's `config_file_name`), used when it exists. */
  configFile?: string;
  /** User file (default ~/.config/linstor/linstor-client.conf). */
  userFile?: string;
  /** System file (default /etc/linstor/linstor-client.conf). */
  systemFile?: string;
}

/** A small configparser: `[section]`, `key = value` / `key: value`, `#`/`;` comments, continuation lines. */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let section: Record<string, string> | undefined;
  let lastKey: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*([#;]|$)/.test(line)) {
      lastKey = undefined;
      continue;
    }
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      const name = header[1].trim();
      out[name] ??= {};
      section = out[name];
      lastKey = undefined;
      continue;
    }
    if (/^\s/.test(line) && section && lastKey) {
      section[lastKey] = `${section[lastKey]}\n${line.trim()}`;
      continue;
    }
    const kv = /^\s*([^=:]+?)\s*[=:]\s*(.*?)\s*$/.exec(line);
    if (kv && section) {
      lastKey = kv[1].toLowerCase();
      section[lastKey] = kv[2];
    }
  }
  return out;
}

/** Reads the linstor-client.conf files in python's order (later files override earlier ones). */
export function readClientConfig(paths: ClientConfigPaths = {}): Record<string, Record<string, string>> {
  const dropInDir = paths.dropInDir ?? '/etc/linstor/linstor-client.d';
  const files: string[] = [];
  try {
    for (const f of readdirSync(dropInDir)
      .filter((n) => n.endsWith('.conf'))
      .sort())
      files.push(join(dropInDir, f));
  } catch {
    // no drop-in directory
  }
  const single = [
    paths.configFile,
    paths.userFile ?? join(homedir(), '.config', 'linstor', 'linstor-client.conf'),
    paths.systemFile ?? '/etc/linstor/linstor-client.conf',
  ].find((f) => f !== undefined && existsSync(f));
  if (single) files.push(single);
  const merged: Record<string, Record<string, string>> = {};
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const [name, values] of Object.entries(parseIni(text)))
      merged[name] = { ...merged[name], ...values };
  }
  return merged;
}

/**
 * python `Config.get_controllers`: LS_CONTROLLERS if non-empty, else `controllers` of the `[global]`
 * section of the client config, else `linstor://localhost`; always through `controllerUriList`.
 */
export function controllersFromEnvironment(
  options: { env?: EnvironmentVariables; section?: string; fallback?: string } & ClientConfigPaths = {},
): string[] {
  const env = options.env ?? process.env;
  const fromEnv = env.LS_CONTROLLERS;
  if (fromEnv) return controllerUriList(fromEnv);
  const config = readClientConfig(options);
  const fromFile = config[options.section ?? 'global']?.controllers;
  return controllerUriList(fromFile || options.fallback || 'linstor://localhost');
}
