import '../../src/node/register';
import { Linstor } from '../../src/api/linstor';
import { MultiLinstor } from '../../src/api/multi-linstor';
import { LinstorArgumentError, LinstorNetworkError } from '../../src/core/errors';
import { closedPort, startHttp } from './servers';

describe('MultiLinstor', () => {
  it('is a Linstor over a list; connect walks it in order (scenario 2)', async () => {
    const ok = await startHttp();
    try {
      const port = await closedPort();
      const lin = new MultiLinstor([`linstor://127.0.0.1:${port}`, ok.uri], {
        probeHttps: false,
        timeoutMs: 1000,
      });
      expect(lin).toBeInstanceOf(Linstor);
      await expect(lin.connect()).resolves.toBe(true);
      expect(lin.controllerHost()).toBe(ok.uri);
      const fromString = new MultiLinstor(`127.0.0.1:${port},${ok.uri.replace('linstor://', '')}`, {
        probeHttps: false,
        timeoutMs: 1000,
      });
      await fromString.connect();
      expect(fromString.controllerHost()).toBe(ok.uri);
    } finally {
      await ok.close();
    }
  });

  it('all hosts down: the aggregate error; empty list: argument error', async () => {
    const uris = [`linstor://127.0.0.1:${await closedPort()}`, `linstor://127.0.0.1:${await closedPort()}`];
    const lin = new MultiLinstor(uris, { probeHttps: false, timeoutMs: 1000 });
    await expect(lin.connect()).rejects.toThrow(
      new LinstorNetworkError(
        `Unable to connect to any of the given controller hosts: ['${uris[0]}', '${uris[1]}']`,
      ),
    );
    expect(() => new MultiLinstor([])).toThrow(LinstorArgumentError);
    expect(() => new MultiLinstor(' , ')).toThrow(LinstorArgumentError);
  });

  it('controllerUriList (scenario 3)', () => {
    expect(MultiLinstor.controllerUriList('10.0.0.1,linstor+ssl://10.0.0.2,,http://h:8080')).toEqual([
      'linstor://10.0.0.1',
      'linstor+ssl://10.0.0.2',
      'http://h:8080',
    ]);
  });
});
