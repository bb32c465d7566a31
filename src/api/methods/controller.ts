import type { ApiCallResponse } from '../../core/api-call-response';
import { LinstorApiCallError, LinstorError } from '../../core/errors';
import type { LinstorCore } from '../linstor-core';
import { ControllerProperties } from '../responses/controller';
import { ControllerVersion } from '../responses/controller-version';
import type { ListResult } from '../responses/list-result';
import type { Schemas } from '../responses/schemas';

/** python-linstor §2.14: controller properties, database backup/export, version and log level. */
export const controllerMethods = {
  /** python `controller_props`: `GET /v1/controller/properties` → `[ControllerProperties]`, or the error replies. */
  async controllerProps(this: LinstorCore): Promise<ListResult<ControllerProperties>> {
    const reply = await this.call('GET', '/v1/controller/properties');
    return reply.ok ? [new ControllerProperties(reply.data)] : reply.replies;
  },

  /** python `controller_set_prop`: `POST /v1/controller/properties {"override_props":{key:value}}`. */
  async controllerSetProp(
    this: LinstorCore,
    opts: { key: string; value: string },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('POST', '/v1/controller/properties', {
      body: { override_props: { [opts.key]: opts.value } },
    });
  },

  /** python `controller_del_prop`: `POST /v1/controller/properties {"delete_props":[key]}`. */
  async controllerDelProp(this: LinstorCore, opts: { key: string }): Promise<ApiCallResponse[]> {
    return this.callReplies('POST', '/v1/controller/properties', { body: { delete_props: [opts.key] } });
  },

  /** python `controller_backupdb` (REST 1.13.0, H2 databases only): `POST /v1/controller/backup/db {"backup_name"}`. */
  async controllerBackupdb(this: LinstorCore, opts: { backupName: string }): Promise<ApiCallResponse[]> {
    return this.callReplies('POST', '/v1/controller/backup/db', {
      body: { backup_name: opts.backupName },
      minVersion: '1.13.0',
      versionMessage: 'Database backup not supported by server',
    });
  },

  /** python `controller_exportdb` (REST 1.28.0): `POST /v1/controller/database/export {"backup_name"}`. */
  async controllerExportdb(this: LinstorCore, opts: { backupName: string }): Promise<ApiCallResponse[]> {
    return this.callReplies('POST', '/v1/controller/database/export', {
      body: { backup_name: opts.backupName },
      minVersion: '1.28.0',
      versionMessage: 'Database export not supported by server',
    });
  },

  /**
   * python `controller_version`: `GET /v1/controller/version` → `ControllerVersion`.
   * Differs from python: an error reply throws `LinstorApiCallError` instead of being returned in the
   * version's place (python returns element 0 of whatever came back).
   */
  async controllerVersion(this: LinstorCore): Promise<ControllerVersion> {
    const reply = await this.call('GET', '/v1/controller/version');
    if (reply.ok) return new ControllerVersion(reply.data);
    const [first] = reply.replies;
    if (first === undefined) throw new LinstorError('No version response received.');
    throw new LinstorApiCallError(first, reply.replies);
  },

  /**
   * python `controller_set_log_level`: `PUT /v1/controller/config {"log":{KEY: level}}`, KEY being
   * `level` + `_linstor` (unless `library`) + `_global` (when `glob`).
   */
  async controllerSetLogLevel(
    this: LinstorCore,
    opts: { level: Schemas['LogLevel']; glob?: boolean; library?: boolean },
  ): Promise<ApiCallResponse[]> {
    const key =
      `level${opts.library ? '' : '_linstor'}${opts.glob ? '_global' : ''}` as keyof Schemas['ControllerConfigLog'];
    const log: Record<string, string> = { [key]: String(opts.level) };
    return this.callReplies('PUT', '/v1/controller/config', {
      body: { log: log as Schemas['ControllerConfigLog'] },
    });
  },
};
