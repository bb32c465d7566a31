// The dashboard's static server: the CSP header on every answer, only files directly in its root,
// GET/HEAD only. No browser needed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatKib } from '../../scripts/dashboard/format';
import {
  CONTENT_SECURITY_POLICY,
  type StaticServer,
  startStaticServer,
} from '../../scripts/dashboard/static-server';

describe('dashboard static server', () => {
  let parent: string;
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'linstor-static-'));
    root = path.join(parent, 'site');
    mkdirSync(path.join(root, 'sub'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(path.join(root, 'app.js'), 'console.log(1);');
    writeFileSync(path.join(root, 'sub', 'inner.js'), 'x');
    writeFileSync(path.join(root, 'notes.txt'), 'not served');
    writeFileSync(path.join(parent, 'secret.js'), 'outside the root');
    server = await startStaticServer({ root });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('serves the page and its script with the strict script policy', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>t</title>');
    const script = await fetch(`${server.url}/app.js?v=1`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    ['/../secret.js'],
    ['/%2e%2e%2fsecret.js'],
    ['/..%2Fsecret.js'],
    ['/sub/inner.js'],
    ['/sub%2Finner.js'],
    ['/notes.txt'],
    ['/missing.js'],
  ])('answers 404 for %s', async (requestPath) => {
    const reply = await fetch(`${server.url}${requestPath}`);
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses other methods and malformed paths', async () => {
    expect((await fetch(`${server.url}/app.js`, { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await fetch(`${server.url}/%E0%A4%A`)).status).toBe(400);
    const head = await fetch(`${server.url}/app.js`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('dashboard size formatting', () => {
  it.each([
    [undefined, '–'],
    [512, '512 KiB'],
    [1536, '1.5 MiB'],
    [65536, '64 MiB'],
    [100 * 1024 * 1024, '100 GiB'],
    [94371840 - 102400, '89.9 GiB'],
    [5 * 1024 ** 4, '5 PiB'],
  ])('%s KiB -> %s', (kib, shown) => {
    expect(formatKib(kib)).toBe(shown);
  });
});
