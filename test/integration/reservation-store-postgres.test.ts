/**
 * The reservation store under real concurrency on PostgreSQL: two replicas (each with its own pool) and crossing
 * changes. Skipped without TEST_DATABASE_URL; the store's behaviour on both databases is in
 * test/unit/reservation-store.test.ts.
 */
import * as path from 'node:path';
import { openDatabase } from '../../src/db/open';
import { loadHotels } from '../../src/reservations/hotel-file';
import { SqlReservationStore } from '../../src/reservations/sql-store';
import { projectRoot } from '../../src/paths';
import { bookingRequest as request, storeNow as now } from '../support/booking-request';
import { createPostgresDatabase, pgUrl } from '../support/db';

const hotels = loadHotels(path.join(projectRoot, 'config', 'hotel.yaml'));

(pgUrl ? describe : describe.skip)('reservation store across two replicas on PostgreSQL', () => {
  it('two stores, each with its own pool, never oversell', async () => {
    const created = await createPostgresDatabase();
    const a = await openDatabase({ url: created.url, poolSize: 10 });
    const b = await openDatabase({ url: created.url, poolSize: 10 });
    try {
      const s1 = new SqlReservationStore(a, hotels, { now });
      const s2 = new SqlReservationStore(b, hotels, { now });
      const night = { checkin: '2027-05-01', checkout: '2027-05-03' };
      await s1.create(request({ ...night, rooms: 5 }));
      const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => (i % 2 ? s1 : s2).create(request({ ...night }))));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
      const rows = await a.query<{ sold: number }>(`SELECT sold FROM room_nights WHERE room_type_id = 'double' ORDER BY night`);
      expect(rows.map((r) => r.sold)).toEqual([10, 10]);
    } finally {
      await a.close();
      await b.close();
      await created.drop();
    }
  });
});

(pgUrl ? describe : describe.skip)('crossing changes on PostgreSQL', () => {
  it('40 changes that swap each other\'s nights and room types: none deadlocks, inventory stays exact', async () => {
    const created = await createPostgresDatabase();
    const db = await openDatabase({ url: created.url, poolSize: 20 });
    try {
      const s = new SqlReservationStore(db, hotels, { now });
      const day = (n: number) => new Date(Date.UTC(2027, 5, 1 + n)).toISOString().slice(0, 10);
      // 20 pairs; in each, X and Y trade dates (overlapping by a night, and with the neighbouring pairs), and every
      // other pair also trades room types: each change releases nights the other one wants, in the opposite order.
      const pairs = await Promise.all(
        Array.from({ length: 20 }, async (_, k) => {
          const x = { roomTypeId: 'double', checkin: day(2 * k), checkout: day(2 * k + 2) };
          const y = { roomTypeId: k % 2 ? 'twin' : 'double', checkin: day(2 * k + 1), checkout: day(2 * k + 3) };
          const bx = await s.create(request({ ...x, guest: { name: 'X', email: `x${k}@example.com` } }));
          const by = await s.create(request({ ...y, guest: { name: 'Y', email: `y${k}@example.com` } }));
          return { x, y, bx, by };
        }),
      );
      const results = await Promise.allSettled(
        pairs.flatMap(({ x, y, bx, by }) => [
          s.modify({ hotelId: bx.hotelId, code: bx.code, email: bx.guest.email }, y),
          s.modify({ hotelId: by.hotelId, code: by.code, email: by.guest.email }, x),
        ]),
      );
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error).message)] : []));
      expect(failures).toEqual([]);
      // Inventory equals what the bookings hold, night by night and room type by room type.
      const expected = new Map<string, number>();
      const bookings = await db.query<{ room_type_id: string; rooms: number; checkin: Date; checkout: Date }>(
        "SELECT room_type_id, rooms, checkin, checkout FROM bookings WHERE status = 'confirmed'",
      );
      for (const b of bookings) {
        for (let d = new Date(b.checkin); d < new Date(b.checkout); d.setUTCDate(d.getUTCDate() + 1)) {
          const key = `${b.room_type_id} ${d.toISOString().slice(0, 10)}`;
          expected.set(key, (expected.get(key) ?? 0) + Number(b.rooms));
        }
      }
      const sold = await db.query<{ k: string; sold: number }>(
        "SELECT room_type_id || ' ' || to_char(night, 'YYYY-MM-DD') AS k, sold FROM room_nights WHERE sold > 0",
      );
      expect(new Map(sold.map((r) => [r.k, Number(r.sold)]))).toEqual(expected);
      expect(expected.size).toBeGreaterThan(40);
    } finally {
      await db.close();
      await created.drop();
    }
  });
});
