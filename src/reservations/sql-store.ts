/**
 * The reservation store on the SQL schema (embedded PostgreSQL or PostgreSQL). Inventory is taken inside one
 * transaction: every night row involved is locked in one pass in (room type, night) order (so concurrent bookings
 * and changes cannot deadlock), checked, and updated; the CHECK constraint (sold <= total) is the last line of defence. Nothing is held in memory.
 */
import type { Database, Queryable } from '../db/database';
import { newConfirmationCode, normalizeCode } from './codes';
import { addDays, isValidDate, nightsBetween, nightsOf, todayIn } from '../time/dates';
import { isBookingEmail } from './email';
import { MAX_STAY_NIGHTS } from './limits';
import type { Hotel, RoomType } from './hotel';
import {
  ReservationError,
  type Booking,
  type BookingAccess,
  type BookingChange,
  type BookingRequest,
  type ReservationStore,
  type RoomOffer,
  type StayQuery,
} from './port';
import { priceStay } from './pricing';

interface BookingRow {
  code: string;
  hotel_id: string;
  room_type_id: string;
  rooms: number;
  checkin: string | Date;
  checkout: string | Date;
  guests: number;
  guest_name: string;
  guest_email: string;
  total: string | number;
  currency: string;
  status: 'confirmed' | 'cancelled';
  account_id: number | null;
  contact_id: number | null;
  conversation_id: number | null;
  created_at: string | Date;
  updated_at: string | Date;
}

const dateText = (v: string | Date) => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));
const iso = (v: string | Date) => (typeof v === 'string' ? new Date(v).toISOString() : v.toISOString());

