/**
 * Answers from the hotel file: the FAQ entry whose topic or keywords appear in the guest's words (or whose concept
 * the question asks, faq-concepts.ts), else a policy named by a word of the question ("pay" → payment), else (when
 * asked to) the entry or policy whose own text shares a distinctive word with the question ("paypal", "airport").
 */
import type { Hotel } from '../reservations/hotel';
import { conceptMatches } from './faq-concepts';

const MAX_TEXT = 2000;
const words = (s: string) =>
  ` ${s
    .slice(0, MAX_TEXT)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

// Words too common in hotel talk to tell one answer from another.
const COMMON = new Set(
  'about actually after again also arrive arriving available before book booking bring could check close does from have hotel into just know later like might more much need night nights other please price prices room rooms should stay than thank thanks that their there these they this those time want what when where which will with would week weekend your sorry hello great okay typo oops'.split(
    ' ',
  ),
);

export function faqMatches(hotel: Hotel, text: string): Hotel['faq'] {
  const t = words(text);
  const hits: Array<{ entry: Hotel['faq'][number]; score: number }> = [];
  for (const entry of hotel.faq) {
    const keys = [entry.topic, ...(entry.keywords ?? [])].map(words);
    // Longer keywords ("late checkout") beat shorter ones ("checkout") that they contain.
    const score = Math.max(0, ...keys.filter((k) => t.includes(k) || (k.trim().length > 4 && t.includes(` ${k.trim()}s `))).map((k) => k.length));
    if (score) hits.push({ entry, score });
  }
  if (!hits.length) {
    // Nothing said in the FAQ's words: a question it answers by concept ("our flight lands at 11pm" → late arrival).
    for (const i of conceptMatches(hotel.faq, text)) hits.push({ entry: hotel.faq[i], score: 1 });
  }
  return hits.sort((a, b) => b.score - a.score).map((h) => h.entry);
}

/** "smoke" and "smoking", "cancel" and "cancellation": one word with another ending (a common start of 4+ letters). */
function sameStem(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 4 && n >= Math.min(a.length, b.length) - 1;
}

/**
 * Words guests use for the policies hotels usually write (the keys are free, these are the common ones): "a cot"
 * asks the children policy, "my dog" the pets policy.
 */
const POLICY_WORDS: Record<string, string[]> = {
  children: ['child', 'children', 'kid', 'kids', 'baby', 'babies', 'infant', 'toddler', 'cot', 'cots', 'crib', 'cribs'],
  pets: ['pet', 'pets', 'dog', 'dogs', 'cat', 'cats', 'puppy', 'animal', 'animals'],
  smoking: ['smoke', 'smoking', 'smoker', 'cigarette', 'cigarettes', 'vape', 'vaping'],
  payment: ['pay', 'paying', 'card', 'cards', 'cash', 'paypal', 'deposit', 'prepay', 'prepayment'],
  cancellation: ['cancel', 'cancelling', 'canceling', 'cancellation', 'refund', 'refundable'],
};

/** A policy whose name a word of the question starts ("pay" → payment, "pets", "kids" no). */
function policyByName(hotel: Hotel, text: string): string | undefined {
  const tokens = words(text).trim().split(' ');
  for (const [key, value] of Object.entries(hotel.policies)) {
    const k = key.toLowerCase();
    if (tokens.some((w) => w.length >= 3 && (k === w || (k.startsWith(w) && k.length - w.length <= 6) || (w.startsWith(k) && w.length - k.length <= 3) || sameStem(w, k)))) return value;
    if (tokens.some((w) => POLICY_WORDS[k]?.includes(w))) return value;
  }
  return undefined;
}

/** The FAQ answer or policy sharing a distinctive word (5+ letters, not hotel small talk) with the question. */
function byMeaning(hotel: Hotel, text: string): string | undefined {
  const tokens = [...new Set(words(text).trim().split(' '))].filter((w) => w.length >= 5 && !COMMON.has(w));
  if (!tokens.length) return undefined;
  const candidates = [...hotel.faq.map((f) => f.answer), ...Object.values(hotel.policies)];
  let best: { text: string; score: number } | undefined;
  for (const c of candidates) {
    const body = words(c);
    const score = tokens.filter((w) => body.includes(` ${w} `) || body.includes(` ${w}s `)).length;
    if (score && (!best || score > best.score)) best = { text: c, score };
  }
  return best?.text;
}

export function faqAnswer(hotel: Hotel, text: string, opts: { byMeaning?: boolean } = {}): string | undefined {
  const hits = faqMatches(hotel, text);
  // A policy the question names ("can I smoke on the terrace") beats an FAQ entry found only by one of its keywords
  // ("terrace" of breakfast); an FAQ topic the question names ("is breakfast on the terrace") still wins.
  const topicNamed = hits.some((h) => words(text).includes(words(h.topic)));
  const policy = policyByName(hotel, text);
  if (policy && !topicNamed) return policy;
  if (hits.length) {
    return hits
      .slice(0, 2)
      .map((h) => h.answer)
      .join('\n');
  }
  return policyByName(hotel, text) ?? (opts.byMeaning ? byMeaning(hotel, text) : undefined);
}
