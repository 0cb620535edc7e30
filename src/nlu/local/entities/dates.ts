/**
 * Stay dates from free text: chrono-node finds and resolves the dates; this file only adds the glue a hotel needs
 * (bare ordinals such as "the 5th", weekends, which date is the check-in and which the check-out).
 */
import type * as chrono from 'chrono-node';

// Only the English parsers here: the package's main entry loads all sixteen languages (4.4 MB of heap against
// 1.0 MB, measured). es, pt, de and fr are loaded on first use (date-words.ts). The subpath is resolved by the
// package's "exports" at run time; its type is the main entry's `en`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const en: typeof chrono.en = require('chrono-node/en');
import { addDays, addMonths, daysInMonth, formatYmd, nightsBetween, parseYmd, weekday } from '../../../time/dates';
import { MONTH_NAMES } from './calendar';
import { isDateLanguage, parserOf, wordsOf, type DateWords } from './date-words';

export interface DateMention {
  index: number;
  end: number;
  date: string; // YYYY-MM-DD
  endDate?: string; // a range ("March 7-10", "the weekend")
  monthImplied: boolean;
  yearImplied: boolean;
  weekend?: boolean;
  /** Only a weekday was named ("sunday"): read forward from the arrival when it is the departure. */
  weekdayOnly?: boolean;
}

export interface StayDates {
  checkin?: string;
  checkout?: string;
  /** Set when the guest said "the weekend" and nothing more precise: the nights it stands for. */
  weekendNights?: number;
}

const DATE_HINT = new RegExp(
  `\\d|today|tonight|tomorrow|tmrw|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\b|\\b(?:${MONTH_NAMES})\\b|fortnight|first|second|third`,
  'i',
);
/** A bare length ('for 3 days', 'a week'): chrono reads it as a date that far ahead; for a hotel it is a stay's length. */
const DURATION_ONLY =
  /^(?:for\s+|about\s+|around\s+)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|a couple of|couple of)\s+(?:more\s+)?(?:days?|nights?|weeks?|months?|hours?|minutes?|years?)$/i;
const VAGUE = /^(?:(?:this|next|last|the)\s+)?(?:week|month|year|night|morning|evening|afternoon|noon|midnight)$/i;
/** "we'll be 3 now", "right now": the moment of writing, not a stay date. */
const NOW = /^(?:right\s+|just\s+)?now$/i;
const WEEKDAY_OR_RELATIVE = /today|tonight|tomorrow|tmrw|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b/i;

const usParsers = en.casual;
const gbParsers = en.GB;

/** Month-first (7/3 = July 3rd) only for zones in the Americas; the rest of the world writes day first. */
function parserFor(timeZone: string): chrono.Chrono {
  return /^America\//.test(timeZone) || timeZone === 'US' || timeZone.startsWith('US/') ? usParsers : gbParsers;
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

function prepare(text: string): string {
  return text
    .replace(new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+the\\s+(\\d{1,2}(?:st|nd|rd|th)?)\\b`, 'gi'), '$1 $2')
    .replace(/\b(?:a\s+)?fortnight\s+(?:today|from today|from now)\b/gi, 'in 2 weeks')
    .replace(/\bin\s+a\s+fortnight\b/gi, 'in 2 weeks')
    // "between the 5th and the 8th of may": a stay from one to the other (chrono reads "and the 8th" alone).
    .replace(/\bbetween\s+(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)?)\s+and\s+(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)?)\b(?!\s*(?:people|persons?|pax|ppl|guests?|adults?|kids?|children|nights?|rooms?|days?|weeks?|hours?|am\b|pm\b|h\b|:|o'?clock|eur|euros?|€|\$|%))/gi, (_, a: string, b: string) => {
      const day = (x: string) => `the ${parseInt(x, 10)}${ordinalSuffix(parseInt(x, 10))}`;
      return `from ${day(a)} to ${day(b)}`;
    })
    // "28 march, 20 people": chrono takes the count for the year (2020); a count of people, rooms or nights it is.
    .replace(
      new RegExp(`\\b(${MONTH_NAMES})\\.?(?:\\s*,\\s*|\\s+)(?=\\d{1,2}\\s+(?:people|persons?|pax|ppl|guests?|adults?|kids?|children|of us|rooms?|nights?|singles?|doubles?|twins?|suites?)\\b)`, 'gi'),
      '$1; ',
    )
    // "one night on 18 July": chrono reads "night on 18 July" as tonight; "nights on 18 July" it reads as the date.
    .replace(/\bnight(\s+(?:on|of|from|starting)\b)/gi, 'nights$1')
    // "May 26" would otherwise be read as May 2026.
    .replace(new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})\\b(?!\\s*(?:st|nd|rd|th|:|\\d))`, 'gi'), (_, mo: string, d: string) => `${mo} ${d}${ordinalSuffix(parseInt(d, 10))}`)
    // "from 12 July", "from 12 to 14 July": chrono reads "from 12" as 12 o'clock; a day of the month it is.
    .replace(
      /\bfrom\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?::|\.\d|am\b|pm\b|h\b|o'?clock|nights?\b|days?\b|weeks?\b|people|persons?\b|pax\b|guests?\b|adults?\b|kids?\b|children|rooms?\b|eur\b|€|\$|%|\/|-\s*\d{1,2}\s*(?:am|pm)))/gi,
      (_, d: string) => `from the ${d}${ordinalSuffix(parseInt(d, 10))}`,
    )
    .replace(/\btmrw\b|\btmr\b|\btomorow\b|\btommorow\b|\btommorrow\b/gi, 'tomorrow');
}

