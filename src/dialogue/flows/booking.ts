/**
 * Booking by filling the frame: dates (stated back with weekdays), party, rooms that fit (or a combination of
 * types), details, summary, confirmation. The offer the bot quotes becomes the current offer: "book it" means it.
 */
import { isBookingEmail } from '../../reservations/email';
import { MAX_STAY_NIGHTS } from '../../reservations/limits';
import { nightsBetween } from '../../time/dates';
import { ReservationError, type Booking } from '../../reservations/port';
import { applyFacts, clearStay, stayOf } from '../frame';
import { askedPlan, combination, roomsIn, roomsNeeded, singleType, singleTypes, stockOf, type Party, type Plan, type Stock } from '../offers';
import type { RoomAsk } from '../room-mix';
import type { Offer } from '../state';
import type { Turn } from '../turn';
import { handoff } from './handoff';

export function startBooking(t: Turn): void {
  const s = t.state;
  if (s.mode !== 'booking') {
    s.mode = 'booking';
    s.managing = undefined;
    s.change = undefined;
  }
  // Channel contacts are often named after their phone number: only a real name is a useful default.
  const known = t.info.contact.name;
  if (!s.frame.name && known && /[a-z]{2}/i.test(known) && !/^guest\b/i.test(known)) applyFacts(s.frame, { name: known }, 0);
  if (!s.frame.email && t.info.contact.email) applyFacts(s.frame, { email: t.info.contact.email }, 0);
}

/** "2 × River Double + Twin Room": an offer's lines, or the types a guest asked for. */
export function describeLines(t: Turn, lines: ReadonlyArray<{ room: string; rooms: number }>): string {
  return lines.map((l) => t.w.roomsOf(l.rooms, t.roomName(l.room))).join(' + ');
}

/** "Fri, 19 Mar 2027 to Sun, 21 Mar 2027 (2 nights)". */
function stayText(t: Turn, checkin: string, checkout: string, nights: number): string {
  return t.w.stay(checkin, checkout, nights);
}

/** Asks for whatever the booking still needs, in a natural order; quotes an offer when the stay and party are known. */
export async function advanceBooking(t: Turn): Promise<void> {
  const s = t.state;
  const w = t.w;
  s.mode = 'booking';
  const f = s.frame;
  const { checkin, checkout, nights } = stayOf(f);

  if (t.hotel.group_handoff_rooms !== undefined && f.rooms && f.rooms.value > t.hotel.group_handoff_rooms) {
    return groupHandoff(t, f.rooms.value, t.hotel.group_handoff_rooms);
  }
  if (!checkin) return t.ask('dates', w.askDates);
  if (checkin < t.today) {
    t.say(w.pastDate(checkin));
    clearStay(f);
    return t.ask('dates', w.askDates);
  }
  if (!checkout || !nights) return t.ask('dates', w.askNights(checkin));
  if (checkout <= checkin) {
    delete f.checkout;
    delete f.nights;
    return t.ask('dates', w.departureBeforeArrival(checkin));
  }
  if (nights > MAX_STAY_NIGHTS) {
    delete f.checkout;
    delete f.nights;
    return t.ask('dates', w.tooLong(MAX_STAY_NIGHTS));
  }
  const stay = stayText(t, checkin, checkout, nights);
  const groupLimit = t.hotel.group_handoff_rooms;
  // A room for one needs no question about the party ("una habitación individual" says one room: still one guest).
  // Rooms for one each ("2 singles") need none either: one guest a room.
  if (!f.guests && t.room(f.room?.value)?.capacity === 1) applyFacts(f, { guests: f.rooms?.value ?? 1 }, s.turn);
  if (!f.guests) {
    return t.offer(
      w.askGuests(stay),
      [1, 2, 3, 4].map((n) => ({ title: String(n), choice: { kind: 'guests', count: n } })),
      'guests',
    );
  }

  const stock = stockOf(t.hotel, await t.store.availability(checkin, checkout));
  const party: Party = { guests: f.guests.value, rooms: f.rooms?.value };
  const plan = planFor(t, stock, party);
  if (!plan) return;
  if (groupLimit !== undefined && roomsIn(plan.lines) > groupLimit) return groupHandoff(t, roomsIn(plan.lines), groupLimit);
  s.offer = { checkin, checkout, lines: plan.lines, total: plan.total, currency: t.hotel.currency };
  if (!f.name || !f.email) return askDetails(t, s.offer);
  return summary(t, s.offer);
}