function toBooking(r: BookingRow): Booking {
  return {
    code: r.code,
    hotelId: r.hotel_id,
    roomTypeId: r.room_type_id,
    rooms: Number(r.rooms),
    checkin: dateText(r.checkin),
    checkout: dateText(r.checkout),
    guests: Number(r.guests),
    guest: { name: r.guest_name, email: r.guest_email },
    total: Number(r.total),
    currency: r.currency,
    status: r.status,
    origin: {
      accountId: r.account_id == null ? undefined : Number(r.account_id),
      contactId: r.contact_id == null ? undefined : Number(r.contact_id),
      conversationId: r.conversation_id == null ? undefined : Number(r.conversation_id),
    },
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** Rooms of one type taken (or, negative, released) on every night of a stay. */
interface InventoryChange {
  roomType: RoomType;
  checkin: string;
  checkout: string;
  rooms: number;
}

/** Some nights of a stay have no inventory row yet: they are created outside the transaction, which then reruns. */
class MissingNights extends Error {
  constructor(
    readonly hotel: Hotel,
    readonly stays: InventoryChange[],
  ) {
    super('inventory rows missing');
  }
}


export class SqlReservationStore implements ReservationStore {
  private readonly hotels = new Map<string, Hotel>();
  private readonly now: () => Date;
  private readonly onBooking?: (operation: 'create' | 'modify' | 'cancel') => void;

  constructor(
    private readonly db: Database,
    hotels: Hotel[],
    opts: { now?: () => Date; onBooking?: (operation: 'create' | 'modify' | 'cancel') => void } = {},
  ) {
    for (const h of hotels) this.hotels.set(h.id, h);
    this.now = opts.now ?? (() => new Date());
    this.onBooking = opts.onBooking;
  }

  private hotel(id: string): Hotel {
    const h = this.hotels.get(id);
    if (!h) throw new ReservationError('invalid', `Unknown hotel "${id}"`);
    return h;
  }

  private room(h: Hotel, id: string): RoomType {
    const r = h.room_types.find((t) => t.id === id);
    if (!r) throw new ReservationError('unknown_room_type', `Unknown room type "${id}"`, { roomTypes: h.room_types.map((t) => t.id) });
    return r;
  }

  private checkStay(h: Hotel, checkin: string, checkout: string): number {
    if (!isValidDate(checkin) || !isValidDate(checkout)) throw new ReservationError('invalid_dates', 'Dates must be real dates written YYYY-MM-DD');
    const today = todayIn(h.timezone, this.now());
    if (checkin < today) throw new ReservationError('invalid_dates', 'The check-in date is in the past', { today, problem: 'past' });
    const nights = nightsBetween(checkin, checkout);
    if (nights < 1) throw new ReservationError('invalid_dates', 'The check-out must be after the check-in', { problem: 'order' });
    if (nights > MAX_STAY_NIGHTS) throw new ReservationError('invalid_dates', `Stays are limited to ${MAX_STAY_NIGHTS} nights here`, { problem: 'too_long', max: MAX_STAY_NIGHTS });
    return nights;
  }

  async availability(q: StayQuery): Promise<RoomOffer[]> {
    const h = this.hotel(q.hotelId);
    const nights = this.checkStay(h, q.checkin, q.checkout);
    const rooms = q.rooms ?? 1;
    const sold = await this.db.query<{ room_type_id: string; max_sold: number }>(
      `SELECT room_type_id, max(sold)::int AS max_sold FROM room_nights
       WHERE hotel_id = $1 AND night >= $2::date AND night < $3::date GROUP BY room_type_id`,
      [h.id, q.checkin, q.checkout],
    );
    const maxSold = new Map(sold.map((r) => [r.room_type_id, Number(r.max_sold)]));
    return h.room_types.map((t) => {
      const { nightly, total } = priceStay(t, q.checkin, q.checkout, rooms);
      return {
        roomTypeId: t.id,
        available: Math.max(0, t.count - (maxSold.get(t.id) ?? 0)),
        total,
        currency: h.currency,
        nights,
        nightly,
        fits: (q.guests ?? 1) <= rooms * t.capacity,
      };
    });
  }

  /**
   * Makes sure a row exists for every night of the stays, in its own statement before the transaction that locks
   * them: a row inserted inside that transaction would be locked out of order (before the ordered pass), and two
   * transactions each inserting a night the other then locks would deadlock.
   */
  private async ensureNights(h: Hotel, stays: Array<Omit<InventoryChange, 'rooms'>>): Promise<void> {
    for (const s of stays) {
      await this.db.query(
        `INSERT INTO room_nights (hotel_id, room_type_id, night, total)
         SELECT $1, $2, d::date, $5 FROM generate_series($3::date, $4::date - 1, interval '1 day') d
         ON CONFLICT (hotel_id, room_type_id, night) DO NOTHING`,
        [h.id, s.roomType.id, s.checkin, s.checkout, s.roomType.count],
      );
    }
  }

  /**
   * Runs `fn` in a transaction; when it needs night rows that do not exist yet (MissingNights), creates them outside
   * the transaction and runs it again.
   */
  private async inventoryTransaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction(fn);
      } catch (err) {
        if (!(err instanceof MissingNights) || attempt >= 3) throw err;
        await this.ensureNights(err.hotel, err.stays);
      }
    }
  }

  /**
   * Applies inventory changes (a negative `rooms` releases) in one ordered pass: every night row involved, of every
   * room type, is locked in (room type, night) order, checked, and updated. Two passes (release the old nights,
   * then take the new ones) would lock in two orders, and two crossing changes deadlock. Throws sold_out.
   */
  private async apply(tx: Queryable, h: Hotel, changes: InventoryChange[]): Promise<void> {
    const delta = new Map<string, { roomType: RoomType; night: string; rooms: number }>();
    for (const c of changes) {
      for (const night of nightsOf(c.checkin, c.checkout)) {
        const key = `${c.roomType.id} ${night}`;
        const d = delta.get(key) ?? { roomType: c.roomType, night, rooms: 0 };
        d.rooms += c.rooms;
        delta.set(key, d);
      }
    }
    const wanted = [...delta.values()];
    const rows = await tx.query<{ room_type_id: string; night: string | Date; sold: number }>(
      `SELECT r.room_type_id, r.night, r.sold FROM room_nights r
       JOIN unnest($2::text[], $3::date[]) AS w (room_type_id, night) ON r.room_type_id = w.room_type_id AND r.night = w.night
       WHERE r.hotel_id = $1 ORDER BY r.room_type_id, r.night FOR UPDATE OF r`,
      [h.id, wanted.map((w) => w.roomType.id), wanted.map((w) => w.night)],
    );
    if (rows.length < wanted.length) throw new MissingNights(h, changes);
    const full = new Map<RoomType, { nights: string[]; maxSold: number }>();
    for (const r of rows) {
      const d = delta.get(`${r.room_type_id} ${dateText(r.night)}`)!;
      if (d.rooms > 0 && Number(r.sold) + d.rooms > d.roomType.count) {
        const f = full.get(d.roomType) ?? { nights: [], maxSold: 0 };
        f.nights.push(d.night);
        full.set(d.roomType, f);
      }
    }
    for (const [t, f] of full) {
      const sold = rows.filter((r) => r.room_type_id === t.id && delta.get(`${t.id} ${dateText(r.night)}`)!.rooms > 0).map((r) => Number(r.sold));
      throw new ReservationError('sold_out', `No ${t.name} left on ${f.nights.join(', ')}`, {
        nights: f.nights,
        available: Math.max(0, t.count - Math.max(...sold)),
      });
    }
    const changed = wanted.filter((w) => w.rooms !== 0);
    if (!changed.length) return;
    await tx.query(
      `UPDATE room_nights r SET sold = r.sold + w.rooms, total = w.total
       FROM unnest($2::text[], $3::date[], $4::int[], $5::int[]) AS w (room_type_id, night, rooms, total)
       WHERE r.hotel_id = $1 AND r.room_type_id = w.room_type_id AND r.night = w.night`,
      [h.id, changed.map((w) => w.roomType.id), changed.map((w) => w.night), changed.map((w) => w.rooms), changed.map((w) => w.roomType.count)],
    );
  }

  private validateParty(t: RoomType, rooms: number, guests: number): void {
    // A group may take every room of a type (a wedding's 10 doubles); more than the hotel has can never be sold.
    if (!Number.isInteger(rooms) || rooms < 1 || rooms > t.count) throw new ReservationError('invalid', `Rooms must be a whole number from 1 to ${t.count} (the rooms of this type)`);
    if (!Number.isInteger(guests) || guests < 1) throw new ReservationError('invalid', 'Guests must be a whole number of at least 1');
    if (guests > rooms * t.capacity) {
      throw new ReservationError('too_many_guests', `${rooms} ${t.name}${rooms > 1 ? 's' : ''} hold at most ${rooms * t.capacity} guests`, {
        capacity: t.capacity,
        roomsNeeded: Math.ceil(guests / t.capacity),
      });
    }
  }

  async create(req: BookingRequest): Promise<Booking> {
    const existing = await this.byIdempotencyKey(req.idempotencyKey);
    if (existing) return existing;
    const h = this.hotel(req.hotelId);
    const t = this.room(h, req.roomTypeId);
    this.checkStay(h, req.checkin, req.checkout);
    this.validateParty(t, req.rooms, req.guests);
    if (!req.guest.name?.trim()) throw new ReservationError('invalid', 'The guest name is required');
    if (!isBookingEmail(req.guest.email ?? '')) throw new ReservationError('invalid', 'The guest email is not valid');
    const { total } = priceStay(t, req.checkin, req.checkout, req.rooms);
    const stay: InventoryChange = { roomType: t, checkin: req.checkin, checkout: req.checkout, rooms: req.rooms };
    try {
      const booking = await this.inventoryTransaction(async (tx) => {
        const again = await tx.query<BookingRow>('SELECT * FROM bookings WHERE idempotency_key = $1', [req.idempotencyKey]);
        if (again[0]) return toBooking(again[0]);
        await this.apply(tx, h, [stay]);
        for (let attempt = 0; ; attempt++) {
          const code = newConfirmationCode();
          const clash = await tx.query('SELECT 1 FROM bookings WHERE code = $1', [code]);
          if (clash.length && attempt < 5) continue;
          const rows = await tx.query<BookingRow>(
            `INSERT INTO bookings (code, hotel_id, room_type_id, rooms, checkin, checkout, guests, guest_name, guest_email, total, currency,
               account_id, contact_id, conversation_id, idempotency_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *`,
            [
              code,
              h.id,
              t.id,
              req.rooms,
              req.checkin,
              req.checkout,
              req.guests,
              req.guest.name.trim(),
              req.guest.email.trim(),
              total,
              h.currency,
              req.origin?.accountId ?? null,
              req.origin?.contactId ?? null,
              req.origin?.conversationId ?? null,
              req.idempotencyKey,
            ],
          );
          return toBooking(rows[0]);
        }
      });
      this.onBooking?.('create');
      return booking;
    } catch (err) {
      // The same draft confirmed twice at the same moment: the other transaction won; return its booking.
      if ((err as { code?: string }).code === '23505') {
        const winner = await this.byIdempotencyKey(req.idempotencyKey);
        if (winner) return winner;
      }
      throw err;
    }
  }

  private async byIdempotencyKey(key: string): Promise<Booking | undefined> {
    const rows = await this.db.query<BookingRow>('SELECT * FROM bookings WHERE idempotency_key = $1', [key]);
    return rows[0] ? toBooking(rows[0]) : undefined;
  }

  private matches(row: BookingRow, access: BookingAccess): boolean {
    if ('email' in access) return row.guest_email.trim().toLowerCase() === access.email.trim().toLowerCase();
    return Number(row.account_id) === access.contact.accountId && Number(row.contact_id) === access.contact.contactId;
  }

  private async locate(q: Queryable, access: BookingAccess, lock: boolean): Promise<BookingRow | undefined> {
    const code = normalizeCode(access.code);
    // Scoped to the hotel: a code (and email) from another hotel's booking is unknown here.
    const rows = await q.query<BookingRow>(`SELECT * FROM bookings WHERE code = $1 AND hotel_id = $2${lock ? ' FOR UPDATE' : ''}`, [code, access.hotelId]);
    const row = rows[0];
    // A wrong email and an unknown code look exactly the same from outside.
    return row && this.matches(row, access) ? row : undefined;
  }

  async find(access: BookingAccess): Promise<Booking | null> {
    const row = await this.locate(this.db, access, false);
    return row ? toBooking(row) : null;
  }

  async listByGuest(hotelId: string, who: { email?: string; contact?: { accountId: number; contactId: number } }): Promise<Booking[]> {
    if (who.email) {
      const rows = await this.db.query<BookingRow>(
        `SELECT * FROM bookings WHERE hotel_id = $1 AND lower(guest_email) = lower($2) AND status = 'confirmed' ORDER BY checkin`,
        [hotelId, who.email.trim()],
      );
      return rows.map(toBooking);
    }
    if (who.contact) {
      const rows = await this.db.query<BookingRow>(
        `SELECT * FROM bookings WHERE hotel_id = $1 AND account_id = $2 AND contact_id = $3 AND status = 'confirmed' ORDER BY checkin`,
        [hotelId, who.contact.accountId, who.contact.contactId],
      );
      return rows.map(toBooking);
    }
    return [];
  }

  async modify(access: BookingAccess, change: BookingChange): Promise<Booking> {
    const booking = await this.inventoryTransaction(async (tx) => {
      const row = await this.locate(tx, access, true);
      if (!row) throw new ReservationError('not_found', 'No booking matches that code and email');
      if (row.status === 'cancelled') throw new ReservationError('already_cancelled', 'That booking is cancelled');
      const current = toBooking(row);
      const h = this.hotel(current.hotelId);
      const next = {
        roomTypeId: change.roomTypeId ?? current.roomTypeId,
        rooms: change.rooms ?? current.rooms,
        checkin: change.checkin ?? current.checkin,
        checkout: change.checkout ?? current.checkout,
        guests: change.guests ?? current.guests,
      };
      if (change.checkin && !change.checkout) {
        // Moving the arrival keeps the length of the stay.
        next.checkout = addDays(change.checkin, nightsBetween(current.checkin, current.checkout));
      }
      const t = this.room(h, next.roomTypeId);
      this.checkStay(h, next.checkin, next.checkout);
      this.validateParty(t, next.rooms, next.guests);
      // Release the old nights and take the new ones in one ordered pass: if they are not free, all rolls back.
      const release = { roomType: this.room(h, current.roomTypeId), checkin: current.checkin, checkout: current.checkout, rooms: -current.rooms };
      const take = { roomType: t, checkin: next.checkin, checkout: next.checkout, rooms: next.rooms };
      await this.apply(tx, h, [release, take]);
      const { total } = priceStay(t, next.checkin, next.checkout, next.rooms);
      const rows = await tx.query<BookingRow>(
        `UPDATE bookings SET room_type_id = $2, rooms = $3, checkin = $4, checkout = $5, guests = $6, total = $7,
                guest_name = coalesce($8, guest_name), updated_at = now()
         WHERE code = $1 RETURNING *`,
        [row.code, next.roomTypeId, next.rooms, next.checkin, next.checkout, next.guests, total, change.guestName?.trim() || null],
      );
      return toBooking(rows[0]);
    });
    this.onBooking?.('modify');
    return booking;
  }

  async cancel(access: BookingAccess): Promise<Booking> {
    const booking = await this.db.transaction(async (tx) => {
      const row = await this.locate(tx, access, true);
      if (!row) throw new ReservationError('not_found', 'No booking matches that code and email');
      if (row.status === 'cancelled') throw new ReservationError('already_cancelled', 'That booking is already cancelled');
      const b = toBooking(row);
      const h = this.hotel(b.hotelId);
      await this.apply(tx, h, [{ roomType: this.room(h, b.roomTypeId), checkin: b.checkin, checkout: b.checkout, rooms: -b.rooms }]);
      const rows = await tx.query<BookingRow>(`UPDATE bookings SET status = 'cancelled', updated_at = now() WHERE code = $1 RETURNING *`, [row.code]);
      return toBooking(rows[0]);
    });
    this.onBooking?.('cancel');
    return booking;
  }
}