const WEEKDAY = '(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\\.?';
const WEEKDAY_INDEX: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const dayOfWeek = (name: string) => WEEKDAY_INDEX[name.toLowerCase().slice(0, 3)];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "April 2nd" for a date: the words chrono reads without doubt. */
function spelled(date: string): string {
  const { m, d } = parseYmd(date);
  return `${MONTHS[m - 1]} ${d}${ordinalSuffix(d)}`;
}
function monthNumber(name: string): number | undefined {
  const i = MONTHS.findIndex((n) => n.slice(0, 3).toLowerCase() === name.toLowerCase().slice(0, 3));
  return i >= 0 ? i + 1 : undefined;
}

/**
 * Weekday names that stand for dates chrono would read as this week's:
 * - "wed 24th to sat 27th": the day of the month wins over the weekday (the reply states both back);
 * - "fri and sat night(s)": those nights, so the stay ends the day after the second;
 * - "the first weekend of april, fri to sun": the weekdays fall on that weekend (its Saturday is the month's
 *   first, second, … or last Saturday; its Friday the day before).
 */
function weekdaysAsDates(text: string, today: string): string {
  let out = text.replace(new RegExp(`\\b${WEEKDAY},?\\s+(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th))\\b`, 'gi'), 'the $2');
  // "fri 19 to sun 21 march": a bare number after a weekday is its day of the month too, unless it counts or tells
  // the time ("fri 2 nights", "sat 10am", "sun 3 people").
  out = out.replace(
    new RegExp(`\\b${WEEKDAY},?\\s+(\\d{1,2})\\b(?!\\s*(?::|\\.\\d|am\\b|pm\\b|h\\b|o'?clock|nights?\\b|days?\\b|weeks?\\b|people|persons?\\b|pax\\b|ppl\\b|guests?\\b|adults?\\b|kids?\\b|children|rooms?\\b|of us|x\\b|\\d|\\/|-\\s*\\d))`, 'gi'),
    (all: string, _day: string, n: string) => {
      const d = Number(n);
      return d >= 1 && d <= 31 ? `the ${d}${ordinalSuffix(d)}` : all;
    },
  );
  out = out.replace(new RegExp(`\\b${WEEKDAY}\\s+(?:and|&|\\+)\\s+${WEEKDAY}\\s+nights?\\b`, 'gi'), (all, a: string, b: string) => {
    const next = Object.keys(WEEKDAY_INDEX).find((k) => WEEKDAY_INDEX[k] === (dayOfWeek(b) + 1) % 7)!;
    return `${a} to ${next}`;
  });
  const anchored = new RegExp(`\\b(?:the\\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|last)\\s+week-?end\\s+(?:of|in)\\s+(${MONTH_NAMES})\\b`, 'i').exec(out);
  if (!anchored) return out;
  const month = monthNumber(anchored[2]);
  if (!month) return out;
  const ref = parseYmd(today);
  const year = month < ref.m ? ref.y + 1 : ref.y;
  const saturdays: string[] = [];
  for (let d = 1; d <= daysInMonth(year, month); d++) {
    const date = formatYmd({ y: year, m: month, d });
    if (weekday(date) === 6) saturdays.push(date);
  }
  const which = anchored[1].toLowerCase();
  const order = which === 'last' ? saturdays.length - 1 : ['first', '1st', 'second', '2nd', 'third', '3rd', 'fourth', '4th'].indexOf(which) >> 1;
  const saturday = saturdays[order];
  if (!saturday) return out;
  const friday = addDays(saturday, -1);
  const onThatWeekend = (name: string) => addDays(friday, ((dayOfWeek(name) - 5 + 7) % 7 + 3) % 7 - 3);
  const range = new RegExp(`\\b${WEEKDAY}\\s*(-|–|to|till|until|through|thru)\\s*${WEEKDAY}`, 'i').exec(out.slice(anchored.index + anchored[0].length));
  const phrase = range ? `${spelled(onThatWeekend(range[1]))} to ${spelled(onThatWeekend(range[3]))}` : `${spelled(friday)} to ${spelled(addDays(friday, 2))}`;
  const head = out.slice(0, anchored.index) + phrase;
  let tail = out.slice(anchored.index + anchored[0].length);
  if (range) tail = tail.slice(0, range.index) + tail.slice(range.index + range[0].length);
  return head + tail;
}

