/**
 * Controller URIs: `linstor://`, `linstor+ssl://`, `http://`, `https://`, or a bare `host[:port]`
 * (IPv6 in brackets). The scheme picks plain HTTP (default port 3370) or HTTPS (default port 3371).
 */
import { LinstorArgumentError } from './errors';

export const REST_PORT = 3370;
export const REST_HTTPS_PORT = 3371;

export interface ControllerAddress {
  /** The URI as given (may contain user info; never put this into messages). */
  readonly uri: string;
  /** The URI without user info: what messages and logs show. */
  readonly display: string;
  readonly secure: boolean;
  /** Host name or address, IPv6 without brackets. */
  readonly host: string;
  readonly port: number;
  /** `http(s)://host:port`, IPv6 bracketed, always with the port. */
  readonly origin: string;
}

const SECURE_SCHEMES = new Set(['linstor+ssl', 'https']);
const PLAIN_SCHEMES = new Set(['linstor', 'http']);

/** Parses a controller URI; a malformed one is a {@link LinstorArgumentError} naming it. */
export function parseControllerUri(uri: string): ControllerAddress {
  if (typeof uri !== 'string') throw new LinstorArgumentError(`Invalid controller URI: ${String(uri)}`);
  const bad = (why: string): never => {
    throw new LinstorArgumentError(`Invalid controller URI '${withoutUserInfo(uri)}': ${why}`);
  };
  const trimmed = uri.trim();
  if (trimmed === '') bad('empty');
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(trimmed);
  let scheme = 'linstor';
  let rest = trimmed;
  if (schemeMatch) {
    scheme = schemeMatch[1].toLowerCase();
    rest = trimmed.slice(schemeMatch[0].length);
    if (!SECURE_SCHEMES.has(scheme) && !PLAIN_SCHEMES.has(scheme)) {
      bad(`unsupported scheme '${scheme}' (use linstor://, linstor+ssl://, http:// or https://)`);
    }
  } else if (
    !/^[^:]+(:\d*)?$/.test(trimmed) &&
    !trimmed.startsWith('[') &&
    (trimmed.match(/:/g) ?? []).length > 1
  ) {
    // a bare IPv6 address without brackets and therefore without a port
    rest = `[${trimmed}]`;
  }
  const authorityEnd = rest.search(/[/?#]/);
  let authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const at = authority.lastIndexOf('@');
  if (at !== -1) authority = authority.slice(at + 1);
  let hostPart: string;
  let portText: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close === -1) bad('unclosed IPv6 bracket');
    hostPart = authority.slice(0, close + 1);
    const after = authority.slice(close + 1);
    if (after !== '') {
      if (!after.startsWith(':')) bad('unexpected text after the IPv6 address');
      portText = after.slice(1);
    }
  } else {
    const colon = authority.indexOf(':');
    if (colon !== authority.lastIndexOf(':')) bad('IPv6 addresses need brackets, e.g. [::1]:3370');
    hostPart = colon === -1 ? authority : authority.slice(0, colon);
    portText = colon === -1 ? undefined : authority.slice(colon + 1);
  }
  if (hostPart === '' || hostPart === '[]') bad('no host');
  const secure = SECURE_SCHEMES.has(scheme);
  let port = secure ? REST_HTTPS_PORT : REST_PORT;
  if (portText !== undefined && portText !== '') {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      bad(`invalid port '${portText}'`);
    }
    port = Number(portText);
  }
  let hostname: string;
  try {
    hostname = new URL(`http://${hostPart}`).hostname;
  } catch {
    return bad(`invalid host '${hostPart}'`);
  }
  if (hostname === '') bad('no host');
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return {
    uri,
    display: withoutUserInfo(trimmed),
    secure,
    host,
    port,
    origin: `${secure ? 'https' : 'http'}://${hostname}:${port}`,
  };
}

/** Builds the address of the same host on another scheme/port (used by the HTTPS probe). */
export function withTransport(address: ControllerAddress, secure: boolean, port: number): ControllerAddress {
  const hostname = address.host.includes(':') ? `[${address.host}]` : address.host;
  return {
    ...address,
    secure,
    port,
    display: `${secure ? 'linstor+ssl' : 'linstor'}://${hostname}:${port}`,
    origin: `${secure ? 'https' : 'http'}://${hostname}:${port}`,
  };
}

/** Removes `user:password@` from a URI so it can be shown. */
export function withoutUserInfo(uri: string): string {
  return uri.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#]*@/, '$1');
}

/**
 * python's `controller_uri_list`: splits on `,`, skips empty items, prefixes items without `://` with
 * `linstor://`. Unlike python, whitespace around items is trimmed.
 */
export function controllerUriList(controllerList: string): string[] {
  return controllerList
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => (item.includes('://') ? item : `linstor://${item}`));
}
