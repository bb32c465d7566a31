/**
 * Faults on the wire, each against a real local server with a 300 ms per-attempt timeout: a controller
 * that starts slowly, a proxy answering 502 with HTML, a connection reset in the middle of a body, and a
 * reply that never ends. Each must end in the documented error class (sdk-design.md §6, python-linstor
 * §3.5/§3.6) within the configured timeout (upper bounds carry generous slack for a loaded machine; they
 * only prove that nothing hangs).
 */
import '../../src/node/register';
import { Linstor } from '../../src/api/linstor';
import { MultiLinstor } from '../../src/api/multi-linstor';
import {
  isLinstorApiCallError,
  isLinstorError,
  isLinstorNetworkError,
  isLinstorTimeoutError,
  LinstorError,
  LinstorNetworkError,
  LinstorTimeoutError,
} from '../../src/core/errors';
import { type RunningSimulator, startSimulator } from '../../src/testing';
import { key } from '../../src/testing/state';
import { authOptions, recordError, recordingLogger, scanForSecrets } from './secrets';
import { closedPort, type RawServer, startRawServer } from './servers';

const TIMEOUT = 300;
/** Scheduling slack on a shared 2-core machine; only there to show that the call ended at all. */
const SLACK = 3000;

const options = (extra: Record<string, unknown> = {}) => ({
  timeoutMs: TIMEOUT,
  probeHttps: false,
  logger: recordingLogger(),
  ...authOptions('bearer'),
  ...extra,
});

/** Runs a call that must fail; returns the error and the elapsed time. */
async function failure(call: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await call();
  } catch (error) {
    recordError(error);
    return { error, ms: performance.now() - started };
  }
  throw new Error('the call succeeded but was expected to fail');
}

const sims: RunningSimulator[] = [];
const raws: RawServer[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
  await Promise.all(raws.splice(0).map((s) => s.close()));
});
afterAll(() => {
  expect(scanForSecrets().leaks).toEqual([]);
});

async function sim(opts: Parameters<typeof startSimulator>[0] = {}): Promise<RunningSimulator> {
  const s = await startSimulator({ nodes: 3, ...opts });
  sims.push(s);
  return s;
}
async function raw(...args: Parameters<typeof startRawServer>): Promise<RawServer> {
  const s = await startRawServer(...args);
  raws.push(s);
  return s;
}

describe('a controller that starts slowly', () => {
  it('not listening yet: LinstorNetworkError at once; once it listens, the same client works', async () => {
    const port = await closedPort();
    const lin = new Linstor(`linstor://127.0.0.1:${port}`, options());
    const { error, ms } = await failure(() => lin.nodeList());
    expect(error).toBeInstanceOf(LinstorNetworkError);
    expect((error as Error).message).toContain(`Unable to connect to linstor://127.0.0.1:${port}`);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
    await sim({ port });
    const nodes = await lin.nodeListRaise();
    expect(nodes.nodes).toHaveLength(3);
  });

  it('listening but answering after 2 s: LinstorTimeoutError after the per-attempt timeout', async () => {
    const s = await sim();
    s.faults.delay(2000);
    const lin = new Linstor(s.url, options());
    const { error, ms } = await failure(() => lin.nodeList());
    expect(error).toBeInstanceOf(LinstorTimeoutError);
    expect((error as Error).message).toBe('Socket timeout, no data received for more than 0.3s.');
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT - 20);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
  });

  it('with the HTTPS probe on, the probe and the version read each get the timeout (2 x 300 ms at most)', async () => {
    const s = await sim();
    s.faults.delay(2000);
    const lin = new Linstor(s.url, options({ probeHttps: true }));
    const { error, ms } = await failure(() => lin.connect());
    expect(error).toBeInstanceOf(LinstorTimeoutError);
    expect(ms).toBeGreaterThanOrEqual(2 * TIMEOUT - 40);
    expect(ms).toBeLessThan(2 * TIMEOUT + SLACK);
  });

  it('MultiLinstor connect stops at a slow first controller (python parity: a timeout is not a network error)', async () => {
    const slow = await sim();
    slow.faults.delay(2000);
    const ok = await sim();
    const lin = new MultiLinstor([slow.url, ok.url], options());
    const { error } = await failure(() => lin.connect());
    expect(isLinstorTimeoutError(error)).toBe(true);
    expect(isLinstorNetworkError(error)).toBe(false);
  });
});

