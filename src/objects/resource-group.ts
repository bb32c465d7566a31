import type { Linstor } from '../api/linstor';
import type { ListResult } from '../api/responses/list-result';
import type { MaxVolumeSizeResponse } from '../api/responses/storage-pool-definition';
import { LinstorArgumentError, LinstorError, LinstorReadOnlyAfterSetError } from '../core/errors';
import { ObjectClient, type ObjectClientOptions } from './object-client';
import { throwIfError } from './replies';
import { Resource } from './resource';

/** The cached settings of a resource group; `undefined` means "not set" (and is not sent). */
interface GroupSettings {
  description: string;
  redundancy: number | undefined;
  storagePool: readonly string[] | undefined;
  doNotPlaceWith: readonly string[] | undefined;
  doNotPlaceWithRegex: string | undefined;
  replicasOnSame: readonly string[] | undefined;
  replicasOnDifferent: readonly string[] | undefined;
  xReplicasOnDifferent: Readonly<Record<string, number>> | undefined;
  disklessOnRemaining: boolean;
  layerList: readonly string[] | undefined;
  providerList: readonly string[] | undefined;
  propertyDict: Readonly<Record<string, string>>;
}

/**
 * A resource group (python-linstor's high-level `ResourceGroup`): its placement settings as cached
 * values, each changed with an awaited setter that sends the whole cached group
 * (`PUT /v1/resource-groups/<name>`), and `createResource` to spawn resources from it.
 *
 * @example
 * const rg = await ResourceGroup.open('threeSSD', { uri: 'linstor://192.168.0.42' });
 * await rg.setRedundancy(3);
 * await rg.setStoragePool('myssdpool');
 * const foo = await rg.createResource('foo', ['20 MiB']);
 */
