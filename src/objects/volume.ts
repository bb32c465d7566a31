import { LinstorArgumentError, LinstorReadOnlyAfterSetError } from '../core/errors';
import type { ObjectClient } from './object-client';
import { throwIfError } from './replies';
import { SizeCalc } from './size-calc';

/** A volume size: a string such as `'20 MiB'`, `'1GB'` or `'4096s'` (no unit = bytes), or a number of bytes. */
export type VolumeSize = string | number;

/** What a `Resource` learns about one of its volumes from the controller. @internal */
export interface VolumeServerState {
  sizeBytes?: number;
  minor?: number;
  devicePath?: string;
  storagePoolName?: string;
  /** Backing device per diskful node (replaces the previous map). */
  backingDisks?: ReadonlyMap<string, string>;
}

/** The binding of a volume to a volume definition on the controller. @internal */
export interface VolumeBinding {
  client: ObjectClient;
  rscName: string;
}

interface VolumeHooks {
  setNumber(volume: Volume, volumeNr: number): void;
  bind(volume: Volume, binding: VolumeBinding | undefined): void;
  update(volume: Volume, state: VolumeServerState): void;
  bindingOf(volume: Volume): VolumeBinding | undefined;
}

// Hooks for Resource, which owns the volumes; kept off the public surface of Volume. Made by the first
// constructor call (a hook only ever gets a constructed Volume), not in a static block: a static block
// runs at load time, so bundlers would keep Volume and SizeCalc in every bundle of the main entry.
let hooks: VolumeHooks | undefined;

/**
 * One volume of a {@link Resource} (python-linstor's high-level `Volume`). A new `Volume('20 MiB')` is
 * local; assigned to `resource.volumes[n]`, its volume definition is created by the resource's next
 * operation. Once bound, {@link Volume.setSize} and {@link Volume.grow} resize it on the controller
 * (never shrink it).
 */
export class Volume {
  #size: number | undefined;
  #minor: number | undefined;
  #devicePath = '';
  #storagePoolName = '';
  #backingDisks = new Map<string, string>();
  #volumeNr: number | undefined;
  #binding: VolumeBinding | undefined;

  /** @param size the size (`'20 MiB'`, bytes as a number); may be left out for a volume read from the controller. */
  constructor(size?: VolumeSize | null) {
    hooks ??= {
      setNumber: (volume, volumeNr) => {
        volume.#volumeNr = volumeNr;
      },
      bind: (volume, binding) => {
        volume.#binding = binding;
      },
      bindingOf: (volume) => volume.#binding,
      update: (volume, state) => {
        if (state.sizeBytes !== undefined) volume.#size = state.sizeBytes;
        if (state.minor !== undefined) volume.#minor = state.minor;
        if (state.devicePath !== undefined) volume.#devicePath = state.devicePath;
        if (state.storagePoolName !== undefined) volume.#storagePoolName = state.storagePoolName;
        if (state.backingDisks !== undefined) volume.#backingDisks = new Map(state.backingDisks);
      },
    };
    this.#size = size === undefined || size === null ? undefined : sizeToBytes(size);
  }

  /** Size in bytes (from the volume definition once bound). */
  get size(): number | undefined {
    return this.#size;
  }

  /** The volume number inside its resource, once assigned to `resource.volumes[n]`. */
  get volumeNumber(): number | undefined {
    return this.#volumeNr;
  }

  /** The LINSTOR name of the resource definition the volume is bound to, if any. */
  get resourceName(): string | undefined {
    return this.#binding?.rscName;
  }

  /** True once the volume definition exists on the controller. */
  get bound(): boolean {
    return this.#binding !== undefined;
  }

  /** DRBD minor number; settable only before the volume is bound (then it is the controller's). */
  get minor(): number | undefined {
    return this.#minor;
  }

