/**
 * Questions hotels answer in their FAQ that guests ask without the FAQ's words: "our flight lands at 11pm, will
 * someone give us the keys?" is a late arrival though it says neither "late" nor "check-in". A concept is two
 * things said together (an arrival, and a late or early hour); an FAQ entry has the concept when its topic or
 * keywords name it. English words only; every pattern is anchored on words and linear in the text.
 */
const ARRIVAL = /\b(?:arriv\w*|land|lands|landing|flight|train|get (?:in|there|to the hotel)|gets in|check(?:ing)? ?in|come in|reach the hotel)\b/;

interface Concept {
  /** An FAQ entry whose topic or keywords contain one of these has the concept. */
  names: RegExp;
  /** The guest's question has it when both parts are said. */
  asked: (t: string) => boolean;
}

const CONCEPTS: Concept[] = [
  {
    names: /\blate (?:check-?in|arrival)|\barriv\w* late\b|\b24[- ]?hours?\b|\bafter midnight\b|\bnight check-?in\b/,
    asked: (t) => ARRIVAL.test(t) && /\b(?:late|midnight|at night|in the night|after hours|(?:9|10|11|12)(?::\d\d)? ?pm|2[1-3][:h.]\d\d|0[0-4][:h.]\d\d|[1-4](?::\d\d)? ?am)\b/.test(t),
  },
  {
    names: /\bearly (?:check-?in|arrival)|\barriv\w* early\b/,
    asked: (t) => ARRIVAL.test(t) && /\b(?:early|in the morning|(?:[5-9]|10|11)(?::\d\d)? ?am|0[5-9][:h.]\d\d|1[01][:h.]\d\d)\b/.test(t) && /\b(?:room|check-?in|ready|early)\b/.test(t),
  },
];

/** The FAQ entries (by index) whose concept the question asks, when it asks one. */
export function conceptMatches(entries: ReadonlyArray<{ topic: string; keywords?: string[] }>, text: string): number[] {
  const t = text.slice(0, 2000).toLowerCase();
  const asked = CONCEPTS.filter((c) => c.asked(t));
  if (!asked.length) return [];
  return entries.flatMap((e, i) => {
    const named = [e.topic, ...(e.keywords ?? [])].join(' | ').toLowerCase();
    return asked.some((c) => c.names.test(named)) ? [i] : [];
  });
}
