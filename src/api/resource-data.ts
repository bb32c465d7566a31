/** What python's `ResourceData` holds: one resource to create with `resourceCreate`. */
export interface ResourceDataInit {
  /** The node to place the resource on. */
  nodeName: string;
  /** The resource definition. */
  rscName: string;
  /** Create it diskless (flag `DISKLESS`). */
  diskless?: boolean;
  /** Storage pool (`StorPoolName` property). */
  storagePool?: string | null;
  /** DRBD node id. */
  nodeId?: number | null;
  /** Layer stack, top-down. */
  layerList?: readonly string[] | null;
  /** Flag `DRBD_DISKLESS`. */
  drbdDiskless?: boolean;
  /** Flag `NVME_INITIATOR`. */
  nvmeInitiator?: boolean;
  /** Flag `EBS_INITIATOR`. */
  ebsInitiator?: boolean;
  /** `false` creates the resource inactive (flag `INACTIVE`). Default true. */
  active?: boolean;
  /** DRBD TCP ports to use. */
  drbdTcpPorts?: readonly number[] | null;
}

/** python's read-only `ResourceData` DTO, with python's defaults. */
export class ResourceData {
  readonly nodeName: string;
  readonly rscName: string;
  readonly diskless: boolean;
  readonly storagePool: string | null;
  readonly nodeId: number | null;
  readonly layerList: readonly string[] | null;
  readonly drbdDiskless: boolean;
  readonly nvmeInitiator: boolean;
  readonly ebsInitiator: boolean;
  readonly active: boolean;
  readonly drbdTcpPorts: readonly number[] | null;

  constructor(init: ResourceDataInit) {
    this.nodeName = init.nodeName;
    this.rscName = init.rscName;
    this.diskless = init.diskless ?? false;
    this.storagePool = init.storagePool ?? null;
    this.nodeId = init.nodeId ?? null;
    this.layerList = init.layerList ?? null;
    this.drbdDiskless = init.drbdDiskless ?? false;
    this.nvmeInitiator = init.nvmeInitiator ?? false;
    this.ebsInitiator = init.ebsInitiator ?? false;
    this.active = init.active ?? true;
    this.drbdTcpPorts = init.drbdTcpPorts ?? null;
    Object.freeze(this);
  }
}
