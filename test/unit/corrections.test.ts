/** What guests say beside the NLU's parameters: shifts of the stay, the party, next week's days. */
import { guestCount, nextWeekRepair, stayShift } from '../../src/dialogue/corrections';
import type { Facts } from '../../src/dialogue/frame';

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
  ] as const)('"%s" → %d', (text, n) => {
    expect(guestCount(text)).toBe(n);
  });

  it.each(["we'll be 3 nights", 'we will be there at 4', 'we are 2 rooms short'])('no party in "%s"', (text) => {
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

  it('"this weekend" stays this weekend', () => {
    const f: Facts = { checkin: '2027-03-12', checkout: '2027-03-14' };
    nextWeekRepair('this weekend fri-sun', f, '2027-03-10');
    expect(f).toEqual({ checkin: '2027-03-12', checkout: '2027-03-14' });
  });
});
