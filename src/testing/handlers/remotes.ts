// Remotes (S3, LINSTOR, EBS): list (all kinds or one), create, modify, delete.
// Simplifications (what the real controller does that this does not):
// - no connection check: S3/EBS credentials are not tried, a LINSTOR remote's URL is only parsed and its
//   cluster id is what the client gave (the controller asks the other cluster when none is given);
// - secrets (access/secret keys, passphrase) are stored but never rendered (the schemas make them optional);
// - EBS remotes without endpoint/region get region 'us-east-1' and the matching public EC2 endpoint;
// - the remote_name inside a modify body is ignored (the path names the remote);
// - deleting a remote also forgets its schedule bindings and its backup records (the real backups would
//   stay in the bucket); it fails while shipments to it are still queued.
import {
  CREATED,
  DELETED,
  FAIL_EXISTS_REMOTE,
  FAIL_IN_USE,
  FAIL_INVLD_CONF,
  MASK_CRT,
  MASK_DEL,
  MASK_MOD,
  MASK_REMOTE,
  MODIFIED,
} from '../../../generated/constants';
import type { components } from '../../../generated/types';
import { entry, fail } from '../rc';
import {
  checkRemoteName,
  type EbsRemoteRecord,
  EbsRemoteShape,
  type LinstorRemoteRecord,
  LinstorRemoteShape,
  type RemoteKind,
  type RemoteRecord,
  remoteJson,
  remoteOf,
  type S3RemoteRecord,
  S3RemoteShape,
} from '../remote-records';
import type { Json } from '../render';
import type { Route, RouteContext } from '../router';
import { key, type SimulatorState, sortByKey } from '../state';
import { json } from './common';

// Request bodies as described (all fields optional there; the handlers check what is required).
type S3Body = components['schemas']['S3Remote'];
type LinstorBody = components['schemas']['LinstorRemote'];
type EbsBody = components['schemas']['EbsRemote'];

const sortedRemotes = (state: SimulatorState, kind: RemoteKind): RemoteRecord[] =>
  sortByKey(
    [...state.remotes.values()].filter((r) => r.kind === kind),
    (r) => r.name,
  );

const listOf = (state: SimulatorState, kind: RemoteKind): Json[] =>
  sortedRemotes(state, kind).map(remoteJson);

/** A create body's mandatory field; the controller cannot build the remote without it. */
function required(value: string | undefined, field: string, kind: string): string {
  if (value === undefined || value === '') {
    fail(FAIL_INVLD_CONF, `The ${kind} remote needs a value for '${field}'.`);
  }
  return value;
}

function checkUrl(url: string): void {
  let ok = false;
  try {
    ok = ['http:', 'https:', 'linstor:', 'linstor+ssl:'].includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok) fail(FAIL_INVLD_CONF, `The URL '${url}' of the LINSTOR remote is invalid.`);
}

const ebsEndpoint = (region: string): string => `https://ec2.${region}.amazonaws.com`;

/** Stores a checked new remote and answers the "created" entry. */
function register(state: SimulatorState, remote: RemoteRecord) {
  state.remotes.set(key(remote.name), remote);
  return {
    entries: [
      entry(CREATED, `New remote '${remote.name}' created.`, {
        details: `Remote '${remote.name}' UUID is: ${remote.uuid}`,
        objRefs: { Remote: remote.name },
      }),
    ],
  };
}

function newRemoteName(state: SimulatorState, name: string | undefined): string {
  const n = name ?? '';
  checkRemoteName(n);
  const existing = state.remotes.get(key(n));
  if (existing) {
    fail(FAIL_EXISTS_REMOTE, `A remote with the name '${n}' already exists.`, {
      cause: `'${existing.name}' is already defined as a remote.`,
      objRefs: { Remote: n },
    });
  }
  return n;
}

function modified(remote: RemoteRecord) {
  return {
    entries: [entry(MODIFIED, `Remote '${remote.name}' modified.`, { objRefs: { Remote: remote.name } })],
  };
}

/** Copies the given (non-empty) values onto the record. */
function applyGiven<T extends object>(rec: T, values: Partial<T>): void {
  for (const [k, v] of Object.entries(values)) {
    if (v !== undefined) (rec as Record<string, unknown>)[k] = v;
  }
}

const nameParam = (ctx: RouteContext): string => ctx.params[0] as string;

