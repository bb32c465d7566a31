import type { ApiCallResponse } from '../../core/api-call-response';
import type { LinstorCore } from '../linstor-core';
import { unwrapListResult } from '../responses/list-result';
import type { Schemas } from '../responses/schemas';
import { VolumeGroupResponse } from '../responses/volume-group';
import { type PropertyDict, propsBody } from './props-body';

// python's version-gate message for the resource/volume group calls.
const RG_API = 'Resource group API not supported by server';

/**
 * The `flags` edit for `gross` (quirk 9): true sets GROSS_SIZE, false clears it with `-GROSS_SIZE` (a
 * leading `-` tells the controller to remove a flag), omitted sends no flags.
 */
export function grossFlags(gross: boolean | null | undefined): string[] | undefined {
  if (gross === true) return ['GROSS_SIZE'];
  if (gross === false) return ['-GROSS_SIZE'];
  return undefined;
}

/** python-linstor §2.7: volume groups. */
export const volumeGroupMethods = {
  /**
   * python `volume_group_create` (REST 1.0.8): `POST /v1/resource-groups/{rg}/volume-groups
   * {"volume_number"?, "props"?, "flags": ["GROSS_SIZE"]?}` (gross needs REST 1.0.13).
   */
  async volumeGroupCreate(
    this: LinstorCore,
    opts: {
      resourceGrpName: string;
      volumeNr?: number | null;
      propertyDict?: PropertyDict | null;
      gross?: boolean;
    },
  ): Promise<ApiCallResponse[]> {
    const body: Schemas['VolumeGroup'] = {};
    if (opts.volumeNr != null) body.volume_number = opts.volumeNr;
    if (opts.propertyDict && Object.keys(opts.propertyDict).length > 0) body.props = { ...opts.propertyDict };
    await this.ensureConnected();
    this.requireVersion('1.0.8', RG_API);
    if (opts.gross) {
      this.requireVersion('1.0.13', 'Gross-size not supported by server');
      body.flags = ['GROSS_SIZE'];
    }
    return this.callReplies('POST', '/v1/resource-groups/{resource_group}/volume-groups', {
      params: { path: { resource_group: opts.resourceGrpName } },
      body,
      versionMessage: RG_API,
    });
  },

  /**
   * python `volume_group_modify`: `PUT /v1/resource-groups/{rg}/volume-groups/{nr}` with the property
   * edits and the gross flag.
   * Differs from python (quirk 9): `gross: false` sends `"flags": ["-GROSS_SIZE"]` (python sends nothing).
   */
  async volumeGroupModify(
    this: LinstorCore,
    opts: {
      resourceGrpName: string;
      volumeNr: number;
      propertyDict?: PropertyDict | null;
      deleteProps?: readonly string[] | null;
      gross?: boolean | null;
    },
  ): Promise<ApiCallResponse[]> {
    await this.ensureConnected();
    this.requireVersion('1.0.8', RG_API);
    const body: Schemas['VolumeGroupModify'] = propsBody(opts.propertyDict, opts.deleteProps);
    const flags = grossFlags(opts.gross);
    if (flags) {
      this.requireVersion('1.0.13', 'Modify volume-group with gross size not supported.');
      body.flags = flags;
    }
    return this.callReplies('PUT', '/v1/resource-groups/{resource_group}/volume-groups/{volume_number}', {
      params: { path: { resource_group: opts.resourceGrpName, volume_number: opts.volumeNr } },
      body,
      minVersion: '1.0.8',
      versionMessage: RG_API,
    });
  },

  /** python `volume_group_delete`: `DELETE /v1/resource-groups/{rg}/volume-groups/{nr}`. */
  async volumeGroupDelete(
    this: LinstorCore,
    opts: { resourceGrpName: string; volumeNr: number },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/resource-groups/{resource_group}/volume-groups/{volume_number}', {
      params: { path: { resource_group: opts.resourceGrpName, volume_number: opts.volumeNr } },
      minVersion: '1.0.8',
      versionMessage: RG_API,
    });
  },

  /**
   * python `volume_group_list_raise`: `GET /v1/resource-groups/{rg}/volume-groups`; the
   * `VolumeGroupResponse`, or throws `LinstorApiCallError` (dry-run: an empty response).
   */
  async volumeGroupListRaise(
    this: LinstorCore,
    opts: { resourceGrpName: string },
  ): Promise<VolumeGroupResponse> {
    const reply = await this.call('GET', '/v1/resource-groups/{resource_group}/volume-groups', {
      params: { path: { resource_group: opts.resourceGrpName } },
      minVersion: '1.0.8',
      versionMessage: RG_API,
    });
    if (!reply.ok && this.dryRun) return new VolumeGroupResponse([]);
    return unwrapListResult(reply.ok ? [new VolumeGroupResponse(reply.data)] : reply.replies);
  },
};
