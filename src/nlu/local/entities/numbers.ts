/** Number words and digits as guests write them ("two", "2", "a", "a couple of"). */

const WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, couple: 2, pair: 2,
};

/** Regex source matching one count: digits or a number word (used inside larger patterns). */
export const NUMBER =
  '(?:\\d{1,3}|a couple of|a pair of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)';

/** The integer a NUMBER match stands for, or undefined. */
export function numberValue(token: string): number | undefined {
  const t = token.trim().toLowerCase();
  if (/^\d+$/.test(t)) return parseInt(t, 10);
  if (t.startsWith('a couple') || t.startsWith('a pair')) return 2;
  return WORDS[t];
}

/** The only count in a short answer ("3", "three please", "2 of us"), for when the bot just asked for it. */
export function bareNumber(text: string): number | undefined {
  const t = text.toLowerCase();
  const tokens = t.match(/\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\b/g);
  if (!tokens || tokens.length !== 1) return undefined;
  if (t.replace(/[^a-z0-9]+/g, ' ').trim().split(' ').length > 6) return undefined;
  return numberValue(tokens[0]);
}