function groupHandoff(t: Turn, rooms: number, limit: number): void {
  handoff(t, 'group', `a group of ${rooms} rooms (the hotel file's group_handoff_rooms is ${limit})`, t.w.handoffGroup(rooms));
}

/**
 * The plan for the party: the room type they chose if it can host them (more rooms when the guests do not fit),
 * else a combination with other types; with no type chosen, the types that can host them, for the guest to pick.
 * Returns undefined when it asked the guest instead.
 */
function planFor(t: Turn, stock: Stock[], party: Party): Plan | undefined {
  const f = t.state.frame;
  const w = t.w;
  if (f.mix) return planAsked(t, stock, party, f.mix.value);
  const chosen = t.room(f.room?.value);
  if (f.room && !chosen) delete f.room;
  if (chosen) {
    const single = singleType(stock, chosen.id, party);
    const asked = party.rooms ?? 1;
    if (single && single.lines[0].rooms > asked) {
      // The party does not fit the rooms asked for: say so, and propose the types that do (never the same again).
      const fitting = singleTypes(stock, { guests: party.guests, rooms: asked }).filter((p) => p.lines[0].rooms === asked);
      if (fitting.length) {
        t.say(w.roomTooSmall(chosen.name, chosen.capacity, party.guests));
        delete f.room;
        showRooms(t, stock, { guests: party.guests, rooms: asked });
        return undefined;
      }
      t.say(w.roomHolds(chosen.name, chosen.capacity, party.guests, single.lines[0].rooms));
    }
    if (single) return single;
    const free = stock.find((x) => x.room.id === chosen.id)?.free ?? 0;
    t.say(w.tooFewOfType(chosen.name, free, roomsNeeded(chosen, party)));
    const mix = free > 0 ? combination(stock, party, chosen.id) : undefined;
    if (mix) {
      proposeMix(t, stock, party, mix);
      return undefined;
    }
    delete f.room;
  }
  showRooms(t, stock, party);
  return undefined;
}

/**
 * The rooms asked by type ("4 doubles and 3 singles"), when they are free and the party fills them; otherwise the
 * guest is told why and offered what fits, as for any party.
 */
function planAsked(t: Turn, stock: Stock[], party: Party, asks: RoomAsk[]): Plan | undefined {
  const w = t.w;
  const f = t.state.frame;
  const free = (room: string) => stock.find((s) => s.room.id === room)?.free ?? 0;
  const short = asks.find((a) => free(a.room) < a.rooms);
  const rooms = roomsIn(asks);
  const plan = short ? undefined : askedPlan(stock, asks, party.guests);
  if (plan) return plan;
  if (short) t.say(w.tooFewOfType(t.roomName(short.room), free(short.room), short.rooms));
  else if (party.guests < rooms) t.say(w.mixTooManyRooms(rooms, party.guests));
  else t.say(w.mixTooSmall(describeLines(t, asks), asks.reduce((n, a) => n + a.rooms * (t.room(a.room)?.capacity ?? 0), 0), party.guests));
  delete f.mix;
  // What fits instead: the same number of rooms when the party fills them, else whatever hosts the party.
  const fits = party.guests >= rooms ? party : { guests: party.guests };
  if (fits.rooms === undefined) delete f.rooms;
  const mix = combination(stock, fits, short?.room);
  const alone = singleTypes(stock, fits);
  if (!alone.length && mix) proposeMix(t, stock, fits, mix);
  else showRooms(t, stock, fits);
  return undefined;
}