export function remoteRoutes(): Route[] {
  return [
    {
      method: 'GET',
      template: '/v1/remotes',
      // One object with a list per kind; the description declares a one-element array of it.
      handler: ({ state }) =>
        json([
          {
            s3_remotes: listOf(state, 's3'),
            linstor_remotes: listOf(state, 'linstor'),
            ebs_remotes: listOf(state, 'ebs'),
          },
        ]),
    },
    {
      method: 'DELETE',
      template: '/v1/remotes',
      context: [MASK_REMOTE, MASK_DEL],
      handler: ({ state, query }) => {
        const name = query.get('remote_name') ?? '';
        checkRemoteName(name);
        const remote = remoteOf(state, name);
        const queued = state.backups.filter(
          (b) => key(b.remoteName) === key(remote.name) && b.finishedTimestamp === undefined,
        );
        if (queued.length > 0) {
          fail(FAIL_IN_USE, `Remote '${remote.name}' is still in use.`, {
            cause: `${queued.length} backup shipment(s) to it are still queued.`,
            correction: 'Abort or finish the shipments first.',
          });
        }
        state.remotes.delete(key(remote.name));
        const bindings = state.scheduleBindings.filter((b) => key(b.remoteName) !== key(remote.name));
        state.scheduleBindings.splice(0, state.scheduleBindings.length, ...bindings);
        const backups = state.backups.filter((b) => key(b.remoteName) !== key(remote.name));
        state.backups.splice(0, state.backups.length, ...backups);
        return {
          entries: [
            entry(DELETED, `Remote '${remote.name}' deleted.`, {
              details: `Remote '${remote.name}' UUID was: ${remote.uuid}`,
              objRefs: { Remote: remote.name },
            }),
          ],
        };
      },
    },
    // ---- S3 ----
    { method: 'GET', template: '/v1/remotes/s3', handler: ({ state }) => json(listOf(state, 's3')) },
    {
      method: 'POST',
      template: '/v1/remotes/s3',
      context: [MASK_REMOTE, MASK_CRT],
      handler: ({ state, body }) => {
        const b = body<S3Body>(S3RemoteShape);
        const name = newRemoteName(state, b.remote_name);
        const remote: S3RemoteRecord = {
          kind: 's3',
          name,
          uuid: state.uuid(),
          endpoint: required(b.endpoint, 'endpoint', 'S3'),
          bucket: required(b.bucket, 'bucket', 'S3'),
          region: required(b.region, 'region', 'S3'),
          accessKey: required(b.access_key, 'access_key', 'S3'),
          secretKey: required(b.secret_key, 'secret_key', 'S3'),
          usePathStyle: b.use_path_style ?? false,
        };
        return register(state, remote);
      },
    },
    {
      method: 'PUT',
      template: '/v1/remotes/s3/{remoteName}',
      context: [MASK_REMOTE, MASK_MOD],
      handler: (ctx) => {
        const remote = remoteOf(ctx.state, nameParam(ctx), ['s3']);
        const b = ctx.body<S3Body>(S3RemoteShape);
        applyGiven(remote, {
          endpoint: b.endpoint,
          bucket: b.bucket,
          region: b.region,
          accessKey: b.access_key,
          secretKey: b.secret_key,
          usePathStyle: b.use_path_style,
        });
        return modified(remote);
      },
    },
    // ---- LINSTOR ----
    {
      method: 'GET',
      template: '/v1/remotes/linstor',
      handler: ({ state }) => json(listOf(state, 'linstor')),
    },
    {
      method: 'POST',
      template: '/v1/remotes/linstor',
      context: [MASK_REMOTE, MASK_CRT],
      handler: ({ state, body }) => {
        const b = body<LinstorBody>(LinstorRemoteShape);
        const name = newRemoteName(state, b.remote_name);
        const url = required(b.url, 'url', 'LINSTOR');
        checkUrl(url);
        const remote: LinstorRemoteRecord = {
          kind: 'linstor',
          name,
          uuid: state.uuid(),
          url,
          passphrase: b.passphrase,
          clusterId: b.cluster_id,
        };
        return register(state, remote);
      },
    },
    {
      method: 'PUT',
      template: '/v1/remotes/linstor/{remoteName}',
      context: [MASK_REMOTE, MASK_MOD],
      handler: (ctx) => {
        const remote = remoteOf(ctx.state, nameParam(ctx), ['linstor']);
        const b = ctx.body<LinstorBody>(LinstorRemoteShape);
        if (b.url !== undefined) checkUrl(b.url);
        applyGiven(remote, { url: b.url, passphrase: b.passphrase, clusterId: b.cluster_id });
        return modified(remote);
      },
    },
    // ---- EBS ----
    { method: 'GET', template: '/v1/remotes/ebs', handler: ({ state }) => json(listOf(state, 'ebs')) },
    {
      method: 'POST',
      template: '/v1/remotes/ebs',
      context: [MASK_REMOTE, MASK_CRT],
      handler: ({ state, body }) => {
        const b = body<EbsBody>(EbsRemoteShape);
        const name = newRemoteName(state, b.remote_name);
        const region = b.region || 'us-east-1';
        const remote: EbsRemoteRecord = {
          kind: 'ebs',
          name,
          uuid: state.uuid(),
          endpoint: b.endpoint || ebsEndpoint(region),
          region,
          availabilityZone: required(b.availability_zone, 'availability_zone', 'EBS'),
          accessKey: required(b.access_key, 'access_key', 'EBS'),
          secretKey: required(b.secret_key, 'secret_key', 'EBS'),
        };
        return register(state, remote);
      },
    },
    {
      method: 'PUT',
      template: '/v1/remotes/ebs/{remoteName}',
      context: [MASK_REMOTE, MASK_MOD],
      handler: (ctx) => {
        const remote = remoteOf(ctx.state, nameParam(ctx), ['ebs']);
        const b = ctx.body<EbsBody>(EbsRemoteShape);
        applyGiven(remote, {
          endpoint: b.endpoint,
          region: b.region,
          availabilityZone: b.availability_zone,
          accessKey: b.access_key,
          secretKey: b.secret_key,
        });
        return modified(remote);
      },
    },
  ];
}