/**
 * Every date the text names, resolved forward from `today` (YYYY-MM-DD, the hotel's calendar day). `language` is the
 * guest's: es, pt, de and fr are read with chrono's parser for it, day first in every zone; anything else as English,
 * in the order the hotel's zone writes (parserFor).
 */
export function findDates(text: string, today: string, timeZone: string, language = 'en'): { prepared: string; mentions: DateMention[] } {
  const lang = language.toLowerCase().split(/[-_]/)[0];
  if (isDateLanguage(lang)) return findLocalDates(text, today, wordsOf(lang), parserOf(lang));
  const prepared = weekdaysAsDates(prepare(text), today);
  if (!DATE_HINT.test(prepared)) return { prepared, mentions: [] };
  const ref = parseYmd(today);
  const results = parserFor(timeZone).parse(
    prepared,
    { instant: new Date(Date.UTC(ref.y, ref.m - 1, ref.d, 12)), timezone: 'UTC' },
    { forwardDate: true },
  );
  const mentions: DateMention[] = [];
  /** Dates chrono read that lie in the past: their words are not read again as a bare "the 3rd". */
  const past: Array<{ index: number; end: number }> = [];
  for (const r of results) {
    const t = r.text.trim();
    if (/weekend/i.test(t) || VAGUE.test(t) || NOW.test(t)) continue;
    if (DURATION_ONLY.test(t)) continue;
    if (!r.start.isCertain('day') && !r.start.isCertain('weekday') && !WEEKDAY_OR_RELATIVE.test(t)) continue; // "at 4"
    let date = formatYmd({ y: r.start.get('year')!, m: r.start.get('month')!, d: r.start.get('day')! });
    // chrono moves a range's start back a year when its end reads earlier ("2nd of april to sunday"): a stay's
    // named month without a year is the next one.
    if (date < today && r.start.isCertain('month') && !r.start.isCertain('year')) date = formatYmd({ ...parseYmd(date), y: parseYmd(date).y + 1 });
    if (date < today) {
      past.push({ index: r.index, end: r.index + r.text.length }); // "3 days ago", "3rd january 2020": not a stay date
      continue;
    }
    const mention: DateMention = {
      index: r.index,
      end: r.index + r.text.length,
      date,
      monthImplied: !r.start.isCertain('month'),
      yearImplied: !r.start.isCertain('year'),
      weekdayOnly: !r.start.isCertain('day') && r.start.isCertain('weekday'),
    };
    if (r.end) {
      let endDate = formatYmd({ y: r.end.get('year')!, m: r.end.get('month')!, d: r.end.get('day')! });
      // "the 2nd of april to sunday": the Sunday after the arrival, not this week's.
      if (!r.end.isCertain('day') && r.end.isCertain('weekday')) while (endDate <= date) endDate = addDays(endDate, 7);
      if (endDate > date) mention.endDate = endDate;
    }
    mentions.push(mention);
  }
  addOrdinals(prepared, today, mentions, past);
  addWeekend(prepared, today, mentions);
  mentions.sort((a, b) => a.index - b.index);
  inheritMonthInRanges(prepared, mentions);
  return { prepared, mentions };
}

