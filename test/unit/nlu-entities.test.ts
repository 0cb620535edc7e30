import { extractParameters, type ExtractContext } from '../../src/nlu/local/extract';
import type { NormalizedParameters } from '../../src/nlu/port';

// Tuesday 10 March 2026; Madrid is on UTC+1 until 29 March.
const REF = '2026-03-10';
const ROOM_TYPES = {
  name: 'room-type',
  entries: [
    { value: 'single', synonyms: ['single room', 'single'] },
    { value: 'double', synonyms: ['double room', 'double', 'king'] },
    { value: 'twin', synonyms: ['twin room', 'twin'] },
    { value: 'suite', synonyms: ['suite', 'junior suite'] },
    { value: 'family', synonyms: ['family room', 'family suite'] },
  ],
};

function extract(text: string, extra: Partial<ExtractContext> = {}) {
  return extractParameters(text, { referenceDate: REF, timeZone: 'Europe/Madrid', params: [], entities: [ROOM_TYPES], ...extra });
}

type Case = [string, NormalizedParameters, Partial<ExtractContext>?];

const dates: Case[] = [
  ['tomorrow', { checkin: '2026-03-11' }],
  // "from 12": chrono alone reads 12 o'clock.
  ['from 12 July to 14 July', { checkin: '2026-07-12', checkout: '2026-07-14' }],
  ['from 12 to 14 July', { checkin: '2026-07-12', checkout: '2026-07-14' }],
  ['from 3pm', {}],
  ["we'll be 3 now, my sister is coming", { guests: 3 }],
  ['from 3 january 2020 to 5 january 2020', {}], // in the past: not a stay, and not "the 3rd" of next month either
  // Weekday names beside dates: the day of the month wins; "fri and sat night" are two nights; a weekend of a month.
  ['from wed 24th to sat 27th', { checkin: '2026-03-24', checkout: '2026-03-27' }],
  ['6 ppl fri 20 to sun 22 march', { checkin: '2026-03-20', checkout: '2026-03-22', guests: 6 }], // a bare day number too
  ['fri 2 nights', { checkin: '2026-03-13', nights: 2 }], // a count after the weekday is not its date
  ['28 march, 20 people', { checkin: '2026-03-28', guests: 20 }], // "march, 20" is no year
  ['between the 5th and the 8th of may', { checkin: '2026-05-05', checkout: '2026-05-08' }],
  ['between 2 and 3 people', { guests: 3 }], // counts, not days
  ['this weekend, fri and sat night', { checkin: '2026-03-13', checkout: '2026-03-15' }],
  ['the first weekend of april, fri to sun', { checkin: '2026-04-03', checkout: '2026-04-05' }],
  ['the last weekend of may', { checkin: '2026-05-29', checkout: '2026-05-31' }],
  ['the 3rd of april to sunday', { checkin: '2026-04-03', checkout: '2026-04-05' }],
  ['can I come tmrw', { checkin: '2026-03-11' }],
  ['next Friday', { checkin: '2026-03-20' }],
  ['this weekend', { checkin: '2026-03-13', checkout: '2026-03-15', nights: 2 }],
  ['a room for the weekend please', { checkin: '2026-03-13', checkout: '2026-03-15', nights: 2, rooms: 1 }],
  ['from the 12th to the 15th', { checkin: '2026-03-12', checkout: '2026-03-15' }],
  ['from the 3rd to the 6th', { checkin: '2026-04-03', checkout: '2026-04-06' }],
  ['from the 28th to the 2nd', { checkin: '2026-03-28', checkout: '2026-04-02' }],
  ['the 5th', { checkin: '2026-04-05' }],
  ['on the 10th', { checkin: '2026-03-10' }],
  ['March 7-10', { checkin: '2027-03-07', checkout: '2027-03-10' }],
  ['June 2 to June 5', { checkin: '2026-06-02', checkout: '2026-06-05' }],
  ['from the 4th to 9 October', { checkin: '2026-10-04', checkout: '2026-10-09' }],
  ['arriving May 26', { checkin: '2026-05-26' }],
  ['Aug the 18th to August 20th', { checkin: '2026-08-18', checkout: '2026-08-20' }],
  ['7/3', { checkin: '2027-03-07' }],
  ['7/3', { checkin: '2026-07-03' }, { timeZone: 'America/New_York' }],
  ['in 2 weeks', { checkin: '2026-03-24' }],
  ['a fortnight today', { checkin: '2026-03-24' }],
  // chrono alone reads "night on 18 July" as tonight
  ['for one night on 18 july', { checkin: '2026-07-18', nights: 1 }],
  ['2nd of next month', { checkin: '2026-04-02' }],
  ['arriving on the 20th and leaving on the 2nd', { checkin: '2026-03-20', checkout: '2026-04-02' }],
  ['I check out on the 9th, check in on the 5th', { checkin: '2026-04-05', checkout: '2026-04-09' }],
  ['until the 20th', { checkout: '2026-03-20' }],
  ['the 20th', { checkout: '2026-03-20' }, { expecting: 'checkout' }],
  ['the 20th', { checkin: '2026-03-20' }, { expecting: 'checkin' }],
  ['Monday next week until Thursday', { checkin: '2026-03-16', checkout: '2026-03-19' }],
  ['booked it 3 days ago', {}],
  ['can I check in at 4', {}],
];

