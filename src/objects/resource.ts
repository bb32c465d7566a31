import type { Linstor } from '../api/linstor';
import { ResourceData } from '../api/resource-data';
import type { ResourceDefinition } from '../api/responses/resource-definition';
import type { ApiCallResponse } from '../core/api-call-response';
import {
  isLinstorApiCallError,
  LinstorArgumentError,
  LinstorError,
  LinstorReadOnlyAfterSetError,
} from '../core/errors';
import { ObjectClient, type ObjectClientOptions } from './object-client';
import { throwIfError, throwIfErrorMessage } from './replies';
import { SizeCalc } from './size-calc';
import { Volume, volumeInternals } from './volume';

/** The DRBD option that `allowTwoPrimaries` reads and writes on the resource definition. */
const ALLOW_TWO_PRIMARIES = 'DrbdOptions/Net/allow-two-primaries';

/** Placement policy used by {@link Resource.autoplace}, {@link Resource.diskful} and friends (python `_Placement`). */
export interface ResourcePlacement {
  /** Number of diskful replicas for `autoplace()`. */
  redundancy: number | undefined;
  /** Storage pool of diskful replicas (autoplace, diskful, new volume definitions). */
  storagePool: string | undefined;
  /** Storage pool of diskless replicas (diskless). */
  disklessStoragePool: string | undefined;
  /** Whether `autoplace()` also puts diskless replicas on every remaining node. */
  disklessOnRemaining: boolean;
}

/**
 * A resource's volumes by volume number (python's `_VolumeDict`): `resource.volumes[0]`. Assigning
 * `resource.volumes[1] = new Volume('20 MiB')` adds a volume whose definition the next operation creates;
 * removing one goes through `await resource.deleteVolume(1)` (it talks to the controller).
 * `Object.values(resource.volumes)` lists them in volume-number order.
 */
export interface VolumeDict {
  [volumeNumber: number]: Volume;
}

/** Options of {@link Resource.open}. */
export interface ResourceOptions extends ObjectClientOptions {
  /** Resource group of the resource definition this object creates, if it creates one (python `resource_group`). */
  resourceGroup?: string;
}

/** Options of {@link Resource.fromResourceGroup}. */
export interface FromResourceGroupOptions extends ObjectClientOptions {
  resourceGroupName: string;
  resourceName: string;
  /** Volume sizes: strings such as `'20 MiB'` (no unit = GiB, as spawn takes them) or numbers in KiB. */
  vlmSizes: readonly (string | number)[];
  /** Spawn only the definitions, no resources. Default false. */
  definitionsOnly?: boolean;
}

/** Options of {@link Resource.clone}. */
export interface ResourceCloneOptions {
  cloneExternalName?: string;
  /** How long to wait for the clone to complete, in seconds (default: no limit). */
  timeout?: number;
  /** Seconds between two clone-status polls (default 1, as python). */
  waitInterval?: number;
  /** Ends the wait for the clone with a `LinstorAbortError`. */
  signal?: AbortSignal;
  useZfsClone?: boolean;
  volumePassphrases?: readonly string[];
  layerList?: readonly string[];
  resourceGroup?: string;
  propertyDict?: Readonly<Record<string, string>>;
  deleteProps?: readonly string[];
}

/**
 * A DRBD resource, addressed by its user-facing (external) name (python-linstor's high-level `Resource`).
 * Open it with `await Resource.open('foo')`; if the controller has no such resource yet, the first
 * operation (`autoplace`, `activate`, `diskful`, `diskless`) creates the resource definition and the
 * volume definitions of `volumes`. Reads (`isDiskful`, `volumes[0].devicePath`, ...) come from the state
 * read after each operation; `refresh()` re-reads it.
 *
 * @example
 * const foo = await Resource.open('foo', { uri: 'linstor://ctrl' });
 * await foo.volumes[0].setSize('30 MiB');
 * await foo.activate('bravo');
 */
export class Resource implements AsyncDisposable {
  /** Placement policy (python `placement`); plain fields, read by the operations. */
  readonly placement: ResourcePlacement = {
    redundancy: undefined,
    storagePool: undefined,
    disklessStoragePool: undefined,
    disklessOnRemaining: false,
  };
  /** The volumes by number; see {@link VolumeDict}. */
  readonly volumes: VolumeDict;