const overlaps = (mentions: DateMention[], start: number, end: number) =>
  mentions.some((m) => start < m.end && end > m.index);

/** A guest writing es, pt, de or fr: that language's chrono parser, then the same glue with its words. */
function findLocalDates(text: string, today: string, words: DateWords, parser: chrono.Chrono): { prepared: string; mentions: DateMention[] } {
  const prepared = words.prepare(text);
  if (!/\d|\p{L}{4,}/u.test(prepared)) return { prepared, mentions: [] };
  const ref = parseYmd(today);
  const results = parser.parse(prepared, { instant: new Date(Date.UTC(ref.y, ref.m - 1, ref.d, 12)), timezone: 'UTC' }, { forwardDate: true });
  const mentions: DateMention[] = [];
  for (const r of results) {
    if (words.weekend.test(r.text)) continue;
    if (!r.start.isCertain('day') && !r.start.isCertain('weekday')) continue; // "a las 4", "en marzo"
    const date = formatYmd({ y: r.start.get('year')!, m: r.start.get('month')!, d: r.start.get('day')! });
    if (date < today) continue;
    const mention: DateMention = { index: r.index, end: r.index + r.text.length, date, monthImplied: !r.start.isCertain('month'), yearImplied: !r.start.isCertain('year') };
    if (r.end) {
      const endDate = formatYmd({ y: r.end.get('year')!, m: r.end.get('month')!, d: r.end.get('day')! });
      if (endDate > date) mention.endDate = endDate;
    }
    mentions.push(mention);
  }
  addBareDays(prepared, today, mentions, words);
  addWeekend(prepared, today, mentions, words.weekend);
  mentions.sort((a, b) => a.index - b.index);
  inheritMonthInRanges(prepared, mentions, words.rangeJoin);
  return { prepared, mentions };
}

/** The next date with this day of the month, from today (this month or a later one). */
function nextDay(day: number, today: string): string | undefined {
  const ref = parseYmd(today);
  for (let k = 0; k < 13; k++) {
    const c = parseYmd(addMonths(formatYmd({ y: ref.y, m: ref.m, d: 1 }), k)!);
    if (day > daysInMonth(c.y, c.m)) continue;
    const d = formatYmd({ y: c.y, m: c.m, d: day });
    if (d >= today) return d;
  }
  return undefined;
}

/** "el 6", "dia 8", "le 6", "am 6.": a day whose month is the next one that has it (or the range's, later). */
function addBareDays(text: string, today: string, mentions: DateMention[], words: DateWords): void {
  const re = new RegExp(words.bareDay.source, 'gi');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const day = parseInt(m[1], 10);
    const start = m.index + m[0].length - m[1].length - (m[0].endsWith('.') ? 1 : 0) - (/er$/i.test(m[0]) ? 2 : 0);
    const end = m.index + m[0].length;
    if (day < 1 || day > 31 || overlaps(mentions, start, end)) continue;
    if (words.notADay.test(text.slice(end))) continue;
    const date = nextDay(day, today);
    if (date) mentions.push({ index: start, end, date, monthImplied: true, yearImplied: true });
  }
}

