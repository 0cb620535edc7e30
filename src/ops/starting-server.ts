/**
 * The HTTP port, bound before the database and the language engine are ready, so that a person who opens the page
 * right after `npm start` sees it start instead of a refused connection, and an orchestrator sees a live process
 * that is not ready yet. Until `serve()` hands it the application it answers on its own:
 * - `GET /healthz` 200 (the process is alive), `GET /readyz` 503 with what is being done;
 * - with a page folder (sandbox mode): the chat page and its static files, which show "starting…" and poll
 *   `/readyz` until the chat can begin;
 * - anything else 503 with `Retry-After`, naming what the service is doing.
 * Plain `node:http` and `node:fs` only: this module loads in milliseconds, before everything else.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export interface StartingServer {
  readonly server: http.Server;
  /** `http://host:port` to reach this process from itself (loopback when it listens on every interface). */
  readonly url: string;
  /** What the service is doing now, e.g. "opening the database": shown on /readyz and the page. */
  phase(text: string): void;
  /** From now on every request goes to the application. */
  serve(app: http.RequestListener): void;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function sendFile(res: http.ServerResponse, file: string): void {
  fs.readFile(file, (err, data) => {
    if (err) return sendJson(res, 404, { error: 'not_found' });
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(data);
  });
}

export function listenWhileStarting(opts: { port: number; host: string; pageDir?: string }): Promise<StartingServer> {
  let phase = 'starting';
  let app: http.RequestListener | undefined;

  const starting: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const get = req.method === 'GET' || req.method === 'HEAD';
    if (get && url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (get && url.pathname === '/readyz') return sendJson(res, 503, { status: 'starting', reasons: [`starting: ${phase}`] });
    if (get && opts.pageDir && url.pathname === '/') return sendFile(res, path.join(opts.pageDir, 'index.html'));
    if (get && opts.pageDir && url.pathname.startsWith('/sandbox/static/')) {
      return sendFile(res, path.join(opts.pageDir, path.basename(url.pathname)));
    }
    // Requests are read to the end so that the connection can be reused once the service is up.
    req.resume();
    sendJson(res, 503, { error: 'starting', message: `The service is starting (${phase}); try again in a moment.` }, { 'retry-after': '1' });
  };

  const server = http.createServer((req, res) => (app ?? starting)(req, res));
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      const host = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
      resolve({
        server,
        url: `http://${host}:${port}`,
        phase: (text) => void (phase = text),
        serve: (listener) => void (app = listener),
      });
    });
  });
}
