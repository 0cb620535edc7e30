/** Number words and digits as guests write them ("two", "2", "a", "a couple of"). */

const WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, couple: 2, pair: 2,
};

/** Regex source matching one count: digits or a number word (used inside larger patterns). */
export const NUMBER =
  '(?:\\d{1,3}|a couple of|a pair of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)';

/** Number words of the guest languages beside English, as guests write them (with and without accents). */
const LOCAL_WORDS: Record<string, Record<string, number>> = {
  es: {
    un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
    once: 11, doce: 12, quince: 15, veinte: 20, par: 2, 'un par de': 2,
  },
  pt: {
    um: 1, uma: 1, dois: 2, duas: 2, 'três': 3, tres: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9,
    dez: 10, onze: 11, doze: 12, quinze: 15, vinte: 20, par: 2, 'um par de': 2,
  },
  de: {
    ein: 1, eine: 1, einen: 1, einem: 1, einer: 1, eins: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, 'fünf': 5, fuenf: 5,
    sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, 'zwölf': 12, zwoelf: 12, 'fünfzehn': 15, zwanzig: 20,
  },
  fr: {
    un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11,
    douze: 12, quinze: 15, vingt: 20,
  },
};

const ARTICLES = new Set(['un', 'una', 'um', 'uma', 'une', 'ein', 'eine', 'einen', 'einem', 'einer', 'par']);

const baseOf = (language: string | undefined) => (language ?? 'en').toLowerCase().split(/[-_]/)[0];

/** Regex source matching one count in the language: digits or one of its number words (English for others). */
export function numberPattern(language?: string): string {
  const words = LOCAL_WORDS[baseOf(language)];
  if (!words) return NUMBER;
  const alternatives = Object.keys(words).sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+'));
  return `(?:\\d{1,3}|${alternatives.join('|')})`;
}

/** The integer a NUMBER (or numberPattern(language)) match stands for, or undefined. */
export function numberValue(token: string, language?: string): number | undefined {
  const t = token.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(t)) return parseInt(t, 10);
  const local = LOCAL_WORDS[baseOf(language)];
  if (local && local[t] !== undefined) return local[t];
  if (t.startsWith('a couple') || t.startsWith('a pair')) return 2;
  return WORDS[t];
}

/** The only count in a short answer ("3", "three please", "2 of us", "dos", "zwei bitte"), when the bot asked for it. */
export function bareNumber(text: string, language?: string): number | undefined {
  const t = text.toLowerCase();
  const local = LOCAL_WORDS[baseOf(language)];
  const words = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty'];
  // The language's own words, minus those that are mostly articles ("una habitación", "ein Zimmer").
  const own = local ? Object.keys(local).filter((w) => !w.includes(' ') && !ARTICLES.has(w)) : [];
  const tokens = t.match(new RegExp(`(?<![\\p{L}\\d])(?:\\d{1,3}|${[...words, ...own].join('|')})(?![\\p{L}\\d])`, 'gu'));
  if (!tokens || tokens.length !== 1) return undefined;
  if (t.replace(/[^\p{L}0-9]+/gu, ' ').trim().split(' ').length > 6) return undefined;
  return numberValue(tokens[0], language);
}
