/**
 * "Welcome back!" in a conversation the bot just handed to staff (issue 14, item 6). Chatwoot sends each event as
 * a job of its own (CONTRACT §2), so the status events of the conversation's creation (open → pending) can arrive
 * after the bot has already handed the conversation off. Ordered by Chatwoot's own clock (the conversation's
 * updated_at), they are older than the handoff and change nothing: the bot writes nothing in public until a newer
 * hand-back arrives. Real service, Chatwoot stub, Chatwoot's payload shapes (test/fixtures/chatwoot).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sign } from '../../src/chatwoot/signature';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logging/logger';
import { startService } from '../../src/server';
import { startChatwootStub } from '../support/chatwoot-stub';
import { testClock } from '../support/clock';
import { drained } from '../support/drain';
import { fixture } from '../support/fixtures';

const SECRET = 'late-status-secret-0123456789';

/** A fixture as Chatwoot would send it for this conversation (42 in inbox 7), in English, at `updatedAt`. */
function payload(name: string, updatedAt: number, change: (body: any) => void = () => undefined): string {
  const body = fixture(name);
  const conversation = body.conversation ?? body;
  conversation.additional_attributes.browser_language = 'en';
  conversation.updated_at = updatedAt;
  change(body);
  return JSON.stringify(body);
}

/** The status events Chatwoot sends for one status change: conversation_status_changed and conversation_updated. */
function statusChange(from: string, to: string, updatedAt: number): string[] {
  return [
    payload('conversation_status_changed.json', updatedAt, (b) => (b.status = to)),
    payload('conversation_updated.handoff.json', updatedAt, (b) => {
      b.status = to;
      b.changed_attributes = [{ status: { previous_value: from, current_value: to } }];
    }),
  ];
}

describe('a late status event after the bot handed the conversation off', () => {
  it('the creation event (open → pending, older) changes nothing; a newer hand-back brings the bot back, once', async () => {
    const stub = await startChatwootStub();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-late-status-'));
    const config = loadConfig(
      { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CHATWOOT_BASE_URL: stub.url, CHATWOOT_BOT_TOKEN: 'tok', CHATWOOT_WEBHOOK_SECRET: SECRET, AGENT_ASSIST: 'off' },
      { isTty: false },
    );
    const svc = await startService(config, { logger: silentLogger(), clock: testClock() });
    let delivery = 0;
    const deliver = async (raw: string) => {
      const ts = String(Math.floor(Date.now() / 1000));
      const headers = { 'content-type': 'application/json', 'x-chatwoot-delivery': `late-${++delivery}`, 'x-chatwoot-timestamp': ts, 'x-chatwoot-signature': sign(SECRET, ts, raw) };
      const res = await fetch(`${svc.url}/webhooks/chatwoot`, { method: 'POST', body: raw, headers });
      expect(await res.json()).toEqual({ status: 'accepted' });
      await drained(svc.url);
    };
    const publicMessages = () => stub.messages.filter((m) => m.conversationId === 42 && !m.private).map((m) => m.content);
    // Chatwoot's clock (the conversation's updated_at, unix seconds) of each moment, as in the fixtures.
    const created = 1779268500.25; // the conversation is created pending: its status events carry this time
    const asked = 1779268700.131904; // the guest asks for a person
    const handedOff = 1779268703.288415; // the bot's toggle to open, echoed back as status events
    const handedBack = 1779269100.5; // staff set it pending again
    try {
      await deliver(payload('message_created.incoming.handoff_request.json', asked));
      expect(publicMessages()).toEqual([expect.stringMatching(/member of our team/)]);
      expect(stub.calls.some((c) => c.path.endsWith('/conversations/42/toggle_status'))).toBe(true);

      // The creation's status events, delivered late: after the handoff and before its own echo.
      for (const raw of statusChange('open', 'pending', created)) await deliver(raw);
      expect(publicMessages()).toHaveLength(1); // no "Welcome back!", no menu
      for (const raw of statusChange('pending', 'open', handedOff)) await deliver(raw);
      // The guest writes while staff have it: nobody from the bot answers.
      await deliver(payload('message_created.incoming.open_conversation.json', 1779268960.681422));
      expect(publicMessages()).toHaveLength(1);

      // Staff hand back (newer than everything above): the bot is back, and says so once.
      for (const raw of statusChange('open', 'pending', handedBack)) await deliver(raw);
      const after = publicMessages().slice(1);
      expect(after.filter((m) => /Welcome back/.test(m))).toHaveLength(1);
    } finally {
      await svc.close();
      await stub.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
