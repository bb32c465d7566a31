import { LinstorError } from '../../core/errors';

/** The items of a list reply; a single object where the operation answers a list is a broken reply. */
export function listItems<T>(data: T[], what: string): T[] {
  if (!Array.isArray(data))
    throw new LinstorError(`${what}: the controller sent an object where a list was expected`);
  return data;
}
