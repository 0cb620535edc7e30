/** Chat shorthand read as its words before the embedded engine classifies and extracts. */
import { expandShorthand } from '../../src/nlu/local/shorthand';

describe('expandShorthand', () => {
  it.each([
    ['dbl 2ppl 3 nts from 15/5', 'double 2 ppl 3 nights from 15/5'],
    ['any twn avail 3nites?', 'any twin available 3 nights?'],
    ['Sgl rm for 1', 'single room for 1'],
    ['dbl fri 2 apr for 2n', 'double fri 2 apr for 2 nights'],
  ])('"%s" → "%s"', (text, expected) => {
    expect(expandShorthand(text, 'en')).toBe(expected);
  });

  it('leaves words that only contain the shorthand, and other languages, alone', () => {
    expect(expandShorthand('the dblclick and rmdir', 'en')).toBe('the dblclick and rmdir');
    expect(expandShorthand('dbl 2 nts', 'es')).toBe('dbl 2 nts');
  });
});
