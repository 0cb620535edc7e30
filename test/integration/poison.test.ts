/**
 * A poison message: text PostgreSQL cannot store in JSONB (U+0000, a lone surrogate) reaches the conversation
 * state, the outbox and the handoff note. The delivery is kept as received; everything derived from it is written
 * without those characters, so the conversation goes on, and the next message is answered.
 */
import { sign } from '../../src/chatwoot/signature';
import { fixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';

let messageId = 990_000;

async function say(svc: TestService, conversationId: number, content: string): Promise<number> {
  const body = fixture('message_created.incoming.json');
  body.id = ++messageId;
  body.content = content;
  body.conversation.id = conversationId;
  body.conversation.messages[0].id = body.id;
  body.conversation.messages[0].content = content;
  const raw = JSON.stringify(body);
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`${svc.url}/webhooks/chatwoot`, {
    method: 'POST',
    body: raw,
    headers: { 'content-type': 'application/json', 'x-chatwoot-timestamp': ts, 'x-chatwoot-signature': sign(svc.config.chatwoot.webhookSecrets[0], ts, raw) },
  });
  await res.arrayBuffer();
  return res.status;
}

describe('poison messages', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.stop());

  it.each([
    ['U+0000', 'I want a room for 2 nights\u0000 from next friday, my email is nul\u0000guest@example.com'],
    ['a lone surrogate', 'I want a room \ud800 for 2 nights from next friday, my email is lone\udfffguest@example.com'],
  ])('%s: the conversation is not blocked, and the next message is answered', async (_what, text) => {
    const conv = await svc.api('POST', '/conversations', { inbox: 'web' });
    await svc.settle();
    expect(await say(svc, conv.id, text)).toBe(200);
    await svc.settle();
    expect(await say(svc, conv.id, 'is there parking?')).toBe(200);
    await svc.settle();
    const after = await svc.api('GET', `/conversations/${conv.id}`);
    const bot = after.messages.filter((m: any) => m.sender?.type === 'agent_bot' && !m.private).map((m: any) => m.content);
    expect(bot.join('\n')).toMatch(/parking/i);
    // The delivery is stored as received, with the character in it; every event is processed, no action waits.
    const stored = await svc.db.query<{ payload: unknown; processed: boolean; attempts: number }>(
      'SELECT payload, processed_at IS NOT NULL AS processed, attempts FROM inbox_events WHERE payload::text LIKE $1',
      [`%"id":${messageId - 1},%`],
    );
    expect(stored.map((s) => [s.processed, s.attempts])).toEqual([[true, 0]]);
    expect(JSON.stringify(stored[0].payload)).toContain(JSON.stringify(text).slice(1, -1));
    const waiting = await svc.db.query('SELECT id FROM outbox WHERE done_at IS NULL OR last_error IS NOT NULL');
    expect(waiting).toEqual([]);
  });
});
