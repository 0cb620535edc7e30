/**
 * Text → sparse features for the intent classifier: normalised word unigrams and bigrams (light stemming) plus
 * character 2- to 5-grams inside word boundaries (weighted 0.5), which make the classifier tolerant of typos and
 * inflections. Measured on CLINC150 (train → val): 2..5 beat 3..4 by about half a point of accuracy; word trigrams,
 * skip-bigrams and character n-grams across word boundaries did not help.
 */
import { MONTH_NAMES, WEEKDAY_NAMES } from './entities/calendar';

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/n't\b/g, ' not'],
  [/'m\b/g, ' am'],
  [/'re\b/g, ' are'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/'ve\b/g, ' have'],
  [/'s\b/g, ''],
];

export function normalize(text: string): string {
  let t = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’`]/g, "'");
  for (const [re, rep] of CONTRACTIONS) t = t.replace(re, rep);
  return t.replace(/[^a-z0-9@.' ]+/g, ' ').replace(/['.]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Light suffix stripping: enough to join "bookings/booking/booked", not a linguistic stemmer. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  return word
    .replace(/(ies)$/, 'y')
    .replace(/(sses)$/, 'ss')
    .replace(/([^s])s$/, '$1')
    .replace(/(ing|ed)$/, (m, _s, off) => (off >= 3 ? '' : m))
    .replace(/(ation|ment)$/, '');
}

/**
 * Calendar words stand for their class: "from 3 january to the 5th" and "from 12 august to the 15th" ask the same
 * thing, and a hotel's training phrases cannot name every month and day. The words below stay words: they are more
 * often verbs or nouns than dates.
 */
const MONTH = new RegExp(`^(?:${MONTH_NAMES})$`);
const WEEKDAY = new RegExp(`^(?:${WEEKDAY_NAMES})$`);
const ORDINAL = /^\d{1,2}(st|nd|rd|th)$/;
const NOT_DATES = new Set(['may', 'march', 'mar', 'sat', 'sun', 'wed']);

/** The class a word stands for, or undefined for an ordinary word. */
function wordClass(word: string): string | undefined {
  if (/^\d+$/.test(word)) return '<num>';
  if (NOT_DATES.has(word)) return undefined;
  if (ORDINAL.test(word)) return '<ordinal>';
  if (MONTH.test(word)) return '<month>';
  if (WEEKDAY.test(word)) return '<weekday>';
  return undefined;
}

export function tokens(text: string): string[] {
  return normalize(text)
    .split(' ')
    .filter(Boolean)
    .map((w) => wordClass(w) ?? stem(w));
}

export function featuresOf(text: string): Map<string, number> {
  const toks = tokens(text);
  const f = new Map<string, number>();
  const add = (k: string, w: number) => f.set(k, (f.get(k) ?? 0) + w);
  for (let i = 0; i < toks.length; i++) {
    add(`w:${toks[i]}`, 1);
    if (i + 1 < toks.length) add(`b:${toks[i]}_${toks[i + 1]}`, 1);
  }
  for (const w of normalize(text).split(' ')) {
    if (!w || wordClass(w)) continue; // a class is one feature, not the spelling of its member
    const padded = `<${w}>`;
    for (let n = 2; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`, 0.5);
  }
  return f;
}
