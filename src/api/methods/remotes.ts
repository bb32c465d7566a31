import type { ApiCallResponse } from '../../core/api-call-response';
import type { LinstorCore } from '../linstor-core';
import type { ListResult } from '../responses/list-result';
import { RemoteListResponse } from '../responses/remote';
import type { Schemas } from '../responses/schemas';

const EBS_GATE = { minVersion: '1.15.0', versionMessage: 'EBS remotes not supported by server' } as const;

/** Copies the keys whose value is given (python: "non-None"). */
function given<T extends object>(values: T): { [K in keyof T]?: NonNullable<T[K]> } {
  const out: { [K in keyof T]?: NonNullable<T[K]> } = {};
  for (const [k, v] of Object.entries(values)) {
    if (v !== undefined && v !== null) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** python-linstor §2.16: remotes. */
export const remoteMethods = {
  /**
   * python `remote_list` (REST 1.10.0): `GET /v1/remotes` → `[RemoteListResponse]`. The controller's
   * answer is one object; a one-element array (as the upstream description declares) is read the same.
   */
  async remoteList(this: LinstorCore): Promise<ListResult<RemoteListResponse>> {
    const reply = await this.call('GET', '/v1/remotes', {
      minVersion: '1.10.0',
      versionMessage: 'Remotes not supported by server',
    });
    if (!reply.ok) return reply.replies;
    const data = reply.data as Schemas['RemoteList'] | Schemas['RemoteList'][];
    return [new RemoteListResponse(Array.isArray(data) ? (data[0] ?? {}) : data)];
  },

  /** python `remote_create_s3`: `POST /v1/remotes/s3` with all seven fields. */
  async remoteCreateS3(
    this: LinstorCore,
    opts: {
      remoteName: string;
      endpoint: string;
      region: string;
      bucket: string;
      accessKey: string;
      secretKey: string;
      usePathStyle?: boolean;
    },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('POST', '/v1/remotes/s3', {
      body: {
        remote_name: opts.remoteName,
        endpoint: opts.endpoint,
        region: opts.region,
        bucket: opts.bucket,
        access_key: opts.accessKey,
        secret_key: opts.secretKey,
        use_path_style: opts.usePathStyle ?? false,
      },
    });
  },

  /** python `remote_modify_s3`: `PUT /v1/remotes/s3/{rem} {"remote_name", …given fields}`. */
  async remoteModifyS3(
    this: LinstorCore,
    opts: {
      remoteName: string;
      endpoint?: string | null;
      region?: string | null;
      bucket?: string | null;
      accessKey?: string | null;
      secretKey?: string | null;
    },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('PUT', '/v1/remotes/s3/{remoteName}', {
      params: { path: { remoteName: opts.remoteName } },
      body: {
        remote_name: opts.remoteName,
        ...given({
          endpoint: opts.endpoint,
          region: opts.region,
          bucket: opts.bucket,
          access_key: opts.accessKey,
          secret_key: opts.secretKey,
        }),
      },
    });
  },

  /** python `remote_create_linstor`: `POST /v1/remotes/linstor {"remote_name","url","passphrase"?,"cluster_id"?}`. */
  async remoteCreateLinstor(
    this: LinstorCore,
    opts: { remoteName: string; url: string; passphrase?: string | null; clusterId?: string | null },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('POST', '/v1/remotes/linstor', {
      body: {
        remote_name: opts.remoteName,
        url: opts.url,
        ...given({ passphrase: opts.passphrase, cluster_id: opts.clusterId }),
      },
    });
  },

  /** python `remote_modify_linstor`: `PUT /v1/remotes/linstor/{rem} {"remote_name", …given fields}`. */
  async remoteModifyLinstor(
    this: LinstorCore,
    opts: { remoteName: string; url?: string | null; passphrase?: string | null; clusterId?: string | null },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('PUT', '/v1/remotes/linstor/{remoteName}', {
      params: { path: { remoteName: opts.remoteName } },
      body: {
        remote_name: opts.remoteName,
        ...given({ url: opts.url, passphrase: opts.passphrase, cluster_id: opts.clusterId }),
      },
    });
  },

  /**
   * python `remote_create_ebs` (REST 1.15.0): `POST /v1/remotes/ebs
   * {"remote_name","availability_zone","access_key","secret_key","endpoint"?,"region"?}`.
   */
  async remoteCreateEbs(
    this: LinstorCore,
    opts: {
      remoteName: string;
      availabilityZone: string;
      accessKey: string;
      secretKey: string;
      endpoint?: string | null;
      region?: string | null;
    },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('POST', '/v1/remotes/ebs', {
      body: {
        remote_name: opts.remoteName,
        availability_zone: opts.availabilityZone,
        access_key: opts.accessKey,
        secret_key: opts.secretKey,
        ...given({ endpoint: opts.endpoint, region: opts.region }),
      },
      ...EBS_GATE,
    });
  },

  /** python `remote_modify_ebs` (REST 1.15.0): `PUT /v1/remotes/ebs/{rem} {"remote_name", …given fields}`. */
  async remoteModifyEbs(
    this: LinstorCore,
    opts: {
      remoteName: string;
      endpoint?: string | null;
      region?: string | null;
      availabilityZone?: string | null;
      accessKey?: string | null;
      secretKey?: string | null;
    },
  ): Promise<ApiCallResponse[]> {
    return this.callReplies('PUT', '/v1/remotes/ebs/{remoteName}', {
      params: { path: { remoteName: opts.remoteName } },
      body: {
        remote_name: opts.remoteName,
        ...given({
          endpoint: opts.endpoint,
          region: opts.region,
          availability_zone: opts.availabilityZone,
          access_key: opts.accessKey,
          secret_key: opts.secretKey,
        }),
      },
      ...EBS_GATE,
    });
  },

  /** python `remote_delete` (REST 1.10.0): `DELETE /v1/remotes?remote_name={rem}`. */
  async remoteDelete(this: LinstorCore, opts: { remoteName: string }): Promise<ApiCallResponse[]> {
    return this.callReplies('DELETE', '/v1/remotes', {
      params: { query: { remote_name: opts.remoteName } },
      minVersion: '1.10.0',
      versionMessage: 'Remotes not supported by server',
    });
  },
};
