import type { Linstor } from '../api/linstor';
import type { LinstorOptions } from '../api/linstor-core';
import { MultiLinstor } from '../api/multi-linstor';
import { controllerUriList } from '../core/uri';

/** The default controller of the high-level objects (python-linstor's default `uri`). */
export const DEFAULT_OBJECT_URI = 'linstor://localhost';

/**
 * How a high-level object (`ResourceGroup`, `Resource`, `KV`) reaches the controller: either a client
 * passed in (`existingClient`, never closed by the object), or a `MultiLinstor` the object creates for
 * `uri` with the remaining client options, keeps for all its operations and closes in `close()`.
 */
export interface ObjectClientOptions extends Omit<LinstorOptions, 'controller' | 'uri'> {
  /**
   * Controller URI(s): one URI, a comma-separated list as python takes it
   * (`'linstor://ctrl1,ctrl2'`), or an array. Default `linstor://localhost`. Ignored with `existingClient`.
   */
  uri?: string | readonly string[];
  /**
   * A connected or unconnected `Linstor` / `MultiLinstor` to use instead of creating one (then `uri` and
   * the other client options are not used). The object never closes it.
   */
  existingClient?: Linstor;
}

/**
 * The one client of a high-level object. python-linstor opens a fresh connection (probe + version GET)
 * for every operation; here the handshake happens once per client and every operation reuses it.
 */
export class ObjectClient {
  private constructor(
    /** The client every request of the object goes through. */
    readonly linstor: Linstor,
    /** True when the object created the client (and so closes it). */
    readonly owned: boolean,
    /** The controller list the client was created for (python's `client.uri_list`). */
    readonly uriList: readonly string[],
  ) {}

  /** Wraps `options.existingClient`, or creates a `MultiLinstor` for `options.uri`. */
  static from(options: ObjectClientOptions = {}): ObjectClient {
    const { existingClient, uri, ...linstorOptions } = options;
    if (existingClient) return new ObjectClient(existingClient, false, [existingClient.controllerHost()]);
    const uris = uriListOf(uri ?? DEFAULT_OBJECT_URI);
    return new ObjectClient(new MultiLinstor(uris, linstorOptions), true, uris);
  }

  /** A client for another object that shares this one's connection (and never closes it). */
  shared(): ObjectClient {
    return new ObjectClient(this.linstor, false, this.uriList);
  }

  /** The client, connected (the handshake runs on the first call only). */
  async connected(): Promise<Linstor> {
    await this.linstor.ensureConnected();
    return this.linstor;
  }

  /** Disconnects the client if this object created it; a client passed in stays as it is. */
  async close(): Promise<void> {
    if (this.owned) await this.linstor.disconnect();
  }
}

function uriListOf(uri: string | readonly string[]): string[] {
  const items = typeof uri === 'string' ? [uri] : [...uri];
  return items.flatMap((item) => controllerUriList(item));
}
