/**
 * Base64 for external file contents, written for both browsers and Node (no `Buffer`): `btoa`/`atob`
 * work on "binary strings", so bytes are mapped to char codes in slices that stay below the argument
 * limit of `String.fromCharCode`.
 */
import { LinstorArgumentError, LinstorError } from '../core/errors';

const SLICE = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch (e) {
    throw new LinstorError('The controller sent file content that is not valid base64', { cause: e });
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** File content given by a user: text is encoded as UTF-8, bytes are taken as they are. */
export function contentToBytes(content: Uint8Array | ArrayBuffer | string): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  if (content instanceof Uint8Array) return content;
  if (content instanceof ArrayBuffer) return new Uint8Array(content);
  throw new LinstorArgumentError('File content must be a string, a Uint8Array or an ArrayBuffer');
}
