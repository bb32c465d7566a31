import { installMethods } from '../../src/api/install-methods';
import { Linstor } from '../../src/api/linstor';
import { LinstorCore } from '../../src/api/linstor-core';
import { ControllerVersion } from '../../src/api/responses/controller-version';
import { isListResponse } from '../../src/api/responses/list-result';
import { NodeListResponse } from '../../src/api/responses/node';
import { LinstorError } from '../../src/core/errors';
import { controllerDouble, json, req } from './controller-double';

describe('the Linstor class', () => {
  test('is a LinstorCore with the families installed as non-enumerable methods', async () => {
    const d = controllerDouble((s) =>
      s.path === '/v1/nodes' ? json([{ name: 'alpha', type: 'SATELLITE' }]) : undefined,
    );
    const lin = new Linstor('linstor://127.0.0.1:3370', { fetch: d.fetch, probeHttps: false });
    expect(lin).toBeInstanceOf(LinstorCore);
    expect(Object.keys(Linstor.prototype)).toEqual([]);
    for (const name of [
      'nodeCreate',
      'nodeList',
      'storagePoolCreate',
      'resourceGroupSpawn',
      'volumeDfnModify',
      'stats',
    ]) {
      expect(typeof (lin as unknown as Record<string, unknown>)[name]).toBe('function');
    }
    const result = await lin.nodeList({ filterByNodes: ['alpha'] });
    expect(d.all.map(req)).toEqual([
      { method: 'GET', path: '/v1/controller/version', query: '' },
      { method: 'GET', path: '/v1/nodes', query: 'nodes=alpha' },
    ]);
    expect(isListResponse(result) && result[0] instanceof NodeListResponse).toBe(true);
  });

  test('python classmethods are statics as well', () => {
    expect(Linstor.parseVolumeSizeToKib('20 MiB')).toBe(20480);
    expect(Linstor.layerList()).toContain('drbd');
    expect(Linstor.providerList()).toContain('ZFS');
    expect(Linstor.returnIfError([])).toBeUndefined();
  });

  test('installing a name twice is refused at load time', () => {
    class Probe extends LinstorCore {}
    installMethods(Probe, [{ one: () => 1 }]);
    expect(() => installMethods(Probe, [{ one: () => 2 }])).toThrow(LinstorError);
    expect(() => installMethods(Probe, [{ connect: () => 3 }])).toThrow(
      "Method 'connect' is installed twice",
    );
  });

  test('ControllerVersion accessors, with the python default REST version', () => {
    const v = new ControllerVersion({
      version: '1.29.0',
      git_hash: 'deadbeef',
      build_time: '2025-01-01T00:00:00+00:00',
      rest_api_version: '1.25.0',
    });
    expect([v.version, v.gitHash, v.buildTime, v.restApiVersion]).toEqual([
      '1.29.0',
      'deadbeef',
      '2025-01-01T00:00:00+00:00',
      '1.25.0',
    ]);
    expect(new ControllerVersion({}).restApiVersion).toBe('1.0.0');
    expect(JSON.stringify(v)).toContain('"git_hash":"deadbeef"');
  });
});
