// A tiny static file server for the built dashboard, on loopback only, with a strict script policy.
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

/**
 * Scripts may only come from this origin: no inline script, no `eval`/`new Function`. Pages that
 * load under it prove the SDK (and the generated validators) need neither.
 */
export const CONTENT_SECURITY_POLICY = "script-src 'self'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** directory with index.html and the bundle */
  root: string;
  /** default 0: a free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
}

/**
 * Serves the files directly inside `root` (no sub-directories) for GET and HEAD. Only names that are
 * in the directory listing are read, so no request path can reach another file.
 */
export async function startStaticServer(opts: StaticServerOptions): Promise<StaticServer> {
  const host = opts.host ?? '127.0.0.1';
  const server: Server = createServer((req, res) => {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    const send = (status: number, text: string) => {
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'method not allowed');
      return;
    }
    let name: string;
    try {
      const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      name = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    } catch {
      send(400, 'bad request path');
      return;
    }
    readdir(opts.root)
      .then(async (files) => {
        if (!files.includes(name) || !(path.extname(name) in CONTENT_TYPES)) {
          send(404, 'not found');
          return;
        }
        const body = await readFile(path.join(opts.root, name));
        res.writeHead(200, {
          ...headers,
          'Content-Type': CONTENT_TYPES[path.extname(name)],
          'Content-Length': body.length,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      })
      .catch((e: unknown) => send(500, String(e)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
