import { remoteMethods } from '../../src/api/methods/remotes';
import type { RemoteListResponse } from '../../src/api/responses/remote';
import { controllerDouble, json, req } from './controller-double';

const REMOTES = {
  s3_remotes: [{ remote_name: 's3a', endpoint: 'e', bucket: 'b', region: 'r', use_path_style: true }],
  linstor_remotes: [{ remote_name: 'l1', url: 'http://other:3370', cluster_id: 'c' }],
  ebs_remotes: [{ remote_name: 'e1', availability_zone: 'az' }],
};

describe('remotes (§2.16)', () => {
  test('scenario 22: remoteDelete; remoteList object and array forms', async () => {
    let body: unknown = REMOTES;
    const d = controllerDouble((s) =>
      s.method === 'GET' && s.path === '/v1/remotes' ? json(body) : undefined,
    );
    const lin = d.client(remoteMethods);
    await lin.remoteDelete({ remoteName: 'rem' });
    const r1 = await lin.remoteList();
    body = [REMOTES];
    const r2 = await lin.remoteList();
    expect(d.work().map(req)).toEqual([
      { method: 'DELETE', path: '/v1/remotes', query: 'remote_name=rem' },
      { method: 'GET', path: '/v1/remotes', query: '' },
      { method: 'GET', path: '/v1/remotes', query: '' },
    ]);
    for (const r of [r1, r2]) {
      const list = r[0] as RemoteListResponse;
      expect(list.s3Remotes[0].usePathStyle).toBe(true);
      expect(list.linstorRemotes[0].url).toBe('http://other:3370');
      expect(list.ebsRemotes[0].availabilityZone).toBe('az');
    }
    const old = controllerDouble(undefined, '1.9.0');
    await expect(old.client(remoteMethods).remoteDelete({ remoteName: 'r' })).rejects.toThrow(
      'needed 1.10.0',
    );
  });

  test('create and modify bodies for S3, LINSTOR and EBS remotes', async () => {
    const d = controllerDouble();
    const lin = d.client(remoteMethods);
    await lin.remoteCreateS3({
      remoteName: 's3a',
      endpoint: 'e',
      region: 'r',
      bucket: 'b',
      accessKey: 'ak',
      secretKey: 'sk',
    });
    await lin.remoteModifyS3({ remoteName: 's3a', bucket: 'b2', secretKey: 'sk2' });
    await lin.remoteCreateLinstor({ remoteName: 'l1', url: 'http://x:3370' });
    await lin.remoteCreateLinstor({
      remoteName: 'l1',
      url: 'http://x:3370',
      passphrase: 'p',
      clusterId: 'c',
    });
    await lin.remoteModifyLinstor({ remoteName: 'l1', url: 'http://y:3370' });
    await lin.remoteCreateEbs({ remoteName: 'e1', availabilityZone: 'az', accessKey: 'ak', secretKey: 'sk' });
    await lin.remoteCreateEbs({
      remoteName: 'e1',
      availabilityZone: 'az',
      accessKey: 'ak',
      secretKey: 'sk',
      endpoint: 'ep',
      region: 'rg',
    });
    await lin.remoteModifyEbs({ remoteName: 'e1', region: 'rg2' });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/remotes/s3',
        query: '',
        body: {
          remote_name: 's3a',
          endpoint: 'e',
          region: 'r',
          bucket: 'b',
          access_key: 'ak',
          secret_key: 'sk',
          use_path_style: false,
        },
      },
      {
        method: 'PUT',
        path: '/v1/remotes/s3/s3a',
        query: '',
        body: { remote_name: 's3a', bucket: 'b2', secret_key: 'sk2' },
      },
      {
        method: 'POST',
        path: '/v1/remotes/linstor',
        query: '',
        body: { remote_name: 'l1', url: 'http://x:3370' },
      },
      {
        method: 'POST',
        path: '/v1/remotes/linstor',
        query: '',
        body: { remote_name: 'l1', url: 'http://x:3370', passphrase: 'p', cluster_id: 'c' },
      },
      {
        method: 'PUT',
        path: '/v1/remotes/linstor/l1',
        query: '',
        body: { remote_name: 'l1', url: 'http://y:3370' },
      },
      {
        method: 'POST',
        path: '/v1/remotes/ebs',
        query: '',
        body: { remote_name: 'e1', availability_zone: 'az', access_key: 'ak', secret_key: 'sk' },
      },
      {
        method: 'POST',
        path: '/v1/remotes/ebs',
        query: '',
        body: {
          remote_name: 'e1',
          availability_zone: 'az',
          access_key: 'ak',
          secret_key: 'sk',
          endpoint: 'ep',
          region: 'rg',
        },
      },
      { method: 'PUT', path: '/v1/remotes/ebs/e1', query: '', body: { remote_name: 'e1', region: 'rg2' } },
    ]);
    const old = controllerDouble(undefined, '1.14.0');
    await expect(
      old
        .client(remoteMethods)
        .remoteCreateEbs({ remoteName: 'e', availabilityZone: 'a', accessKey: 'k', secretKey: 's' }),
    ).rejects.toThrow('EBS remotes not supported by server, REST-API-VERSION: 1.14.0; needed 1.15.0');
    await expect(old.client(remoteMethods).remoteModifyEbs({ remoteName: 'e' })).rejects.toThrow(
      'needed 1.15.0',
    );
    expect(old.work()).toHaveLength(0);
  });
});
