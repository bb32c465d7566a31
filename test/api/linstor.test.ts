import { installMethods } from '../../src/api/install-methods';
import { Linstor } from '../../src/api/linstor';
import { LinstorCore } from '../../src/api/linstor-core';
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
});
