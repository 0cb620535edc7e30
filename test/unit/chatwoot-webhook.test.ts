/**
 * `verifyAndParse`, the receiver's pure core, on Chatwoot's real payloads (the shared contract's fixtures): every
 * fixture signed with a test secret parses into its typed event; the contract's own signed delivery verifies with
 * its own secret; every refusal carries its status and a reason that says what to check.
 */
import type { ChatwootEvent } from '../../src/chatwoot/events';
import { sign } from '../../src/chatwoot/signature';
import { ignoredBecause, verifyAndParse, type WebhookSettings } from '../../src/chatwoot/webhook';
import { testClock } from '../support/clock';
import { fixture, webhookFixtureNames } from '../support/fixtures';

const SECRET = 'kR3vXw8ZpQ2mN7tL5yB9cD4f-test';
const NOW = Math.floor(testClock().now().getTime() / 1000);
const enforce: WebhookSettings = { signatureMode: 'enforce', webhookSecrets: [SECRET] };

function signedHeaders(raw: string, opts: { secret?: string; ts?: number } = {}) {
  const ts = String(opts.ts ?? NOW);
  return { 'content-type': 'application/json', 'x-chatwoot-timestamp': ts, 'x-chatwoot-signature': sign(opts.secret ?? SECRET, ts, raw), 'x-chatwoot-delivery': 'd-1' };
}

const judge = (raw: string, headers: Record<string, string>, settings = enforce, url?: string) =>
  verifyAndParse(headers, Buffer.from(raw, 'utf8'), settings, { url, nowSeconds: NOW });

describe('verifyAndParse on every fixture', () => {
  it.each(webhookFixtureNames())('%s: signed, it parses into the event it names', (name) => {
    const body = fixture(name);
    const raw = JSON.stringify(body);
    const v = judge(raw, signedHeaders(raw));
    if (!v.ok) throw new Error(v.reason);
    expect(v.event.event).toBe(body.event);
    expect([v.authenticated, v.signed, v.deliveryId, v.raw]).toEqual([true, true, 'd-1', raw]);
  });

  it('the union narrows on `event` (a type test: this file does not compile otherwise)', () => {
    const raw = JSON.stringify(fixture('message_created.incoming.json'));
    const v = judge(raw, signedHeaders(raw));
    const e: ChatwootEvent = v.ok ? v.event : { event: 'unknown', name: 'none' };
    let seen = '';
    switch (e.event) {
      case 'message_created':
      case 'message_updated':
        seen = `${e.conversation.id}/${e.account.id}/${e.message_type}`;
        break;
      case 'webwidget_triggered':
        seen = String(e.inbox.id);
        break;
      case 'unknown':
        seen = e.name;
        break;
      default:
        seen = e.status;
    }
    expect(seen).toBe('42/1/incoming');
  });
});

describe("the contract's signed delivery", () => {
  const d = fixture('signed_delivery.message_created.json');
  const raw = Buffer.from(d.raw_body as string, 'utf8');
  const sentAt = Number(d.headers['X-Chatwoot-Timestamp']);
  const settings: WebhookSettings = { signatureMode: 'enforce', webhookSecrets: ['an-old-secret', d.agent_bot_secret] };

  it('verifies with its own secret (second in a rotation list) at the time it was sent, headers in any case', () => {
    const v = verifyAndParse(d.headers, raw, settings, { nowSeconds: sentAt });
    if (!v.ok) throw new Error(v.reason);
    expect([v.event.event, v.deliveryId, v.signed]).toEqual(['message_created', d.headers['X-Chatwoot-Delivery'], true]);
  });

  it('is refused 401 once outside the 300 s window, naming the clocks', () => {
    const v = verifyAndParse(d.headers, raw, settings, { nowSeconds: sentAt + 301 });
    expect(v).toMatchObject({ ok: false, status: 401, code: 'unauthorized', reason: expect.stringMatching(/stale.*clocks/) });
  });

  it('is refused 401 with another secret, naming CHATWOOT_WEBHOOK_SECRET; the client sees one message for all', () => {
    const other = verifyAndParse(d.headers, raw, { ...settings, webhookSecrets: ['another'] }, { nowSeconds: sentAt });
    const unsigned = verifyAndParse({ 'content-type': 'application/json' }, raw, settings, { nowSeconds: sentAt });
    expect(other).toMatchObject({ ok: false, status: 401, reason: expect.stringMatching(/mismatch.*CHATWOOT_WEBHOOK_SECRET/) });
    expect(unsigned).toMatchObject({ ok: false, status: 401, reason: expect.stringMatching(/missing/) });
    expect(!other.ok && !unsigned.ok && other.message === unsigned.message).toBe(true);
  });

  it('in warn mode, a bad signature is accepted, unauthenticated, with a warning', () => {
    const v = verifyAndParse(d.headers, raw, { ...settings, signatureMode: 'warn', webhookSecrets: ['another'] }, { nowSeconds: sentAt });
    expect(v).toMatchObject({ ok: true, authenticated: false, signed: false, warnings: [expect.stringMatching(/mismatch.*warn/)] });
  });
});

