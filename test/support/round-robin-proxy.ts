/**
 * A load balancer for multi-replica tests: each request goes to the next replica in turn.
 *
 * No connection is reused, on either side. A kept-alive connection the proxy closes after its idle timeout can meet
 * a new request from the test's fetch on the way (undici reuses a pooled socket until its own, shorter timer fires;
 * on a loaded machine that timer runs late): the request then fails with "other side closed" (nodejs/undici#3141;
 * scale-out.test.ts failed so once in a full run). Each response says `Connection: close` and the proxy ends the
 * connection after it, so the client never holds an idle socket the proxy could close under it; towards the
 * replicas each request has its own connection too (no agent pool).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = new URL(targets[next++ % targets.length]);
    const headers = { ...req.headers, connection: 'close' };
    const upstream = http.request({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers, agent: false }, (r) => {
      res.writeHead(r.statusCode ?? 502, { ...r.headers, connection: 'close' });
      r.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { connection: 'close' }).end();
      else res.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
