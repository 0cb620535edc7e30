/**
 * Existing bookings: look-up by code and email (or the contact that booked), status, cancel, and changes — by
 * buttons or typed ("2 guests", "arrive a day later", "a suite instead") — always through a quote and a confirm.
 */
import { ReservationError, type Booking, type BookingAccess } from '../../reservations/port';
import { addDays, nightsBetween } from '../../time/dates';
import type { Facts } from '../frame';
import type { Change } from '../state';
import type { Turn } from '../turn';
import { handoff } from './handoff';

/** Wrong code-and-email pairs allowed in one conversation before staff take over (codes are not to be guessed). */
export const MAX_FAILED_LOOKUPS = 3;

type Purpose = 'status' | 'cancel' | 'modify';

function access(t: Turn, code: string): BookingAccess {
  const s = t.state;
  const hotelId = t.hotel.id;
  if (s.lookup?.email) return { hotelId, code, email: s.lookup.email };
  if (t.info.contact.verified && t.info.contact.email) return { hotelId, code, email: t.info.contact.email };
  return { hotelId, code, contact: { accountId: t.info.accountId, contactId: t.info.contact.id ?? -1 } };
}

async function current(t: Turn): Promise<Booking | null> {
  return t.state.managing ? t.store.find(access(t, t.state.managing)) : null;
}

function describe(t: Turn, b: { roomTypeId: string; rooms: number; checkin: string; checkout: string }): string {
  return `${t.w.roomsOf(b.rooms, t.roomName(b.roomTypeId))}, ${t.w.stay(b.checkin, b.checkout, nightsBetween(b.checkin, b.checkout))}`;
}

/** The guest wants to see, cancel or change a booking; `facts` may already say what to change. */
export async function manage(t: Turn, purpose: Purpose, facts: Facts & { code?: string; email?: string }): Promise<void> {
  const s = t.state;
  s.mode = purpose;
  s.offer = undefined;
  if (purpose === 'modify') s.change = changeFrom(facts);
  s.lookup = { code: facts.code ?? s.lookup?.code, email: facts.email ?? s.lookup?.email };
  if (!s.lookup.code && s.managing) return manageAction(t, purpose);
  if (!s.lookup.code) {
    // A verified contact (identity signed by the hotel's site) may manage bookings by its email alone.
    if (t.info.contact.verified && t.info.contact.email) {
      const mine = await t.store.port.listByGuest(t.hotel.id, { email: t.info.contact.email });
      if (mine.length === 1) {
        s.managing = mine[0].code;
        return manageAction(t, purpose);
      }
      if (mine.length > 1) {
        return t.offer(
          t.w.whichBooking,
          mine.slice(0, 10).map((b) => ({ title: `${b.code} · ${t.w.date(b.checkin)}`, choice: { kind: 'booking' as const, code: b.code } })),
          'manage_choose',
        );
      }
    }
    return t.ask('lookup_code', t.w.askCode);
  }
  return lookupWith(t, {});
}

export async function lookupWith(t: Turn, more: { code?: string; email?: string }): Promise<void> {
  const s = t.state;
  s.lookup = { ...(s.lookup ?? {}), ...(more.code ? { code: more.code } : {}), ...(more.email ? { email: more.email } : {}) };
  const { code, email } = s.lookup;
  if (!code) return t.ask('lookup_code', t.w.askCodeAgain);
  let booking: Booking | null = null;
  const hotelId = t.hotel.id;
  if (t.info.contact.id !== undefined) booking = await t.store.find({ hotelId, code, contact: { accountId: t.info.accountId, contactId: t.info.contact.id } });
  if (!booking && t.info.contact.verified && t.info.contact.email) booking = await t.store.find({ hotelId, code, email: t.info.contact.email });
  if (!booking && !email) return t.ask('lookup_email', t.w.askLookupEmail);
  if (!booking && email) booking = await t.store.find({ hotelId, code, email });
  if (!booking) {
    s.failedLookups += 1;
    // The code the guest typed is kept: "sorry, maya@example.com" retries it with the corrected email (each pair
    // still counts towards the limit). A new code replaces it.
    s.lookup = { code };
    if (s.failedLookups >= MAX_FAILED_LOOKUPS) {
      return handoff(t, 'lookup_attempts', `${s.failedLookups} code-and-email pairs did not match a booking`, t.w.handoffLookups);
    }
    // The same words whether the code does not exist or the email does not match.
    t.say(t.w.notFound);
    return t.ask('lookup_code', t.w.askCodeAgain);
  }
  s.managing = booking.code;
  s.lookup = { code: booking.code, email: email ?? booking.guest.email };
  return manageAction(t, s.mode === 'cancel' || s.mode === 'modify' ? s.mode : 'status');
}

