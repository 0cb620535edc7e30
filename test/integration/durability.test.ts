/**
 * Guarantees that need real processes: a delivery acknowledged before a SIGKILL is answered after restart, once;
 * two replicas on one PostgreSQL answer one conversation's messages in order and once, however the deliveries
 * (and their duplicates) are spread across them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startChatwootStub } from '../support/chatwoot-stub';
import { createPostgresDatabase, pgUrl } from '../support/db';
import { guestMessage as delivery, TEST_SECRET, type SignedDelivery } from '../support/deliveries';
import { drained } from '../support/drain';
import { ensureBuilt, spawnService } from '../support/process';

const SECRET = TEST_SECRET;


const send = async (url: string, d: SignedDelivery) => {
  const res = await fetch(`${url}/webhooks/chatwoot`, { method: 'POST', body: d.raw, headers: d.headers });
  return res.status;
};

beforeAll(() => ensureBuilt(), 120_000);

describe('a SIGKILL between acknowledgement and reply', () => {
  it('answers after restart, exactly once', async () => {
    const stub = await startChatwootStub();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-kill-'));
    const env = { CHATWOOT_BASE_URL: stub.url, CHATWOOT_BOT_TOKEN: 'tok', CHATWOOT_WEBHOOK_SECRET: SECRET, DATA_DIR: dataDir };
    try {
      stub.state.hold = true;
      const first = await spawnService(env);
      expect(await send(first.url, delivery(501, 'is there parking?'))).toBe(200);
      await stub.until(() => stub.held.length > 0, 'the reply to be in flight');
      await first.kill('SIGKILL');
      expect(stub.messages).toHaveLength(0);

      stub.state.hold = false;
      const second = await spawnService(env);
      await stub.until(() => stub.messages.some((m) => /parking/i.test(m.content)), 'the reply after restart');
      // Everything queued is done (a duplicate could only leave from an undone action); it would share an echo id.
      await drained(second.url);
      await second.kill();
      const echoIds = stub.messages.map((m) => m.echoId);
      expect(new Set(echoIds).size).toBe(echoIds.length);
      expect(stub.messages.filter((m) => /parking/i.test(m.content))).toHaveLength(1);
    } finally {
      await stub.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a SIGKILL during load', () => {
  it('does every accepted turn once after restart', async () => {
    const stub = await startChatwootStub();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-kill-load-'));
    const env = { CHATWOOT_BASE_URL: stub.url, CHATWOOT_BOT_TOKEN: 'tok', CHATWOOT_WEBHOOK_SECRET: SECRET, DATA_DIR: dataDir, AGENT_ASSIST: 'off' };
    try {
      const first = await spawnService(env);
      stub.state.echoTo = { url: first.url, secret: SECRET };
      const conversations = Array.from({ length: 10 }, (_, i) => 800 + i);
      const questions: Array<[string, RegExp]> = [
        ['is there parking?', /parking/i],
        ['do you have a pool?', /pool/i],
        ['is there a gym?', /fitness/i],
      ];
      for (const [q] of questions) for (const c of conversations) expect(await send(first.url, delivery(c, q))).toBe(200);
      // Kill as soon as some replies went out: the rest is accepted but not done.
      await stub.until(() => stub.messages.length >= 3, 'the first replies');
      await first.kill('SIGKILL');
      const second = await spawnService(env);
      stub.state.echoTo = { url: second.url, secret: SECRET };
      await stub.until(() => conversations.every((c) => questions.every(([, re]) => stub.messages.some((m) => m.conversationId === c && re.test(m.content)))), 'every answer after restart', 1200);
      await drained(second.url);
      await second.kill();
      // Every turn was decided once: each answer has one outbox action (one echo id). Delivery is at least once:
      // a message Chatwoot had created in the instant before the kill, whose echo could not reach a dead bot, is
      // sent again — the same action, never a second decision.
      for (const c of conversations) {
        const sent = stub.messages.filter((m) => m.conversationId === c);
        const answers = sent.map((m) => m.content);
        for (const [, re] of questions) {
          const matching = sent.filter((m) => re.test(m.content));
          expect(matching.length).toBeGreaterThanOrEqual(1);
          expect(new Set(matching.map((m) => m.echoId)).size).toBe(1);
        }
        const order = questions.map(([, re]) => answers.findIndex((a) => re.test(a)));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
      const resent = stub.messages.length - new Set(stub.messages.map((m) => m.echoId)).size;
      expect(resent).toBeLessThanOrEqual(3); // at most the few sends in flight at the moment of the kill
    } finally {
      await stub.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

(pgUrl ? describe : describe.skip)('two replicas on one PostgreSQL', () => {
  it('reply to one conversation in order and once, with deliveries and duplicates spread across them', async () => {
    const stub = await startChatwootStub();
    const db = await createPostgresDatabase();
    const env = { CHATWOOT_BASE_URL: stub.url, CHATWOOT_BOT_TOKEN: 'tok', CHATWOOT_WEBHOOK_SECRET: SECRET, DATABASE_URL: db.url };
    const a = await spawnService(env);
    const b = await spawnService(env);
    try {
      const questions: Array<[string, RegExp]> = [
        ['is there parking?', /parking/i],
        ['what time is breakfast?', /breakfast/i],
        ['do you have a pool?', /pool/i],
        ['is there a gym?', /fitness/i],
        ['do you have wifi?', /wi-fi/i],
        ['can I bring my dog?', /dogs/i],
      ];
      for (const [i, [q]] of questions.entries()) {
        const d = delivery(777, q);
        // Each delivery goes to one replica and its retry (same delivery id) to the other.
        expect(await send(i % 2 ? a.url : b.url, d)).toBe(200);
        expect(await send(i % 2 ? b.url : a.url, d)).toBe(200);
      }
      await stub.until(() => questions.every(([, re]) => stub.messages.some((m) => re.test(m.content))), 'every answer');
      await drained(a.url); // the replicas share the queue
      const answers = stub.messages.filter((m) => m.conversationId === 777 && !m.private).map((m) => m.content);
      const order = questions.map(([, re]) => answers.findIndex((c) => re.test(c)));
      expect(order).toEqual([...order].sort((x, y) => x - y));
      for (const [, re] of questions) expect(answers.filter((c) => re.test(c))).toHaveLength(1);
    } finally {
      await a.kill();
      await b.kill();
      await stub.close();
      await db.drop();
    }
  });
});