  readonly #client: ObjectClient;
  readonly #volumes: Record<number, Volume> = {};
  #name: string;
  #port: number | undefined;
  #resourceGroupName: string | undefined;
  #linstorName: string | undefined;
  #defined = false;
  #allowTwoPrimaries = false;
  // node name -> diskless, in the controller's order
  #assignments = new Map<string, boolean>();

  private constructor(name: string, client: ObjectClient, resourceGroup: string | undefined) {
    this.#name = name;
    this.#client = client;
    this.#resourceGroupName = resourceGroup;
    this.volumes = volumeDict(this.#volumes);
  }

  /**
   * Opens resource `name`: `GET /v1/resource-definitions?with_volume_definitions=true`, and when it
   * exists `GET /v1/view/resources?resources=<name>`. Nothing is created yet.
   */
  static async open(name: string, options: ResourceOptions = {}): Promise<Resource> {
    if (typeof name !== 'string') throw new LinstorArgumentError('A resource name must be a string');
    const { resourceGroup, ...clientOptions } = options;
    return Resource.#openWith(name, ObjectClient.from(clientOptions), resourceGroup);
  }

  /**
   * Spawns resource definition `resourceName` from a resource group
   * (`POST /v1/resource-groups/<rg>/spawn`) and opens it. With `definitionsOnly`, the group's storage
   * pool list is read and one of its pools becomes `placement.storagePool` (python parity).
   */
  static async fromResourceGroup(options: FromResourceGroupOptions): Promise<Resource> {
    const { resourceGroupName, resourceName, vlmSizes, definitionsOnly = false, ...clientOptions } = options;
    const client = ObjectClient.from(clientOptions);
    try {
      const lin = await client.connected();
      const replies = await lin.resourceGroupSpawn({
        rscGrpName: resourceGroupName,
        rscDfnName: resourceName,
        vlmSizes: [...vlmSizes],
        definitionsOnly,
      });
      throwIfErrorMessage(
        replies,
        `Could not spawn resource "${resourceName}" from resource group "${resourceGroupName}"`,
      );
      const resource = new Resource(resourceName, client, undefined);
      await resource.#update(lin);
      if (definitionsOnly) {
        const groups = await lin.resourceGroupListRaise({ filterByResourceGroups: [resourceGroupName] });
        const pools = groups.resourceGroups[0]?.selectFilter.storagePoolList ?? [];
        resource.placement.storagePool =
          pools.length > 0 ? pools[Math.floor(Math.random() * pools.length)] : undefined;
      }
      return resource;
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  static async #openWith(name: string, client: ObjectClient, resourceGroup?: string): Promise<Resource> {
    const resource = new Resource(name, client, resourceGroup);
    try {
      await resource.#update(await client.connected());
    } catch (error) {
      await client.close();
      throw error;
    }
    return resource;
  }

  // ------------------------------------------------------------------ state

  /** The user-facing name (the resource definition's external name). Settable only before it is defined. */
  get name(): string {
    return this.#name;
  }

  set name(name: string) {
    if (this.#defined) throw new LinstorReadOnlyAfterSetError('The name of a defined resource is read-only');
    this.#name = name;
  }

  /** The resource definition's LINSTOR name, learned from the controller (undefined until defined). */
  get linstorName(): string | undefined {
    return this.#linstorName;
  }

  /** True when the resource definition exists on the controller. */
  get defined(): boolean {
    return this.#defined;
  }

  /** DRBD port for the resource definition this object creates; settable only before it is defined. */
  get port(): number | undefined {
    return this.#port;
  }

  set port(port: number | undefined) {
    if (this.#defined) throw new LinstorReadOnlyAfterSetError('The port of a defined resource is read-only');
    this.#port = port;
  }

  /** The resource group, from `open()` or from the controller. */
  get resourceGroupName(): string | undefined {
    return this.#resourceGroupName;
  }

  /** `DrbdOptions/Net/allow-two-primaries` of the resource definition (dual primary). */
  get allowTwoPrimaries(): boolean {
    return this.#allowTwoPrimaries;
  }

  /** The client this object sends its requests through. */
  get client(): Linstor {
    return this.#client.linstor;
  }

  /**
   * Switches dual primary on or off. Nothing is sent when the value is unchanged; when the resource
   * is not defined yet, the value is applied when it is created.
   */
  async setAllowTwoPrimaries(value: boolean): Promise<void> {
    if (this.#allowTwoPrimaries === value) return;
    const previous = this.#allowTwoPrimaries;
    this.#allowTwoPrimaries = value;
    if (!this.#defined) return;
    try {
      await this.#setProperties(await this.#client.connected());
    } catch (error) {
      this.#allowTwoPrimaries = previous;
      throw error;
    }
  }

  /** True when the resource is assigned diskless on `nodeName`. */
  isDiskless(nodeName: string): boolean {
    return this.#assignments.get(nodeName) ?? false;
  }

  /** True when the resource is assigned diskful on `nodeName`. */
  isDiskful(nodeName: string): boolean {
    return this.#assignments.get(nodeName) === false;
  }

  /** True when the resource is assigned (diskful or diskless) on `nodeName`. */
  isAssigned(nodeName: string): boolean {
    return this.#assignments.has(nodeName);
  }

  /** Nodes with a diskless assignment, in the controller's order. */
  disklessNodes(): string[] {
    return [...this.#assignments].filter(([, diskless]) => diskless).map(([node]) => node);
  }

  /** Nodes with a diskful assignment, in the controller's order. */
  diskfulNodes(): string[] {
    return [...this.#assignments].filter(([, diskless]) => !diskless).map(([node]) => node);
  }

  /** Re-reads the resource definition, its volume definitions and its resources from the controller. */
  async refresh(): Promise<void> {
    await this.#read(await this.#client.connected());
  }

  /** `<name>(<linstor name>)`, as python prints a Resource. */
  toString(): string {
    return `${this.#name}(${this.#linstorName ?? ''})`;
  }

  // ------------------------------------------------------------------ operations

  /**
   * Places the resource automatically according to `placement` (`POST …/autoplace`), creating the
   * resource and volume definitions first if needed.
   */
  async autoplace(): Promise<boolean> {
    return this.#operation(async (lin, rscName) => {
      const replies = await lin.resourceAutoPlace({
        rscName,
        placeCount: this.placement.redundancy ?? null,
        storagePool: this.placement.storagePool ?? null,
        doNotPlaceWith: null,
        doNotPlaceWithRegex: null,
        replicasOnSame: null,
        replicasOnDifferent: null,
        disklessOnRemaining: this.placement.disklessOnRemaining,
      });
      throwIfError(replies, `Could not autoplace resource ${this}`);
      return true;
    });
  }

  /**
   * Makes the resource available on `nodeName` (`POST …/resources/<node>/make-available`): a diskless
   * assignment (or diskful with `{ diskful: true }`) when there is none; the controller leaves an
   * existing assignment as it is.
   */
  async activate(nodeName: string, options: { diskful?: boolean } = {}): Promise<boolean> {
    return this.#operation(async (lin, rscName) => {
      const replies = await lin.resourceMakeAvailable({
        nodeName,
        rscName,
        diskful: options.diskful ?? false,
      });
      if (replies.some((r) => r.isError())) {
        throw new LinstorError(
          `Could not activate resource ${this} on node ${nodeName}: ${replies.map(String).join(';')}`,
          { allErrors: replies },
        );
      }
      return true;
    });
  }

  /**
   * Removes a diskless assignment from `nodeName`; a diskful one is kept (the redundancy is never
   * reduced) and nothing is sent.
   */
  async deactivate(nodeName: string): Promise<boolean> {
    if (this.isDiskless(nodeName)) return this.delete(nodeName);
    return true;
  }

  /** Assigns the resource diskless on `nodeName`: creates it, or toggles a diskful assignment. */
  async diskless(nodeName: string): Promise<boolean> {
    return this.#createOrToggle(nodeName, true);
  }

  /** Assigns the resource diskful on `nodeName`: creates it, or toggles a diskless assignment. */
  async diskful(nodeName: string): Promise<boolean> {
    return this.#createOrToggle(nodeName, false);
  }

  /**
   * Deletes the resource on `nodeName` (nothing is sent when it is not assigned there), or, without a
   * node, the whole resource definition; its snapshots are deleted first unless `snapshots: false`.
   * After a global delete `defined` is false, `linstorName` is unset and `volumes` is empty.
   */
  async delete(nodeName?: string | null, options: { snapshots?: boolean } = {}): Promise<boolean> {
    const rscName = this.#linstorName;
    if (rscName === undefined) return true;
    const lin = await this.#client.connected();
    if (nodeName === undefined || nodeName === null) {
      if (options.snapshots ?? true) {
        const snapshots = await lin.snapshotDfnListRaise({});
        for (const snap of snapshots.snapshots) {
          if (snap.rscName.toLowerCase() !== rscName.toLowerCase()) continue;
          // python ignores these replies: the definition delete below reports what matters
          await lin.snapshotDelete({ rscName, snapshotName: snap.snapshotName });
        }
      }
      const replies = await lin.resourceDfnDelete({ name: rscName });
      throwIfError(replies, `Could not delete resource ${this} on node ALL`);
      this.#forget();
    } else {
      if (!this.isAssigned(nodeName)) return true;
      const replies = await lin.resourceDelete({ nodeName, rscName });
      throwIfError(replies, `Could not delete resource ${this} on node ${nodeName}`);
    }
    await this.#update(lin);
    return true;
  }

  /** Deletes volume `volumeNumber`: its volume definition when it has one, then the local entry. */
  async deleteVolume(volumeNumber: number): Promise<void> {
    const volume = this.#volumes[volumeNumber];
    if (volume === undefined)
      throw new LinstorArgumentError(`Resource ${this} has no volume ${volumeNumber}`);
    const binding = volumeInternals.binding(volume);
    if (binding) {
      const lin = await binding.client.connected();
      const replies = await lin.volumeDfnDelete({ rscName: binding.rscName, volumeNr: volumeNumber });
      throwIfError(replies, `Could not delete Resource/Volume ${binding.rscName}/${volumeNumber}`);
    }
    delete this.#volumes[volumeNumber];
  }

  /** Whether the storage pool of volume 0 is thin-provisioned (`GET /v1/view/storage-pools?storage_pools=…`). */
  async isThin(): Promise<boolean> {
    const volume = this.#volumes[0];
    if (volume === undefined) throw new LinstorError(`Resource ${this} has no volume 0`);
    const lin = await this.#client.connected();
    const list = await lin.storagePoolListRaise({ filterByStorPools: [volume.storagePoolName] });
    const pool = list.storagePools[0];
    if (pool === undefined) throw new LinstorError(`Storage pool '${volume.storagePoolName}' not found`);
    return pool.isThin();
  }

  /** Takes snapshot `name` on all nodes of the resource. */
  async snapshotCreate(name: string): Promise<boolean> {
    const rscName = this.#requireLinstorName();
    const lin = await this.#client.connected();
    const replies = await lin.snapshotCreate({ nodeNames: [], rscName, snapshotName: name });
    throwIfErrorMessage(replies, `Could not create snapshot ${name}`);
    return true;
  }

  /** Deletes snapshot `name` of the resource. */
  async snapshotDelete(name: string): Promise<boolean> {
    const rscName = this.#requireLinstorName();
    const lin = await this.#client.connected();
    const replies = await lin.snapshotDelete({ rscName, snapshotName: name });
    throwIfErrorMessage(replies, `Could not delete snapshot ${name}`);
    return true;
  }

  /** Rolls the resource back to snapshot `name` (the resource must not be in use). */
  async snapshotRollback(name: string): Promise<boolean> {
    const rscName = this.#requireLinstorName();
    const lin = await this.#client.connected();
    const replies = await lin.snapshotRollback({ rscName, snapshotName: name });
    throwIfErrorMessage(replies, `Could not rollback to snapshot ${name}`);
    return true;
  }

  /**
   * Restores snapshot `snapshotName` into a new resource `resourceNameTo` (definition, volume
   * definitions, resources on all nodes) and opens it; the new object shares this one's client.
   */
  async restoreFromSnapshot(snapshotName: string, resourceNameTo: string): Promise<Resource> {
    const rscName = this.#requireLinstorName();
    const lin = await this.#client.connected();
    let replies = await lin.resourceDfnCreate({
      name: resourceNameTo,
      resourceGroup: this.#resourceGroupName || null,
    });
    throwIfErrorMessage(
      replies,
      `Could not create resource definition '${resourceNameTo}' for snapshot restore`,
    );
    replies = await lin.snapshotVolumeDefinitionRestore({
      fromResource: rscName,
      fromSnapshot: snapshotName,
      toResource: resourceNameTo,
    });
    throwIfErrorMessage(
      replies,
      `Could not restore volume definition '${rscName}' from snapshot ${snapshotName} to resource definition '${resourceNameTo}'`,
    );
    replies = await lin.snapshotResourceRestore({
      nodeNames: [],
      fromResource: rscName,
      fromSnapshot: snapshotName,
      toResource: resourceNameTo,
    });
    throwIfErrorMessage(
      replies,
      `Could not restore resource '${this.#name}' from snapshot ${snapshotName} to resource definition '${resourceNameTo}'`,
    );
    return Resource.#openWith(resourceNameTo, this.#client.shared());
  }

  /**
   * Clones the resource definition to `cloneName`, waits until the clone is complete and opens it
   * (sharing this object's client). Unlike python, a clone that ends FAILED throws.
   */
  async clone(cloneName: string, options: ResourceCloneOptions = {}): Promise<Resource> {
    const rscName = this.#requireLinstorName();
    const lin = await this.#client.connected();
    const what = `Could not clone resource definition '${rscName}'`;
    const started = await lin
      .resourceDfnClone({
        srcName: rscName,
        cloneName,
        cloneExternalName: options.cloneExternalName ?? null,
        useZfsClone: options.useZfsClone ?? null,
        volumePassphrases: options.volumePassphrases ?? null,
        layerList: options.layerList ?? null,
        resourceGroup: options.resourceGroup ?? null,
        propertyDict: options.propertyDict ?? null,
        deleteProps: options.deleteProps ?? null,
      })
      .catch((error: unknown) => {
        // an answer without the clone object: the controller's errors only
        if (!isLinstorApiCallError(error)) throw error;
        throw new LinstorError(`${what}: ${error.mainError.message ?? ''}`, {
          allErrors: error.allErrors,
          cause: error,
        });
      });
    if (!started) throw new LinstorError(`${what}: no reply from the controller`);
    throwIfErrorMessage(started.messages, what);
    const complete = await lin.resourceDfnCloneWaitComplete({
      srcName: rscName,
      cloneName: started.cloneName,
      timeout: options.timeout,
      waitInterval: options.waitInterval,
      signal: options.signal,
    });
    if (!complete) throw new LinstorError(`${what}: cloning to '${started.cloneName}' failed`);
    return Resource.#openWith(options.cloneExternalName ?? started.cloneName, this.#client.shared());
  }

  /** Enables DRBD proxy between two nodes of the resource. */
  async drbdProxyEnable(nodeNameA: string, nodeNameB: string): Promise<boolean> {
    const rscName = this.#requireLinstorName();
    const lin = await this.#client.connected();
    const replies = await lin.drbdProxyEnable({ rscName, nodeA: nodeNameA, nodeB: nodeNameB });
    throwIfError(
      replies,
      `Could not enable drbd-proxy for resource ${this} between ${nodeNameA} and ${nodeNameB}`,
    );
    return true;
  }

  /** Disables DRBD proxy between two nodes of the resource. */
  async drbdProxyDisable(nodeNameA: string, nodeNameB: string): Promise<boolean> {
    const rscName = this.#requireLinstorName();
    const lin = await this.#client.connected();
    const replies = await lin.drbdProxyDisable({ rscName, nodeA: nodeNameA, nodeB: nodeNameB });
    throwIfError(
      replies,
      `Could not disable drbd-proxy for resource ${this} between ${nodeNameA} and ${nodeNameB}`,
    );
    return true;
  }

  /** Closes the client this object created (a client passed in, or shared from another object, stays open). */
  async close(): Promise<void> {
    await this.#client.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  // ------------------------------------------------------------------ internals

  /** python's `@_update_volumes`: define what is missing, run the operation, re-read the state. */
  async #operation<T>(run: (lin: Linstor, rscName: string) => Promise<T>): Promise<T> {
    const lin = await this.#client.connected();
    const rscName = await this.#define(lin);
    const result = await run(lin, rscName);
    await this.#update(lin);
    return result;
  }

  async #createOrToggle(nodeName: string, diskless: boolean): Promise<boolean> {
    return this.#operation(async (lin, rscName) => {
      const assigned = this.isAssigned(nodeName);
      const isDiskless = this.isDiskless(nodeName);
      // a diskful replica (new, or converted from diskless) goes to the diskful pool
      const storagePool =
        isDiskless || (!assigned && !diskless)
          ? this.placement.storagePool
          : this.placement.disklessStoragePool;
      let replies: ApiCallResponse[] | undefined;
      let what = '';
      if (!assigned) {
        replies = await lin.resourceCreate({
          rscs: [new ResourceData({ nodeName, rscName, diskless, storagePool: storagePool ?? null })],
        });
        what = `Could not create resource ${this} on node ${nodeName} as diskless=${diskless}`;
      } else if (isDiskless !== diskless) {
        replies = await lin.resourceToggleDisk({
          nodeName,
          rscName,
          diskless,
          storagePool: storagePool ?? null,
        });
        what = `Could not toggle disk for resource ${this} on node ${nodeName} to diskless=${diskless}`;
      }
      if (replies) throwIfError(replies, what);
      return true;
    });
  }

  /** Creates the resource definition (if not defined) and every volume definition not yet created. */
  async #define(lin: Linstor): Promise<string> {
    if (!this.#defined || this.#linstorName === undefined) {
      const replies = await lin.resourceDfnCreate({
        name: '',
        port: this.#port ?? null,
        externalName: this.#name,
        resourceGroup: this.#resourceGroupName ?? null,
      });
      throwIfError(replies, `Could not create resource definition ${this}`);
      const linstorName = replies[0]?.objRefs.RscDfn;
      if (!linstorName) throw new LinstorError(`Could not get RscDfn for resource definition ${this}`);
      this.#linstorName = linstorName;
      this.#defined = true;
      await this.#setProperties(lin);
    }
    await this.#createVolumeDefinitions(lin);
    return this.#linstorName;
  }

