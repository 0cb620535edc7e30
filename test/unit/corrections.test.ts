/** What guests say beside the NLU's parameters: shifts of the stay, the party, next week's days. */
import { daysInStayMonth, departureAfterArrival, guestCount, namedDay, nextWeekRepair, nightsOfRepair, oneNightOrMore, partyCount, stayShift } from '../../src/dialogue/corrections';
import type { Facts } from '../../src/dialogue/frame';
import { easterSunday } from '../../src/time/dates';

describe('stayShift: the stay moved by words', () => {
  it.each([
    ['can we arrive a day later', { days: 1, which: 'checkin' }],
    ['the week after, same days', { days: 7, which: 'both' }],
    ['we need to push it back one week pls', { days: 7, which: 'both' }],
    ['could you postpone the booking by 2 days', { days: 2, which: 'both' }],
    ['can we bring it forward a day', { days: -1, which: 'both' }],
    ['one more night please', { days: 1, which: 'checkout' }],
  ] as const)('"%s"', (text, shift) => {
    expect(stayShift(text)).toEqual(shift);
  });

  it.each(['push the button', 'we will be back next year', 'a week in april'])('no shift in "%s"', (text) => {
    expect(stayShift(text)).toBeUndefined();
  });
});

describe('guestCount: the party as guests say it', () => {
  it.each([
    ['Could we be 3 instead of 2?', 3],
    ["we'll be 4", 4],
    ['change the number of guests to 1', 1],
    ['3 of us', 3],
    ['just me', 1],
    ['another double for my parents on the same dates', 2],
  ] as const)('"%s" → %d', (text, n) => {
    expect(guestCount(text)).toBe(n);
  });

  it.each(["we'll be 3 nights", 'we will be there at 4', 'we are 2 rooms short', 'can we make it 20-22 april instead?', 'make it the 21st'])('no party in "%s"', (text) => {
    expect(guestCount(text)).toBeUndefined();
  });
});

describe('nextWeekRepair: next week and next weekend', () => {
  // Wednesday 2027-03-10: this Friday is the 12th, next week's the 19th.
  it.each(['double for next weekend fri-sun', 'fri to sun nxt wk'])('"%s" moves this week\'s days to next week', (text) => {
    const f: Facts = { checkin: '2027-03-12', checkout: '2027-03-14' };
    nextWeekRepair(text, f, '2027-03-10');
    expect(f).toEqual({ checkin: '2027-03-19', checkout: '2027-03-21' });
  });

  it('"the weekend after next" is two weeks on', () => {
    const f: Facts = { checkin: '2027-03-12', checkout: '2027-03-14' };
    nextWeekRepair('suite for 2, the weekend after next, fri to sun', f, '2027-03-10');
    expect(f).toEqual({ checkin: '2027-03-26', checkout: '2027-03-28' });
  });

  it('"this weekend" stays this weekend', () => {
    const f: Facts = { checkin: '2027-03-12', checkout: '2027-03-14' };
    nextWeekRepair('this weekend fri-sun', f, '2027-03-10');
    expect(f).toEqual({ checkin: '2027-03-12', checkout: '2027-03-14' });
  });
});

describe('partyCount: a party counted in parts', () => {
  it.each([
    ['we are 2 adults and 2 children', 4],
    ['room for me and my 2 kids', 3],
    ['me, my wife and our 3 kids', 5],
    ['2 adults and a child', 3],
    ['suite for me, my husband and our daughter', 3],
  ] as const)('"%s" → %d', (text, n) => {
    expect(partyCount(text)).toBe(n);
  });
  it.each(['2 adults and a baby', '3 adults', 'kids eat free?', 'do 2 kids need a cot'])('no whole party in "%s"', (text) => {
    expect(partyCount(text)).toBeUndefined();
  });
});

describe('daysInStayMonth: bare days correcting a stay keep its month', () => {
  // A stay from 12 April; the parser read "the 14th to the 16th" in March (today is 10 March).
  it('"no, the 14th to the 16th" is 14–16 April', () => {
    expect(daysInStayMonth('no, the 14th to the 16th', { checkin: '2027-03-14', checkout: '2027-03-16' }, '2027-04-12', '2027-03-10')).toEqual({ checkin: '2027-04-14', checkout: '2027-04-16' });
  });
  it('a month or a weekday named, or no stay yet, changes nothing', () => {
    expect(daysInStayMonth('the 14th to the 16th of march', { checkin: '2027-03-14', checkout: '2027-03-16' }, '2027-04-12', '2027-03-10')).toBeUndefined();
    expect(daysInStayMonth('friday the 14th', { checkin: '2027-03-14' }, '2027-04-12', '2027-03-10')).toBeUndefined();
    expect(daysInStayMonth('the 14th to the 16th', { checkin: '2027-03-14', checkout: '2027-03-16' }, undefined, '2027-03-10')).toBeUndefined();
  });
});

describe('Easter', () => {
  it.each([
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2030, '2030-04-21'],
  ])('Easter Sunday %d is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
  it('"from easter sunday" and "good friday" are the next ones from today, and carry a weekday', () => {
    expect(namedDay('double from easter sunday for 2 nights', '2027-03-10')).toEqual({ date: '2027-03-28', weekday: true });
    expect(namedDay('good friday to easter monday', '2027-03-10')).toEqual({ date: '2027-03-26', weekday: true });
    expect(namedDay('easter', '2027-04-01')).toEqual({ date: '2028-04-16', weekday: true }); // this year's has passed
    expect(namedDay("new year's eve", '2027-03-10')).toEqual({ date: '2027-12-31', weekday: false });
    expect(namedDay('a quiet weekend', '2027-03-10')).toBeUndefined();
  });
});

describe('nights said as nights', () => {
  it('"tomorrow and the day after" are two nights', () => {
    expect(oneNightOrMore('a double for tomorrow and the day after')).toBe(2);
    expect(oneNightOrMore('tonight and tomorrow night')).toBe(2);
  });
  it('"the nights of the 2nd and 3rd" end on the 4th', () => {
    const f: Facts = { checkin: '2027-04-02', checkout: '2027-04-03' };
    nightsOfRepair('twin for the nights of the 2nd and 3rd of april', f);
    expect(f).toEqual({ checkin: '2027-04-02', checkout: '2027-04-04' });
    const g: Facts = { checkin: '2027-04-02', checkout: '2027-04-03' };
    nightsOfRepair('twin from the 2nd to the 3rd of april', g);
    expect(g.checkout).toBe('2027-04-03');
  });
});

describe('departureAfterArrival', () => {
  it('"until the 21st" after an arrival on 18 April is 21 April', () => {
    expect(departureAfterArrival('until the 21st', { checkout: '2027-03-21' }, '2027-04-18')).toBe('2027-04-21');
  });
  it('"until the 2nd" after an arrival on 28 April is 2 May', () => {
    expect(departureAfterArrival('until the 2nd', { checkout: '2027-03-02' }, '2027-04-28')).toBe('2027-05-02');
  });
  it('a month named, a later departure, or no arrival changes nothing', () => {
    expect(departureAfterArrival('until 21 march', { checkout: '2027-03-21' }, '2027-04-18')).toBeUndefined();
    expect(departureAfterArrival('until the 21st', { checkout: '2027-04-21' }, '2027-04-18')).toBeUndefined();
    expect(departureAfterArrival('until the 21st', { checkout: '2027-03-21' }, undefined)).toBeUndefined();
  });
});