describe('refusals', () => {
  const raw = JSON.stringify(fixture('message_created.incoming.json'));

  it('415 for a body that does not say it is JSON, before anything else', () => {
    expect(judge(raw, { ...signedHeaders(raw), 'content-type': 'text/plain' })).toMatchObject({ ok: false, status: 415 });
    expect(judge(raw, { 'content-type': 'application/vnd.api+json; charset=utf-8' }, { signatureMode: 'off', webhookSecrets: [] }).ok).toBe(true);
  });

  it('413 over 1 MB, 400 for malformed JSON, nesting deeper than 64, and an event missing a field (named)', () => {
    const huge = JSON.stringify({ event: 'message_created', pad: 'x'.repeat(1024 * 1024) });
    expect(judge(huge, signedHeaders(huge))).toMatchObject({ status: 413, code: 'payload_too_large' });
    const broken = '{"event": "message_created",';
    expect(judge(broken, signedHeaders(broken))).toMatchObject({ status: 400, code: 'malformed_json' });
    const deep = `${'['.repeat(65)}${']'.repeat(65)}`;
    expect(judge(deep, signedHeaders(deep))).toMatchObject({ status: 400, code: 'too_deep' });
    const bad = fixture('message_created.incoming.json');
    bad.conversation.status = 'weird';
    const invalid = JSON.stringify(bad);
    expect(judge(invalid, signedHeaders(invalid))).toMatchObject({ status: 400, code: 'invalid_event', message: expect.stringMatching(/conversation\.status/) });
  });

  it('authenticates before parsing: an unsigned broken body is 401, not 400', () => {
    expect(judge('{', { 'content-type': 'application/json' })).toMatchObject({ status: 401 });
  });

  it('WEBHOOK_TOKEN: the ?token= of the URL authenticates, anything else is 401', () => {
    const token = 'a-long-random-token-0123456789';
    const settings: WebhookSettings = { signatureMode: 'off', webhookSecrets: [], webhookToken: token };
    const headers = { 'content-type': 'application/json' };
    expect(judge(raw, headers, settings, `/webhooks/chatwoot?token=${token}`)).toMatchObject({ ok: true, authenticated: true, signed: false });
    expect(judge(raw, headers, settings, '/webhooks/chatwoot?token=nope')).toMatchObject({ ok: false, status: 401, reason: expect.stringMatching(/WEBHOOK_TOKEN/) });
    expect(judge(raw, headers, settings)).toMatchObject({ ok: false, status: 401 });
  });

  it('with no authentication configured, a delivery is accepted but not authenticated', () => {
    expect(judge(raw, { 'content-type': 'application/json' }, { signatureMode: 'off', webhookSecrets: [] })).toMatchObject({ ok: true, authenticated: false });
  });
});

describe('ignoredBecause (acknowledged, left alone)', () => {
  const event = (name: string, patch: (b: any) => void = () => undefined): ChatwootEvent => {
    const b = fixture(name);
    patch(b);
    const raw = JSON.stringify(b);
    const v = judge(raw, signedHeaders(raw));
    if (!v.ok) throw new Error(v.reason);
    return v.event;
  };

  it('names the allow-list an event falls outside of, and an unknown event', () => {
    const incoming = event('message_created.incoming.json');
    expect(ignoredBecause(incoming, { inboxIds: [7], accountIds: [1] })).toBeUndefined();
    expect(ignoredBecause(incoming, { inboxIds: [8] })).toBe('inbox 7 is outside CHATWOOT_INBOX_IDS');
    expect(ignoredBecause(incoming, { accountIds: [2] })).toBe('account 1 is outside CHATWOOT_ACCOUNT_IDS');
    expect(ignoredBecause(event('message_created.incoming.json', (b) => (b.event = 'conversation_typing_on')), {})).toMatch(/conversation_typing_on.*not an event/);
  });
});
