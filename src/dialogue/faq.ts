/** Answers from the hotel file's FAQ: the entry whose topic or keywords appear in the guest's words. */
import type { Hotel } from '../reservations/hotel';

const words = (s: string) => ` ${s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim()} `;

export function faqMatches(hotel: Hotel, text: string): Hotel['faq'] {
  const t = words(text);
  const hits: Array<{ entry: Hotel['faq'][number]; score: number }> = [];
  for (const entry of hotel.faq) {
    const keys = [entry.topic, ...(entry.keywords ?? [])].map(words);
    // Longer keywords ("late checkout") beat shorter ones ("checkout") that they contain.
    const score = Math.max(0, ...keys.filter((k) => t.includes(k) || (k.trim().length > 4 && t.includes(` ${k.trim()}s `))).map((k) => k.length));
    if (score) hits.push({ entry, score });
  }
  return hits.sort((a, b) => b.score - a.score).map((h) => h.entry);
}

export function faqAnswer(hotel: Hotel, text: string): string | undefined {
  const hits = faqMatches(hotel, text);
  if (!hits.length) {
    const policy = Object.entries(hotel.policies).find(([k]) => words(text).includes(` ${k.toLowerCase()} `));
    return policy?.[1];
  }
  return hits
    .slice(0, 2)
    .map((h) => h.answer)
    .join('\n');
}