export async function manageAction(t: Turn, action: Purpose): Promise<void> {
  const s = t.state;
  const w = t.w;
  const b = await current(t);
  if (!b) {
    s.managing = undefined;
    return t.ask('lookup_code', w.askCode);
  }
  const details = w.bookingDetails(
    b.code,
    b.status === 'confirmed' ? w.statusConfirmed : w.statusCancelled,
    w.roomsOf(b.rooms, t.roomName(b.roomTypeId)),
    w.stay(b.checkin, b.checkout, nightsBetween(b.checkin, b.checkout)),
    b.guests,
    b.guest.name,
    w.money(b.total, b.currency),
  );
  if (action === 'status') {
    t.say(details);
    if (b.status === 'confirmed') {
      t.offer(
        w.changeOrCancel,
        [
          { title: w.changeIt, choice: { kind: 'manage', action: 'modify' } },
          { title: w.cancelIt, choice: { kind: 'manage', action: 'cancel' } },
          { title: w.noThanks, choice: { kind: 'manage', action: 'done' } },
        ],
        'manage_action',
      );
    }
    return;
  }
  if (b.status === 'cancelled') return t.say(`${details} ${w.alreadyCancelled}`);
  if (action === 'cancel') {
    s.mode = 'cancel';
    t.say(details);
    return t.offer(
      w.reallyCancel(t.hotel.policies.cancellation ?? ''),
      [
        { title: w.yesCancel, choice: { kind: 'cancel', answer: 'yes' } },
        { title: w.noKeep, choice: { kind: 'cancel', answer: 'no' } },
      ],
      'cancel_confirm',
    );
  }
  s.mode = 'modify';
  if (s.change && Object.keys(s.change).length) return quoteChange(t);
  s.change = {};
  t.say(details);
  return t.offer(
    w.whatToChange,
    [
      { title: w.dates, choice: { kind: 'modify', what: 'dates' } },
      { title: w.guestsTitle, choice: { kind: 'modify', what: 'guests' } },
      { title: w.roomType, choice: { kind: 'modify', what: 'room' } },
      { title: w.nameTitle, choice: { kind: 'modify', what: 'name' } },
    ],
    'modify_what',
  );
}

/** What a typed message asks to change (the booking itself is applied at quote time, for shifts). */
export function changeFrom(facts: Facts): Change {
  const c: Change = {};
  if (facts.checkin) c.checkin = facts.checkin;
  if (facts.checkout) c.checkout = facts.checkout;
  if (facts.guests) c.guests = facts.guests;
  if (facts.room) c.room = facts.room;
  if (facts.name) c.name = facts.name;
  if (facts.nights && !facts.checkout) c.nights = facts.nights;
  if (facts.shift) c.shift = facts.shift;
  return c;
}

/** A typed change while managing a booking: merged into the pending change, then quoted. */
export async function typedChange(t: Turn, facts: Facts): Promise<boolean> {
  const more = changeFrom(facts);
  if (!Object.keys(more).length) return false;
  t.state.mode = 'modify';
  t.state.change = { ...(t.state.change ?? {}), ...more };
  await quoteChange(t);
  return true;
}

export async function doCancel(t: Turn): Promise<void> {
  const s = t.state;
  try {
    const b = await t.store.port.cancel(access(t, s.managing ?? ''));
    t.say(t.w.cancelledDone(b.code));
  } catch (err) {
    if (!(err instanceof ReservationError)) throw err;
    t.say(err.reason === 'already_cancelled' ? t.w.wasAlreadyCancelled : t.w.noLongerFound);
  }
  s.mode = undefined;
  s.step = undefined;
  s.options = undefined;
}

