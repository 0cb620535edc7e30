import { createHmac } from 'node:crypto';
import { conversationOf, parseEvent, statusChangeOf, submissionOf, type MessageEvent } from '../../src/chatwoot/events';
import { sign, verifySignature } from '../../src/chatwoot/signature';
import { fixture, webhookFixtureNames } from '../support/fixtures';

const EXPECTED: Record<string, { event: string; check?: (e: any) => void }> = {
  'conversation_opened.json': { event: 'conversation_opened', check: (e) => expect(e.status).toBe('open') },
  'conversation_resolved.json': { event: 'conversation_resolved', check: (e) => expect(e.status).toBe('resolved') },
  'conversation_status_changed.json': { event: 'conversation_status_changed', check: (e) => expect(e.changed_attributes).toBeNull() },
  'conversation_status_changed.resolved.json': { event: 'conversation_status_changed', check: (e) => expect(e.status).toBe('resolved') },
  'conversation_status_changed.resolved_to_pending.json': { event: 'conversation_status_changed', check: (e) => expect(e.status).toBe('pending') },
  'conversation_updated.handoff.json': { event: 'conversation_updated', check: (e) => expect(statusChangeOf(e)).toEqual({ from: 'pending', to: 'open' }) },
  'message_created.incoming.handoff_request.json': { event: 'message_created', check: (e) => expect(e.message_type).toBe('incoming') },
  'message_created.incoming.json': {
    event: 'message_created',
    check: (e: MessageEvent) => {
      expect([e.message_type, e.private, e.conversation.status, e.account.id, e.inbox.id, e.conversation.id]).toEqual(['incoming', false, 'pending', 1, 7, 42]);
      expect(e.content).toMatch(/double room/);
      expect(e.sender?.email).toBe('maria.lopez@example.com');
    },
  },
  'message_created.incoming.open_conversation.json': { event: 'message_created', check: (e) => expect(e.conversation.status).toBe('open') },
  'message_created.incoming.reopened_pending.json': { event: 'message_created', check: (e) => expect(e.conversation.status).toBe('pending') },
  'message_created.incoming_with_attachment.json': { event: 'message_created', check: (e) => expect(e.attachments?.[0].file_type).toBe('image') },
  'message_created.input_select_by_bot.json': { event: 'message_created', check: (e) => expect([e.message_type, e.sender?.type, e.content_type]).toEqual(['outgoing', 'agent_bot', 'input_select']) },
  'message_created.outgoing_by_agent.json': { event: 'message_created', check: (e) => expect([e.message_type, e.sender?.type]).toEqual(['outgoing', 'user']) },
  'message_created.outgoing_by_bot.json': { event: 'message_created', check: (e) => expect(e.sender?.type).toBe('agent_bot') },
  'message_created.private_note_by_agent.json': { event: 'message_created', check: (e) => expect(e.private).toBe(true) },
  'message_created.template_csat.json': { event: 'message_created', check: (e) => expect([e.message_type, e.sender]).toEqual(['template', null]) },
  'message_updated.csat_submitted.json': { event: 'message_updated', check: (e) => expect(e.content_type).toBe('input_csat') },
  'message_updated.form_submitted.json': {
    event: 'message_updated',
    check: (e) => expect(submissionOf(e)?.values.map((v) => v.name)).toEqual(expect.arrayContaining(['email'])),
  },
  'message_updated.input_email_submitted.json': { event: 'message_updated', check: (e) => expect(submissionOf(e)?.email).toMatch(/@/) },
  'message_updated.input_select_submitted.json': { event: 'message_updated', check: (e) => expect(submissionOf(e)?.values[0].value).toBeTruthy() },
  'message_updated.outgoing_status_read.json': { event: 'message_updated', check: (e) => expect(submissionOf(e)).toBeNull() },
  'webwidget_triggered.json': { event: 'webwidget_triggered', check: (e) => expect(conversationOf(e)).toBeNull() },
  'webwidget_triggered.returning_visitor.json': { event: 'webwidget_triggered', check: (e) => expect(conversationOf(e)?.id).toBeGreaterThan(0) },
};

