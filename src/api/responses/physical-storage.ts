import { ListResponse, RestResponse } from './rest-response';
import type { Schemas } from './schemas';

/** Where a physical device is found on one node. */
export class NodeStorageEntry extends RestResponse<Schemas['PhysicalStorageDevice']> {
  get device(): string | undefined {
    return this.restData.device;
  }

  get model(): string | undefined {
    return this.restData.model;
  }

  get serial(): string | undefined {
    return this.restData.serial;
  }

  get wwn(): string | undefined {
    return this.restData.wwn;
  }
}

/** A group of unused devices of the same size and kind, per node. */
export class PhysicalDevice extends RestResponse<Schemas['PhysicalStorage']> {
  /** Bytes. */
  get size(): number | undefined {
    return this.restData.size;
  }

  get rotational(): boolean | undefined {
    return this.restData.rotational;
  }

  /** The matching devices per node name. */
  get nodes(): Record<string, NodeStorageEntry[]> {
    const out: Record<string, NodeStorageEntry[]> = {};
    for (const [node, devices] of Object.entries(this.restData.nodes ?? {})) {
      out[node] = devices.map((d) => new NodeStorageEntry(d));
    }
    return out;
  }
}

/** The reply of `physicalStorageList`. */
export class PhysicalStorageList extends ListResponse<Schemas['PhysicalStorage']> {
  get physicalDevices(): PhysicalDevice[] {
    return this.restData.map((d) => new PhysicalDevice(d));
  }
}

/** The reply of `spaceReportingQuery`. */
export class SpaceReport extends RestResponse<Schemas['SpaceReport']> {
  /** The report as text. */
  get report(): string | undefined {
    return this.restData.reportText;
  }
}
