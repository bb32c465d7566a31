import { RestResponse } from './rest-response';
import type { Schemas } from './schemas';

/** An S3 remote. */
export class S3Remote extends RestResponse<Schemas['S3Remote']> {
  get remoteName(): string | undefined {
    return this.restData.remote_name;
  }

  get endpoint(): string | undefined {
    return this.restData.endpoint;
  }

  get bucket(): string | undefined {
    return this.restData.bucket;
  }

  get region(): string | undefined {
    return this.restData.region;
  }

  get accessKey(): string | undefined {
    return this.restData.access_key;
  }

  get secretKey(): string | undefined {
    return this.restData.secret_key;
  }

  get usePathStyle(): boolean {
    return this.restData.use_path_style ?? false;
  }
}

/** Another LINSTOR cluster as a remote. */
export class LinstorRemote extends RestResponse<Schemas['LinstorRemote']> {
  get remoteName(): string | undefined {
    return this.restData.remote_name;
  }

  get url(): string | undefined {
    return this.restData.url;
  }

  get passphrase(): string | undefined {
    return this.restData.passphrase;
  }

  get clusterId(): string | undefined {
    return this.restData.cluster_id;
  }
}

/** An AWS EBS remote. */
export class EbsRemote extends RestResponse<Schemas['EbsRemote']> {
  get remoteName(): string | undefined {
    return this.restData.remote_name;
  }

  get endpoint(): string | undefined {
    return this.restData.endpoint;
  }

  get region(): string | undefined {
    return this.restData.region;
  }

  get availabilityZone(): string | undefined {
    return this.restData.availability_zone;
  }
}

/** The reply of `remoteList`. */
export class RemoteListResponse extends RestResponse<Schemas['RemoteList']> {
  get s3Remotes(): S3Remote[] {
    return (this.restData.s3_remotes ?? []).map((r) => new S3Remote(r));
  }

  get linstorRemotes(): LinstorRemote[] {
    return (this.restData.linstor_remotes ?? []).map((r) => new LinstorRemote(r));
  }

  get ebsRemotes(): EbsRemote[] {
    return (this.restData.ebs_remotes ?? []).map((r) => new EbsRemote(r));
  }
}
