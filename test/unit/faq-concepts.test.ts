/** FAQ entries found by what the question is about when it uses none of the entry's words. */
import { faqAnswer } from '../../src/dialogue/faq';
import { loadHotels } from '../../src/reservations/hotel-file';
import { projectRoot } from '../../src/paths';
import * as path from 'node:path';

// Casa do Rio's FAQ has "late check-in" (keywords: late arrival, after midnight…) and no entry for early arrival.
const [hotel] = loadHotels(path.join(projectRoot, 'test', 'conversations', 'hotels', 'casa-do-rio.yaml'));
const LATE = 'Reception is open 24 hours';

describe('FAQ by concept', () => {
  it.each([
    'our flight lands at 11pm, will someone be there to give us the keys?',
    'the train gets in at 23:30, is that ok?',
    'we will be checking in around 1am',
  ])('"%s" is a late arrival', (text) => {
    expect(faqAnswer(hotel, text)).toContain(LATE);
  });

  it.each([
    'our flight lands at 11am', // an arrival, but not a late one
    'is the bar open late?', // late, but no arrival
    'we land in lisbon on friday',
  ])('"%s" is not', (text) => {
    expect(faqAnswer(hotel, text) ?? '').not.toContain(LATE);
  });

  it("a hotel whose FAQ has no such entry answers nothing by concept", () => {
    const without = { ...hotel, faq: hotel.faq.filter((f) => f.topic !== 'late check-in') };
    expect(faqAnswer(without, 'our flight lands at 11pm, will someone be there?') ?? '').not.toContain(LATE);
  });
});