describe('a proxy answering 502 with an HTML page', () => {
  const page =
    '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>' +
    '<h1 class="header">502 Bad Gateway</h1><p>upstream connect error</p></body></html>';

  it('for a request: LinstorError "HTTP-Status(502)/<header text>", not an ApiCallError', async () => {
    const s = await raw((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(page);
    });
    const lin = new Linstor(s.uri, options());
    const { error, ms } = await failure(() => lin.nodeList());
    expect(error).toBeInstanceOf(LinstorError);
    expect((error as Error).name).toBe('LinstorError');
    expect(isLinstorApiCallError(error)).toBe(false);
    expect((error as Error).message).toBe('HTTP-Status(502)/502 Bad Gateway');
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
  });

  it('for the handshake too (the proxy answers everything), and MultiLinstor does not fail over on it', async () => {
    const proxy = await raw(
      (_req, res) => {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end(page);
      },
      { handshake: false },
    );
    const ok = await sim();
    const lin = new MultiLinstor([proxy.uri, ok.url], options());
    const { error } = await failure(() => lin.nodeList());
    expect((error as Error).name).toBe('LinstorError');
    expect((error as Error).message).toBe('HTTP-Status(502)/502 Bad Gateway');
  });

  it('an empty 502: python\'s "returned status 502 with no data."', async () => {
    const s = await raw((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end();
    });
    const lin = new Linstor(s.uri, options());
    const { error } = await failure(() => lin.nodeList());
    expect((error as Error).message).toBe(
      "REST api call method 'GET' to resource '/v1/nodes' returned status 502 with no data.",
    );
  });
});

describe('a connection reset in the middle of the body', () => {
  it('GET: LinstorNetworkError "Error reading response from …"', async () => {
    const s = await sim({ nodes: 40 });
    s.faults.drop({ route: 'GET /v1/nodes', afterBytes: 200 });
    const lin = new Linstor(s.url, options());
    const { error, ms } = await failure(() => lin.nodeList());
    expect(error).toBeInstanceOf(LinstorNetworkError);
    expect((error as Error).message).toMatch(
      /^Error reading response from (linstor|http):\/\/127\.0\.0\.1:\d+: /,
    );
    expect((error as LinstorNetworkError).mayHaveBeenApplied).toBe(false);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
  });

  it('POST: LinstorNetworkError that says it may have been applied; it was applied once and not re-sent', async () => {
    const s = await sim();
    s.faults.drop({ route: 'POST /v1/nodes', afterBytes: 10 });
    const requests: string[] = [];
    const lin = new Linstor(s.url, {
      ...options(),
      keepAlive: true,
      logger: recordingLogger(),
      fetch: (url, init) => {
        requests.push(`${init.method} ${new URL(url).pathname}`);
        return fetch(url, init);
      },
    });
    const { error } = await failure(() =>
      lin.nodeCreate({ nodeName: 'reset1', nodeType: 'Satellite', ip: '10.0.9.1' }),
    );
    expect(isLinstorNetworkError(error)).toBe(true);
    expect((error as LinstorNetworkError).mayHaveBeenApplied).toBe(true);
    expect((error as Error).message).toContain('may have been applied');
    expect(requests.filter((r) => r === 'POST /v1/nodes')).toHaveLength(1);
    expect(s.state.nodes.has(key('reset1'))).toBe(true);
  });
});

describe('a reply that never ends', () => {
  it('headers and part of the body, then silence: LinstorTimeoutError within the timeout', async () => {
    const s = await raw((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
      res.write('[{"name":"alpha","type":"SATELLITE",');
      // never ends; the server's close() cuts it after the test
    });
    const lin = new Linstor(s.uri, options());
    const { error, ms } = await failure(() => lin.nodeList());
    expect(error).toBeInstanceOf(LinstorTimeoutError);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT - 20);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
  });

  it('chunked, one byte every 100 ms forever: the timeout covers the whole exchange, not each read', async () => {
    const timers: NodeJS.Timeout[] = [];
    const s = await raw((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      timers.push(setInterval(() => res.write(' '), 100));
    });
    try {
      const lin = new Linstor(s.uri, options());
      const { error, ms } = await failure(() => lin.nodeList());
      expect(error).toBeInstanceOf(LinstorTimeoutError);
      expect(ms).toBeLessThan(TIMEOUT + SLACK);
    } finally {
      for (const t of timers) clearInterval(t);
    }
  });

  it('no answer at all to a POST: LinstorTimeoutError that says it may have been applied, sent once', async () => {
    const s = await sim();
    s.faults.hang({ route: 'POST /v1/resource-definitions' });
    const lin = new Linstor(s.url, options({ keepAlive: true }));
    const { error, ms } = await failure(() => lin.resourceDfnCreate({ name: 'hang1' }));
    expect(error).toBeInstanceOf(LinstorTimeoutError);
    expect((error as LinstorTimeoutError).mayHaveBeenApplied).toBe(true);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
  });

  it('every error above is a LinstorError subclass (guard from any copy of the package)', () => {
    expect(isLinstorError(new LinstorTimeoutError('x'))).toBe(true);
  });
});
