/** A guest who sends only a file (a photo, a PDF) gets an answer, not silence. */
import { sign } from '../../src/chatwoot/signature';
import { fixture } from '../support/fixtures';
import { startTestService, type TestService } from '../support/service';

describe('attachments without text', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
  });
  afterAll(() => svc.stop());

  it('answers a file-only message in the guest’s conversation', async () => {
    const conv = await svc.api('POST', '/conversations', { inbox: 'web' });
    await svc.settle();
    const body = fixture('message_created.incoming_with_attachment.json');
    body.content = null;
    body.id = 987654;
    body.conversation.id = conv.id;
    const raw = JSON.stringify(body);
    const ts = String(Math.floor(Date.now() / 1000));
    const res = await fetch(`${svc.url}/webhooks/chatwoot`, {
      method: 'POST',
      body: raw,
      headers: { 'content-type': 'application/json', 'x-chatwoot-timestamp': ts, 'x-chatwoot-signature': sign(svc.config.chatwoot.webhookSecrets[0], ts, raw) },
    });
    expect(res.status).toBe(200);
    await svc.settle();
    const after = await svc.api('GET', `/conversations/${conv.id}`);
    const said = after.messages.filter((m: any) => m.sender?.type === 'agent_bot' && !m.private).map((m: any) => m.content).join('\n');
    expect(said).toMatch(/can't open files/);
  });
});
