/**
 * Two replicas on one PostgreSQL and a Chatwoot slower than the conversation's lease (issue 14, item 5): the
 * replica sending a reply keeps its lease alive while the call runs, so the other one never sends the same message
 * meanwhile; a failed call is retried by the outbox, once. Exactly one message reaches Chatwoot per reply.
 */
import { LEASE_SECONDS } from '../../src/inbox/worker';
import { startChatwootStub } from '../support/chatwoot-stub';
import { createPostgresDatabase, pgUrl } from '../support/db';
import { guestMessage as delivery, post, TEST_SECRET } from '../support/deliveries';
import { drained } from '../support/drain';
import { ensureBuilt, spawnService } from '../support/process';

beforeAll(() => ensureBuilt(), 120_000);

(pgUrl ? describe : describe.skip)('two replicas and a Chatwoot slower than the lease', () => {
  it('one message per reply: calls outliving the lease, one failing with 500 and retried, one succeeding late', async () => {
    const stub = await startChatwootStub();
    const db = await createPostgresDatabase();
    // Calls that end only after the whole lease has run out: without a heartbeat the other replica takes the
    // conversation over and sends the same message while the call is still in progress.
    const slowMs = LEASE_SECONDS * 1000 + 5000;
    stub.state.slow = [
      { ms: slowMs, status: 500 }, // the first reply: Chatwoot fails late…
      { ms: 0, status: 200 }, // …its retry goes through
      { ms: slowMs, status: 200 }, // the second reply: created late
    ];
    const env = {
      CHATWOOT_BASE_URL: stub.url,
      CHATWOOT_BOT_TOKEN: 'tok',
      CHATWOOT_WEBHOOK_SECRET: TEST_SECRET,
      CHATWOOT_TIMEOUT_MS: String(slowMs + 10_000), // the deadline is not what ends the call here: Chatwoot is
      DATABASE_URL: db.url,
      AGENT_ASSIST: 'off',
    };
    // No echoes: a message sent twice would not be caught by the echo check, so any overlap shows as a second
    // message.
    const a = await spawnService(env);
    const b = await spawnService(env);
    try {
      const questions: Array<[string, RegExp]> = [
        ['is there parking?', /parking/i],
        ['do you have a pool?', /pool/i],
      ];
      for (const [q] of questions) {
        // Each delivery reaches both replicas (Chatwoot's retry landing on the other one).
        const d = delivery(901, q);
        expect(await post(a.url, d)).toBe(200);
        expect(await post(b.url, d)).toBe(200);
      }
      await stub.until(() => questions.every(([, re]) => stub.messages.some((m) => re.test(m.content))), 'every answer', 1800);
      await drained(a.url);
      const sent = stub.messages.filter((m) => m.conversationId === 901 && !m.private);
      for (const [, re] of questions) expect(sent.filter((m) => re.test(m.content))).toHaveLength(1);
      expect(stub.overlaps).toEqual([]); // never the same message twice at once
      expect(stub.state.slow).toEqual([]); // every slow answer was given
      expect(stub.calls.filter((c) => c.status === 500)).toHaveLength(1);
      const order = questions.map(([, re]) => sent.findIndex((m) => re.test(m.content)));
      expect(order).toEqual([...order].sort((x, y) => x - y));
    } finally {
      await a.kill();
      await b.kill();
      await stub.close();
      await db.drop();
    }
  });
});
