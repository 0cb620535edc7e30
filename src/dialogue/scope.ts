/**
 * Is a request something the hotel offers through this bot? The intent classifier reads words: "cancel the massage
 * booking" looks like booking.cancel, "any table free tonight" like booking.availability, and "the bike in the gym
 * is broken" like a question about the gym. The bot books rooms and answers the hotel file's FAQ; a massage, a
 * table or a repair is for staff. A pure function of the text, the intent the bot would act on and the hotel file:
 * the router asks it before acting and hands off (or falls back) when it names a reason.
 *
 * - `not_a_room`: a booking intent whose text names something bookable that is not a room (a facility or service:
 *   the built-in list below, and the hotel file's FAQ keywords of the topics that are such facilities) and no room
 *   (the word room, a stay, nights, or one of the hotel's room types and their synonyms).
 * - `incident`: something is broken or not working: a problem for staff, whatever the words around it.
 */
import type { Hotel } from '../reservations/hotel';

export interface OutsideOffer {
  reason: 'not_a_room' | 'incident';
  /** The words that show it, as the guest wrote them (normalised), e.g. "massage" or "broken". */
  subject: string;
}

/** Intents that book, change, cancel or look up a room. */
const ROOM_BOOKING_INTENTS = new Set([
  'booking.create',
  'booking.availability',
  'booking.cancel',
  'booking.modify',
  'booking.status',
]);

/** Intents where no request is made (nothing to be outside of), or that already go to staff. */
const NO_REQUEST_INTENTS = new Set(['smalltalk.greeting', 'smalltalk.goodbye', 'smalltalk.thanks', 'agent.handoff']);

/** Words that make a request about a room, whatever else it names ("a room near the spa"). */
const ROOM_WORDS = ['room', 'stay', 'night', 'accommodation', 'bed', 'suite', 'check in', 'checkin', 'arrival'];

/**
 * Bookable things a hotel guest may ask for that are not rooms. The hotel file's FAQ keywords join them for the
 * topics that are about one of these (a hotel's "valet" with "parking", "cocktail" with "bar").
 */
const FACILITIES = [
  'massage', 'spa', 'treatment', 'facial', 'manicure', 'pedicure', 'sauna', 'hammam', 'salon', 'haircut',
  'table', 'restaurant', 'dinner', 'lunch', 'brunch', 'breakfast', 'meal', 'bar', 'drink',
  'gym', 'fitness', 'treadmill', 'bike', 'pool', 'sunbed', 'lounger', 'cabana', 'court', 'tennis', 'golf',
  'taxi', 'cab', 'car', 'shuttle', 'transfer', 'tour', 'excursion', 'ticket', 'flight',
  'parking', 'laundry', 'class', 'lesson', 'appointment',
];

/** Rooms that are not for sleeping: a request for one is an event, for staff, even though it says "room". */
const VENUES = ['meeting room', 'conference room', 'function room', 'event room', 'ballroom', 'boardroom', 'board room', 'meeting space', 'event space', 'conference hall', 'banquet hall'];

/** Something broken or not working (an in-stay problem), as guests say it. */
const INCIDENT =
  /\b(broken|broke|not work(?:ing|s)?|stopped working|won ?t (?:turn|switch) on|not turning on|out of order|leak(?:ing|s)?|damaged|dirty|stained|clogged|blocked|flooded|no hot water)\b/;

/** Lower case, letters and digits only, single spaces, with a space at each end for whole-phrase matching. */
function normalise(text: string): string {
  const t = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/n't\b/g, ' not')
    .replace(/['’]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return ` ${t} `;
}

/** The phrase (singular or plural) that comes first in normalised text. */
function firstPresent(text: string, phrases: Iterable<string>): string | undefined {
  let first: { at: number; form: string } | undefined;
  for (const phrase of phrases) {
    const p = normalise(phrase).trim();
    if (!p) continue;
    for (const form of [p, `${p}s`, `${p}es`]) {
      const at = text.indexOf(` ${form} `);
      if (at >= 0 && (!first || at < first.at)) first = { at, form };
    }
  }
  return first?.form;
}

/** The hotel's room words: the built-in ones, and every room type's name, id and synonyms. */
function roomWords(hotel: Hotel): string[] {
  return [...ROOM_WORDS, ...hotel.room_types.flatMap((r) => [r.id, r.name, ...r.synonyms])];
}

/** The built-in facilities and the FAQ keywords of the topics that are about one of them. */
function facilityWords(hotel: Hotel): string[] {
  const extra = hotel.faq
    .filter((f) => firstPresent(normalise([f.topic, ...(f.keywords ?? [])].join(' , ')), FACILITIES))
    .flatMap((f) => f.keywords ?? []);
  return [...FACILITIES, ...extra];
}

/** Undefined when the request is something the hotel offers through the bot (or no request at all). */
export function outsideOffer(text: string, intent: string, hotel: Hotel): OutsideOffer | undefined {
  if (NO_REQUEST_INTENTS.has(intent)) return undefined;
  const t = normalise(text);
  const incident = INCIDENT.exec(t);
  if (incident) return { reason: 'incident', subject: incident[1] };
  if (!ROOM_BOOKING_INTENTS.has(intent)) return undefined;
  const venue = firstPresent(t, VENUES);
  if (venue) return { reason: 'not_a_room', subject: venue };
  if (firstPresent(t, roomWords(hotel))) return undefined;
  const facility = firstPresent(t, facilityWords(hotel));
  return facility ? { reason: 'not_a_room', subject: facility } : undefined;
}
