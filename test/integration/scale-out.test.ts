/**
 * Scale-out: three service processes on one PostgreSQL behind a round-robin proxy. 200 conversations, deliveries
 * spread across replicas, each delivery's retry sent to another replica: every reply once, in order per
 * conversation. Bookings racing across replicas never oversell.
 */
import * as path from 'node:path';
import { loadHotels } from '../../src/reservations/hotel-file';
import { SqlReservationStore } from '../../src/reservations/sql-store';
import { openDatabase } from '../../src/db/open';
import { projectRoot } from '../../src/paths';
import { startChatwootStub } from '../support/chatwoot-stub';
import { createPostgresDatabase, pgUrl } from '../support/db';
import { guestMessage as delivery, post as deliveryPost, TEST_SECRET, type SignedDelivery } from '../support/deliveries';
import { daysAfterTestToday, testClock } from '../support/clock';
import { drained } from '../support/drain';
import { ensureBuilt, spawnService, type ServiceProcess } from '../support/process';
import { startRoundRobinProxy } from '../support/round-robin-proxy';

const SECRET = TEST_SECRET;

(pgUrl ? describe : describe.skip)('three replicas on one PostgreSQL', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('200 conversations: every reply once and in order; duplicates on other replicas change nothing', async () => {
    const stub = await startChatwootStub();
    const db = await createPostgresDatabase();
    const env = { CHATWOOT_BASE_URL: stub.url, CHATWOOT_BOT_TOKEN: 'tok', CHATWOOT_WEBHOOK_SECRET: SECRET, DATABASE_URL: db.url, AGENT_ASSIST: 'off' };
    const replicas: ServiceProcess[] = [];
    for (let i = 0; i < 3; i++) replicas.push(await spawnService(env));
    const proxy = await startRoundRobinProxy(replicas.map((r) => r.url));
    try {
      const questions: Array<[string, RegExp]> = [
        ['is there parking?', /parking/i],
        ['do you have a pool?', /pool/i],
        ['is there a gym?', /fitness/i],
      ];
      const conversations = Array.from({ length: 200 }, (_, i) => 10_000 + i);
      const post = (d: SignedDelivery) => deliveryPost(proxy.url, d);
      for (const [q] of questions) {
        // One question in every conversation, concurrently; each delivery also sent a second time (a retry),
        // which the proxy sends to another replica.
        const statuses = await Promise.all(
          conversations.map(async (c) => {
            const d = delivery(c, q);
            return [await post(d), await post(d)];
          }),
        );
        expect(statuses.flat().every((s) => s === 200)).toBe(true);
      }
      await stub.until(
        () => conversations.every((c) => questions.every(([, re]) => stub.messages.some((m) => m.conversationId === c && re.test(m.content)))),
        'every answer in every conversation',
        2400,
      );
      await drained(replicas[0].url); // the replicas share the queue: nothing left that could send again
      for (const c of conversations) {
        const answers = stub.messages.filter((m) => m.conversationId === c).map((m) => m.content);
        const order = questions.map(([, re]) => answers.findIndex((a) => re.test(a)));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        for (const [, re] of questions) expect(answers.filter((a) => re.test(a))).toHaveLength(1);
      }
      // Bookings racing across the replicas' connection pools: 3 stores, 60 attempts at the 3 suites.
      const hotels = loadHotels(path.join(projectRoot, 'config', 'hotel.yaml'));
      const pools = await Promise.all([0, 1, 2].map(() => openDatabase({ url: db.url, poolSize: 8 })));
      try {
        const stores = pools.map((p) => new SqlReservationStore(p, hotels, { now: () => testClock().now() }));
        const stay = { hotelId: 'miramar', roomTypeId: 'suite', checkin: daysAfterTestToday(83), checkout: daysAfterTestToday(85), guests: 2, guest: { name: 'A', email: 'a@example.com' } };
        const results = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => stores[i % 3].create({ ...stay, rooms: 1, idempotencyKey: `race-${i}` })));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3); // the suite has 3 rooms
        const rows = await pools[0].query<{ sold: number }>(`SELECT sold FROM room_nights WHERE room_type_id = 'suite' ORDER BY night`);
        expect(rows.map((r) => r.sold)).toEqual([3, 3]);
      } finally {
        await Promise.all(pools.map((p) => p.close()));
      }
    } finally {
      await proxy.close();
      for (const r of replicas) await r.kill();
      await stub.close();
      await db.drop();
    }
  }, 180_000); // the answers get 120 s (above); a loaded CI machine needs more than the default 60 s
});
