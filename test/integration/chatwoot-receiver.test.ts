import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { loadConfig } from '../../src/config';
import { createWebhookHandler, type AcceptedDelivery } from '../../src/chatwoot/receiver';
import { sign } from '../../src/chatwoot/signature';
import { silentLogger } from '../../src/logging/logger';
import { fixture } from '../support/fixtures';

const SECRET = 'kR3vXw8ZpQ2mN7tL5yB9cD4f';

async function serve(env: Record<string, string>, accept: (d: AcceptedDelivery) => Promise<'accepted' | 'duplicate'>) {
  const config = loadConfig(env, { isTty: false });
  // The handler as the service's HTTP server calls it (app.ts), with no Express in front.
  const handler = createWebhookHandler({ settings: config.chatwoot, logger: silentLogger(), accept });
  const server = await new Promise<http.Server>((r) => {
    const s = http.createServer(handler).listen(0, '127.0.0.1', () => r(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/chatwoot`;
  return { url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const signed = (body: string, secret = SECRET, ts = String(Math.floor(Date.now() / 1000))) => ({
  'content-type': 'application/json',
  'x-chatwoot-timestamp': ts,
  'x-chatwoot-signature': sign(secret, ts, body),
  'x-chatwoot-delivery': `d-${Math.random()}`,
});

const post = async (url: string, body: string, headers: Record<string, string>) => {
  const res = await fetch(url, { method: 'POST', body, headers });
  return { status: res.status, body: await res.text() };
};

describe('webhook receiver', () => {
  const accepted: AcceptedDelivery[] = [];
  let srv: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    srv = await serve({ CHATWOOT_WEBHOOK_SECRET: SECRET, CHATWOOT_INBOX_IDS: '7' }, async (d) => {
      accepted.push(d);
      return accepted.filter((a) => a.deliveryId === d.deliveryId).length > 1 ? 'duplicate' : 'accepted';
    });
  });
  afterAll(() => srv.close());
  const body = JSON.stringify(fixture('message_created.incoming.json'));

  it('accepts a correctly signed delivery and hands over a typed event', async () => {
    const r = await post(srv.url, body, signed(body));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ status: 'accepted' });
    expect(accepted.at(-1)?.event.event).toBe('message_created');
  });

  it('answers 401 with one body for every authentication failure', async () => {
    const bodies = new Set<string>();
    const cases: Array<Record<string, string>> = [
      { 'content-type': 'application/json' },
      signed(body, 'wrong-secret'),
      signed(body, SECRET, String(Math.floor(Date.now() / 1000) - 1000)),
      { ...signed(body), 'x-chatwoot-signature': 'sha256=zz' },
    ];
    for (const h of cases) {
      const r = await post(srv.url, body, h);
      expect(r.status).toBe(401);
      bodies.add(r.body);
    }
    expect(bodies.size).toBe(1);
  });

  it('answers 415 for non-JSON, 400 for malformed or invalid JSON, 413 over 1 MB', async () => {
    expect((await post(srv.url, body, { ...signed(body), 'content-type': 'text/plain' })).status).toBe(415);
    const broken = '{"event": "message_created",';
    expect((await post(srv.url, broken, signed(broken))).status).toBe(400);
    const invalid = JSON.stringify({ event: 'message_created', id: 'x' });
    expect((await post(srv.url, invalid, signed(invalid))).status).toBe(400);
    const huge = JSON.stringify({ event: 'message_created', pad: 'x'.repeat(1024 * 1024 + 10) });
    expect((await post(srv.url, huge, signed(huge))).status).toBe(413);
  });

  it('acknowledges and ignores events of inboxes outside CHATWOOT_INBOX_IDS and unknown events', async () => {
    const other = fixture('message_created.incoming.json');
    other.inbox.id = 99;
    const b = JSON.stringify(other);
    const n = accepted.length;
    expect(JSON.parse((await post(srv.url, b, signed(b))).body)).toEqual({ status: 'ignored' });
    const unknown = JSON.stringify({ event: 'conversation_typing_on' });
    expect(JSON.parse((await post(srv.url, unknown, signed(unknown))).body)).toEqual({ status: 'ignored' });
    expect(accepted.length).toBe(n);
  });

  it('survives thousands of arbitrary requests without a 5xx, and still accepts a valid delivery', async () => {
    const contentTypes = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', '');
    const jsonish = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ event: 'message_created', ...(typeof v === 'object' && v && !Array.isArray(v) ? v : { v }) })),
      fc.constantFrom('message_created', 'message_updated', 'conversation_updated', 'webwidget_triggered').chain((event) =>
        fc.jsonValue().map((v) => JSON.stringify({ ...fixture('message_created.incoming.json'), event, conversation: v })),
      ),
    );
    await fc.assert(
      fc.asyncProperty(jsonish, contentTypes, fc.boolean(), fc.option(fc.string({ maxLength: 80 })), async (payload, ct, signIt, sig) => {
        const headers: Record<string, string> = signIt ? { ...signed(payload) } : {};
        if (ct) headers['content-type'] = ct;
        else delete headers['content-type'];
        if (sig !== null && !signIt) headers['x-chatwoot-signature'] = sig.replace(/[^\x20-\x7e]/g, '');
        const r = await post(srv.url, payload, headers);
        expect(r.status).toBeLessThan(500);
      }),
      { numRuns: 2500 },
    );
    expect((await post(srv.url, body, signed(body))).status).toBe(200);
  });
});

describe('webhook receiver modes', () => {
  const body = JSON.stringify(fixture('message_created.incoming.json'));

  it('WEBHOOK_TOKEN (Chatwoot before 4.13): the token in the URL is required', async () => {
    const token = 'a-long-random-token-0123456789';
    const srv = await serve({ CHATWOOT_BASE_URL: 'https://chat.example', CHATWOOT_BOT_TOKEN: 't', WEBHOOK_TOKEN: token }, async () => 'accepted');
    try {
      expect((await post(srv.url, body, { 'content-type': 'application/json' })).status).toBe(401);
      expect((await post(`${srv.url}?token=nope`, body, { 'content-type': 'application/json' })).status).toBe(401);
      expect((await post(`${srv.url}?token=${token}`, body, { 'content-type': 'application/json' })).status).toBe(200);
    } finally {
      await srv.close();
    }
  });

  it('warn mode accepts a bad signature; a storage failure answers 500 so Chatwoot retries', async () => {
    const srv = await serve({ CHATWOOT_WEBHOOK_SECRET: SECRET, CHATWOOT_SIGNATURE_MODE: 'warn' }, async () => {
      throw new Error('database down');
    });
    try {
      expect((await post(srv.url, body, signed(body, 'wrong'))).status).toBe(500);
    } finally {
      await srv.close();
    }
  });
});
