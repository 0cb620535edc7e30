import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChatwootClient, retryAfterMs } from '../../src/chatwoot/client';
import { ChatwootRequestError, ChatwootRetryableError } from '../../src/chatwoot/api';
import { silentLogger } from '../../src/logging/logger';

/** A Chatwoot stand-in on loopback whose next answers are scripted: a status, a hang, or "create then drop". */
async function flakyChatwoot() {
  const created: Array<{ content: string; echo_id?: string }> = [];
  const script: Array<'ok' | 500 | 429 | 'hang' | 'drop' | 401 | 'notForBots' | 422> = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const step = script.shift() ?? 'ok';
      const body = raw ? JSON.parse(raw) : {};
      if (step === 'hang') return; // never answers: the client must time out
      if (step === 500) return void res.writeHead(500).end('{}');
      if (step === 429) return void res.writeHead(429, { 'retry-after': '7' }).end('Retry later');
      if (step === 401) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"Invalid Access Token"}');
      if (step === 'notForBots') return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"Access to this endpoint is not authorized for bots"}');
      if (step === 422) return void res.writeHead(422, { 'content-type': 'application/json' }).end('{"error":"Validation failed: Content attributes At least one item is required."}');
      if (req.url?.endsWith('/messages')) created.push({ content: body.content, echo_id: body.echo_id });
      if (step === 'drop') return void req.socket.destroy(); // the message exists, the response is lost
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: created.length }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, created, script, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const ref = { accountId: 1, conversationId: 42 };

describe('Chatwoot client', () => {
  let cw: Awaited<ReturnType<typeof flakyChatwoot>>;
  beforeEach(async () => (cw = await flakyChatwoot()));
  afterEach(() => cw.close());
  const client = (extra: Partial<ConstructorParameters<typeof ChatwootClient>[0]> = {}) =>
    new ChatwootClient({ baseUrl: cw.url, token: 't', logger: silentLogger(), timeoutMs: 300, ...extra });

  it('makes one attempt per call: 500, 429 (with its Retry-After) and a timeout are retryable errors for the outbox', async () => {
    cw.script.push(500, 429, 'hang');
    const c = client();
    await expect(c.sendMessage(ref, { content: 'hello' }, { echoId: 'e1' })).rejects.toMatchObject({ name: 'ChatwootRetryableError', status: 500 });
    await expect(c.sendMessage(ref, { content: 'hello' }, { echoId: 'e1' })).rejects.toMatchObject({ status: 429, retryAfterMs: 7000 });
    await expect(c.sendMessage(ref, { content: 'hello' }, { echoId: 'e1' })).rejects.toBeInstanceOf(ChatwootRetryableError);
    expect(cw.created).toEqual([]);
    await c.sendMessage(ref, { content: 'hello' }, { echoId: 'e1' });
    expect(cw.created).toEqual([{ content: 'hello', echo_id: 'e1' }]);
  });

  it('treats "not authorized for bots" as a missing feature, and other 4xx as errors that say what to fix', async () => {
    cw.script.push('notForBots');
    await expect(client().setTyping(ref, true)).resolves.toBeUndefined();
    cw.script.push(401);
    await expect(client().toggleStatus(ref, 'open')).rejects.toThrow(/CHATWOOT_BOT_TOKEN/);
    cw.script.push(422);
    await expect(client().sendMessage(ref, { content: 'x', content_type: 'input_select' })).rejects.toBeInstanceOf(ChatwootRequestError);
  });

  it('reads Retry-After in seconds or as a date, capped', () => {
    expect(retryAfterMs('2', 100)).toBe(2000);
    expect(retryAfterMs('9999', 100)).toBe(60000);
    expect(retryAfterMs(undefined, 100)).toBe(100);
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString(), 100)).toBeGreaterThan(3000);
  });
});
