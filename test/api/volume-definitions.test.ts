import { volumeDefinitionMethods } from '../../src/api/methods/volume-definitions';
import { controllerDouble, req } from './controller-double';

describe('volume definitions (§2.9)', () => {
  test('volumeDfnCreate: scenario 7 and 18 bodies, flags always present', async () => {
    const d = controllerDouble();
    const lin = d.client(volumeDefinitionMethods);
    await lin.volumeDfnCreate({
      rscName: 'res1',
      size: 102400,
      volumeNr: 0,
      minorNr: 1000,
      encrypt: true,
      storagePool: 'pool1',
      gross: true,
    });
    await lin.volumeDfnCreate({ rscName: 'New_Rsc', size: 20480, volumeNr: 0, storagePool: 'pool1' });
    await lin.volumeDfnCreate({ rscName: 'r', size: 1024, passphrase: 'pw' });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/resource-definitions/res1/volume-definitions',
        query: '',
        body: {
          volume_definition: {
            size_kib: 102400,
            flags: ['ENCRYPTED', 'GROSS_SIZE'],
            volume_number: 0,
            props: { StorPoolName: 'pool1' },
          },
          drbd_minor_number: 1000,
        },
      },
      {
        method: 'POST',
        path: '/v1/resource-definitions/New_Rsc/volume-definitions',
        query: '',
        body: {
          volume_definition: {
            size_kib: 20480,
            flags: [],
            volume_number: 0,
            props: { StorPoolName: 'pool1' },
          },
        },
      },
      {
        method: 'POST',
        path: '/v1/resource-definitions/r/volume-definitions',
        query: '',
        body: { volume_definition: { size_kib: 1024, flags: [] }, passphrase: 'pw' },
      },
    ]);
    const old = controllerDouble(undefined, '1.21.0');
    await expect(
      old.client(volumeDefinitionMethods).volumeDfnCreate({ rscName: 'r', size: 1, passphrase: 'pw' }),
    ).rejects.toThrow('needed 1.22.0');
    expect(old.work()).toEqual([]);
  });

  test('volumeDfnModify: scenario 17 resize, props, gross (quirk 9)', async () => {
    const d = controllerDouble();
    const lin = d.client(volumeDefinitionMethods);
    await lin.volumeDfnModify({ rscName: 'foo', volumeNr: 0, size: 30720 });
    await lin.volumeDfnModify({
      rscName: 'foo',
      volumeNr: 1,
      setProperties: { a: 'b' },
      deleteProperties: ['c'],
      size: 0,
    });
    await lin.volumeDfnModify({ rscName: 'foo', volumeNr: 0, gross: true });
    await lin.volumeDfnModify({ rscName: 'foo', volumeNr: 0, gross: false });
    expect(d.work().map(req)).toEqual([
      {
        method: 'PUT',
        path: '/v1/resource-definitions/foo/volume-definitions/0',
        query: '',
        body: { size_kib: 30720 },
      },
      {
        method: 'PUT',
        path: '/v1/resource-definitions/foo/volume-definitions/1',
        query: '',
        body: { override_props: { a: 'b' }, delete_props: ['c'] },
      },
      {
        method: 'PUT',
        path: '/v1/resource-definitions/foo/volume-definitions/0',
        query: '',
        body: { flags: ['GROSS_SIZE'] },
      },
      {
        method: 'PUT',
        path: '/v1/resource-definitions/foo/volume-definitions/0',
        query: '',
        body: { flags: ['-GROSS_SIZE'] },
      },
    ]);
  });

  test('volumeDfnModify: gross needs REST 1.0.13', async () => {
    const d = controllerDouble(undefined, '1.0.12');
    await expect(
      d.client(volumeDefinitionMethods).volumeDfnModify({ rscName: 'r', volumeNr: 0, gross: true }),
    ).rejects.toThrow(
      'Modify volume-definition with gross size not supported., REST-API-VERSION: 1.0.12; needed 1.0.13',
    );
    expect(d.work()).toEqual([]);
  });

  test('volumeDfnDelete: scenario 18', async () => {
    const d = controllerDouble();
    await d.client(volumeDefinitionMethods).volumeDfnDelete({ rscName: 'New_Rsc', volumeNr: 1 });
    expect(req(d.work()[0])).toEqual({
      method: 'DELETE',
      path: '/v1/resource-definitions/New_Rsc/volume-definitions/1',
      query: '',
    });
  });

  test('volumeDfnModifyPassphrase: PUT with the new passphrase, 1.22.0 gate', async () => {
    const d = controllerDouble();
    await d
      .client(volumeDefinitionMethods)
      .volumeDfnModifyPassphrase({ rscName: 'r', volumeNr: 0, newPassphrase: 'new' });
    expect(req(d.work()[0])).toEqual({
      method: 'PUT',
      path: '/v1/resource-definitions/r/volume-definitions/0/encryption-passphrase',
      query: '',
      body: { new_passphrase: 'new' },
    });
    const old = controllerDouble(undefined, '1.21.0');
    await expect(
      old
        .client(volumeDefinitionMethods)
        .volumeDfnModifyPassphrase({ rscName: 'r', volumeNr: 0, newPassphrase: 'x' }),
    ).rejects.toThrow(
      'Modify volume-definition passphrase not supported., REST-API-VERSION: 1.21.0; needed 1.22.0',
    );
    expect(old.work()).toEqual([]);
  });
});
