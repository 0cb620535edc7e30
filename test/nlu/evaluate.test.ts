/** The scoring rules of `nlu eval` that are not plain equality. */
import { expectedCheckout, expectingFromQuestion } from '../../src/nlu/eval/evaluate';

const flagged = 'dataset canonical checkout is not after checkin (NLU++ resolves each date on its own against 2022-03-15); score the *_text spans or re-resolve';

describe('nlu eval scoring', () => {
  it('re-resolves a flagged check-out after the check-in, and only a flagged one', () => {
    const line = { text: 'from the 1st to the 17th', intent: 'booking.create', notes: flagged, slots: { checkin: '2022-04-01', checkout: '2022-03-17', checkout_text: '17th' } };
    expect(expectedCheckout(line)).toBe('2022-04-17');
    expect(expectedCheckout({ ...line, notes: undefined })).toBe('2022-03-17');
    expect(expectedCheckout({ ...line, slots: { checkin: '2022-12-20', checkout: '2022-01-03', checkout_text: '3 January' } })).toBe('2023-01-03');
    // A text with its own year is what the guest wrote: it stays (and cannot match a sensible answer).
    expect(expectedCheckout({ ...line, slots: { checkin: '2022-04-04', checkout: '2017-10-09', checkout_text: '9 October 2017' } })).toBe('2017-10-09');
  });

  it('reads the bot question a line answers, hyphenated or not', () => {
    expect(expectingFromQuestion('What is the check-out date?')).toEqual([{ name: 'awaiting_checkout', lifespan: 1, parameters: { intent: 'booking.create' } }]);
    expect(expectingFromQuestion('When do you check in?')[0].name).toBe('awaiting_checkin');
    expect(expectingFromQuestion('How many people should I search for?')[0]).toEqual({ name: 'awaiting_guests', lifespan: 1, parameters: { intent: 'booking.availability' } });
    expect(expectingFromQuestion('Anything else?')).toEqual([]);
  });
});
