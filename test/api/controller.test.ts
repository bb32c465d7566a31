import { controllerMethods } from '../../src/api/methods/controller';
import { ControllerProperties } from '../../src/api/responses/controller';
import { ControllerVersion } from '../../src/api/responses/controller-version';
import { LinstorApiCallError } from '../../src/core/errors';
import { controllerDouble, ERROR_REPLY, json, req } from './controller-double';

describe('controller (§2.14)', () => {
  test('scenario 22: controllerSetProp and controllerSetLogLevel; controllerDelProp', async () => {
    const d = controllerDouble();
    const lin = d.client(controllerMethods);
    await lin.controllerSetProp({ key: 'a/b', value: 'c' });
    await lin.controllerDelProp({ key: 'a/b' });
    await lin.controllerSetLogLevel({ level: 'DEBUG', glob: true });
    await lin.controllerSetLogLevel({ level: 'INFO' });
    await lin.controllerSetLogLevel({ level: 'WARN', library: true });
    await lin.controllerSetLogLevel({ level: 'TRACE', library: true, glob: true });
    expect(d.work().map(req)).toEqual([
      {
        method: 'POST',
        path: '/v1/controller/properties',
        query: '',
        body: { override_props: { 'a/b': 'c' } },
      },
      { method: 'POST', path: '/v1/controller/properties', query: '', body: { delete_props: ['a/b'] } },
      {
        method: 'PUT',
        path: '/v1/controller/config',
        query: '',
        body: { log: { level_linstor_global: 'DEBUG' } },
      },
      { method: 'PUT', path: '/v1/controller/config', query: '', body: { log: { level_linstor: 'INFO' } } },
      { method: 'PUT', path: '/v1/controller/config', query: '', body: { log: { level: 'WARN' } } },
      { method: 'PUT', path: '/v1/controller/config', query: '', body: { log: { level_global: 'TRACE' } } },
    ]);
  });

  test('controllerProps returns [ControllerProperties] or the replies', async () => {
    let ok = true;
    const d = controllerDouble((s) =>
      s.path === '/v1/controller/properties'
        ? ok
          ? json({ 'Aux/x': 'y' })
          : json(ERROR_REPLY, 500)
        : undefined,
    );
    const lin = d.client(controllerMethods);
    const result = await lin.controllerProps();
    expect(req(d.work()[0])).toEqual({ method: 'GET', path: '/v1/controller/properties', query: '' });
    expect(result[0]).toBeInstanceOf(ControllerProperties);
    expect((result[0] as ControllerProperties).properties).toEqual({ 'Aux/x': 'y' });
    ok = false;
    expect((await lin.controllerProps())[0]).toMatchObject({ message: 'Something failed.' });
  });

  test('controllerBackupdb (1.13.0) and controllerExportdb (1.28.0)', async () => {
    const d = controllerDouble(undefined, '1.28.0');
    const lin = d.client(controllerMethods);
    await lin.controllerBackupdb({ backupName: 'bk1' });
    await lin.controllerExportdb({ backupName: 'ex1' });
    expect(d.work().map(req)).toEqual([
      { method: 'POST', path: '/v1/controller/backup/db', query: '', body: { backup_name: 'bk1' } },
      { method: 'POST', path: '/v1/controller/database/export', query: '', body: { backup_name: 'ex1' } },
    ]);
    const old = controllerDouble(undefined, '1.12.0');
    await expect(old.client(controllerMethods).controllerBackupdb({ backupName: 'b' })).rejects.toThrow(
      'Database backup not supported by server, REST-API-VERSION: 1.12.0; needed 1.13.0',
    );
    await expect(old.client(controllerMethods).controllerExportdb({ backupName: 'b' })).rejects.toThrow(
      'needed 1.28.0',
    );
    expect(old.work()).toHaveLength(0);
  });

  test('controllerVersion returns the wrapper; an error reply throws', async () => {
    const d = controllerDouble();
    const v = await d.client(controllerMethods).controllerVersion();
    expect(v).toBeInstanceOf(ControllerVersion);
    expect([v.version, v.gitHash, v.restApiVersion]).toEqual(['1.29.0', 'deadbeef', '1.25.0']);
    // the version GET of the handshake plus the method's own
    expect(d.all.filter((s) => s.path === '/v1/controller/version')).toHaveLength(2);

    let calls = 0;
    const failing = controllerDouble((s) =>
      s.path === '/v1/controller/version' && ++calls > 1 ? json(ERROR_REPLY, 500) : undefined,
    );
    await expect(failing.client(controllerMethods).controllerVersion()).rejects.toBeInstanceOf(
      LinstorApiCallError,
    );
  });
});