describe('parsing every Chatwoot fixture into a typed event', () => {
  it('covers every fixture file', () => {
    expect(webhookFixtureNames().sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (name, { event, check }) => {
    const r = parseEvent(fixture(name));
    if (!r.ok) throw new Error(r.error);
    expect(r.event.event).toBe(event);
    check?.(r.event);
  });

  it('keeps unknown extra fields and accepts the pre-4.8 shape without assignee_type', () => {
    const body = fixture('message_created.incoming.json');
    body.brand_new_field = { x: 1 };
    delete body.conversation.meta.assignee_type;
    const r = parseEvent(body);
    expect(r.ok && (r.event as any).brand_new_field).toEqual({ x: 1 });
  });

  it('treats an unknown event as ignorable and a broken one as an error naming the field', () => {
    expect(parseEvent({ event: 'conversation_typing_on' })).toEqual({ ok: true, event: { event: 'unknown', name: 'conversation_typing_on' } });
    const bad = fixture('message_created.incoming.json');
    bad.conversation.status = 'weird';
    const r = parseEvent(bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/conversation\.status/);
    expect(parseEvent([1, 2]).ok).toBe(false);
  });
});

describe('delivery signatures', () => {
  const d = fixture('signed_delivery.message_created.json');
  const raw = Buffer.from(d.raw_body as string, 'utf8');
  const header = (n: string) => d.headers[n] ?? d.headers[n.toLowerCase()] ?? Object.entries(d.headers as Record<string, string>).find(([k]) => k.toLowerCase() === n.toLowerCase())?.[1];
  const ts = header('X-Chatwoot-Timestamp');
  const sig = header('X-Chatwoot-Signature');
  const now = Number(ts);

  it('verifies the signed fixture with its secret, also second in a rotation list', () => {
    expect(verifySignature({ rawBody: raw, signature: sig, timestamp: ts, secrets: [d.agent_bot_secret], nowSeconds: now })).toEqual({ ok: true });
    expect(verifySignature({ rawBody: raw, signature: sig, timestamp: ts, secrets: ['old', d.agent_bot_secret], nowSeconds: now })).toEqual({ ok: true });
    expect(sign(d.agent_bot_secret, ts, raw)).toBe(sig);
    expect(`sha256=${createHmac('sha256', d.agent_bot_secret).update(`${ts}.${d.raw_body}`).digest('hex')}`).toBe(sig);
  });

  it('fails on a one-byte change of body, timestamp or signature, outside the window, or with another secret', () => {
    const flipped = Buffer.from(raw);
    flipped[10] ^= 1;
    expect(verifySignature({ rawBody: flipped, signature: sig, timestamp: ts, secrets: [d.agent_bot_secret], nowSeconds: now }).ok).toBe(false);
    expect(verifySignature({ rawBody: raw, signature: sig, timestamp: String(now + 1), secrets: [d.agent_bot_secret], nowSeconds: now }).ok).toBe(false);
    const badSig = sig.slice(0, -1) + (sig.endsWith('0') ? '1' : '0');
    expect(verifySignature({ rawBody: raw, signature: badSig, timestamp: ts, secrets: [d.agent_bot_secret], nowSeconds: now }).ok).toBe(false);
    expect(verifySignature({ rawBody: raw, signature: sig, timestamp: ts, secrets: [d.agent_bot_secret], nowSeconds: now + 301 })).toEqual({ ok: false, reason: 'stale' });
    expect(verifySignature({ rawBody: raw, signature: sig, timestamp: ts, secrets: ['another-secret'], nowSeconds: now })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature({ rawBody: raw, signature: undefined, timestamp: ts, secrets: [d.agent_bot_secret], nowSeconds: now })).toEqual({ ok: false, reason: 'missing' });
  });
});