const counts: Case[] = [
  ['for 3 nights', { nights: 3 }],
  ['two nights please', { nights: 2 }],
  ['for a week', { nights: 7 }],
  ['2 weeks', { nights: 14 }],
  ['staying 4 days', { nights: 4 }],
  ['2 adults and a child', { guests: 3 }],
  ['two adults, two kids and a baby', { guests: 5 }],
  ['for 4 people', { guests: 4 }],
  ['me and my wife', { guests: 2 }],
  ['my husband and I plus our 2 kids', { guests: 4 }],
  ['we are a couple', { guests: 2 }],
  ['just me', { guests: 1 }],
  ['a party of six', { guests: 6 }],
  ['a room for 3', { guests: 3, rooms: 1 }],
  ['2 rooms', { rooms: 2 }],
  ['a room', { rooms: 1 }],
  ['double rooms x2', { rooms: 2, room_type: 'double' }],
  ['three suites', { rooms: 3, room_type: 'suite' }],
  ['2 rooms with 2 adults in each', { rooms: 2, guests: 4 }],
  ['3', { guests: 3 }, { expecting: 'guests' }],
  ['3', { nights: 3 }, { expecting: 'nights' }],
  ['two please', { rooms: 2 }, { expecting: 'rooms' }],
  ['3 of us', { guests: 3 }, { expecting: 'nights' }],
  ['a room for 2 nights from the 12th', { rooms: 1, nights: 2, checkin: '2026-03-12' }],
];

const others: Case[] = [
  ['a Twin room', { rooms: 1, room_type: 'twin' }],
  ['any SUITES free?', { room_type: 'suite' }],
  ['a dobule please', { room_type: 'double' }],
  ['the family suite', { room_type: 'family' }],
  ['for a single night', { nights: 1 }],
  ['my email is Ana.Ruiz@Example.com', { email: 'ana.ruiz@example.com' }],
  ['olga.petrova @ example.com', { email: 'olga.petrova@example.com' }], // spaces a phone put around the @
  ['my name is ana ruiz', { name: 'Ana Ruiz' }],
  ["I'm Tom", { name: 'Tom' }],
  ['this is Maria Lopez, I have a question', { name: 'Maria Lopez' }],
  ["I'm looking for a room", { rooms: 1 }],
  ["I'm Spanish", {}],
  ['a double, name Pedro Alves, pedro@example.com', { room_type: 'double', rooms: 1, name: 'Pedro Alves', email: 'pedro@example.com' }],
  ['name the price for a single', { room_type: 'single', rooms: 1 }],
  ['John Smith', { name: 'John Smith' }, { expecting: 'name' }],
  ['my code is 7kq2m9xd', { confirmation_code: '7KQ2M9XD' }],
  ['cancel 7KQ2-M9XD', { confirmation_code: '7KQ2M9XD' }],
  ['booking ABCDEFGH', { confirmation_code: 'ABCDEFGH' }],
  ['booking for weekends', {}],
  ['I have a reservation, code rxkkwydg, under Kerstin Vogel', { confirmation_code: 'RXKKWYDG', name: 'Kerstin Vogel' }],
  ['my code is weekends', { confirmation_code: 'WEEKENDS' }], // after "code" even a word is taken: the look-up then says it is not found
  ['hjkmnpqr', { confirmation_code: 'HJKMNPQR' }, { expecting: 'confirmation_code' }],
  ['code 7KQ2M9XD for 2 people', { confirmation_code: '7KQ2M9XD', guests: 2 }],
];

