import '../../src/node/register';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LinstorCore } from '../../src/api/linstor-core';
import { LinstorArgumentError, LinstorNetworkError } from '../../src/core/errors';
import { controllerHandler, startHttp, startHttps } from './servers';

let dir: string;
const file = (name: string) => join(dir, name);
const pem = (name: string) => readFileSync(file(name), 'utf8');

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function makeCa(name: string): void {
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.crt`,
    '-days',
    '2',
    '-subj',
    `/CN=${name} test CA`,
  );
}

function makeLeaf(name: string, ca: string, ext: string): void {
  writeFileSync(file(`${name}.ext`), ext);
  openssl(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=${name}`,
  );
  openssl(
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.crt`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-out',
    `${name}.crt`,
    '-days',
    '2',
    '-extfile',
    `${name}.ext`,
  );
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linstor-tls-'));
  makeCa('ca');
  makeCa('other');
  makeLeaf('server', 'ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  makeLeaf('client', 'ca', 'extendedKeyUsage=clientAuth\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const serverTls = () => ({ key: pem('server.key'), cert: pem('server.crt') });
/** A server that demands a client certificate signed by the test CA. */
const mtlsServerTls = () => ({
  ...serverTls(),
  ca: pem('ca.crt'),
  requestCert: true,
  rejectUnauthorized: true,
});

describe('TLS (real local HTTPS server, certificates made with openssl)', () => {
  it('the right CA passes; certificates are verified by default', async () => {
    const server = await startHttps(serverTls());
    try {
      const lin = new LinstorCore(server.uri, { tls: { caFile: file('ca.crt') }, timeoutMs: 3000 });
      await lin.connect();
      expect(lin.isSecureConnection).toBe(true);
      expect((await lin.call('GET', '/v1/nodes')).ok).toBe(true);
      // no CA given: the system store does not know our CA
      const strict = new LinstorCore(server.uri, { timeoutMs: 3000 });
      await expect(strict.connect()).rejects.toBeInstanceOf(LinstorNetworkError);
    } finally {
      await server.close();
    }
  });

  it('a wrong CA fails with a LinstorNetworkError naming the certificate problem', async () => {
    const server = await startHttps(serverTls());
    try {
      const lin = new LinstorCore(server.uri, { tls: { caFile: file('other.crt') }, timeoutMs: 3000 });
      const error = await lin.connect().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LinstorNetworkError);
      expect((error as Error).message).toMatch(
        /^Unable to connect to linstor\+ssl:\/\/127\.0\.0\.1:\d+: unable to verify the first certificate \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)$/,
      );
      expect(server.seen).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('unreadable or invalid TLS files are argument errors at construction', () => {
    expect(() => new LinstorCore('linstor+ssl://h', { tls: { caFile: file('missing.crt') } })).toThrow(
      LinstorArgumentError,
    );
    expect(() => new LinstorCore('linstor+ssl://h', { tls: { ca: 'not a pem' } })).toThrow(
      LinstorArgumentError,
    );
    expect(() => new LinstorCore('linstor+ssl://h', { tls: { certFile: file('client.crt') } })).toThrow(
      'A client certificate needs its key',
    );
  });

  it('skipping verification is explicit and works', async () => {
    const server = await startHttps(serverTls());
    try {
      const lin = new LinstorCore(server.uri, {
        tls: { dangerouslySkipCertificateVerification: true },
        timeoutMs: 3000,
      });
      await expect(lin.connect()).resolves.toBe(true);
    } finally {
      await server.close();
    }
  });

  it('a server requiring a client certificate accepts ours (mTLS)', async () => {
    const server = await startHttps(mtlsServerTls());
    try {
      const lin = new LinstorCore(server.uri, {
        tls: { caFile: file('ca.crt'), certFile: file('client.crt'), keyFile: file('client.key') },
        timeoutMs: 3000,
      });
      await lin.connect();
      expect(server.authorized).toContain(true);
      const without = new LinstorCore(server.uri, { tls: { caFile: file('ca.crt') }, timeoutMs: 3000 });
      await expect(without.connect()).rejects.toBeInstanceOf(LinstorNetworkError);
    } finally {
      await server.close();
    }
  });

  it('LS_ROOT_CA / LS_USER_CERTIFICATE / LS_USER_KEY from the environment (PEM text)', async () => {
    const server = await startHttps(mtlsServerTls());
    const saved = { ...process.env };
    process.env.LS_ROOT_CA = pem('ca.crt');
    process.env.LS_USER_CERTIFICATE = pem('client.crt');
    process.env.LS_USER_KEY = file('client.key');
    try {
      const lin = new LinstorCore(server.uri, { timeoutMs: 3000 });
      await expect(lin.connect()).resolves.toBe(true);
    } finally {
      process.env = saved;
      await server.close();
    }
  });

  it('the HTTPS probe follows a 302 to TLS on the Location port', async () => {
    const tlsServer = await startHttps(serverTls());
    const plain = await startHttp((req, res) => {
      res.writeHead(302, { location: `https://127.0.0.1:${tlsServer.port}${req.url}` });
      res.end();
    });
    try {
      const lin = new LinstorCore(plain.uri, { tls: { caFile: file('ca.crt') }, timeoutMs: 3000 });
      await lin.connect();
      expect(lin.isSecureConnection).toBe(true);
      await lin.call('GET', '/v1/nodes');
      expect(plain.seen).toHaveLength(1);
      expect(plain.seen[0].headers['user-agent']).not.toContain('linstor-api');
      expect(tlsServer.seen.map((r) => r.url)).toEqual(['/v1/controller/version', '/v1/nodes']);
      // probe switched off: the plain controller's 302 is not followed
      const noProbe = new LinstorCore(plain.uri, { probeHttps: false, timeoutMs: 3000 });
      await expect(noProbe.connect()).rejects.toThrow(/Unable to parse REST json data/);
    } finally {
      await plain.close();
      await tlsServer.close();
    }
  });

  it('Basic auth: refused over plain HTTP (python message), sent over HTTPS', async () => {
    const plain = await startHttp(controllerHandler());
    const tlsServer = await startHttps(serverTls());
    try {
      const insecure = new LinstorCore(plain.uri, { username: 'admin', password: 'pw', probeHttps: false });
      await expect(insecure.connect()).rejects.toThrow(
        new LinstorNetworkError('Password authentication with HTTP not allowed, until explicitly enabled.'),
      );
      expect(plain.seen).toHaveLength(0);
      const allowed = new LinstorCore(plain.uri, {
        username: 'admin',
        password: 'pw',
        allowInsecure: true,
        probeHttps: false,
      });
      await allowed.connect();
      expect(plain.seen[0].headers.authorization).toBe('Basic YWRtaW46cHc=');
      const secure = new LinstorCore(tlsServer.uri, {
        username: 'admin',
        password: 'pw',
        bearerToken: 'tok',
        tls: { caFile: file('ca.crt') },
      });
      await secure.connect();
      expect(tlsServer.seen[0].headers.authorization).toBe('Basic YWRtaW46cHc=');
    } finally {
      await plain.close();
      await tlsServer.close();
    }
  });
});
