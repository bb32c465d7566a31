import '../../src/node/register';
import { LinstorCore } from '../../src/api/linstor-core';
import { LinstorApiCallError, LinstorError, LinstorNetworkError } from '../../src/core/errors';
import { SDK_VERSION } from '../../src/core/user-agent';
import { closedPort, controllerHandler, startHttp, type TestServer } from './servers';

const version = (rest?: string) =>
  JSON.stringify({
    version: '1.29.0',
    git_hash: 'deadbeef',
    build_time: '2025-01-01T00:00:00+00:00',
    ...(rest === undefined ? {} : { rest_api_version: rest }),
  });

describe('scenario 1: connect handshake (real local server)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startHttp(controllerHandler(undefined, version('1.25.0')));
  });
  afterEach(() => server.close());

  it('probe + version GET, then nothing more on reconnect or later requests', async () => {
    const lin = new LinstorCore(server.uri, { agentInfo: 'acc-test', timeoutMs: 2000 });
    await expect(lin.connect()).resolves.toBe(true);
    expect(lin.connected).toBe(true);
    expect(server.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /v1/controller/version',
      'GET /v1/controller/version',
    ]);
    const [probe, real] = server.seen;
    expect(probe.headers['user-agent']).not.toContain('linstor-api');
    expect(probe.headers.authorization).toBeUndefined();
    expect(real.headers['user-agent']).toBe(`linstor-api/${SDK_VERSION} (API1.0.4): acc-test`);
    expect(real.headers['accept-encoding']).toContain('gzip');
    expect(real.headers.connection).toBe('keep-alive');
    await lin.connect();
    await lin.call('GET', '/v1/nodes');
    expect(server.seen).toHaveLength(3);
    expect(await lin.controllerInfo()).toBe('LINSTOR,Controller,1.29.0,deadbeef,2025-01-01T00:00:00+00:00');
    expect(lin.controllerHost()).toBe(server.uri);
    expect(lin.isSecureConnection).toBe(false);
  });

  it('with the probe switched off only the real GET is sent', async () => {
    const lin = new LinstorCore(server.uri, { probeHttps: false, timeoutMs: 2000 });
    await lin.connect();
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0].headers['user-agent']).toContain('linstor-api/');
  });

  it('a request without connect() runs the handshake first, once, also when concurrent', async () => {
    const lin = new LinstorCore(server.uri, { probeHttps: false, timeoutMs: 2000 });
    await Promise.all([
      lin.call('GET', '/v1/nodes'),
      lin.call('GET', '/v1/nodes'),
      lin.call('GET', '/v1/nodes'),
    ]);
    expect(server.seen.filter((r) => r.url === '/v1/controller/version')).toHaveLength(1);
    expect(lin.connected).toBe(true);
  });

  it('disconnect() forgets the handshake; await using disconnects', async () => {
    {
      await using lin = new LinstorCore(server.uri, { probeHttps: false, timeoutMs: 2000 });
      await lin.connect();
      expect(lin.connected).toBe(true);
      await lin.disconnect();
      expect(lin.connected).toBe(false);
      expect(lin.apiVersionSmaller('1.0.0')).toBeUndefined();
      await lin.connect();
    }
    expect(server.seen.filter((r) => r.url === '/v1/controller/version')).toHaveLength(2);
  });

  it('withLinstor connects, runs and disconnects', async () => {
    let inside: LinstorCore | undefined;
    const n = await LinstorCore.withLinstor(
      { controller: server.uri, probeHttps: false, timeoutMs: 2000 },
      async (lin) => {
        inside = lin;
        expect(lin.connected).toBe(true);
        return 7;
      },
    );
    expect(n).toBe(7);
    expect(inside?.connected).toBe(false);
  });
});

describe('scenario 1: unsupported versions', () => {
  it.each([
    ['1.0.3', '1.0.3'],
    ['2.0.0', '2.0.0'],
    [undefined, '1.0.0'],
  ])('%s throws LinstorApiCallError', async (rest, shown) => {
    const server = await startHttp(controllerHandler(undefined, version(rest)));
    try {
      const lin = new LinstorCore(server.uri, { probeHttps: false, timeoutMs: 2000 });
      const p = lin.connect();
      await expect(p).rejects.toBeInstanceOf(LinstorApiCallError);
      await expect(lin.connect()).rejects.toThrow(
        `Client doesn't support Controller rest api version: ${shown}; Minimal version needed: 1.0.4`,
      );
      expect(lin.connected).toBe(false);
    } finally {
      await server.close();
    }
  });
});

describe('HTTPS probe', () => {
  it('a 302 without a port in Location stays on plain HTTP', async () => {
    let first = true;
    const server = await startHttp((req, res) => {
      if (first) {
        first = false;
        res.writeHead(302, { location: 'https://127.0.0.1/v1/controller/version' });
        res.end();
        return;
      }
      controllerHandler()(req, res);
    });
    try {
      const lin = new LinstorCore(server.uri, { timeoutMs: 2000 });
      await lin.connect();
      expect(lin.isSecureConnection).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('a closed port: connect fails with LinstorNetworkError naming the URI', async () => {
    const port = await closedPort();
    const lin = new LinstorCore(`linstor://127.0.0.1:${port}`, { timeoutMs: 2000 });
    const p = lin.connect();
    await expect(p).rejects.toBeInstanceOf(LinstorNetworkError);
    await expect(lin.connect()).rejects.toThrow(`Unable to connect to linstor://127.0.0.1:${port}: `);
    await expect(lin.connect()).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('scenario 12: version gates', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startHttp(controllerHandler(undefined, version('1.25.0')));
  });
  afterEach(() => server.close());

  it('throw before any request with python messages; apiVersionSmaller', async () => {
    const lin = new LinstorCore(server.uri, { probeHttps: false, timeoutMs: 2000 });
    await lin.connect();
    const before = server.seen.length;
    // as the method families call them
    await expect(
      lin.callReplies('PUT', '/v1/nodes/{node}/evacuate', {
        params: { path: { node: 'a' } },
        body: { target: ['b'] } as never,
        minVersion: '1.27.0',
        versionMessage: 'Node evacuate --target is not supported by server',
      }),
    ).rejects.toThrow(
      new LinstorError(
        'Node evacuate --target is not supported by server, REST-API-VERSION: 1.25.0; needed 1.27.0',
      ),
    );
    // gate taken from generated/operations.ts (controllerAuthTokenCreate: 1.28.0)
    await expect(
      lin.callReplies('POST', '/v1/controller/auth/token', {
        body: { description: 'd' } as never,
        versionMessage: 'Auth token not supported by server',
      }),
    ).rejects.toThrow('Auth token not supported by server, REST-API-VERSION: 1.25.0; needed 1.28.0');
    expect(() => lin.requireVersion('1.28.0', 'Auth token not supported by server')).toThrow(
      'Auth token not supported by server, REST-API-VERSION: 1.25.0; needed 1.28.0',
    );
    expect(server.seen.length).toBe(before);
    expect(lin.apiVersionSmaller('1.26.0')).toBe(true);
    expect(lin.apiVersionSmaller('1.25.0')).toBe(false);
    // minVersion: null disables the table gate
    await lin
      .callReplies('GET', '/v1/controller/auth/token' as never, { minVersion: null } as never)
      .catch(() => undefined);
    expect(server.seen.length).toBe(before + 1);
  });
});
