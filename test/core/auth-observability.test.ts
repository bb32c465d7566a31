import '../../src/node/register';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LinstorCore } from '../../src/api/linstor-core';
import { isLinstorError } from '../../src/core/errors';
import type { LinstorLogEvent } from '../../src/core/logger';
import { stringifyJson } from '../../src/core/lossless-json';
import type { RequestSummary } from '../../src/core/reply-mapping';
import { bearerTokenFromEnvironment, controllersFromEnvironment, parseIni } from '../../src/node/environment';
import { fakeFetch, json, PASS } from './helpers';
import { closedPort, controllerHandler, startHttp } from './servers';

const PASSWORD = 'pa55-Secret-Word';
const TOKEN = 'tok-VERY-secret-123';
const SECRETS = [PASSWORD, TOKEN, btoa(`admin:${PASSWORD}`), 'uri-pw-777'];

function scan(text: string): void {
  for (const s of SECRETS) expect(text).not.toContain(s);
}

function errorText(e: unknown): string {
  const parts: string[] = [];
  let x: unknown = e;
  for (let i = 0; x && i < 10; i++) {
    parts.push(String(x), (x as Error).message ?? '', (x as Error).stack ?? '');
    for (const inner of ((x as { allErrors?: unknown[] }).allErrors ?? []) as unknown[])
      parts.push(errorText(inner));
    x = (x as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}

describe('credentials never appear in messages, logs or stored requests', () => {
  it('scans every error, log event and dry-run request', async () => {
    const events: LinstorLogEvent[] = [];
    const caught: unknown[] = [];
    const logger = (e: LinstorLogEvent) => events.push(e);
    const server = await startHttp(
      controllerHandler((req, res) => {
        if (req.url === '/v1/nodes') {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(
            '[{"ret_code":-4611686018427387492,"message":"Unauthorized: token invalid or not provided"}]',
          );
        } else {
          res.writeHead(500, { 'content-type': 'text/html' });
          res.end('<html><body><h1 class="header">Boom</h1></body></html>');
        }
      }),
    );
    const closed = await closedPort();
    const clients = [
      new LinstorCore(`linstor://admin:uri-pw-777@127.0.0.1:${server.port}`, {
        username: 'admin',
        password: PASSWORD,
        allowInsecure: true,
        logger,
        probeHttps: false,
        timeoutMs: 500,
      }),
      new LinstorCore(server.uri, { bearerToken: TOKEN, logger, probeHttps: false, timeoutMs: 500 }),
      new LinstorCore([`linstor://u:uri-pw-777@127.0.0.1:${closed}`, server.uri], {
        bearerToken: TOKEN,
        logger,
        probeHttps: false,
        timeoutMs: 500,
      }),
      new LinstorCore(`linstor://127.0.0.1:${closed}`, { username: 'admin', password: PASSWORD, logger }),
      new LinstorCore(`linstor://127.0.0.1:${closed}`, {
        username: 'admin',
        password: PASSWORD,
        allowInsecure: true,
        logger,
        probeHttps: false,
      }),
    ];
    try {
      for (const lin of clients) {
        for (const run of [
          () => lin.connect(),
          () => lin.call('GET', '/v1/nodes'),
          () => lin.callReplies('DELETE', '/v1/nodes/{node}', { params: { path: { node: 'x' } } }),
        ]) {
          await run().catch((e: unknown) => caught.push(e));
        }
      }
      const dry = new LinstorCore(`linstor+ssl://admin:uri-pw-777@ctrl:4443`, {
        username: 'admin',
        password: PASSWORD,
        dryRun: true,
        logger,
      });
      await dry.callReplies('POST', '/v1/nodes', { body: { name: 'n', type: 'Satellite' } as never });
      expect(caught.length).toBeGreaterThan(5);
      expect(caught.every(isLinstorError)).toBe(true);
      expect(server.seen.some((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
      expect(server.seen.some((r) => r.headers.authorization?.startsWith('Basic '))).toBe(true);
      for (const e of caught) scan(errorText(e));
      scan(stringifyJson(events));
      scan(stringifyJson(dry.dryRunRequests));
      expect(
        events.some((e) => e.type === 'request' && e.request.headers.Authorization === 'Basic [REDACTED]'),
      ).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('bearer token sources (Node)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'linstor-auth-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('LS_BEARER_TOKEN_FILE, then auth.json; explicit token first; Basic replaces Bearer', async () => {
    const authJson = join(dir, 'auth.json');
    const tokenFile = join(dir, 'token');
    writeFileSync(authJson, '{"token":"from-auth-json"}');
    writeFileSync(tokenFile, 'from-token-file\n');
    expect(bearerTokenFromEnvironment({}, authJson)).toBe('from-auth-json');
    expect(bearerTokenFromEnvironment({ LS_BEARER_TOKEN_FILE: tokenFile }, authJson)).toBe('from-token-file');
    expect(
      bearerTokenFromEnvironment({ LS_BEARER_TOKEN_FILE: join(dir, 'missing') }, join(dir, 'none')),
    ).toBeUndefined();

    const saved = process.env.LS_BEARER_TOKEN_FILE;
    process.env.LS_BEARER_TOKEN_FILE = tokenFile;
    try {
      const headersOf = async (opts: ConstructorParameters<typeof LinstorCore>[1]) => {
        const { fetch, calls } = fakeFetch(() => PASS());
        await new LinstorCore('linstor+ssl://h', { ...opts, fetch }).connect();
        return calls[0].headers.Authorization;
      };
      expect(await headersOf({})).toBe('Bearer from-token-file');
      expect(await headersOf({ bearerToken: 'explicit' })).toBe('Bearer explicit');
      expect(await headersOf({ bearerToken: 'explicit', username: 'admin', password: 'pw' })).toBe(
        'Basic YWRtaW46cHc=',
      );
    } finally {
      if (saved === undefined) delete process.env.LS_BEARER_TOKEN_FILE;
      else process.env.LS_BEARER_TOKEN_FILE = saved;
    }
  });
});

describe('dry-run and logger', () => {
  it('dry-run sends nothing and returns the request with the real port', async () => {
    const { fetch, calls } = fakeFetch(() => json([]));
    const seen: RequestSummary[] = [];
    const lin = new LinstorCore('linstor+ssl://ctrl.example:4443', {
      fetch,
      dryRun: (r) => seen.push(r),
      tls: { caFile: '/ca.pem' },
    });
    await expect(lin.connect()).resolves.toBe(true);
    expect(lin.connected).toBe(true);
    const replies = await lin.callReplies('POST', '/v1/resource-definitions', {
      body: { resource_definition: { name: 'res1' } },
    });
    expect(replies).toEqual([]);
    const reply = await lin.call('GET', '/v1/nodes', { params: { query: { nodes: ['a', 'b'] } } });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.dryRun?.url).toBe('https://ctrl.example:4443/v1/nodes?nodes=a&nodes=b');
    expect(calls).toHaveLength(0);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: 'https://ctrl.example:4443/v1/resource-definitions',
      body: '{"resource_definition":{"name":"res1"}}',
    });
    expect(seen[0].curl).toBe(
      `curl -X POST -H 'content-type: application/json' -d '{"resource_definition":{"name":"res1"}}' --cacert /ca.pem https://ctrl.example:4443/v1/resource-definitions`,
    );
    expect(lin.dryRunRequests).toEqual(seen);
  });

  it('a throwing logger does not break requests; events are summaries', async () => {
    const { fetch } = fakeFetch((req) => (req.url.endsWith('/version') ? PASS() : json([])));
    const types: string[] = [];
    const lin = new LinstorCore('linstor://h:1', {
      fetch,
      probeHttps: false,
      logger: (e) => {
        types.push(e.type);
        throw new Error('logger broke');
      },
    });
    await lin.call('GET', '/v1/nodes');
    expect(types).toEqual(['request', 'response', 'handshake', 'request', 'response']);
  });
});

describe('controller list from the Node environment (scenario 3)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'linstor-conf-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('LS_CONTROLLERS, then [global] controllers, then linstor://localhost', () => {
    const none = {
      dropInDir: join(dir, 'nope'),
      userFile: join(dir, 'nope.conf'),
      systemFile: join(dir, 'nope2.conf'),
    };
    expect(controllersFromEnvironment({ env: { LS_CONTROLLERS: 'c1,c2:3370' }, ...none })).toEqual([
      'linstor://c1',
      'linstor://c2:3370',
    ]);
    expect(controllersFromEnvironment({ env: {}, ...none })).toEqual(['linstor://localhost']);
    const user = join(dir, 'user.conf');
    writeFileSync(user, '# comment\n[global]\ncontrollers = 10.0.0.1, linstor+ssl://10.0.0.2\n');
    expect(controllersFromEnvironment({ env: { LS_CONTROLLERS: '' }, ...none, userFile: user })).toEqual([
      'linstor://10.0.0.1',
      'linstor+ssl://10.0.0.2',
    ]);
    const explicit = join(dir, 'explicit.conf');
    writeFileSync(explicit, '[global]\ncontrollers: h9\n');
    expect(controllersFromEnvironment({ env: {}, ...none, userFile: user, configFile: explicit })).toEqual([
      'linstor://h9',
    ]);
  });

  it('parses configparser-style files', () => {
    expect(parseIni('[global]\nA = 1\n  more\n; c\n[x]\nk: v\n')).toEqual({
      global: { a: '1\nmore' },
      x: { k: 'v' },
    });
  });
});

describe('python settable properties', () => {
  it('username set after connect is still refused over plain HTTP', async () => {
    const { fetch, calls } = fakeFetch((req) => (req.url.endsWith('/version') ? PASS() : json([])));
    const lin = new LinstorCore('linstor://h', { fetch, probeHttps: false });
    await lin.connect();
    lin.username = 'admin';
    lin.password = 'pw';
    await expect(lin.call('GET', '/v1/nodes')).rejects.toThrow(
      'Password authentication with HTTP not allowed, until explicitly enabled.',
    );
    expect(calls).toHaveLength(1);
    lin.allowInsecure = true;
    await lin.call('GET', '/v1/nodes');
    expect(calls[1].headers.Authorization).toBe('Basic YWRtaW46cHc=');
    expect(lin.username).toBe('admin');
  });
});
