import { ListResponse } from './rest-response';
import type { Properties, Schemas } from './schemas';

/** One key-value store instance. */
export class KeyValueStore {
  constructor(
    /** Instance name. */
    readonly name: string,
    /** The stored keys and values. */
    readonly properties: Properties,
  ) {}
}

/** The reply of `keyvaluestores`: every instance. */
export class KeyValueStoresResponse extends ListResponse<Schemas['KeyValueStore']> {
  /** The instance names. */
  instances(): string[] {
    return this.restData.map((kv) => kv.name ?? '');
  }

  /** The instance with this name; an empty store when there is none (as python). */
  instance(name: string): KeyValueStore {
    const kv = this.restData.find((k) => k.name === name);
    return new KeyValueStore(name, { ...(kv?.props ?? {}) });
  }
}
