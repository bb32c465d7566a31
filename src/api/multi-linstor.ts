/**
 * `MultiLinstor`: a `Linstor` over a list of controllers (python parity at connect, plus per-request
 * failover). All the behaviour lives in `LinstorCore` (which takes the list); this class only fixes
 * the constructor shape and adds python's `controller_uri_list` classmethod.
 *
 * - `connect()` walks the list in order from the first URI; only network errors move on. When all
 *   fail: `LinstorNetworkError("Unable to connect to any of the given controller hosts: [...]")` with
 *   one nested error per host.
 * - After that, a request that fails before reaching a controller moves to the next one; the last
 *   controller that answered is tried first next time and is what `controllerHost()` reports. A reply of
 *   any status never fails over; a POST/PATCH that may have reached a controller is never re-sent.
 * - Each controller gets its own handshake the first time it is used; version gates use the version of
 *   the controller that is about to answer.
 */
import { LinstorArgumentError } from '../core/errors';
import { controllerUriList } from '../core/uri';
import { Linstor } from './linstor';
import type { LinstorOptions } from './linstor-core';

export class MultiLinstor extends Linstor {
  /**
   * @param controllers URIs in order of preference, or python's comma-separated string
   *   (`"10.0.0.1,linstor+ssl://10.0.0.2"`, items without a scheme get `linstor://`).
   */
  constructor(controllers: string | readonly string[], options: LinstorOptions = {}) {
    const list = typeof controllers === 'string' ? controllerUriList(controllers) : [...controllers];
    if (list.length === 0) throw new LinstorArgumentError('MultiLinstor needs at least one controller URI');
    super(list, options);
  }

  /**
   * python `controller_uri_list`: splits on `,`, skips empty items, prefixes items without `://` with
   * `linstor://`; unlike python, whitespace around items is trimmed.
   */
  static controllerUriList(controllerList: string): string[] {
    return controllerUriList(controllerList);
  }
}