describe('extractParameters', () => {
  // Wordings the extractor does not handle yet: kept visible as failing-by-design tests, so fixing one turns its
  // test red here and it moves to the list above.
  const KNOWN_GAPS = new Set(['we are a couple', '3 of us', 'for a single night']);
  for (const [text, expected, extra] of [...dates, ...counts, ...others]) {
    (KNOWN_GAPS.has(text) ? it.failing : it)(`${text} → ${JSON.stringify(expected)}`, () => {
      expect(extract(text, extra).normalized).toEqual(expected);
    });
  }

  const PARAMS: ExtractContext['params'] = [
    { name: 'checkin', entityType: '@sys.date' },
    { name: 'checkout', entityType: '@sys.date' },
    { name: 'stay', entityType: '@sys.date-period' },
    { name: 'guests', entityType: '@sys.number-integer' },
    { name: 'room_type', entityType: '@room-type' },
    { name: 'email', entityType: '@sys.email' },
  ];

  it('gives Dialogflow-style raw values for the intent parameters, "" when unfilled', () => {
    const { normalized, raw } = extract('a double from 12 July to 14 July for 2 people', { params: PARAMS });
    expect(normalized).toEqual({ checkin: '2026-07-12', checkout: '2026-07-14', guests: 2, room_type: 'double' });
    expect(raw).toEqual({
      checkin: '2026-07-12T12:00:00+02:00',
      checkout: '2026-07-14T12:00:00+02:00',
      stay: { startDate: '2026-07-12T12:00:00+02:00', endDate: '2026-07-14T12:00:00+02:00' },
      guests: 2,
      room_type: 'double',
      email: '',
    });
  });

  it('reads the stay beside a confirmation code in the same message', () => {
    const { normalized } = extract('a double from 12 July to 14 July for 2 people, code 7KQ2M9XD');
    expect(normalized).toEqual({ checkin: '2026-07-12', checkout: '2026-07-14', guests: 2, rooms: 1, room_type: 'double', confirmation_code: '7KQ2M9XD' });
  });

  it('reports durations and persons as the composite system entities do', () => {
    const { raw } = extract('my name is Li Wei, 3 nights', {
      params: [
        { name: 'nights', entityType: '@sys.duration' },
        { name: 'name', entityType: '@sys.person' },
      ],
    });
    expect(raw).toEqual({ nights: { amount: 3, unit: 'day' }, name: { name: 'Li Wei' } });
  });

  it('uses the zone offset of the date itself (winter vs summer time)', () => {
    expect(extract('tomorrow').raw.checkin).toBe('2026-03-11T12:00:00+01:00');
    expect(extract('tomorrow', { timeZone: 'America/New_York' }).raw.checkin).toBe('2026-03-11T12:00:00-04:00');
    expect(extract('tomorrow', { timeZone: 'UTC' }).raw.checkin).toBe('2026-03-11T12:00:00+00:00');
  });

  it('is deterministic', () => {
    const text = 'Hi, 2 adults + 1 kid, double room, from the 3rd to the 6th, me@example.com';
    expect(extract(text)).toEqual(extract(text));
  });
});
