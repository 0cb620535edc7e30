import { outsideOffer } from '../../src/dialogue/scope';
import { loadHotels } from '../../src/reservations/hotel-file';
import { defaultHotelConfig } from '../../src/paths';
import type { Hotel } from '../../src/reservations/hotel';

/** The demo hotel (config/hotel.yaml): five room types, FAQ topics with keywords (spa, gym, restaurant…). */
const miramar = loadHotels(defaultHotelConfig)[0];

/** A hotel of another kind: its own room names and a FAQ word ("hammock") the built-in list does not have. */
const lodge: Hotel = {
  ...miramar,
  id: 'lodge',
  room_types: [
    { ...miramar.room_types[0], id: 'cabin', name: 'Forest cabin', synonyms: ['cabin', 'chalet'] },
  ],
  faq: [{ topic: 'spa', keywords: ['hammock garden', 'spa'], answer: 'Open all day.', texts: { answer: { en: 'Open all day.' }, keywords: undefined } }],
};

describe('outsideOffer: bookings of things that are not rooms', () => {
  it.each([
    ['cancel the spa massage I booked for sunday', 'booking.cancel', 'spa'],
    ['do you have a free table for dinner tonight', 'booking.availability', 'table'],
    ['move my dinner reservation to 8pm', 'booking.modify', 'dinner'],
    ['please book a taxi to the airport for 6am', 'booking.create', 'taxi'],
    ['is my tennis court booking confirmed', 'booking.status', 'tennis'],
    ['I want to reserve a treatment at the spa', 'booking.create', 'treatment'],
    ['I need to book a meeting room for 10 people next tuesday', 'booking.create', 'meeting room'],
    ['is the conference room free on friday', 'booking.availability', 'conference room'],
  ])('%s (%s) is not a room booking', (text, intent, subject) => {
    expect(outsideOffer(text, intent, miramar)).toEqual({ reason: 'not_a_room', subject });
  });

  it('uses the hotel file: its FAQ keywords of a facility topic count as facilities', () => {
    expect(outsideOffer('reserve the hammock garden for two', 'booking.create', lodge)).toEqual({
      reason: 'not_a_room',
      subject: 'hammock garden',
    });
    // The demo hotel has no such topic: nothing says it is not a room.
    expect(outsideOffer('reserve the hammock garden for two', 'booking.create', miramar)).toBeUndefined();
  });

  it.each([
    ['book a double room near the pool', 'booking.create'],
    ['cancel my stay, we will use the spa another time', 'booking.cancel'],
    ['two nights with breakfast please', 'booking.create'],
    ['I want to book the sea view for the weekend', 'booking.create'],
    ['please cancel my reservation', 'booking.cancel'],
    ['can I change the dates of my booking', 'booking.modify'],
    ['do you have anything free from the 3rd to the 6th', 'booking.availability'],
  ])('a room, or nothing but the booking, stays in scope: %s', (text, intent) => {
    expect(outsideOffer(text, intent, miramar)).toBeUndefined();
  });

  it("the hotel's own room names are rooms: a chalet at the lodge, not at the Miramar", () => {
    expect(outsideOffer('book a chalet with parking', 'booking.create', lodge)).toBeUndefined();
    expect(outsideOffer('book a chalet with parking', 'booking.create', miramar)).toEqual({
      reason: 'not_a_room',
      subject: 'parking',
    });
  });

  it('questions about facilities are the FAQ’s, not outside the offer', () => {
    expect(outsideOffer('is the spa open on sundays', 'hotel.amenities', miramar)).toBeUndefined();
    expect(outsideOffer('how much is a massage', 'hotel.prices', miramar)).toBeUndefined();
  });
});

describe('outsideOffer: something broken is for staff', () => {
  it.each([
    ['one of the exercise bikes in the gym is broken', 'hotel.amenities', 'broken'],
    ['the air conditioning in my room is not working', 'booking.status', 'not working'],
    ["the tv doesn't work", 'hotel.amenities', 'not work'],
    ['the shower is leaking', 'booking.modify', 'leaking'],
    ['the lift is out of order', 'out_of_scope', 'out of order'],
  ])('%s', (text, intent, subject) => {
    expect(outsideOffer(text, intent, miramar)).toEqual({ reason: 'incident', subject });
  });

  it('not when the bot is not asked for anything, or already hands off', () => {
    expect(outsideOffer('thanks, the broken lamp was fixed', 'smalltalk.thanks', miramar)).toBeUndefined();
    expect(outsideOffer('nothing is working, get me a person', 'agent.handoff', miramar)).toBeUndefined();
  });
});