  async #setProperties(lin: Linstor): Promise<void> {
    const rscName = this.#requireLinstorName();
    const replies = await lin.resourceDfnModify({
      name: rscName,
      propertyDict: { [ALLOW_TWO_PRIMARIES]: this.#allowTwoPrimaries ? 'yes' : 'no' },
      deleteProps: null,
    });
    throwIfError(replies, `Could not set DRBD properties for resource ${this}`);
  }

  async #createVolumeDefinitions(lin: Linstor): Promise<void> {
    const rscName = this.#linstorName;
    if (!this.#defined || rscName === undefined) return;
    for (const [key, volume] of Object.entries(this.#volumes)) {
      if (volume.bound) continue;
      const volumeNr = Number(key);
      if (volume.size === undefined) {
        throw new LinstorArgumentError(`Volume ${volumeNr} of resource ${this} has no size`);
      }
      const replies = await lin.volumeDfnCreate({
        rscName,
        size: SizeCalc.convertRoundUp(volume.size, SizeCalc.UNIT_B, SizeCalc.UNIT_KiB),
        volumeNr,
        minorNr: volume.minor ?? null,
        encrypt: false,
        storagePool: this.placement.storagePool ?? null,
      });
      throwIfError(replies, `Could not create volume definition ${this}/${volumeNr}`);
      volumeInternals.bind(volume, { client: this.#client, rscName });
    }
  }

  /** python's `__update_volumes`: pending volume definitions, then the two reads. */
  async #update(lin: Linstor): Promise<void> {
    await this.#createVolumeDefinitions(lin);
    await this.#read(lin);
  }

  async #read(lin: Linstor): Promise<void> {
    const definitions = await lin.resourceDfnListRaise({});
    // The external name identifies the resource; definitions without one are matched by name.
    const mine = definitions.resourceDefinitions.filter(
      (rd) => (rd.externalName !== '' ? rd.externalName : rd.name) === this.#name,
    );
    const definition = mine.at(-1);
    if (definition) this.#readDefinition(definition);
    else if (this.#defined) this.#forget(); // deleted behind our back

    const rscName = this.#linstorName;
    if (rscName === undefined) return;
    const view = await lin.resourceListRaise({ filterByResources: [rscName] });
    this.#assignments = new Map();
    const backing = new Map<number, Map<string, string>>();
    for (const rsc of view.resources) {
      const diskless = rsc.flags.includes('DISKLESS');
      this.#assignments.set(rsc.nodeName, diskless);
      for (const vlm of rsc.volumes) {
        const volume = vlm.number === undefined ? undefined : this.#volumes[vlm.number];
        if (volume === undefined || vlm.number === undefined) continue;
        const drbd = vlm.drbdData;
        volumeInternals.update(volume, {
          devicePath: vlm.devicePath || undefined,
          storagePoolName: vlm.storagePoolName && !diskless ? vlm.storagePoolName : undefined,
          minor: drbd?.drbdVolumeDefinition?.minor,
        });
        // controller-behavior.md §5: the DRBD layer's backing device; absent on diskless nodes
        const device = drbd?.backingDevice;
        if (device && !diskless) {
          const perNode = backing.get(vlm.number) ?? new Map<string, string>();
          perNode.set(rsc.nodeName, device);
          backing.set(vlm.number, perNode);
        }
      }
    }
    for (const [key, volume] of Object.entries(this.#volumes)) {
      volumeInternals.update(volume, { backingDisks: backing.get(Number(key)) ?? new Map() });
    }
  }

  #readDefinition(rd: ResourceDefinition): void {
    this.#linstorName = rd.name;
    this.#resourceGroupName = rd.resourceGroupName;
    this.#defined = true;
    const onServer = new Set<number>();
    for (const vd of rd.volumeDefinitions) {
      const volumeNr = vd.number;
      if (volumeNr === undefined) continue;
      onServer.add(volumeNr);
      let volume = this.#volumes[volumeNr];
      if (volume === undefined) {
        volume = new Volume();
        volumeInternals.setNumber(volume, volumeNr);
        this.#volumes[volumeNr] = volume;
      }
      volumeInternals.bind(volume, { client: this.#client, rscName: rd.name });
      volumeInternals.update(volume, {
        sizeBytes: SizeCalc.convertRoundUp(vd.size, SizeCalc.UNIT_KiB, SizeCalc.UNIT_B),
        minor: vd.drbdData?.minor,
      });
    }
    // A bound volume whose definition is gone was deleted elsewhere (python keeps a stale entry).
    for (const [key, volume] of Object.entries(this.#volumes)) {
      if (volume.bound && !onServer.has(Number(key))) delete this.#volumes[Number(key)];
    }
    const twoPrimaries = rd.properties[ALLOW_TWO_PRIMARIES];
    if (twoPrimaries !== undefined) this.#allowTwoPrimaries = twoPrimaries === 'yes';
  }

  /** After a global delete: python intended this reset but a typo skipped it (quirk 12). */
  #forget(): void {
    this.#defined = false;
    this.#linstorName = undefined;
    this.#assignments = new Map();
    for (const key of Object.keys(this.#volumes)) delete this.#volumes[Number(key)];
  }

  #requireLinstorName(): string {
    if (this.#linstorName === undefined) throw new LinstorError(`Resource '${this.#name}' doesn't exist.`);
    return this.#linstorName;
  }
}

/** The `volumes` view: checks what is assigned and numbers the volume; deletion goes through deleteVolume. */
function volumeDict(target: Record<number, Volume>): VolumeDict {
  return new Proxy(target, {
    set(store, key, value) {
      const volumeNr = typeof key === 'string' && /^(0|[1-9]\d*)$/.test(key) ? Number(key) : undefined;
      if (volumeNr === undefined || !Number.isSafeInteger(volumeNr)) {
        throw new LinstorArgumentError(`Volume numbers are whole numbers >= 0, not ${String(key)}`);
      }
      if (!(value instanceof Volume)) throw new LinstorArgumentError(`${String(value)} is not a Volume`);
      volumeInternals.setNumber(value, volumeNr);
      store[volumeNr] = value;
      return true;
    },
    deleteProperty(_store, key) {
      throw new LinstorArgumentError(
        `Volumes are deleted on the controller: use await resource.deleteVolume(${String(key)})`,
      );
    },
    defineProperty(_store, key) {
      throw new LinstorArgumentError(`Assign a Volume to volumes[${String(key)}] instead`);
    },
  });
}