/** "the 5th", "1st of this month", "the 3rd of next month": chrono leaves a day with no month alone. */
function addOrdinals(text: string, today: string, mentions: DateMention[], past: Array<{ index: number; end: number }> = []): void {
  const re = /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?:\s+of\s+(this|the|next)\s+month)?/gi;
  const ref = parseYmd(today);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const day = parseInt(m[1], 10);
    if (day < 1 || day > 31) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    if (overlaps(mentions, start, end) || past.some((p) => start < p.end && end > p.index)) continue;
    if (/^\s*(?:floor|time|birthday|anniversary|row|place)/i.test(text.slice(end))) continue;
    let date: string | undefined;
    if (m[2]) {
      const offset = m[2].toLowerCase() === 'next' ? 1 : 0;
      const base = addMonths(formatYmd({ y: ref.y, m: ref.m, d: 1 }), offset)!;
      const b = parseYmd(base);
      if (day <= daysInMonth(b.y, b.m)) date = formatYmd({ y: b.y, m: b.m, d: day });
    } else {
      for (let k = 0; k < 13 && !date; k++) {
        const candidate = addMonths(formatYmd({ y: ref.y, m: ref.m, d: 1 }), k)!;
        const c = parseYmd(candidate);
        if (day > daysInMonth(c.y, c.m)) continue;
        const d = formatYmd({ y: c.y, m: c.m, d: day });
        if (d >= today) date = d;
      }
    }
    if (date) mentions.push({ index: start, end, date, monthImplied: !m[2], yearImplied: true });
  }
}

/** "this weekend", "next weekend", "for the weekend": Friday to Sunday (two nights). */
function addWeekend(text: string, today: string, mentions: DateMention[], pattern = /\b(?:(this|next|the|coming|that)\s+)?week-?end\b/i): void {
  const m = pattern.exec(text);
  if (!m || overlaps(mentions, m.index, m.index + m[0].length)) return;
  if (/\b(?:on|at|during|over)\s+weekends\b/i.test(text)) return;
  // "next weekend", "el próximo finde", "o fim de semana que vem", "nächstes Wochenende", "le week-end prochain".
  const next = m.slice(1).some((g) => !!g && /^\s*(?:next|n[äa]chste[ns]?|pr[oó]xim[oa]|prochain|que\s+v(?:iene|em))\s*$/i.test(g));
  const dow = weekday(today);
  // The coming weekend starts on the next Friday; on a Saturday it is the one under way.
  let friday = dow === 6 ? addDays(today, -1) : addDays(today, (5 - dow + 7) % 7);
  if (dow === 0) friday = addDays(today, 5);
  if (next) friday = addDays(friday, 7);
  const checkin = friday < today ? today : friday;
  mentions.push({ index: m.index, end: m.index + m[0].length, date: checkin, endDate: addDays(friday, 2), monthImplied: false, yearImplied: false, weekend: true });
}

/** "from the 4th to 9 October": the bare first day takes the month of the second when that keeps it earlier. */
function inheritMonthInRanges(text: string, mentions: DateMention[], join = /^\s*(?:-|–|to|till|until|through|thru)\s*(?:the\s+)?$/i): void {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i];
    const b = mentions[i + 1];
    if (!a.monthImplied || b.monthImplied || a.endDate) continue;
    if (!join.test(text.slice(a.end, b.index))) continue;
    const day = parseYmd(a.date).d;
    const bd = parseYmd(b.date);
    if (day < bd.d) {
      a.date = formatYmd({ y: bd.y, m: bd.m, d: day });
      a.monthImplied = false;
      a.yearImplied = b.yearImplied;
    }
  }
}

type Role = 'checkin' | 'checkout' | undefined;

