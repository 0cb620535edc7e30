/**
 * A recording Chatwoot on loopback for tests that run the service as a separate process: it answers the bot API,
 * records each created message (with its echo_id) when it answers, and can hold requests or fail them.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubMessage {
  conversationId: number;
  content: string;
  echoId?: string;
  private: boolean;
}

export async function startChatwootStub() {
  const messages: StubMessage[] = [];
  const calls: Array<{ path: string; status: number }> = [];
  const held: http.ServerResponse[] = [];
  const state = { hold: false, failNext: [] as number[] };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const m = /\/conversations\/(\d+)\/messages$/.exec(req.url ?? '');
      if (state.hold && m) {
        held.push(res); // never answered: the request is in flight when the test kills the service
        return;
      }
      const fail = state.failNext.shift();
      if (fail) {
        calls.push({ path: req.url ?? '', status: fail });
        res.writeHead(fail, fail === 429 ? { 'retry-after': '0' } : {}).end('{}');
        return;
      }
      calls.push({ path: req.url ?? '', status: 200 });
      if (m) {
        const body = JSON.parse(raw || '{}');
        messages.push({ conversationId: Number(m[1]), content: body.content, echoId: body.echo_id, private: Boolean(body.private) });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: messages.length, echo_id: body.echo_id }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    calls,
    held,
    state,
    async until(pred: () => boolean, what: string, tries = 600): Promise<void> {
      for (let i = 0; i < tries; i++) {
        if (pred()) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`timed out waiting for ${what}`);
    },
    close: () =>
      new Promise<void>((r) => {
        for (const h of held) h.socket?.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
