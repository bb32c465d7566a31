/**
 * Credentials for the whole reliability suite: every client is created with Basic or Bearer auth (and some
 * with a password in the URI), every log event and every error the suite sees is recorded, and each test
 * file ends by scanning all of it for the secrets.
 */
import { randomBytes } from 'node:crypto';
import type { LinstorLogEvent } from '../../src/core/logger';

const nonce = randomBytes(6).toString('hex');
export const SECRET_TOKEN = `tok3n-${nonce}-bearer`;
export const SECRET_USER = 'operator';
export const SECRET_PASSWORD = `pa55-${nonce}-word`;

/** Every spelling of a secret that must never show up. */
export const SECRET_FORMS: readonly string[] = [
  SECRET_TOKEN,
  SECRET_PASSWORD,
  Buffer.from(`${SECRET_USER}:${SECRET_PASSWORD}`).toString('base64'),
  Buffer.from(SECRET_TOKEN).toString('base64'),
  encodeURIComponent(SECRET_PASSWORD),
  nonce,
];

// Lines are scanned as they come (not kept): the suite produces hundreds of thousands of them.
const leaks: string[] = [];
let scannedLines = 0;
let scannedErrors = 0;
let scannedEvents = 0;

/** True when the text holds any spelling of a secret. */
export function containsSecret(text: string): boolean {
  return SECRET_FORMS.some((s) => text.includes(s));
}

function scan(line: string): void {
  scannedLines++;
  if (leaks.length < 20 && containsSecret(line)) leaks.push(line.slice(0, 500));
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  } catch {
    return String(value);
  }
}

/** A logger hook that keeps every event as a line of text. */
export function recordingLogger(into?: LinstorLogEvent[]): (event: LinstorLogEvent) => void {
  return (event) => {
    scannedEvents++;
    into?.push(event);
    scan(json(event));
  };
}

/** Records the message, string form, stack, nested errors and cause chain of a thrown value. */
export function recordError(error: unknown, depth = 0): void {
  if (depth === 0) scannedErrors++;
  if (depth > 6 || error === undefined || error === null) return;
  scan(String(error));
  if (typeof error === 'object') {
    const e = error as { message?: unknown; stack?: unknown; allErrors?: unknown; cause?: unknown };
    if (typeof e.message === 'string') scan(e.message);
    if (typeof e.stack === 'string') scan(e.stack);
    if (Array.isArray(e.allErrors)) for (const inner of e.allErrors) recordError(inner, depth + 1);
    if (e.cause !== undefined) recordError(e.cause, depth + 1);
    scan(json(error));
  }
}

/** Auth options for a client: Basic (over plain HTTP, explicitly allowed) or Bearer. */
export function authOptions(kind: 'basic' | 'bearer'): {
  username?: string;
  password?: string;
  bearerToken?: string;
  allowInsecure?: boolean;
} {
  return kind === 'basic'
    ? { username: SECRET_USER, password: SECRET_PASSWORD, allowInsecure: true }
    : { bearerToken: SECRET_TOKEN };
}

/** The scan: returns the offending lines (empty when clean) and how much was scanned. */
export function scanForSecrets(): { leaks: string[]; lines: number; errors: number; events: number } {
  return { leaks: [...leaks], lines: scannedLines, errors: scannedErrors, events: scannedEvents };
}
