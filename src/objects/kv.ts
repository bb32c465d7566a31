import { LinstorArgumentError, LinstorError } from '../core/errors';
import { fullKey, normalizeNamespace } from './kv-namespace';
import { ObjectClient, type ObjectClientOptions } from './object-client';
import { throwUnlessFirstSucceeded } from './replies';

/** Options of {@link KV.open}. */
export interface KVOptions extends ObjectClientOptions {
  /** The namespace the keys are read and written in; normalised (`"foo/bar"` → `"/foo/bar/"`). Default `/`. */
  namespace?: string;
  /** `false` keeps the store purely local: no request is ever sent. Default `true`. */
  rwToLinstor?: boolean;
}

/**
 * One key-value-store instance of the controller as an async, Map-like object (python-linstor's `KV`).
 * Reads come from the local copy; every write goes to the controller first.
 *
 * @example
 * const kv = await KV.open('myKV', { namespace: '/foo/bar/' });
 * await kv.set('key', 'val');
 * [...kv.entries()]; // [['key', 'val']]
 */
export class KV implements AsyncDisposable {
  readonly #client: ObjectClient | undefined;
  // The whole instance, keyed by full key with its leading slash (the controller drops that slash).
  readonly #store = new Map<string, string>();
  #namespace: string;

  private constructor(
    readonly name: string,
    namespace: string,
    client: ObjectClient | undefined,
  ) {
    this.#namespace = normalizeNamespace(namespace);
    this.#client = client;
  }

  /** Loads instance `name` (empty when it does not exist yet: the controller creates it on the first write). */
  static async open(name: string, options: KVOptions = {}): Promise<KV> {
    requireString(name, 'name');
    const namespace = options.namespace ?? '/';
    requireString(namespace, 'namespace');
    const client = options.rwToLinstor === false ? undefined : ObjectClient.from(options);
    const kv = new KV(name, namespace, client);
    try {
      await kv.refresh();
    } catch (error) {
      await kv.close();
      throw error;
    }
    return kv;
  }

  /** The current namespace, always in the form `/a/b/` (or `/`). */
  get namespace(): string {
    return this.#namespace;
  }

  /** Switches the namespace (local only: later reads and writes use it). */
  set namespace(namespace: string) {
    requireString(namespace, 'namespace');
    this.#namespace = normalizeNamespace(namespace);
  }

  /** Re-reads the instance from the controller. */
  async refresh(): Promise<void> {
    if (!this.#client) return;
    const lin = await this.#client.connected();
    const store = await lin.keyvaluestoreList({ instanceName: this.name });
    this.#store.clear();
    // The controller drops the leading slash of every key; python puts it back unconditionally.
    for (const [key, value] of Object.entries(store.properties)) this.#store.set(`/${key}`, value);
  }

  /** The value of `key` in the current namespace; `fallback` (python's `get(k, d)`) when it is missing. */
  get(key: string): string | undefined;
  get(key: string, fallback: string): string;
  get(key: string, fallback?: string): string | undefined {
    return this.#store.get(this.#fullKey(key)) ?? fallback;
  }

  has(key: string): boolean {
    return this.#store.has(this.#fullKey(key));
  }

  /**
   * Number of keys in the current namespace, so that it always equals `[...kv.keys()].length` (python's
   * `len()` counts the whole instance; switch to `namespace = '/'` for that).
   */
  get size(): number {
    let count = 0;
    for (const _ of this.keys()) count++;
    return count;
  }

  /** Keys of the current namespace, without the namespace prefix. */
  *keys(): IterableIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  /** `[key, value]` pairs of the current namespace, keys without the namespace prefix. */
  *entries(): IterableIterator<[string, string]> {
    const prefix = this.#namespace;
    for (const [key, value] of this.#store) {
      if (key.startsWith(prefix)) yield [key.slice(prefix.length), value];
    }
  }

  /** Same as {@link KV.entries} (python's `items()`). */
  items(): IterableIterator<[string, string]> {
    return this.entries();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  /** Stores `value` under `key` on the controller, then locally. */
  async set(key: string, value: string): Promise<this> {
    requireString(key, 'key');
    requireString(value, 'value');
    const full = this.#fullKey(key);
    await this.#modify({ propertyDict: { [full]: value } }, `Could not set kv(${full}:${value})`);
    this.#store.set(full, value);
    return this;
  }

  /** Removes `key` on the controller, then locally; `false` when it was not there. */
  async delete(key: string): Promise<boolean> {
    requireString(key, 'key');
    const full = this.#fullKey(key);
    await this.#modify({ deleteProps: [full] }, `Could not delete kv(${full})`);
    return this.#store.delete(full);
  }

  /** Removes every key of the current namespace with one request. */
  async clear(): Promise<void> {
    const doomed = [...this.#store.keys()].filter((full) => full.startsWith(this.#namespace));
    if (doomed.length === 0) return;
    const list = doomed.map((k) => `'${k}'`).join(', ');
    await this.#modify({ deleteProps: doomed }, `Could not delete kv([${list}])`);
    for (const full of doomed) this.#store.delete(full);
  }

  /** Removes `key` and returns its value; `fallback` (or an error when none is given) if it is missing. */
  async pop(key: string, ...fallback: [string?]): Promise<string | undefined> {
    const value = this.get(key);
    if (value === undefined) {
      if (fallback.length > 0) return fallback[0];
      throw new LinstorArgumentError(`Key '${key}' not found in KV '${this.name}'`);
    }
    await this.delete(key);
    return value;
  }

  /** Removes and returns the last `[key, value]` of the current namespace. */
  async popitem(): Promise<[string, string]> {
    const last = [...this.entries()].at(-1);
    if (!last)
      throw new LinstorArgumentError(`KV '${this.name}' has no keys in namespace ${this.#namespace}`);
    await this.delete(last[0]);
    return last;
  }

  /** The value of `key`; stores `value` first when the key is missing. */
  async setdefault(key: string, value: string): Promise<string> {
    const existing = this.get(key);
    if (existing !== undefined) return existing;
    await this.set(key, value);
    return value;
  }

  /** Not supported, as in python-linstor: set keys one by one. */
  update(): never {
    throw new LinstorError('KV.update() is not implemented; use set() for each key');
  }

  /** Closes the client this object created (a client passed in stays open). */
  async close(): Promise<void> {
    await this.#client?.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #fullKey(key: string): string {
    requireString(key, 'key');
    return fullKey(this.#namespace, key);
  }

  async #modify(change: { propertyDict?: Record<string, string>; deleteProps?: string[] }, what: string) {
    if (!this.#client) return;
    const lin = await this.#client.connected();
    const replies = await lin.keyvaluestoreModify({ instanceName: this.name, ...change });
    throwUnlessFirstSucceeded(replies, what);
  }
}

function requireString(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string') {
    throw new LinstorArgumentError(`${what} ${String(value)} has to be a string, but is ${typeof value}`);
  }
}
