/**
 * A recording Chatwoot on loopback for tests that run the service as a separate process: it answers the bot API,
 * records each created message (with its echo_id) when it answers, and can hold requests, fail them, or answer them
 * late. It also notices when the same message (echo_id) is being sent twice at once: `overlaps`.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign } from '../../src/chatwoot/signature';
import { fixture } from './fixtures';

export interface StubMessage {
  conversationId: number;
  content: string;
  echoId?: string;
  private: boolean;
}

/** `port`: listen on this port (a test that takes Chatwoot down and brings it back keeps its address). */
export async function startChatwootStub(opts: { port?: number } = {}) {
  const messages: StubMessage[] = [];
  const calls: Array<{ path: string; status: number }> = [];
  const held: http.ServerResponse[] = [];
  const state = {
    hold: false,
    failNext: [] as number[],
    echoTo: undefined as undefined | { url: string; secret: string },
    /**
     * How the next message calls are answered, one entry each: `status` after `ms` (a Chatwoot slower than the
     * lease); a 200 creates the message when it answers, as a slow Chatwoot would.
     */
    slow: [] as Array<{ ms: number; status: number }>,
    /**
     * Chatwoot down: every connection is dropped as it opens. The stub keeps its port, so no other server of a
     * parallel test can take it (closing the stub and reopening it later raced for the port).
     */
    down: false,
  };
  /** Message calls in progress per echo_id, and how often a second one began while another was in progress. */
  const sending = new Map<string, number>();
  const overlaps: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let echoSeq = 500_000;
  /** Like Chatwoot: the bot's own message comes back as a message_created webhook (retried on 500/429). */
  const echo = async (conversationId: number, content: string, echoId?: string) => {
    if (!state.echoTo) return;
    const body = fixture('message_created.outgoing_by_bot.json');
    body.id = ++echoSeq;
    body.content = content;
    body.conversation.id = conversationId;
    body.conversation.messages[0] = { ...body.conversation.messages[0], id: body.id, content, echo_id: echoId };
    const raw = JSON.stringify(body);
    for (let attempt = 0; attempt < 20; attempt++) {
      const ts = String(Math.floor(Date.now() / 1000));
      const status = await fetch(`${state.echoTo.url}/webhooks/chatwoot`, {
        method: 'POST',
        body: raw,
        headers: { 'content-type': 'application/json', 'x-chatwoot-delivery': `echo-${body.id}`, 'x-chatwoot-timestamp': ts, 'x-chatwoot-signature': sign(state.echoTo.secret, ts, raw) },
      }).then((r) => r.status, () => 0);
      if (status !== 500 && status !== 429 && status !== 0) return;
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  const created = (res: http.ServerResponse, conversationId: number, raw: string) => {
    const body = JSON.parse(raw || '{}');
    messages.push({ conversationId, content: body.content, echoId: body.echo_id, private: Boolean(body.private) });
    void echo(conversationId, body.content, body.echo_id);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: messages.length, echo_id: body.echo_id }));
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const m = /\/conversations\/(\d+)\/messages$/.exec(req.url ?? '');
      if (m) {
        const echoId = (JSON.parse(raw || '{}') as { echo_id?: string }).echo_id ?? '';
        const now = (sending.get(echoId) ?? 0) + 1;
        if (now > 1) overlaps.push(echoId);
        sending.set(echoId, now);
        res.on('close', () => sending.set(echoId, (sending.get(echoId) ?? 1) - 1));
      }
      if (state.hold && m) {
        held.push(res); // never answered: the request is in flight when the test kills the service
        return;
      }
      const slow = m ? state.slow.shift() : undefined;
      if (m && slow) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          calls.push({ path: req.url ?? '', status: slow.status });
          if (slow.status === 200) created(res, Number(m[1]), raw);
          else res.writeHead(slow.status, { 'content-type': 'application/json' }).end('{}');
        }, slow.ms);
        timers.add(timer);
        return;
      }
      const fail = state.failNext.shift();
      if (fail) {
        calls.push({ path: req.url ?? '', status: fail });
        res.writeHead(fail, fail === 429 ? { 'retry-after': '0' } : {}).end('{}');
        return;
      }
      calls.push({ path: req.url ?? '', status: 200 });
      if (m) return created(res, Number(m[1]), raw);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  // Like a real Chatwoot behind its proxy, idle connections outlive the bot's pool timeout (5 s): the bot's client
  // closes them first and never sends a call on a connection the stub is closing.
  server.keepAliveTimeout = 65_000;
  server.on('connection', (socket) => {
    if (state.down) socket.destroy();
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    calls,
    held,
    overlaps,
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
        for (const t of timers) clearTimeout(t);
        for (const h of held) h.socket?.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
