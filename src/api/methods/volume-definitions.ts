import type { ApiCallResponse } from '../../core/api-call-response';
import type { LinstorCore } from '../linstor-core';
import type { Schemas } from '../responses/schemas';
import { type PropertyDict, propsBody } from './props-body';
import { grossFlags } from './volume-groups';

export interface VolumeDfnCreateOptions {
  rscName: string;
  /** Size in KiB (not parsed). */
  size: number;
  volumeNr?: number | null;
  minorNr?: number | null;
  encrypt?: boolean;
  /** Storage pool for this volume (`props.StorPoolName`). */
  storagePool?: string | null;
  /** The size includes the metadata (`GROSS_SIZE`). */
  gross?: boolean;
  /** Encryption passphrase of this volume (REST 1.22.0). */
  passphrase?: string | null;
}

export interface VolumeDfnModifyOptions {
  rscName: string;
  volumeNr: number;
  setProperties?: PropertyDict | null;
  deleteProperties?: readonly string[] | null;
  /** New size in KiB (resize); sent only when non-zero. */
  size?: number | null;
  gross?: boolean | null;
}

/** python-linstor §2.9: volume definitions. */
export const volumeDefinitionMethods = {
  /**
   * python `volume_dfn_create`: `POST /v1/resource-definitions/{r}/volume-definitions
   * {"volume_definition": {"size_kib", "flags", "volume_number"?, "props"?}, "drbd_minor_number"?,
   * "passphrase"?}`; `flags` is always present (`ENCRYPTED`, `GROSS_SIZE` or empty).
   */
  async volumeDfnCreate(this: LinstorCore, opts: VolumeDfnCreateOptions): Promise<ApiCallResponse[]> {
    const flags: string[] = [];
    if (opts.encrypt) flags.push('ENCRYPTED');
    if (opts.gross) flags.push('GROSS_SIZE');
    const vd: Schemas['VolumeDefinition'] = { size_kib: opts.size, flags };
    if (opts.volumeNr != null) vd.volume_number = opts.volumeNr;
    if (opts.storagePool) vd.props = { StorPoolName: opts.storagePool };
    const body: Schemas['VolumeDefinitionCreate'] = { volume_definition: vd };
    if (opts.minorNr != null) body.drbd_minor_number = opts.minorNr;
    if (opts.passphrase != null) {
      await this.ensureConnected();
      this.requireVersion('1.22.0', 'Volume passphrases not supported by server');
      body.passphrase = opts.passphrase;
    }
    return this.callReplies('POST', '/v1/resource-definitions/{resource}/volume-definitions', {
      params: { path: { resource: opts.rscName } },
      body,
    });
  },

  /**
   * python `volume_dfn_modify`: `PUT /v1/resource-definitions/{r}/volume-definitions/{nr}
   * {"size_kib"?, "override_props"?, "delete_props"?, "flags"?}` (used for resize).
   * Differs from python (quirk 9): `gross: false` sends `"flags": ["-GROSS_SIZE"]` (python sends nothing).
   */
  async volumeDfnModify(this: LinstorCore, opts: VolumeDfnModifyOptions): Promise<ApiCallResponse[]> {
    const body: Schemas['VolumeDefinitionModify'] = {};
    if (opts.size) body.size_kib = opts.size;
    Object.assign(body, propsBody(opts.setProperties, opts.deleteProperties));
    const flags = grossFlags(opts.gross);
    if (flags) {
      await this.ensureConnected();
      this.requireVersion('1.0.13', 'Modify volume-definition with gross size not supported.');
      body.flags = flags;
    }
    return this.callReplies('PUT', '/v1/resource-definitions/{resource}/volume-definitions/{volume_number}', {
      params: { path: { resource: opts.rscName, volume_number: opts.volumeNr } },
      body,
    });
  },

  /** python `volume_dfn_delete`: `DELETE /v1/resource-definitions/{r}/volume-definitions/{nr}`. */
  async volumeDfnDelete(
    this: LinstorCore,
    opts: { rscName: string; volumeNr: number; asyncMsg?: boolean },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies(
      'DELETE',
      '/v1/resource-definitions/{resource}/volume-definitions/{volume_number}',
      {
        params: { path: { resource: opts.rscName, volume_number: opts.volumeNr } },
      },
    );
  },

  /**
   * python `volume_dfn_modify_passphrase` (REST 1.22.0):
   * `PUT /v1/resource-definitions/{r}/volume-definitions/{nr}/encryption-passphrase {"new_passphrase"}`.
   */
  async volumeDfnModifyPassphrase(
    this: LinstorCore,
    opts: { rscName: string; volumeNr: number; newPassphrase: string },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies(
      'PUT',
      '/v1/resource-definitions/{resource}/volume-definitions/{volume_number}/encryption-passphrase',
      {
        params: { path: { resource: opts.rscName, volume_number: opts.volumeNr } },
        body: { new_passphrase: opts.newPassphrase },
        versionMessage: 'Modify volume-definition passphrase not supported.',
      },
    );
  },
};
