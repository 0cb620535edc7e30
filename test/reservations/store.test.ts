import * as path from 'node:path';
import { normalizeCode, newConfirmationCode, CODE_PATTERN } from '../../src/reservations/codes';
import { loadHotels } from '../../src/reservations/hotel-file';
import { ReservationError } from '../../src/reservations/port';
import { SqlReservationStore } from '../../src/reservations/sql-store';
import { projectRoot } from '../../src/paths';
import { createPostgresDatabase, databaseKinds, openTestDatabase, pgUrl, type TestDatabase } from '../support/db';
import { openDatabase } from '../../src/db/open';

const hotels = loadHotels(path.join(projectRoot, 'config', 'hotel.yaml'));
const otherHotel = loadHotels(path.join(projectRoot, 'test', 'conversations', 'hotels', 'casa-do-rio.yaml'));
const now = () => new Date('2026-11-24T10:00:00Z');
const guest = { name: 'Maria Lopez', email: 'maria@example.com' };
const request = (over: Partial<Parameters<SqlReservationStore['create']>[0]> = {}) => ({
  hotelId: 'miramar',
  roomTypeId: 'double',
  rooms: 1,
  checkin: '2027-02-10',
  checkout: '2027-02-13',
  guests: 2,
  guest,
  idempotencyKey: `k-${Math.random()}`,
  ...over,
});

describe('confirmation codes', () => {
  it('are 8 Crockford base32 characters and differ', () => {
    const codes = new Set(Array.from({ length: 1000 }, newConfirmationCode));
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(c).toMatch(CODE_PATTERN);
  });
  it('normalise what guests type', () => {
    expect(normalizeCode(' k7m2-q9xo ')).toBe('K7M2Q9X0');
    expect(normalizeCode('abcdefil')).toBe('ABCDEF11');
  });
});

describe.each(databaseKinds)('reservation store (%s)', (kind) => {
  let t: TestDatabase;
  let store: SqlReservationStore;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    store = new SqlReservationStore(t.db, hotels, { now });
  });
  afterAll(() => t.drop());

  it('prices a stay across a dated-rate boundary and reports availability', async () => {
    const offers = await store.availability({ hotelId: 'miramar', checkin: '2026-12-18', checkout: '2026-12-22', guests: 2 });
    const double = offers.find((o) => o.roomTypeId === 'double')!;
    expect(double.nightly).toEqual([120, 120, 180, 180]);
    expect(double.total).toBe(600);
    expect(double.available).toBe(10);
    expect(offers.find((o) => o.roomTypeId === 'single')!.fits).toBe(false);
  });

  it('books, finds with code + email, and gives a wrong email the same answer as an unknown code', async () => {
    const b = await store.create(request());
    expect(b.code).toMatch(CODE_PATTERN);
    expect(b.total).toBe(360);
    expect(await store.find({ hotelId: 'miramar', code: b.code.toLowerCase(), email: 'MARIA@example.com' })).toMatchObject({ code: b.code, status: 'confirmed' });
    expect(await store.find({ hotelId: 'miramar', code: b.code, email: 'someone@else.com' })).toBeNull();
    expect(await store.find({ hotelId: 'miramar', code: 'ZZZZZZZZ', email: guest.email })).toBeNull();
  });

  it('makes one booking when the same draft is confirmed twice', async () => {
    const key = 'draft-42-1';
    const [a, b] = await Promise.all([store.create(request({ idempotencyKey: key })), store.create(request({ idempotencyKey: key }))]);
    expect(a.code).toBe(b.code);
    const again = await store.create(request({ idempotencyKey: key }));
    expect(again.code).toBe(a.code);
  });

  it.each([
    [{ checkin: '2026-11-01', checkout: '2026-11-03' }, 'invalid_dates'],
    [{ checkin: '2027-02-13', checkout: '2027-02-10' }, 'invalid_dates'],
    [{ guests: 3 }, 'too_many_guests'],
    [{ roomTypeId: 'penthouse' }, 'unknown_room_type'],
  ])('refuses %j with %s and changes nothing', async (over, reason) => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM bookings');
    await expect(store.create(request(over as never))).rejects.toMatchObject({ reason });
    expect(await t.db.query('SELECT count(*)::int AS n FROM bookings')).toEqual(before);
  });

  it('changes dates atomically and cancels, releasing the rooms', async () => {
    const b = await store.create(request({ roomTypeId: 'suite', checkin: '2027-03-01', checkout: '2027-03-03' }));
    const moved = await store.modify({ hotelId: 'miramar', code: b.code, email: guest.email }, { checkin: '2027-03-10' });
    expect([moved.checkin, moved.checkout]).toEqual(['2027-03-10', '2027-03-12']);
    const free = async (ci: string, co: string) =>
      (await store.availability({ hotelId: 'miramar', checkin: ci, checkout: co })).find((o) => o.roomTypeId === 'suite')!.available;
    expect(await free('2027-03-01', '2027-03-03')).toBe(3);
    expect(await free('2027-03-10', '2027-03-12')).toBe(2);
    await store.cancel({ hotelId: 'miramar', code: b.code, email: guest.email });
    expect(await free('2027-03-10', '2027-03-12')).toBe(3);
    await expect(store.cancel({ hotelId: 'miramar', code: b.code, email: guest.email })).rejects.toMatchObject({ reason: 'already_cancelled' });
    await expect(store.cancel({ hotelId: 'miramar', code: b.code, email: 'x@y.com' })).rejects.toBeInstanceOf(ReservationError);
  });

  it("a booking is found, changed and cancelled only in its own hotel: another hotel's look-up finds nothing", async () => {
    // One store serving two hotels, as one service does for a chain (each hotel on its own inboxes).
    const chain = new SqlReservationStore(t.db, [...hotels, ...otherHotel], { now });
    const contact = { accountId: 1, contactId: 118 };
    const b = await chain.create(request({ checkin: '2027-04-05', checkout: '2027-04-07', origin: contact }));
    const elsewhere = { hotelId: 'casa-do-rio', code: b.code };
    expect(await chain.find({ ...elsewhere, email: guest.email })).toBeNull();
    expect(await chain.find({ ...elsewhere, contact })).toBeNull();
    await expect(chain.modify({ ...elsewhere, email: guest.email }, { checkin: '2027-04-20' })).rejects.toMatchObject({ reason: 'not_found' });
    await expect(chain.cancel({ ...elsewhere, contact })).rejects.toMatchObject({ reason: 'not_found' });
    // Untouched, and still there for its own hotel.
    const own = { hotelId: 'miramar', code: b.code };
    expect(await chain.find({ ...own, email: guest.email })).toMatchObject({ status: 'confirmed', checkin: '2027-04-05', checkout: '2027-04-07' });
    expect(await chain.cancel({ ...own, contact })).toMatchObject({ status: 'cancelled' });
  });

  it('never sells more rooms than exist: 50 concurrent attempts on the last 5 rooms make 5 bookings', async () => {
    // 10 doubles; sell 5 first, then race for the other 5.
    const night = { checkin: '2027-04-01', checkout: '2027-04-02' };
    await store.create(request({ ...night, rooms: 5, guests: 2 }));
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => store.create(request({ ...night }))));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const soldOut = results.filter((r) => r.status === 'rejected' && (r.reason as ReservationError).reason === 'sold_out');
    expect(ok).toHaveLength(5);
    expect(soldOut).toHaveLength(45);
    const [row] = await t.db.query<{ sold: number }>(`SELECT sold FROM room_nights WHERE room_type_id = 'double' AND night = '2027-04-01'`);
    expect(row.sold).toBe(10);
  });
});

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
