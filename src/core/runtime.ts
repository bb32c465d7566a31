/**
 * True on Node (and runtimes that present themselves as Node). Used where a header that is harmless on
 * Node would force a CORS preflight in a browser that the controller's Allow-Headers does not permit.
 */
export function runsInNode(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string';
}
