/**
 * The multi-replica tests' load balancer (test/support/round-robin-proxy.ts): requests go to the replicas in turn,
 * and no connection outlives its response, so the test's fetch can never send a request on a connection the proxy
 * is closing for idleness ("other side closed" in scale-out.test.ts).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startRoundRobinProxy } from '../support/round-robin-proxy';

async function replica(name: string): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end(name));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('round-robin proxy for replica tests', () => {
  it('sends requests to each replica in turn and closes every connection after its response', async () => {
    const replicas = await Promise.all(['a', 'b', 'c'].map(replica));
    const proxy = await startRoundRobinProxy(replicas.map((r) => r.url));
    try {
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await fetch(`${proxy.url}/webhooks/chatwoot`, { method: 'POST', body: '{}' });
        expect(res.headers.get('connection')).toBe('close'); // the client does not pool it
        seen.push(await res.text());
      }
      expect(seen).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
      // And the proxy itself ends the connection: a raw client sees the end right after the response.
      const raw = await new Promise<string>((resolve, reject) => {
        const req = http.request(`${proxy.url}/x`, { method: 'GET', agent: new http.Agent({ keepAlive: true }) }, (res) => {
          res.resume();
          res.socket.once('close', () => resolve(String(res.headers.connection)));
        });
        req.on('error', reject);
        req.end();
      });
      expect(raw).toBe('close');
    } finally {
      await proxy.close();
      for (const r of replicas) await new Promise<void>((done) => r.server.close(() => done()));
    }
  });
});
