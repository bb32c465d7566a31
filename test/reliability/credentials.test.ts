/**
 * Credentials never leak: with Basic and with Bearer auth (and a password in the URI), a spread of
 * successes, controller errors, network failures, timeouts, failovers, a 401 and dry-run requests; every
 * error (message, string form, stack, nested errors, causes) and every log event is scanned for the
 * secrets. The other files of this suite use the same recorder, so their errors and logs are scanned too.
 */
import '../../src/node/register';
import { Linstor } from '../../src/api/linstor';
import { MultiLinstor } from '../../src/api/multi-linstor';
import type { ApiCallResponse } from '../../src/core/api-call-response';
import { isLinstorError, LinstorApiCallError } from '../../src/core/errors';
import type { LinstorLogEvent } from '../../src/core/logger';
import { type RunningSimulator, startSimulator } from '../../src/testing';
import {
  authOptions,
  containsSecret,
  recordError,
  recordingLogger,
  SECRET_PASSWORD,
  SECRET_TOKEN,
  SECRET_USER,
  scanForSecrets,
} from './secrets';
import { closedPort, type RawServer, startRawServer } from './servers';

const RC_401 = JSON.stringify([
  { ret_code: -4611686018427386000, message: 'Authentication failed', cause: 'The token is not valid' },
]);

it('the scanner itself finds each spelling of the secrets (negative control)', () => {
  expect(containsSecret(`Authorization: Bearer ${SECRET_TOKEN}`)).toBe(true);
  expect(containsSecret(`Basic ${Buffer.from(`${SECRET_USER}:${SECRET_PASSWORD}`).toString('base64')}`)).toBe(
    true,
  );
  expect(containsSecret(`linstor://${SECRET_USER}:${encodeURIComponent(SECRET_PASSWORD)}@host`)).toBe(true);
  expect(containsSecret('Authorization: Bearer [REDACTED]')).toBe(false);
});

describe.each(['basic', 'bearer'] as const)('no secret in any message or log line (%s auth)', (kind) => {
  let sim: RunningSimulator;
  let unauthorized: RawServer;
  let silent: RawServer;
  let html: RawServer;
  const events: LinstorLogEvent[] = [];
  const errors: unknown[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ nodes: 2 });
    unauthorized = await startRawServer(
      (_req, res) => {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(RC_401);
      },
      { handshake: false },
    );
    silent = await startRawServer(() => undefined);
    html = await startRawServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html><body><h1 class="header">Boom</h1></body></html>');
    });
  });
  afterAll(async () => {
    await Promise.all([sim.close(), unauthorized.close(), silent.close(), html.close()]);
  });

  const client = (uri: string | string[], extra: Record<string, unknown> = {}) => {
    const opts = {
      probeHttps: false,
      timeoutMs: 5000,
      logger: recordingLogger(events),
      ...authOptions(kind),
      ...extra,
    };
    return Array.isArray(uri) ? new MultiLinstor(uri, opts) : new Linstor(uri, opts);
  };
  const expectFailure = async (call: () => Promise<unknown>) => {
    const error = await call().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isLinstorError(error)).toBe(true);
    errors.push(error);
    recordError(error);
  };
  const withUserInfo = (url: string) =>
    url.replace(/^(\w+):\/\//, `$1://${SECRET_USER}:${encodeURIComponent(SECRET_PASSWORD)}@`);

  it('successes and controller error replies (the server got the credentials)', async () => {
    const lin = client(sim.url);
    await lin.nodeListRaise();
    await lin.nodeCreate({ nodeName: 'n9', nodeType: 'Satellite', ip: '10.0.0.9' });
    const replies = await lin.nodeDelete({ nodeName: 'does-not-exist' });
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) recordError(r);
    // an error reply turned into an exception (LinstorApiCallError)
    await expectFailure(async () => {
      const list = await lin.resourceDfnCreate({ name: 'cred-rd-1' });
      const again = await lin.resourceDfnCreate({ name: 'cred-rd-1' });
      expect(list[0]?.isError()).toBe(false);
      throw new LinstorApiCallError(again[0] as ApiCallResponse, again);
    });
  });

  it('refused, timed out, failover, 401, HTML 500, and a password in the URI', async () => {
    const dead = `linstor://127.0.0.1:${await closedPort()}`;
    await expectFailure(() => client(dead).nodeList());
    await expectFailure(() => client(withUserInfo(dead)).nodeList());
    await expectFailure(() => client(silent.uri, { timeoutMs: 300 }).nodeList());
    await expectFailure(() => client([dead, withUserInfo(dead), silent.uri], { timeoutMs: 300 }).nodeList());
    await expectFailure(() => client(unauthorized.uri, { probeHttps: false }).connect());
    await expectFailure(() => client(html.uri).nodeList());
    await expectFailure(() => client(unauthorized.uri).nodeListRaise());
    // failover from a dead controller to the simulator: works, with a failover log event
    const multi = client([dead, withUserInfo(sim.url)]);
    await multi.nodeList();
    expect(events.some((e) => e.type === 'failover')).toBe(true);
  });

  it('a failed POST (reset mid-reply) and Basic auth over plain HTTP without allowInsecure', async () => {
    sim.faults.drop({ route: 'POST /v1/resource-definitions', times: 1, afterBytes: 5 });
    await expectFailure(() => client(sim.url).resourceDfnCreate({ name: 'cred-rd' }));
    if (kind === 'basic') {
      await expectFailure(() => client(sim.url, { allowInsecure: false }).nodeList());
    }
  });

  it('dry-run requests and their curl lines are redacted', async () => {
    const lin = client(withUserInfo(sim.url), { dryRun: true });
    await lin.nodeCreate({ nodeName: 'dry', nodeType: 'Satellite', ip: '10.0.0.2' });
    expect(lin.dryRunRequests.length).toBeGreaterThan(0);
    for (const r of lin.dryRunRequests) {
      const line = JSON.stringify(r);
      expect(line).not.toContain(SECRET_PASSWORD);
      expect(line).not.toContain(SECRET_TOKEN);
      expect(line).toContain('[REDACTED]');
    }
  });

  it('the controllers did receive the credentials, and nothing of them shows anywhere', () => {
    const expected =
      kind === 'basic'
        ? `Basic ${Buffer.from(`${SECRET_USER}:${SECRET_PASSWORD}`).toString('base64')}`
        : `Bearer ${SECRET_TOKEN}`;
    expect(unauthorized.seen.some((r) => r.headers.authorization === expected)).toBe(true);
    expect(events.length).toBeGreaterThan(10);
    expect(errors.length).toBeGreaterThan(8);
    const scan = scanForSecrets();
    expect(scan.leaks).toEqual([]);
    expect(scan.lines).toBeGreaterThan(50);
  });
});
