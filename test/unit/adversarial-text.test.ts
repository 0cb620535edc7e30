/**
 * One guest message of Chatwoot's maximum length (150,000 characters), built to make backtracking patterns work
 * hardest, must not hold the event loop: every pattern that reads guest text is linear in it, and understanding
 * and logging read a bounded head of it. A quadratic pattern takes tens of seconds on such a string, and each run
 * yields to the event loop first, so the runner's timeout fails the test; how long the work takes is measured by `npm run bench` (section "adversarial").
 */
import fc from 'fast-check';
import { matchOption } from '../../src/dialogue/choices';
import { faqMatches } from '../../src/dialogue/faq';
import { maskText, maskValue } from '../../src/logging/mask';
import { findConfirmationCode, findEmail, findName } from '../../src/nlu/local/entities/contact';
import { findGuests, findNights, findRooms } from '../../src/nlu/local/entities/counts';
import { findEntityValue } from '../../src/nlu/local/entities/custom';
import { expectingFromQuestion } from '../../src/nlu/local/entities/expecting';
import { bareNumber } from '../../src/nlu/local/entities/numbers';
import { findFacts } from '../../src/nlu/local/extract';
import { featuresOf } from '../../src/nlu/local/features';
import { LocalNluEngine } from '../../src/nlu/local/engine';
import { defaultAgentDir, defaultHotelConfig } from '../../src/paths';
import { loadHotels } from '../../src/reservations/hotel-file';
import { ADVERSARIAL_ATOMS, adversarialText, GUEST_TEXT_LIMIT } from '../support/adversarial';

const roomType = {
  name: 'room-type',
  entries: [
    { value: 'double', synonyms: ['double room', 'king bed'] },
    { value: 'family suite', synonyms: ['family room', 'suite'] },
  ],
};
const options = [
  { title: 'Sea View Suite', value: 'room:suite' },
  { title: 'Yes, confirm', value: 'booking:confirm' },
];
const hotel = loadHotels(defaultHotelConfig)[0];

/** Every function that reads a guest's words with patterns, called the way the service calls it. */
const READERS: Record<string, (text: string) => unknown> = {
  findEmail: (t) => findEmail(t),
  findConfirmationCode: (t) => findConfirmationCode(t, 'confirmation_code'),
  findName: (t) => findName(t, 'name'),
  findNights: (t) => findNights(t),
  findGuests: (t) => findGuests(t, 2),
  findRooms: (t) => findRooms(t, ['double', 'king', 'suite']),
  findEntityValue: (t) => findEntityValue(t, roomType),
  bareNumber: (t) => bareNumber(t),
  expectingFromQuestion: (t) => expectingFromQuestion(t),
  featuresOf: (t) => featuresOf(t),
  // Dates (chrono-node) are read through findFacts, which reads a bounded head of the message.
  findFacts: (t) => findFacts(t, { referenceDate: '2027-03-10', timeZone: 'Europe/London', params: [], entities: [roomType], expecting: 'checkout' }),
  matchOption: (t) => matchOption(t, options),
  faqMatches: (t) => faqMatches(hotel, t),
  maskText: (t) => maskText(t),
  maskValue: (t) => maskValue({ content: t, meta: { sender: { email: t, phone_number: t } } }),
};

describe('150,000-character adversarial messages', () => {
  const text = adversarialText();

  it.each(Object.keys(READERS))('%s finishes on every one (linear patterns)', async (name) => {
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        // Back to the event loop before each run, so the runner's timeout can fire once a run has blocked too long.
        await new Promise((resolve) => setImmediate(resolve));
        expect(t.length).toBe(GUEST_TEXT_LIMIT);
        READERS[name](t);
      }),
      // The plainest repetitions first: each made a pattern of this project backtrack quadratically once.
      { numRuns: 12, seed: 2027, examples: ['a', '1 ', 'a.', '@a.', 'a@a.'].map((atom) => [atom.repeat(GUEST_TEXT_LIMIT).slice(0, GUEST_TEXT_LIMIT)]) },
    );
  });

  it('the embedded engine understands them (a bounded head), and still reads a booking at their start', async () => {
    const engine = await LocalNluEngine.fromAgentDir(defaultAgentDir);
    const query = (t: string) => ({ text: t, sessionId: 's', languageCode: 'en', timeZone: 'Europe/London', referenceDate: '2027-03-10' });
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        await new Promise((resolve) => setImmediate(resolve));
        engine.detectSync(query(t));
      }),
      { numRuns: 6, seed: 7 },
    );
    const long = `book a double room from March 12 to March 14, my email is ana@example.com. ${'a@a.'.repeat(40_000)}`;
    const r = engine.detectSync(query(long));
    expect(r.parameters).toMatchObject({ checkin: '2027-03-12', checkout: '2027-03-14', email: 'ana@example.com' });
  });

  it('the logs keep a bounded, masked head of a long value and say how much was left out', () => {
    const long = `write to maria.lopez@example.com ${'x'.repeat(GUEST_TEXT_LIMIT)}`;
    const out = maskText(long);
    expect(out.length).toBeLessThan(5_000);
    expect(out).toContain('m***@e***.com');
    expect(out).not.toContain('maria.lopez');
    expect(out).toMatch(/\[\+\d+ characters\]$/);
  });

  it('uses atoms that reach every pattern family', () => {
    // A guard for the generator itself: losing the email, phone or name atoms would make the property vacuous.
    for (const needed of ['@', '.', '+1 ', 'my name is ', 'we are ', 'until ']) expect(ADVERSARIAL_ATOMS).toContain(needed);
  });
});