export class ResourceGroup implements AsyncDisposable {
  readonly #client: ObjectClient;
  #name: string;
  #settings: GroupSettings = {
    description: '',
    redundancy: undefined,
    storagePool: undefined,
    doNotPlaceWith: undefined,
    doNotPlaceWithRegex: undefined,
    replicasOnSame: undefined,
    replicasOnDifferent: undefined,
    xReplicasOnDifferent: undefined,
    disklessOnRemaining: false,
    layerList: undefined,
    providerList: undefined,
    propertyDict: {},
  };
  #nrVolumes = 0;

  private constructor(name: string, client: ObjectClient) {
    this.#name = name;
    this.#client = client;
  }

  /**
   * Opens resource group `name`, creating it with one volume group when the controller does not have
   * it (`POST /v1/resource-groups {"name", "select_filter": {}}`, then volume group 0). An existing
   * group is only read, never recreated.
   */
  static async open(name: string, options: ObjectClientOptions = {}): Promise<ResourceGroup> {
    if (typeof name !== 'string' || name === '') {
      throw new LinstorArgumentError('A resource group name must be a non-empty string');
    }
    const group = new ResourceGroup(name, ObjectClient.from(options));
    try {
      const lin = await group.#client.connected();
      const existing = await lin.resourceGroupListRaise({ filterByResourceGroups: [name] });
      if (existing.resourceGroups.length === 0) {
        const replies = await lin.resourceGroupCreate({ name });
        throwIfError(replies, `Could not create resource group ${name}`);
        await group.setNrVolumes(1);
      }
      await group.#read(lin);
    } catch (error) {
      await group.close();
      throw error;
    }
    return group;
  }

  /** The group's name (as the controller spells it). Read-only. */
  get name(): string {
    return this.#name;
  }

  set name(_name: string) {
    throw new LinstorReadOnlyAfterSetError('This is a read-only property');
  }

  /** The client this object sends its requests through. */
  get client(): Linstor {
    return this.#client.linstor;
  }

  get description(): string {
    return this.#settings.description;
  }

  /** Number of diskful replicas (`select_filter.place_count`). */
  get redundancy(): number | undefined {
    return this.#settings.redundancy;
  }

  /** Storage pools to place on (`storage_pool_list`, always a list). */
  get storagePool(): readonly string[] {
    return this.#settings.storagePool ?? [];
  }

  get doNotPlaceWith(): readonly string[] | undefined {
    return this.#settings.doNotPlaceWith;
  }

  get doNotPlaceWithRegex(): string | undefined {
    return this.#settings.doNotPlaceWithRegex;
  }

  get replicasOnSame(): readonly string[] | undefined {
    return this.#settings.replicasOnSame;
  }

  get replicasOnDifferent(): readonly string[] | undefined {
    return this.#settings.replicasOnDifferent;
  }

  get xReplicasOnDifferent(): Readonly<Record<string, number>> | undefined {
    return this.#settings.xReplicasOnDifferent;
  }

  get disklessOnRemaining(): boolean {
    return this.#settings.disklessOnRemaining;
  }

  /** Layer stack, top-down (`layer_stack`). */
  get layerList(): readonly string[] | undefined {
    return this.#settings.layerList;
  }

  get providerList(): readonly string[] | undefined {
    return this.#settings.providerList;
  }

  /** The group's properties. */
  get propertyDict(): Readonly<Record<string, string>> {
    return this.#settings.propertyDict;
  }

  /** Number of volume groups. */
  get nrVolumes(): number {
    return this.#nrVolumes;
  }

  async setDescription(description: string): Promise<void> {
    await this.#set({ description });
  }

  /** Sets the number of diskful replicas. */
  async setRedundancy(redundancy: number): Promise<void> {
    if (!Number.isSafeInteger(redundancy) || redundancy < 1) {
      throw new LinstorArgumentError(`The redundancy must be a whole number >= 1, not ${redundancy}`);
    }
    await this.#set({ redundancy });
  }

  /** Sets the storage pool(s); a single name is sent as a one-element list, `[]` clears the list. */
  async setStoragePool(storagePool: string | readonly string[]): Promise<void> {
    await this.#set({ storagePool: typeof storagePool === 'string' ? [storagePool] : [...storagePool] });
  }

  async setDoNotPlaceWith(doNotPlaceWith: readonly string[]): Promise<void> {
    await this.#set({ doNotPlaceWith: [...doNotPlaceWith] });
  }

  async setDoNotPlaceWithRegex(doNotPlaceWithRegex: string): Promise<void> {
    await this.#set({ doNotPlaceWithRegex });
  }

  async setReplicasOnSame(replicasOnSame: readonly string[]): Promise<void> {
    await this.#set({ replicasOnSame: [...replicasOnSame] });
  }

  async setReplicasOnDifferent(replicasOnDifferent: readonly string[]): Promise<void> {
    await this.#set({ replicasOnDifferent: [...replicasOnDifferent] });
  }

  async setXReplicasOnDifferent(xReplicasOnDifferent: Readonly<Record<string, number>>): Promise<void> {
    await this.#set({ xReplicasOnDifferent: { ...xReplicasOnDifferent } });
  }

  async setDisklessOnRemaining(disklessOnRemaining: boolean): Promise<void> {
    await this.#set({ disklessOnRemaining });
  }

  async setLayerList(layerList: readonly string[]): Promise<void> {
    await this.#set({ layerList: [...layerList] });
  }

  async setProviderList(providerList: readonly string[]): Promise<void> {
    await this.#set({ providerList: [...providerList] });
  }

  /** Sets properties (sent as `override_props`; keys not listed are kept, never deleted). */
  async setPropertyDict(propertyDict: Readonly<Record<string, string>>): Promise<void> {
    await this.#set({ propertyDict: { ...propertyDict } });
  }

  /**
   * Sets the number of volume groups: creates groups have…want-1, or deletes have-1 down to want,
   * one request each. At least one is required.
   */
  async setNrVolumes(nrVolumes: number): Promise<void> {
    if (!Number.isSafeInteger(nrVolumes)) {
      throw new LinstorArgumentError(`The number of volumes must be a whole number, not ${nrVolumes}`);
    }
    if (nrVolumes === this.#nrVolumes) return;
    if (nrVolumes < 1) throw new LinstorArgumentError('A resource group needs at least one volume group');
    const lin = await this.#client.connected();
    // one step at a time, so that a failure in the middle leaves the count right
    while (this.#nrVolumes < nrVolumes) {
      const volumeNr = this.#nrVolumes;
      const replies = await lin.volumeGroupCreate({ resourceGrpName: this.#name, volumeNr });
      throwIfError(replies, `Could not create volume group ${volumeNr} of resource group ${this.#name}`);
      this.#nrVolumes++;
    }
    while (this.#nrVolumes > nrVolumes) {
      const volumeNr = this.#nrVolumes - 1;
      const replies = await lin.volumeGroupDelete({ resourceGrpName: this.#name, volumeNr });
      throwIfError(replies, `Could not delete volume group ${volumeNr} of resource group ${this.#name}`);
      this.#nrVolumes--;
    }
  }

  /** Deletes the resource group (`DELETE /v1/resource-groups/<name>`). */
  async delete(): Promise<boolean> {
    const lin = await this.#client.connected();
    const replies = await lin.resourceGroupDelete({ name: this.#name });
    throwIfError(replies, `Could not delete resource group ${this.#name}`);
    return true;
  }

  /**
   * Spawns resource `resourceName` from this group and opens it. Sizes are strings such as `'20 MiB'`
   * (spaces allowed; no unit = GiB) or numbers in KiB. The resource shares this group's client.
   */
  async createResource(
    resourceName: string,
    vlmSizes: readonly (string | number)[],
    options: { definitionsOnly?: boolean } = {},
  ): Promise<Resource> {
    return Resource.fromResourceGroup({
      existingClient: this.#client.linstor,
      resourceGroupName: this.#name,
      resourceName,
      vlmSizes,
      definitionsOnly: options.definitionsOnly,
    });
  }

  /** The controller's answer to the (deprecated) query-max-volume-size of this group, unprocessed. */
  async queryMaxVolumeSize(): Promise<ListResult<MaxVolumeSizeResponse>> {
    const lin = await this.#client.connected();
    return lin.resourceGroupQmvs({ rscGrpName: this.#name });
  }

  /** Re-reads the group and its volume groups from the controller. */
  async refresh(): Promise<void> {
    await this.#read(await this.#client.connected());
  }

  /** Closes the client this object created (a client passed in stays open). */
  async close(): Promise<void> {
    await this.#client.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  toString(): string {
    return `ResourceGroup(${this.#name})`;
  }

  /** Stores the change and sends the whole cached group; on failure the cache keeps the old values. */
  async #set(change: Partial<GroupSettings>): Promise<void> {
    const previous = this.#settings;
    this.#settings = { ...previous, ...change };
    try {
      await this.#modify();
    } catch (error) {
      this.#settings = previous;
      throw error;
    }
  }

  async #modify(): Promise<void> {
    const s = this.#settings;
    const lin = await this.#client.connected();
    const replies = await lin.resourceGroupModify({
      name: this.#name,
      description: s.description,
      placeCount: s.redundancy ?? null,
      storagePool: s.storagePool ?? null,
      doNotPlaceWith: s.doNotPlaceWith ?? null,
      doNotPlaceWithRegex: s.doNotPlaceWithRegex ?? null,
      replicasOnSame: s.replicasOnSame ?? null,
      replicasOnDifferent: s.replicasOnDifferent ?? null,
      xReplicasOnDifferent: s.xReplicasOnDifferent ?? null,
      disklessOnRemaining: s.disklessOnRemaining,
      layerList: s.layerList ?? null,
      providerList: s.providerList ?? null,
      propertyDict: s.propertyDict,
    });
    throwIfError(replies, `Could not modify resource group ${this.#name}`);
  }

  /** python `_update`: the group (element 0 of a filtered list) and the number of its volume groups. */
  async #read(lin: Linstor): Promise<void> {
    const groups = await lin.resourceGroupListRaise({ filterByResourceGroups: [this.#name] });
    const group = groups.resourceGroups[0];
    if (group === undefined) throw new LinstorError(`Resource group '${this.#name}' not found`);
    // Raw select-filter fields: a field the controller omits stays unset and is not sent back.
    const filter = group.dataV1.select_filter ?? {};
    this.#name = group.name;
    this.#settings = {
      description: group.description,
      redundancy: filter.place_count,
      storagePool: group.selectFilter.storagePoolList,
      doNotPlaceWith: filter.not_place_with_rsc,
      doNotPlaceWithRegex: filter.not_place_with_rsc_regex,
      replicasOnSame: filter.replicas_on_same,
      replicasOnDifferent: filter.replicas_on_different,
      xReplicasOnDifferent: filter.x_replicas_on_different_map,
      disklessOnRemaining: filter.diskless_on_remaining ?? false,
      layerList: filter.layer_stack,
      providerList: filter.provider_list,
      propertyDict: group.properties,
    };
    const volumeGroups = await lin.volumeGroupListRaise({ resourceGrpName: this.#name });
    this.#nrVolumes = volumeGroups.volumeGroups.length;
  }
}