const CHECKOUT_CUE =
  /(?:until|till|til|'til|through|thru|check(?:ing)?[\s-]?out|leav(?:e|ing)|depart(?:ing|ure)?|go(?:ing)? home|out)(?:\s+(?:on|at|is|date|day|of|for|will|would|be|the|by|:))*\s*$/i;
const RANGE_CUE = /(?:to|-|–|and)(?:\s+(?:the))*\s*$/i;
const CHECKIN_CUE =
  /(?:from|check(?:ing)?[\s-]?in|arriv(?:e|ing|al)|start(?:ing)?|get(?:ting)? there|com(?:e|ing)(?: in)?|beginning)(?:\s+(?:on|at|is|date|day|of|for|will|would|be|the|by|:))*\s*$/i;

interface RoleCues {
  checkoutCue: RegExp;
  checkinCue: RegExp;
  rangeCue: RegExp;
}
const ENGLISH_CUES: RoleCues = { checkoutCue: CHECKOUT_CUE, checkinCue: CHECKIN_CUE, rangeCue: RANGE_CUE };

function roleOf(text: string, mention: DateMention, previous: DateMention | undefined, cues: RoleCues = ENGLISH_CUES): Role {
  const clauseStart = Math.max(text.lastIndexOf('.', mention.index - 1), text.lastIndexOf('!', mention.index - 1), text.lastIndexOf('?', mention.index - 1), text.lastIndexOf(';', mention.index - 1), previous ? previous.end - 1 : -1);
  const prefix = text.slice(clauseStart + 1, mention.index);
  if (cues.checkoutCue.test(prefix) || (cues !== ENGLISH_CUES && CHECKOUT_CUE.test(prefix))) return 'checkout';
  if (cues.checkinCue.test(prefix) || (cues !== ENGLISH_CUES && CHECKIN_CUE.test(prefix))) return 'checkin';
  if (previous && cues.rangeCue.test(prefix)) return 'checkout';
  const out = /check(?:ing)?[\s-]?out|\bleav(?:e|ing)\b|\bdepart/i.test(prefix);
  const inn = /check(?:ing)?[\s-]?in\b|\barriv/i.test(prefix);
  if (out && !inn) return 'checkout';
  if (inn && !out) return 'checkin';
  return undefined;
}

/** A check-out that would fall on or before the check-in moves forward by the part the guest left out. */
function after(checkin: string, checkout: DateMention): string {
  let date = checkout.date;
  if (checkout.weekdayOnly) {
    while (date <= checkin) date = addDays(date, 7);
  } else if (checkout.monthImplied) {
    for (let k = 1; k <= 12 && date <= checkin; k++) date = addMonths(checkout.date, k) ?? date;
  } else if (checkout.yearImplied) {
    while (date <= checkin) {
      const { y, m, d } = parseYmd(date);
      date = formatYmd({ y: y + 1, m, d });
    }
  }
  return date;
}

/** Which date is the arrival and which the departure, from the words around them and the bot's question. */
export function assignStayDates(text: string, mentions: DateMention[], expecting?: string, language = 'en'): StayDates {
  const lang = language.toLowerCase().split(/[-_]/)[0];
  const cues = isDateLanguage(lang) ? wordsOf(lang) : ENGLISH_CUES;
  const out: StayDates = {};
  const range = mentions.find((m) => m.endDate && !m.weekend);
  if (range) {
    out.checkin = range.date;
    out.checkout = range.endDate;
  }
  let checkoutMention: DateMention | undefined;
  const unassigned: DateMention[] = [];
  mentions.forEach((m, i) => {
    if (m === range || m.weekend) return;
    const role = roleOf(text, m, mentions[i - 1], cues);
    if (role === 'checkin' && !out.checkin) out.checkin = m.date;
    else if (role === 'checkout' && !out.checkout) {
      out.checkout = m.date;
      checkoutMention = m;
    } else if (!role) unassigned.push(m);
  });
  for (const m of unassigned) {
    const wantsCheckout = expecting === 'checkout' && !out.checkout;
    if (!out.checkin && !wantsCheckout) out.checkin = m.date;
    else if (!out.checkout) {
      out.checkout = m.date;
      checkoutMention = m;
    }
  }
  const weekend = mentions.find((m) => m.weekend);
  if (weekend && !out.checkin && !out.checkout) {
    out.checkin = weekend.date;
    out.checkout = weekend.endDate;
    out.weekendNights = nightsBetween(weekend.date, weekend.endDate!);
  }
  if (out.checkin && out.checkout && out.checkout <= out.checkin && checkoutMention) {
    out.checkout = after(out.checkin, checkoutMention);
  }
  return out;
}