/** The types that can host the party alone (cards in the widget), or a combination when none can. */
function showRooms(t: Turn, stock: Stock[], party: Party): void {
  const w = t.w;
  const { checkin, checkout, nights } = stayOf(t.state.frame);
  const stay = stayText(t, checkin!, checkout!, nights!);
  const plans = singleTypes(stock, party).slice(0, 6);
  if (!plans.length) {
    const mix = combination(stock, party);
    if (mix) return proposeMix(t, stock, party, mix);
    t.say(w.fullyBooked(stay));
    clearStay(t.state.frame);
    return t.ask('dates', w.otherDates);
  }
  const header = w.available(stay, party.guests);
  const price = (p: Plan) => w.priceFor(w.money(p.total, t.hotel.currency), p.lines[0].rooms);
  const choices = plans.map((p) => {
    const room = t.room(p.lines[0].room)!;
    return { title: room.name, choice: { kind: 'room' as const, room: room.id }, description: price(p) };
  });
  if (t.rich) {
    t.replies.push({
      kind: 'cards',
      text: header,
      cards: plans.map((p) => {
        const room = t.room(p.lines[0].room)!;
        const link = /^https?:\/\//.test(room.image_url ?? '') ? room.image_url! : typeof t.hotel.website === 'string' ? t.hotel.website : undefined;
        return {
          title: `${room.name} · ${price(p)}`,
          description: `${room.description}. ${w.upTo(room.capacity)}.`,
          imageUrl: room.image_url,
          ...(link ? { link: { text: w.seeRoom, url: link } } : {}),
        };
      }),
    });
    return t.offer(w.whichRoom, choices, 'room');
  }
  t.offer(`${header}\n${w.whichRoom}`, choices, 'room');
}

function proposeMix(t: Turn, stock: Stock[], party: Party, mix: Plan): void {
  const w = t.w;
  const { checkin, checkout } = stayOf(t.state.frame);
  t.state.offer = { checkin: checkin!, checkout: checkout!, lines: mix.lines, total: mix.total, currency: t.hotel.currency };
  const alternatives = singleTypes(stock, party).slice(0, 4);
  t.offer(
    w.mixOffer(describeLines(t, mix.lines), w.money(mix.total, t.hotel.currency)),
    [
      { title: w.mixTitle, choice: { kind: 'mix' }, description: w.money(mix.total, t.hotel.currency) },
      ...alternatives.map((p) => ({ title: t.roomName(p.lines[0].room), choice: { kind: 'room' as const, room: p.lines[0].room }, description: w.money(p.total, t.hotel.currency) })),
    ],
    'room',
  );
}

/** The guest took the combination: it becomes the frame's plan until something changes the stay or party. */
export async function acceptMix(t: Turn): Promise<void> {
  const o = t.state.offer;
  if (!o || o.lines.length < 2) return advanceBooking(t);
  const f = t.state.frame;
  applyFacts(f, { mix: o.lines.map((l) => ({ room: l.room, rooms: l.rooms })) }, t.state.turn);
  if (!f.name || !f.email) return askDetails(t, o);
  return summary(t, o);
}

function askDetails(t: Turn, offer: Offer): void {
  const w = t.w;
  const f = t.state.frame;
  const stay = stayText(t, offer.checkin, offer.checkout, nightsOf(offer));
  t.say(w.roomAvailable(describeLines(t, offer.lines), w.money(offer.total, offer.currency), stay));
  if (t.rich) {
    t.replies.push({
      kind: 'form',
      text: w.whoFor,
      submitLabel: w.continue,
      fields: [
        { name: 'name', label: w.fullName, type: 'text', placeholder: w.namePlaceholder, ...(f.name ? { default: f.name.value } : {}) },
        { name: 'email', label: w.email, type: 'email', placeholder: w.emailPlaceholder, ...(f.email ? { default: f.email.value } : {}) },
      ],
    });
    t.state.step = 'details';
    t.state.options = undefined;
    return;
  }
  if (!f.name) return t.ask('name', w.askName);
  return t.ask('email', w.askEmail);
}

const nightsOf = (o: Offer) => nightsBetween(o.checkin, o.checkout);