  set minor(minor: number | undefined) {
    if (this.#binding) throw new LinstorReadOnlyAfterSetError('The minor of a deployed volume is read-only');
    if (minor !== undefined && !(Number.isSafeInteger(minor) && minor >= 0)) {
      throw new LinstorArgumentError(`A minor number must be a whole number >= 0, not ${minor}`);
    }
    this.#minor = minor;
  }

  /** The device users open, e.g. `/dev/drbd1000` (`''` until the resource is placed). */
  get devicePath(): string {
    return this.#devicePath;
  }

  /** The storage pool of a diskful replica (`''` until placed). */
  get storagePoolName(): string {
    return this.#storagePoolName;
  }

  /**
   * The block device under DRBD on the first diskful node (e.g. `/dev/vg/foo_00000`), from the DRBD
   * layer data of `/v1/view/resources`; undefined while there is no diskful replica. python-linstor's
   * documentation names this `backing_disk` but never implemented it.
   */
  get backingDisk(): string | undefined {
    return this.#backingDisks.values().next().value;
  }

  /** The backing device of every diskful node (node name → device). */
  get backingDisks(): ReadonlyMap<string, string> {
    return this.#backingDisks;
  }

  /**
   * Sets the size. Unbound: stored for the volume definition to be created. Bound: resizes the volume
   * definition (`PUT …/volume-definitions/<nr> {"size_kib"}`, sent even when the size is unchanged, as
   * python does); a smaller size is refused with `LinstorArgumentError` before anything is sent.
   */
  async setSize(size: VolumeSize): Promise<void> {
    const bytes = sizeToBytes(size);
    const binding = this.#binding;
    const volumeNr = this.#volumeNr;
    if (binding && volumeNr !== undefined && this.#size !== undefined) {
      const what = `Resource/Volume ${binding.rscName}/${volumeNr}`;
      if (this.#size > bytes) {
        throw new LinstorArgumentError(`shrinking ${what} from ${this.#size} to ${bytes} is not allowed`);
      }
      const sizeKib = SizeCalc.convertRoundUp(bytes, SizeCalc.UNIT_B, SizeCalc.UNIT_KiB);
      const lin = await binding.client.connected();
      const replies = await lin.volumeDfnModify({ rscName: binding.rscName, volumeNr, size: sizeKib });
      throwIfError(replies, `Could not resize ${what}`);
    }
    this.#size = bytes;
  }

  /**
   * Grows the volume by `delta`: `'+10 MiB'`, `'10M'` or a number of bytes (python's `size += …`).
   * The new size is sent as with {@link Volume.setSize}.
   */
  async grow(delta: VolumeSize): Promise<void> {
    const text = typeof delta === 'string' ? delta.trim() : delta;
    const bytes = sizeToBytes(typeof text === 'string' && text.startsWith('+') ? text.slice(1) : text);
    if (this.#size === undefined) throw new LinstorArgumentError('Cannot grow a volume without a size');
    await this.setSize(this.#size + bytes);
  }

  /** `Volume(<resource>, <nr>, <bytes> B, <minor>)`. */
  toString(): string {
    return `Volume(${this.#binding?.rscName ?? ''}, ${this.#volumeNr ?? ''}, ${this.#size ?? ''} B, ${this.#minor ?? ''})`;
  }
}

/** Internal hooks for `Resource`. @internal */
export const volumeInternals = {
  setNumber: (volume: Volume, volumeNr: number): void => (hooks as VolumeHooks).setNumber(volume, volumeNr),
  bind: (volume: Volume, binding: VolumeBinding | undefined): void =>
    (hooks as VolumeHooks).bind(volume, binding),
  update: (volume: Volume, state: VolumeServerState): void => (hooks as VolumeHooks).update(volume, state),
  binding: (volume: Volume): VolumeBinding | undefined => (hooks as VolumeHooks).bindingOf(volume),
};

/** A size in bytes from a `VolumeSize`; no unit means bytes (python's `SizeCalc.auto_convert(s, UNIT_B)`). */
export function sizeToBytes(size: VolumeSize): number {
  if (typeof size === 'string') return SizeCalc.autoConvert(size, SizeCalc.UNIT_B);
  if (typeof size === 'number' && Number.isSafeInteger(size) && size >= 0) return size;
  throw new LinstorArgumentError(
    `A volume size is a string such as '20 MiB' or a number of bytes, not ${String(size)}`,
  );
}
