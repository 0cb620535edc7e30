/**
 * What a guest's text says beside the NLU's parameters: corrections, shifts, next week's weekdays, holidays, counts,
 * names; and the NLU context for the question the bot just asked.
 */
import type { NluContext, NormalizedParameters } from '../nlu/port';
import { daysInStayMonth, departureAfterArrival, guestCount, nameChange, namedDay, nextWeekRepair, nightsOfRepair, oneNightOrMore, partyCount, replacedDay, roomCount, stayShift } from './corrections';
import { stayOf, type Facts } from './frame';
import { oneOfThem, roomMix } from './room-mix';
import type { Step } from './state';
import type { Turn } from './turn';

/** The NLU context for the question just asked, so "the 12th" or "3" is read as its answer. */
export function contexts(t: Turn): NluContext[] {
  const param: Partial<Record<Step, string>> = {
    dates: 'checkin',
    guests: 'guests',
    name: 'name',
    email: 'email',
    lookup_code: 'confirmation_code',
    lookup_email: 'email',
    modify_dates: 'checkin',
    modify_guests: 'guests',
  };
  const p = t.state.step ? param[t.state.step] : undefined;
  if (!p) return [];
  const mode = t.state.mode;
  return [{ name: `awaiting_${p}`, lifespan: 1, parameters: { intent: !mode || mode === 'booking' ? 'booking.create' : `booking.${mode}` } }];
}

/** "in 2020", "yesterday", "last week": a stay that would start before today. */
export function mentionsPast(text: string, today: string): boolean {
  const year = Number(today.slice(0, 4));
  const years = [...text.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  return years.some((y) => y < year) || /\b(yesterday|last (week|month|year|night))\b/i.test(text);
}

/** The NLU's parameters plus what guests say that it does not read (corrections, shifts, holidays, counts). */
export function factsOf(t: Turn, p: NormalizedParameters, text: string): Facts & { code?: string; email?: string } {
  const f: Facts & { code?: string } = {
    checkin: p.checkin,
    checkout: p.checkout,
    nights: p.nights,
    guests: p.guests,
    rooms: p.rooms,
    room: p.room_type,
    name: p.name,
    email: p.email,
    code: p.confirmation_code,
  };
  const shift = stayShift(text);
  if (shift && (t.state.frame.checkin || t.state.managing || p.confirmation_code)) {
    // "a day later" is relative to the stay, not to today: the parser's reading of it is dropped.
    f.shift = shift;
    delete f.checkin;
    delete f.checkout;
    delete f.nights;
  }
  const replaced = !f.shift && replacedDay(text, stayOf(t.state.frame));
  if (replaced) {
    // The parser read "the 23rd instead of the 22nd" as two new dates; the guest moved one end of the stay.
    delete f.checkin;
    delete f.checkout;
    delete f.nights;
    Object.assign(f, replaced);
  }
  nextWeekRepair(text, f, t.today);
  nightsOfRepair(text, f);
  const departure = departureAfterArrival(text, f, t.state.frame.checkin?.value);
  if (departure) f.checkout = departure;
  // "another double for my parents on the same dates": the stay of the booking just made.
  const last = t.state.lastStay;
  if (last && !f.checkin && !f.shift && !t.state.frame.checkin && /\b(?:same|those|these) (?:dates|days|nights|stay|weekend)\b/i.test(text)) {
    f.checkin = last.checkin;
    f.checkout = last.checkout;
  }
  const inStayMonth = !f.shift && !replaced && daysInStayMonth(text, f, t.state.frame.checkin?.value, t.today);
  if (inStayMonth) Object.assign(f, inStayMonth);
  // "on New Year's Eve" sets the arrival the parser missed; "from easter sunday" replaces its reading of "sunday".
  const holiday = !f.shift && namedDay(text, t.today);
  if (holiday && (!f.checkin || (holiday.weekday && f.checkin !== holiday.date))) {
    const nights = f.checkin && f.checkout ? undefined : f.nights;
    f.checkin = holiday.date;
    if (f.checkout && f.checkout <= holiday.date) delete f.checkout;
    if (nights) f.nights = nights;
  }
  const guests = guestCount(text);
  if (guests && (!f.guests || /\b(to|now|of us|make it)\b/i.test(text))) f.guests = guests;
  // "2 adults and 2 children": the parser counts one part; the party is both.
  const party = partyCount(text);
  if (party) f.guests = party;
  const rooms = roomCount(text);
  if (rooms && (!f.rooms || f.rooms === 1)) f.rooms = rooms;
  // "4 doubles and 3 singles", "can one of them be a twin": rooms of several types (the NLU reads one).
  const frame = t.state.frame;
  const single = t.state.offer?.lines.length === 1 ? t.state.offer.lines[0] : undefined;
  // The hotel file's words first; else the NLU's reading with the agent's words in the guest's language ("una doble
  // y una individual"), when every type it names is one of this hotel's.
  const fromNlu = p.room_mix && p.room_mix.every((m) => t.room(m.room)) ? p.room_mix : undefined;
  const mix = roomMix(text, t.hotel) ?? fromNlu ?? oneOfThem(text, t.hotel, { room: frame.room?.value ?? single?.room, rooms: frame.rooms?.value ?? single?.rooms });
  if (mix) {
    f.mix = mix;
    delete f.room;
    delete f.rooms;
  }
  const nights = oneNightOrMore(text);
  if (nights && !f.nights && !(f.checkout && f.checkin && f.checkout > f.checkin)) {
    f.nights = nights;
    delete f.checkout;
  }
  const name = nameChange(text);
  if (name) f.name = name;
  for (const k of Object.keys(f) as Array<keyof typeof f>) if (f[k] === undefined) delete f[k];
  return f;
}
