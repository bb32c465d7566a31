// Name rules of the controller (controller-behavior.md §4.1). Each check returns the controller's
// cause text for the first rule that fails, or undefined when the name is valid.

import { fail } from './rc';

const utf8 = new TextEncoder();

export interface NameLimits {
  min: number;
  max: number;
  /** extra characters allowed after the first one (e.g. '.' for shared-space names) */
  extra?: string;
}

export const NAME_LIMITS = {
  resource: { min: 2, max: 48 },
  resourceGroup: { min: 2, max: 48 },
  storagePool: { min: 3, max: 48 },
  kvs: { min: 2, max: 48 },
  netInterface: { min: 3, max: 32 },
  snapshot: { min: 2, max: 48 },
  sharedSpace: { min: 1, max: 48, extra: '.' },
} as const satisfies Record<string, NameLimits>;

const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

export function nameCheck(name: string, limits: NameLimits): string | undefined {
  const len = utf8.encode(name).length;
  if (len < limits.min) return `Invalid name: Name length ${len} is less than minimum length ${limits.min}`;
  if (len > limits.max)
    return `Invalid name: Name length ${len} is greater than maximum length ${limits.max}`;
  if (![...name].some(isLetter)) {
    return 'Invalid name: Name must contain at least one character that matches [a-zA-Z]';
  }
  const chars = [...name];
  const first = chars[0] as string;
  if (!isLetter(first) && first !== '_') return `Invalid name: Cannot begin with character '${first}'`;
  for (const c of chars.slice(1)) {
    if (!isLetter(c) && !isDigit(c) && c !== '_' && c !== '-' && !(limits.extra ?? '').includes(c)) {
      return `Invalid name: Cannot contain character '${c}'`;
    }
  }
  return undefined;
}

const RESERVED_RESOURCE_NAMES = ['ALL', 'PROXY'];

/**
 * Fails with `code` and the controller's "The given <what> name '<name>' is invalid." (the rule that
 * failed as the cause) unless `name` keeps to `limits`.
 */
export function requireValidName(name: string, limits: NameLimits, code: bigint, what: string): void {
  const bad = nameCheck(name, limits);
  if (bad) fail(code, `The given ${what} name '${name}' is invalid.`, { cause: bad });
}

export function resourceNameCheck(name: string): string | undefined {
  if (RESERVED_RESOURCE_NAMES.includes(name.toUpperCase())) {
    return `The specified name '${name}' cannot be used because it matches a keyword reserved for DRBD.`;
  }
  return nameCheck(name, NAME_LIMITS.resource);
}

/** Node names follow a host-name rule (RFC 952/1123 style), not the general name rule. */
export function hostNameCheck(name: string): string | undefined {
  const len = utf8.encode(name).length;
  if (name.startsWith('.')) return "Hostname cannot begin with '.'";
  if (name.startsWith('-')) return "Hostname cannot begin with '-'";
  if (name.endsWith('-')) return "Hostname cannot end with '-'";
  if (len < 2) return `Hostname length of ${len} violates RFC1123 minimum length of 2`;
  if (len > 255) return `Hostname length of ${len} violates RFC1123 maximum length of 255`;
  for (const label of name.split('.')) {
    if (label.length > 63) {
      return `Domain name component length of ${label.length} violates RFC1123 maximum length of 63`;
    }
    for (const c of label) {
      if (!isLetter(c) && !isDigit(c) && c !== '-') return `Domain name cannot contain character '${c}'`;
    }
  }
  return undefined;
}

/** IPv4 or IPv6 literal, as the controller's address parser accepts (no host names). */
export function isIpLiteral(address: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(address)) {
    return address.split('.').every((p) => Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
  }
  return isIpv6(address);
}

function isIpv6(address: string): boolean {
  let a = address;
  const pct = a.indexOf('%');
  if (pct >= 0) a = a.slice(0, pct);
  if (!/^[0-9a-fA-F:.]+$/.test(a) || !a.includes(':')) return false;
  const halves = a.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const all = halves.flatMap(groups);
  let count = 0;
  for (const [i, g] of all.entries()) {
    if (g.includes('.')) {
      if (i !== all.length - 1 || !isIpLiteral(g) || g.includes(':')) return false;
      count += 2;
    } else {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
      count += 1;
    }
  }
  return halves.length === 2 ? count < 8 : count === 8;
}