/** Name and email typed or submitted: checked, then the booking goes on. */
export function takeDetails(t: Turn, name: string | undefined, email: string | undefined): Promise<void> {
  const f = t.state.frame;
  const at = t.state.turn;
  if (name?.trim()) applyFacts(f, { name: name.trim().slice(0, 100) }, at);
  if (email?.trim()) {
    const e = email.trim();
    if (isBookingEmail(e)) applyFacts(f, { email: e }, at);
    else {
      t.say(t.w.notAnEmail(e.slice(0, 100)));
      delete f.email;
    }
  }
  return advanceBooking(t);
}

function summary(t: Turn, offer: Offer): void {
  const w = t.w;
  const f = t.state.frame;
  const policy = t.hotel.policies.cancellation;
  t.say(
    [
      w.checkBooking,
      `• ${describeLines(t, offer.lines)}`,
      `• ${stayText(t, offer.checkin, offer.checkout, nightsOf(offer))}`,
      `• ${w.guests(f.guests!.value)}`,
      `• ${f.name!.value}, ${f.email!.value}`,
      `• ${w.payAtHotel(w.money(offer.total, offer.currency))}`,
      policy ? w.cancellation(policy) : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const answers = [
    ['yes', w.confirmBooking],
    ['change', w.changeSomething],
    ['no', w.cancel],
  ] as const;
  t.offer(w.confirmQuestion, answers.map(([answer, title]) => ({ title, choice: { kind: 'confirm' as const, answer } })), 'confirm');
}

/** Books the current offer: one booking per room type (a combination is booked whole or not at all). */
export async function confirmBooking(t: Turn): Promise<void> {
  const s = t.state;
  const w = t.w;
  const f = s.frame;
  const offer = s.offer;
  if (s.mode !== 'booking' || s.step !== 'confirm' || !offer || !f.name || !f.email || !f.guests) {
    const last = s.booked[s.booked.length - 1];
    if (last && s.mode !== 'booking') return t.say(w.alreadyConfirmed(last));
    return advanceBooking(t);
  }
  const made: Booking[] = [];
  try {
    for (const [i, line] of offer.lines.entries()) {
      made.push(
        await t.store.port.create({
          hotelId: t.hotel.id,
          roomTypeId: line.room,
          rooms: line.rooms,
          checkin: offer.checkin,
          checkout: offer.checkout,
          guests: line.guests,
          guest: { name: f.name.value, email: f.email.value },
          origin: { accountId: t.info.accountId, contactId: t.info.contact.id, conversationId: t.info.conversationId },
          idempotencyKey: `cw-${t.info.accountId}-${t.info.conversationId}-${s.bookingRev}${offer.lines.length > 1 ? `-${i}` : ''}`,
        }),
      );
    }
  } catch (err) {
    if (!(err instanceof ReservationError)) throw err;
    // Part of a combination booked and the rest gone: undo the part, so the guest never holds half a group.
    for (const b of made) await t.store.port.cancel({ hotelId: b.hotelId, code: b.code, email: b.guest.email }).catch(() => undefined);
    t.store.forget();
    s.offer = undefined;
    if (err.reason === 'sold_out') {
      t.say(w.lastRoomTaken);
      delete f.room;
    } else t.say(w.couldNotBook(err.message));
    return advanceBooking(t);
  }
  const lines = made.map((b) => `${w.confirmationCode(b.code)}\n${w.roomsOf(b.rooms, t.roomName(b.roomTypeId))}, ${stayText(t, b.checkin, b.checkout, nightsOf({ ...offer }))}, ${w.guests(b.guests)}.`);
  const total = made.reduce((sum, b) => sum + b.total, 0);
  t.say([w.confirmed, ...lines, w.confirmedTotal(w.money(total, offer.currency), t.hotel.checkin_time, t.hotel.checkout_time), w.keepCode].join('\n'));
  s.booked = [...s.booked, ...made.map((b) => b.code)].slice(-10);
  s.lastStay = { checkin: offer.checkin, checkout: offer.checkout };
  s.managing = made[made.length - 1].code;
  s.bookingRev += 1;
  s.frame = { ...(f.name ? { name: f.name } : {}), ...(f.email ? { email: f.email } : {}) };
  s.offer = undefined;
  s.mode = undefined;
  s.step = undefined;
  s.options = undefined;
}
