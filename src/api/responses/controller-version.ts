import { RestResponse } from './rest-response';
import type { Schemas } from './schemas';

/** The controller's version reply. */
export class ControllerVersion extends RestResponse<Schemas['ControllerVersion']> {
  /** LINSTOR version (for example `1.29.0`). */
  get version(): string | undefined {
    return this.restData.version;
  }

  /** Git commit of the controller build. */
  get gitHash(): string | undefined {
    return this.restData.git_hash;
  }

  /** Build time as reported. */
  get buildTime(): string | undefined {
    return this.restData.build_time;
  }

  /** REST API version; `"1.0.0"` when the controller does not report one. */
  get restApiVersion(): string {
    return this.restData.rest_api_version ?? '1.0.0';
  }
}
