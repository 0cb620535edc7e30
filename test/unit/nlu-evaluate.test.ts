/** The scoring rules of `nlu eval` that are not plain equality. */
import { expectedCheckout, expectingFromQuestion, sweep } from '../../src/nlu/eval/evaluate';

const flagged =
  'dataset canonical checkout is not after checkin (NLU++ resolves each date on its own against 2022-03-15); score the *_text spans or re-resolve';

describe('nlu eval scoring', () => {
  it('re-resolves a flagged check-out after the check-in, and only a flagged one', () => {
    const line = {
      text: 'from the 1st to the 17th',
      intent: 'booking.create',
      notes: flagged,
      slots: { checkin: '2022-04-01', checkout: '2022-03-17', checkout_text: '17th' },
    };
    expect(expectedCheckout(line)).toBe('2022-04-17');
    expect(expectedCheckout({ ...line, notes: undefined })).toBe('2022-03-17');
    expect(
      expectedCheckout({
        ...line,
        slots: { checkin: '2022-12-20', checkout: '2022-01-03', checkout_text: '3 January' },
      }),
    ).toBe('2023-01-03');
    // A text with its own year is what the guest wrote: it stays (and cannot match a sensible answer).
    expect(
      expectedCheckout({
        ...line,
        slots: { checkin: '2022-04-04', checkout: '2017-10-09', checkout_text: '9 October 2017' },
      }),
    ).toBe('2017-10-09');
  });

  it('reads the bot question a line answers, hyphenated or not', () => {
    expect(expectingFromQuestion('What is the check-out date?')).toEqual([
      { name: 'awaiting_checkout', lifespan: 1, parameters: { intent: 'booking.create' } },
    ]);
    expect(expectingFromQuestion('When do you check in?')[0].name).toBe('awaiting_checkin');
    expect(expectingFromQuestion('How many people should I search for?')[0]).toEqual({
      name: 'awaiting_guests',
      lifespan: 1,
      parameters: { intent: 'booking.availability' },
    });
    expect(expectingFromQuestion('Anything else?')).toEqual([]);
  });

  it('sweeps the handoff threshold and picks the one that gets the most lines right', () => {
    const lines = [
      { text: 'a', intent: 'booking.create' },
      { text: 'b', intent: 'booking.cancel', accept: ['booking.status'] },
      { text: 'c', intent: 'booking.create' },
      { text: 'd', intent: 'out_of_scope' },
      { text: 'e', intent: 'oos' },
    ];
    const answers = [
      { intent: 'booking.create', confidence: 0.9, isFallback: false },
      { intent: 'booking.status', confidence: 0.7, isFallback: false }, // accepted for this line
      { intent: 'booking.create', confidence: 0.8, isFallback: false },
      { intent: 'hotel.prices', confidence: 0.4, isFallback: false }, // caught only by a threshold above 0.4
      { intent: 'Default Fallback Intent', confidence: 0.95, isFallback: true }, // caught at any threshold
    ];
    const result = sweep(lines, answers)!;
    // Up to 0.4 'd' is acted on (4 of 5 right); above 0.4 and up to 0.7 all 5 are; above 0.7 'b' is lost. The middle of
    // the best range is reported.
    expect(result.best).toEqual({ threshold: 0.55, inScopeAccuracy: 1, outOfScopeRecall: 1 });
    expect(result.points.find((p) => p.threshold === 0.25)).toEqual({
      threshold: 0.25,
      inScopeAccuracy: 1,
      outOfScopeRecall: 0.5,
    });
    expect(result.points.find((p) => p.threshold === 0.75)).toEqual({
      threshold: 0.75,
      inScopeAccuracy: 0.6667,
      outOfScopeRecall: 1,
    });
    expect(result.points).toHaveLength(19);
    expect(sweep(lines.slice(0, 3), answers.slice(0, 3))).toBeUndefined();
  });
});