export async function offerRoomsForChange(t: Turn): Promise<void> {
  const b = await current(t);
  if (!b) return t.ask('lookup_code', t.w.askCode);
  const c = t.state.change ?? {};
  const offers = await t.store.availability(c.checkin ?? b.checkin, c.checkout ?? b.checkout);
  const guests = c.guests ?? b.guests;
  const options = t.hotel.room_types
    .filter((r) => r.id !== b.roomTypeId && r.capacity * b.rooms >= guests && (offers.find((o) => o.roomTypeId === r.id)?.available ?? 0) >= b.rooms)
    .map((r) => ({ title: r.name, choice: { kind: 'newroom' as const, room: r.id } }));
  if (!options.length) return t.say(t.w.noOtherRoom);
  t.offer(t.w.whichRoomInstead, options, 'modify_room');
}

/** The changed booking, its price and the old one side by side; the guest confirms or keeps the booking. */
export async function quoteChange(t: Turn): Promise<void> {
  const s = t.state;
  const w = t.w;
  const b = await current(t);
  if (!b) return t.ask('lookup_code', w.askCode);
  const c: Change = { ...(s.change ?? {}) };
  if (c.shift) {
    const { days, which } = c.shift;
    if (which !== 'checkout') c.checkin = addDays(c.checkin ?? b.checkin, days);
    if (which !== 'checkin') c.checkout = addDays(c.checkout ?? b.checkout, days);
    // "arrive a day later" keeps the departure, as it does for a stay being booked (frame.ts).
    else c.checkout ??= b.checkout;
    delete c.shift;
  }
  if (c.nights) {
    c.checkout = addDays(c.checkin ?? b.checkin, c.nights);
    delete c.nights;
  }
  // A new arrival alone keeps the stay's length.
  if (c.checkin && !c.checkout) c.checkout = addDays(c.checkin, nightsBetween(b.checkin, b.checkout));
  s.change = c;
  const next = { roomTypeId: c.room ?? b.roomTypeId, rooms: b.rooms, checkin: c.checkin ?? b.checkin, checkout: c.checkout ?? b.checkout, guests: c.guests ?? b.guests };
  const room = t.room(next.roomTypeId);
  if (!room) return offerRoomsForChange(t);
  if (next.checkin < t.today || next.checkout <= next.checkin) {
    t.say(w.datesDoNotWork);
    s.change = { ...c, checkin: undefined, checkout: undefined };
    return t.ask('modify_dates', w.askNewDates);
  }
  if (next.guests > room.capacity * b.rooms) {
    t.say(w.changeTooBig(w.roomsOf(b.rooms, room.name), room.capacity * b.rooms));
    s.change = { ...c, room: undefined };
    return offerRoomsForChange(t);
  }
  const offers = await t.store.availability(next.checkin, next.checkout);
  const o = offers.find((x) => x.roomTypeId === next.roomTypeId);
  const total = o ? o.nightly.reduce((a, x) => a + x, 0) * b.rooms : 0;
  const summary = `${describe(t, next)}, ${w.guests(next.guests)}${c.name ? `, ${c.name}` : ''}`;
  t.offer(
    w.changeQuote(summary, w.money(total, b.currency), w.money(b.total, b.currency)),
    [
      { title: w.confirmChange, choice: { kind: 'modify', what: 'confirm' } },
      { title: w.keepBooking, choice: { kind: 'modify', what: 'keep' } },
    ],
    'modify_confirm',
  );
}

export async function doModify(t: Turn): Promise<void> {
  const s = t.state;
  const w = t.w;
  const c = s.change ?? {};
  try {
    const b = await t.store.port.modify(access(t, s.managing ?? ''), {
      roomTypeId: c.room,
      checkin: c.checkin,
      checkout: c.checkout,
      guests: c.guests,
      ...(c.name ? { guestName: c.name } : {}),
    });
    t.store.forget();
    t.say(w.changed(b.code, `${describe(t, b)}, ${w.guests(b.guests)}, ${b.guest.name}`, w.money(b.total, b.currency)));
  } catch (err) {
    if (!(err instanceof ReservationError)) throw err;
    t.say(err.reason === 'sold_out' ? w.changeUnavailable(err.message) : w.changeFailed(err.message));
  }
  s.change = undefined;
  s.mode = undefined;
  s.step = undefined;
  s.options = undefined;
}
