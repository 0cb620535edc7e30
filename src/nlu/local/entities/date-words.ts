/**
 * What a hotel's date glue needs to know of each language beside English (dates.ts): chrono-node's parser for it
 * (loaded on first use: each locale costs heap), and the words around dates that chrono leaves to us: which date
 * is the arrival and which the departure, bare days ("el 6", "le 6", "am 6."), weekends and ranges.
 * All four write the day first ("12/03" is 12 March), in every time zone.
 */
import type * as chrono from 'chrono-node';

export type DateLanguage = 'es' | 'pt' | 'de' | 'fr';

export interface DateWords {
  /** Rewrites chrono does not read as a hotel means it ("del 3 al 6 de abril", "12.03."). */
  prepare(text: string): string;
  /** A day with no month: group 1 is the day ("el 6", "dia 8", "le 6", "am 6."). */
  bareDay: RegExp;
  /** The weekend; group 1 is "next" when it says the next one. */
  weekend: RegExp;
  /** Words right before a date that make it the check-out, the check-in, or the second end of a range. */
  checkoutCue: RegExp;
  checkinCue: RegExp;
  rangeCue: RegExp;
  /** Between a bare first day and a dated second one in a range ("del 3 al 6 de abril"). */
  rangeJoin: RegExp;
  /** Words after a number that make it no day ("el 5 de la mañana" is a time, "el 2 personas" a count). */
  notADay: RegExp;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (lang: DateLanguage): typeof chrono.es => require(`chrono-node/${lang}`);
const parsers = new Map<DateLanguage, chrono.Chrono>();

/** chrono-node's casual parser for the language, loaded the first time a guest writes in it. */
export function parserOf(lang: DateLanguage): chrono.Chrono {
  let p = parsers.get(lang);
  if (!p) {
    p = load(lang).casual;
    parsers.set(lang, p);
  }
  return p;
}

export const isDateLanguage = (lang: string | undefined): lang is DateLanguage => !!lang && lang in WORDS;

const MONTHS: Record<DateLanguage, string> = {
  es: 'ene(?:ro)?|feb(?:rero)?|mar(?:zo)?|abr(?:il)?|may(?:o)?|jun(?:io)?|jul(?:io)?|ago(?:sto)?|sep(?:t(?:iembre)?)?|set(?:iembre)?|oct(?:ubre)?|nov(?:iembre)?|dic(?:iembre)?',
  pt: 'jan(?:eiro)?|fev(?:ereiro)?|mar(?:ço|co)?|abr(?:il)?|mai(?:o)?|jun(?:ho)?|jul(?:ho)?|ago(?:sto)?|set(?:embro)?|out(?:ubro)?|nov(?:embro)?|dez(?:embro)?',
  de: 'jan(?:uar)?|jän(?:ner)?|feb(?:ruar)?|mär(?:z)?|maerz|apr(?:il)?|mai|jun(?:i)?|jul(?:i)?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dez(?:ember)?',
  fr: 'janv(?:ier)?|f[ée]v(?:rier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?',
};

/** A German date with dots ("12.03.", "12.3.2027", "vom 3.4 bis 6.4") as chrono reads it: "12/03", "12/3/2027". */
function germanDots(text: string): string {
  return text
    .replace(/\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b/g, '$1/$2/$3')
    .replace(/\b(\d{1,2})\.(\d{1,2})\.(?!\d)/g, '$1/$2')
    .replace(/\b(vom|von|bis|zum|ab|am|den)\s+(\d{1,2})\.(\d{1,2})\b(?![.:\d]|\s*uhr)/gi, '$1 $2/$3');
}

const AFTER_NUMBER_NOT_A_DAY =
  '\\s*(?:[/:.,]\\d|h\\b|hs\\b|uhr|horas?|heures?|noches?|noites?|nuits?|n[äa]chte|nacht|d[ií]as?|jours?|tage?n?|personas?|pessoas?|personnes?|personen|adult|niñ|crian|enfant|kind|habitaci|quartos?|chambres?|zimmer|€|eur|euros?)';

const NOT_DAY = new RegExp(`^${AFTER_NUMBER_NOT_A_DAY}`, 'i');

const WORDS: Record<DateLanguage, DateWords> = {
  es: {
    prepare: (t) =>
      t
        // "del 3 al 6 de abril": chrono reads "del 3 al 6" as times; give the first day its month.
        .replace(new RegExp(`\\b(\\d{1,2})\\s+(al|a|hasta el|hasta|y el|-|–)\\s+(?:el\\s+)?(\\d{1,2})\\s+de\\s+(${MONTHS.es})\\b`, 'gi'), '$1 de $4 $2 $3 de $4')
        .replace(/\bd[ií]a\s+(?=\d)/gi, '')
        .replace(/\bpasado\s+mañana\b/gi, 'en 2 días')
        .replace(/\bpor la mañana\b|\bde la mañana\b/gi, ' '),
    bareDay: /\b(?:el|del|al|hasta el|desde el)\s+(\d{1,2})\b/gi,
    weekend: /\b(?:(?:este|el)\s+)?(pr[oó]ximo\s+)?(?:fin\s+de\s+semana|finde)(\s+que\s+viene|\s+pr[oó]ximo)?\b/i,
    checkoutCue: /(?:hasta|al|salida|salir|salimos|salgo|me voy|nos vamos|check[\s-]?out)(?:\s+(?:el|la|es|ser[ií]a|d[ií]a|del|:))*\s*$/i,
    checkinCue: /(?:del|desde|entrada|llego|llegamos|llegada|llegar|a partir del?|check[\s-]?in|entrar|entramos)(?:\s+(?:el|la|es|ser[ií]a|d[ií]a|del|:))*\s*$/i,
    rangeCue: /(?:al|a|-|–|y)(?:\s+(?:el))*\s*$/i,
    rangeJoin: /^\s*(?:-|–|al|a|hasta(?:\s+el)?|y\s+el)\s*(?:el\s+)?$/i,
    notADay: NOT_DAY,
  },
  pt: {
    prepare: (t) =>
      t
        .replace(/\b(?:o\s+)?dia\s+(?=\d)/gi, '')
        .replace(new RegExp(`\\b(\\d{1,2})\\s+(até|ate|e)\\s+(\\d{1,2})\\s+de\\s+(${MONTHS.pt})\\b`, 'gi'), '$1 de $4 $2 $3 de $4')
        .replace(/\bdepois\s+de\s+amanh[ãa]\b/gi, ' ')
        .replace(/\bpela manh[ãa]\b|\bde manh[ãa]\b/gi, ' '),
    bareDay: /\b(?:do|ao|até o|até|o|no|a partir do)\s+(\d{1,2})\b/gi,
    weekend: /\b(?:(?:este|esse|neste|nesse|no|o)\s+)?(pr[oó]ximo\s+)?(?:fim\s+de\s+semana|fds)(\s+que\s+vem)?\b/i,
    checkoutCue: /(?:até|ate|ao|saída|saida|sair|saio|saímos|check[\s-]?out)(?:\s+(?:o|a|é|dia|do|:))*\s*$/i,
    checkinCue: /(?:do|desde|a partir d[eo]|entrada|chego|chegamos|chegada|chegar|check[\s-]?in|entrar)(?:\s+(?:o|a|é|dia|do|:))*\s*$/i,
    rangeCue: /(?:a|ao|até|-|–|e)(?:\s+(?:o|dia))*\s*$/i,
    rangeJoin: /^\s*(?:-|–|a|ao|até(?:\s+o)?|e\s+o)\s*$/i,
    notADay: NOT_DAY,
  },
  de: {
    prepare: (t) => germanDots(t).replace(/\bmorgen\s+(?:früh|frueh)\b/gi, 'morgen'),
    bareDay: /\b(?:am|vom|bis zum|bis|zum|ab dem|ab)\s+(\d{1,2})\.(?!\d)/gi,
    weekend: /(?:\b(?:dieses|diesem|am|das|übers|ueber(?:s| das))\s+)?(?:\b(n[äa]chste[ns]?)\s+)?\bwochenende\b/i,
    checkoutCue: /(?:bis|abreise|abreisen|auschecken|check[\s-]?out|abfahrt)(?:\s+(?:zum|am|ist|den|dem|der|:))*\s*$/i,
    checkinCue: /(?:vom|von|ab|anreise|ankunft|anreisen|ankommen|einchecken|check[\s-]?in)(?:\s+(?:zum|am|ist|den|dem|der|:))*\s*$/i,
    rangeCue: /(?:bis|-|–|und)(?:\s+(?:zum|am|den))*\s*$/i,
    rangeJoin: /^\s*(?:-|–|bis(?:\s+zum)?|und)\s*$/i,
    notADay: NOT_DAY,
  },
  fr: {
    prepare: (t) => t.replace(/\bapr[eè]s[\s-]demain\b/gi, 'dans 2 jours').replace(/\b1er\b/gi, '1'),
    bareDay: /\b(?:le|du|au|jusqu'au|jusqu’au|à partir du|dès le)\s+(\d{1,2})(?:er)?\b/gi,
    weekend: /\b(?:(?:ce|le)\s+)?week[\s-]?end(?:\s+(prochain))?\b/i,
    checkoutCue: /(?:jusqu'au|jusqu’au|jusqu'à|au|départ|depart|partir|partons|pars|check[\s-]?out)(?:\s+(?:le|la|est|du|:))*\s*$/i,
    checkinCue: /(?:du|à partir du|dès le|arrivée|arrivee|arrive|arrivons|arriver|check[\s-]?in)(?:\s+(?:le|la|est|du|:))*\s*$/i,
    rangeCue: /(?:au|-|–|et)(?:\s+(?:le))*\s*$/i,
    rangeJoin: /^\s*(?:-|–|au|jusqu['’]au|et\s+le)\s*$/i,
    notADay: NOT_DAY,
  },
};

/** A cue must start a word: "individual del 3/4" does not end in the cue "al". */
const wordStart = (re: RegExp) => new RegExp(`(?<![\\p{L}])${re.source}`, 'iu');
const compiled = new Map<DateLanguage, DateWords>();

export function wordsOf(lang: DateLanguage): DateWords {
  let w = compiled.get(lang);
  if (!w) {
    const raw = WORDS[lang];
    w = { ...raw, checkoutCue: wordStart(raw.checkoutCue), checkinCue: wordStart(raw.checkinCue), rangeCue: wordStart(raw.rangeCue) };
    compiled.set(lang, w);
  }
  return w;
}
