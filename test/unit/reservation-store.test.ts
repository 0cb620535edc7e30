import * as path from 'node:path';
import { normalizeCode, newConfirmationCode, CODE_PATTERN } from '../../src/reservations/codes';
import { loadHotels } from '../../src/reservations/hotel-file';
import { ReservationError } from '../../src/reservations/port';
import { SqlReservationStore } from '../../src/reservations/sql-store';
import { projectRoot } from '../../src/paths';
import { bookingRequest as request, guest, storeNow as now } from '../support/booking-request';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/db';

const hotels = loadHotels(path.join(projectRoot, 'config', 'hotel.yaml'));
const otherHotel = loadHotels(path.join(projectRoot, 'test', 'conversations', 'hotels', 'casa-do-rio.yaml'));

// Concurrency across several pools on PostgreSQL: test/integration/reservation-store-postgres.test.ts.

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
