/**
 * Guest messages built to make regular expressions backtrack: a short pattern of pieces that the project's patterns
 * look for (email and phone characters, count and name cues, date words) repeated up to Chatwoot's content limit.
 * Shared by the property test and `npm run bench` (which cannot import test code, so the bench has its own copy of
 * the worst cases: src/cli/bench/adversarial.ts).
 */
import fc from 'fast-check';

/** Chatwoot's own limit on a message's content. */
export const GUEST_TEXT_LIMIT = 150_000;

export const ADVERSARIAL_ATOMS = [
  'a', 'A', '1', '9', ' ', '  ', '\n', '.', '-', '@', '+', '(', ')', "'", '’', '#', '_', 'é', 'x',
  'a@', '@a.', 'a.', '.a', 'a@a.', '+1 ', '1 ', '1-', '12', '1st ', 'the ', 'for ', 'of ', 'on ',
  'my name is ', "I'm Ab ", 'I am A', 'under ', 'we are ', 'a couple of ', 'room ', 'rooms ', 'double ', 'double-',
  'suite ', 'x2 ', 'nights ', 'adults ', 'people ', 'until ', 'check out ', 'from ', 'may ', 'march ', 'code ',
  'booking ', 'X8Q1', 'yes ', 'e-mail ', '?', 'ab',
];

/** A repeated pattern of 1 to 4 atoms (plus a random tail piece), exactly GUEST_TEXT_LIMIT characters long. */
export function adversarialText(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fc.constantFrom(...ADVERSARIAL_ATOMS), { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 3 }))
    .map(([atoms, tail]) => {
      const unit = atoms.join('') + tail;
      return unit.repeat(Math.ceil(GUEST_TEXT_LIMIT / unit.length)).slice(0, GUEST_TEXT_LIMIT);
    });
}
