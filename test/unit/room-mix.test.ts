import { oneOfThem, roomMix } from '../../src/dialogue/room-mix';
import { loadHotels } from '../../src/reservations/hotel-file';
import { defaultHotelConfig } from '../../src/paths';
import type { Hotel } from '../../src/reservations/hotel';

/** The demo hotel (config/hotel.yaml): single, double, twin, suite and family rooms, named in five languages. */
const hotel = loadHotels(defaultHotelConfig)[0];

/** A hotel whose types are words of its own: the mix is read by the hotel file's words, not a built-in list. */
const lodge: Hotel = {
  ...hotel,
  room_types: [
    { ...hotel.room_types[0], id: 'cabin', name: 'Forest Cabin', synonyms: ['cabin', 'chalet'], texts: { name: { en: 'Forest Cabin' }, description: { en: '' } } },
    { ...hotel.room_types[1], id: 'loft', name: 'Barn Loft', synonyms: ['loft'], texts: { name: { en: 'Barn Loft' }, description: { en: '' } } },
  ],
};

describe('roomMix: rooms of several types in one message', () => {
  it.each([
    ['7 rooms please, 4 doubles and 3 singles, 19-21 march, we are 11', [{ room: 'double', rooms: 4 }, { room: 'single', rooms: 3 }]],
    ['a family room and a single please', [{ room: 'family', rooms: 1 }, { room: 'single', rooms: 1 }]],
    ['ok, 10 doubles and 2 twins then', [{ room: 'double', rooms: 10 }, { room: 'twin', rooms: 2 }]],
    ['family reunion! 4 family rooms and 2 suites, 26 to 28 march', [{ room: 'family', rooms: 4 }, { room: 'suite', rooms: 2 }]],
    ['ok 3 singles and 1 double then', [{ room: 'single', rooms: 3 }, { room: 'double', rooms: 1 }]],
    ['2 double rooms + one twin room', [{ room: 'double', rooms: 2 }, { room: 'twin', rooms: 1 }]],
    ['two doubles, a twin and another double', [{ room: 'double', rooms: 3 }, { room: 'twin', rooms: 1 }]],
    ['I need three rooms, two of them doubles and one single', [{ room: 'double', rooms: 2 }, { room: 'single', rooms: 1 }]],
  ])('%s', (text, expected) => {
    expect(roomMix(text, hotel)).toEqual(expected);
  });

  it.each([
    ['12 double rooms for 24 guests'], // one type
    ['a double or a twin, whichever is cheaper'], // alternatives
    ['sorry I meant a double, not a twin'], // a correction
    ['we are a family of 4 and need 2 rooms, 2 doubles ideally'], // "a family" is people here
    ['double and twin rooms, how much?'], // types without counts: a question, not an order
    ['is the twin bigger than the double?'],
  ])('no mix: %s', (text) => {
    expect(roomMix(text, hotel)).toBeUndefined();
  });

  it("reads a hotel's own room words", () => {
    expect(roomMix('2 cabins and a barn loft for the 5 of us', lodge)).toEqual([
      { room: 'cabin', rooms: 2 },
      { room: 'loft', rooms: 1 },
    ]);
  });

  it('takes linear time on a long message of room words', () => {
    // 150,000 characters of mentions: the text is capped and scanned once (a regex-heavy reading would hang).
    const long = '2 doubles and '.repeat(11_000);
    expect(roomMix(long, hotel)).toBeUndefined(); // one type only
  });
});

describe('oneOfThem: one of the rooms asked becomes another type', () => {
  it('"can one of them be a twin" splits two doubles', () => {
    expect(oneOfThem('actually can one of them be a twin', hotel, { room: 'double', rooms: 2 })).toEqual([
      { room: 'double', rooms: 1 },
      { room: 'twin', rooms: 1 },
    ]);
  });
  it('needs several rooms of one type and another type named', () => {
    expect(oneOfThem('can one of them be a twin', hotel, { room: 'double', rooms: 1 })).toBeUndefined();
    expect(oneOfThem('one of them is for my mother', hotel, { room: 'double', rooms: 3 })).toBeUndefined();
    expect(oneOfThem('one of them a double too', hotel, { room: 'double', rooms: 3 })).toBeUndefined();
  });
});
