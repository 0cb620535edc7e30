/**
 * What the NLU's parameters miss in the way guests correct and refer: "a day later", "the week after, same days",
 * "make it 3 of us", "fri to sun nxt wk", "on New Year's Eve". These read the guest's words against the stay
 * the conversation already has; every pattern is anchored on words and linear in the text's length.
 */
import { addDays, addMonths, easterSunday, isValidDate, nightsBetween } from '../time/dates';
import type { Facts } from './frame';

const MONTH_WORDS = 'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december';

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const num = (s: string) => NUMBER_WORDS[s] ?? Number(s);

/** "a day later", "2 days earlier", "the week after", "one more night", "a night less". */
export function stayShift(text: string): Facts['shift'] | undefined {
  const t = text.toLowerCase();
  const arriving = /\b(arriv\w*|come|coming|get there|check ?in)\b/.test(t);
  const leaving = /\b(leav\w*|depart\w*|check ?out|go home)\b/.test(t);
  const which = arriving && !leaving ? 'checkin' : leaving && !arriving ? 'checkout' : 'both';
  const more = /\b(one|a|an|two|three|\d) (more|extra|additional) nights?\b/.exec(t);
  if (more) return { days: num(more[1]), which: 'checkout' };
  const less = /\b(one|a|two|\d) nights? (less|fewer|shorter)\b/.exec(t);
  if (less) return { days: -num(less[1]), which: 'checkout' };
  const days = /\b(a|one|two|three|four|five|\d{1,2}) days? (later|earlier|after|before)\b/.exec(t);
  if (days) {
    const n = num(days[1]);
    return { days: days[2] === 'later' || days[2] === 'after' ? n : -n, which };
  }
  if (/\b(the )?(following|next) day\b/.test(t) && /\b(instead|rather|actually|meant|move|change|can we|could we)\b/.test(t)) return { days: 1, which };
  const weeks = /\b(a|one|two|\d) weeks? (later|earlier|after|before)\b/.exec(t);
  if (weeks) {
    const n = num(weeks[1]) * 7;
    return { days: weeks[2] === 'later' || weeks[2] === 'after' ? n : -n, which: 'both' };
  }
  // "push it back a week", "postpone by 2 days", "bring it forward a day": the whole stay moves.
  const moved =
    /\b(?:(?:push|move|put|shift)(?:ed)?(?: it| the booking| the reservation| the stay| everything)? back|postpone\w*(?: it| the booking| the reservation)?|delay\w*(?: it)?|(?:bring|move|pull)(?: it| the booking| the reservation)? forward)(?: by)? (a|one|two|three|\d{1,2}) (days?|weeks?)\b/.exec(t);
  if (moved) {
    const n = num(moved[1]) * (moved[2].startsWith('week') ? 7 : 1);
    return { days: /forward/.test(moved[0]) ? -n : n, which: 'both' };
  }
  if (/\bthe (week|weekend) after\b/.test(t) || /\b(following|next) week instead\b/.test(t)) return { days: 7, which: 'both' };
  if (/\bthe (week|weekend) before\b/.test(t)) return { days: -7, which: 'both' };
  return undefined;
}

/** Guest counts the entity extraction misses: "guests to 1", "it's 3 of us now", "make it 4", "just me". */
export function guestCount(text: string): number | undefined {
  const t = text.toLowerCase();
  const to = /\b(?:guests?|people|persons|adults|number of (?:guests|people)) (?:to|=|is now|are now|will be) (\d{1,2}|one|two|three|four|five|six)\b/.exec(t);
  if (to) return num(to[1]);
  // "could we be 3 instead of 2", "we'll be 4": the party, unless a length or a time follows.
  const weBe = /\b(?:we(?:'ll| will)? be|we are|we're|can we be|could we be) (\d{1,2}|one|two|three|four|five|six)\b(?! ?(?:nights?|days?|rooms?|weeks?|am\b|pm\b|:|o'?clock|mins?|minutes|hours?))/.exec(t);
  if (weBe) return num(weBe[1]);
  const ofUs = /\b(\d{1,2}|two|three|four|five|six) of us\b/.exec(t);
  if (ofUs) return num(ofUs[1]);
  // "make it 4" is the party; "make it 20-22 april" or "make it the 21st" is a date.
  const makeIt = /\bmake it (\d{1,2}|one|two|three|four|five|six) ?(?:people|persons|guests|adults|pax)?\b(?!\s*(?:[-–/.]\s*\d|st\b|nd\b|rd\b|th\b|of\b|to\b|till\b|until\b|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/.exec(t);
  if (makeIt && !/\bnights?\b|\brooms?\b/.test(t.slice(makeIt.index, makeIt.index + 30))) return num(makeIt[1]);
  const group = /\b(?:team|group|family|party) of (\d{1,3}|two|three|four|five|six)\b/.exec(t);
  if (group) return num(group[1]);
  if (/\b(just me|only me|for me|for myself|on my own|by myself|travell?ing alone|solo)\b/.test(t)) return 1;
  if (/\b(for us two|the two of us|for two of us|me and my (?:wife|husband|partner|girlfriend|boyfriend)|my (?:wife|husband|partner) and (?:i|me)|a couple|for my parents)\b/.test(t)) return 2;
  const bare = /\bfor (\d{1,2}|one|two|three|four|five|six)\b(?! ?(?:nights?|days?|rooms?|weeks?|am|pm|eur|euros?|\$|€|o'?clock|h\b|:|[-–/.]|st\b|nd\b|rd\b|th\b|of\b|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/.exec(t);
  if (bare) return num(bare[1]);
  return undefined;
}

const COUNT = '(\\d{1,2}|one|two|three|four|five|six|a|an)';
const KIDS = '(?:children|child|kids?|sons?|daughters?|teens?|teenagers?)';

/**
 * The whole party when the guest counts it in parts: "2 adults and 2 children" are 4, "me and my 2 kids" 3, "me, my
 * wife and our 3 kids" 5, "me, my husband and our daughter" 3. Babies and infants sleep in cots and are not counted.
 * Undefined when no part is counted.
 */
export function partyCount(text: string): number | undefined {
  const t = text.toLowerCase();
  const adults = new RegExp(`\\b${COUNT} adults?\\b`).exec(t);
  const kids = new RegExp(`\\b${COUNT} ${KIDS}\\b`).exec(t);
  if (adults && kids) return num(adults[1]) + num(kids[1]);
  // "me and my 2 kids", "my wife and I and our 2 children", "me, my husband and our daughter".
  const me = /\b(?:me|myself|i)\b/.test(t) && /\b(?:my|our)\b/.test(t);
  const partner = /\bmy (?:wife|husband|partner|girlfriend|boyfriend|fianc[eé]e?)\b/.test(t);
  const relatives = [...t.matchAll(/\b(?:my|our) (?:son|daughter|child|kid|boy|girl|mother|father|mum|mom|dad|sister|brother|friend)\b/g)].length;
  if (!me && !partner) return undefined;
  if (!kids && !relatives) return undefined;
  return 1 + (partner ? 1 : 0) + (kids ? num(kids[1]) : 0) + relatives;
}

/** Stay lengths the parser misses: "tonight", "just the night of the 11th", "leaving after 3 nights". */
export function oneNightOrMore(text: string): number | undefined {
  const t = text.toLowerCase();
  const after = /\b(?:leav\w*|check(?:ing)? ?out|go\w*) after (\d{1,2}|one|two|three|four|five|six) nights?\b/.exec(t);
  if (after) return num(after[1]);
  // "tomorrow and the day after", "tonight and tomorrow": two nights.
  if (/\b(?:tonight|tomorrow)(?: night)? and (?:the day after|the next day|tomorrow(?: night)?)\b/.test(t)) return 2;
  if (/\b(tonight|just the night|only the night|the night of|one night only|for the night|(?:just|only) (?:the |a |for )?one night|a single night)\b/.test(t)) return 1;
  return undefined;
}

/** "change the name to Ana Ruiz", "under the name of Ana Ruiz", "put it in Ana Ruiz's name". */
export function nameChange(text: string): string | undefined {
  const m =
    /\b(?:name (?:to|is|should be)|under the name(?: of)?|in the name of|(?:under|in|to) (?:my|his|her|our|their) [a-z]+(?:'s|’s|s') name,?)\s+([A-Za-zÀ-ÿ'’-]{2,30}(?: [A-Za-zÀ-ÿ'’-]{2,30}){0,3})/i.exec(
      text,
    );
  // "the name is Jonas Weber not Webber": the name ends where the guest says what it is not.
  return m ? m[1].replace(/\s+(?:not|instead|rather|but|please|thanks?|thank you)\b.*$/i, '').trim() || undefined : undefined;
}

const nextMonday = (today: string) => {
  const dow = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 Sunday
  return addDays(today, dow === 0 ? 1 : 8 - dow);
};

/**
 * "fri to sun next week", "next weekend fri-sun": the parser reads the weekdays of this week; next week (and its
 * weekend) means the ones after Monday.
 */
export function nextWeekRepair(text: string, facts: Facts, today: string): void {
  if (!facts.checkin) return;
  // "the weekend after next", "the week after next": two weeks on from this week's days.
  const weeks = /\b(?:week|wk|weekend|wkend) after (?:the )?next\b/i.test(text) ? 2 : /\b(next|nxt) (week|wk|weekend|wkend)\b/i.test(text) ? 1 : 0;
  if (!weeks) return;
  const monday = nextMonday(today);
  if (facts.checkin >= addDays(monday, 7 * (weeks - 1))) return;
  const days = facts.checkin >= monday ? 7 : 7 * weeks;
  facts.checkin = addDays(facts.checkin, days);
  if (weeks === 2 && facts.checkout && facts.checkout < facts.checkin) facts.checkout = addDays(facts.checkout, days);
  // "fri to sun next week": the parser may have read only one end as next week's.
  if (facts.checkout && facts.checkout < monday) facts.checkout = addDays(facts.checkout, 7);
  if (facts.checkout && facts.checkout <= facts.checkin) facts.checkout = addDays(facts.checkout, 7);
}

/**
 * Days named by their holiday, each as its date in a given year. `weekday`: the name holds a weekday ("easter
 * sunday", "good friday"), which the parser reads as this week's, so the holiday's date replaces its reading.
 */
const NAMED_DAYS: Array<{ pattern: RegExp; on: (year: number) => string; weekday?: true }> = [
  { pattern: /\bnew year'?s eve\b|\bnye\b/i, on: (y) => `${y}-12-31` },
  { pattern: /\bnew year'?s day\b/i, on: (y) => `${y}-01-01` },
  { pattern: /\bchristmas eve\b|\bxmas eve\b/i, on: (y) => `${y}-12-24` },
  { pattern: /\b(christmas|xmas)( day)?\b/i, on: (y) => `${y}-12-25` },
  { pattern: /\bgood friday\b/i, on: (y) => addDays(easterSunday(y), -2), weekday: true },
  { pattern: /\beaster (?:saturday|eve)\b|\bholy saturday\b/i, on: (y) => addDays(easterSunday(y), -1), weekday: true },
  { pattern: /\beaster monday\b/i, on: (y) => addDays(easterSunday(y), 1), weekday: true },
  { pattern: /\beaster(?: sunday| day)?\b/i, on: easterSunday, weekday: true },
];

/** A day named by its holiday: the next one from today, and whether its name holds a weekday. */
export function namedDay(text: string, today: string): { date: string; weekday: boolean } | undefined {
  for (const { pattern, on, weekday } of NAMED_DAYS) {
    if (!pattern.test(text)) continue;
    const year = Number(today.slice(0, 4));
    const thisYear = on(year);
    return { date: thisYear >= today ? thisYear : on(year + 1), weekday: !!weekday };
  }
  return undefined;
}

/** A greeting in front of a request is part of the request: "Hola! hi, room for 2…" → "room for 2…". */
export function withoutGreeting(text: string): string {
  // English, then the greetings of the other languages the bot speaks ("Guten Tag, ich möchte…", "Bom dia, …").
  const m =
    /^\s*(?:(?:hi|hello|hey|hiya|hola|ola|olá|oi|bonjour|bonsoir|salut|hallo|moin|servus|good (?:morning|afternoon|evening)|greetings|dear sir|dear madam|buen[oa]s(?: d[ií]as| tardes| noches)?|bom dia|boa tarde|boa noite|guten (?:tag|morgen|abend)|gr[üu](?:ß|ss) gott)[\s,!.:;-]*(?:there|all|team)?[\s,!.:;-]*)+/i.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length).trim();
  return rest.length >= 6 ? rest : text;
}

/** Rooms counted the way guests count them: "need 2 rooms", "2 doubles", "three twin rooms". */
export function roomCount(text: string): number | undefined {
  const t = text.toLowerCase();
  const m = /\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (?:(?:double|twin|single|family|suite)s?|(?:[a-z]+ )?rooms)\b/.exec(t);
  return m ? num(m[1]) : undefined;
}

/**
 * "make it the 23rd instead of the 22nd", "the 21st rather than the 20th": the day named second is one the stay
 * already has (arrival or departure); the first replaces it in the same month. Undefined when neither matches.
 */
export function replacedDay(text: string, stay: { checkin?: string; checkout?: string }): Pick<Facts, 'checkin' | 'checkout'> | undefined {
  const m = /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:instead\s+of|rather\s+than|not)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b/i.exec(text);
  if (!m) return undefined;
  const [to, from] = [Number(m[1]), Number(m[2])];
  for (const key of ['checkout', 'checkin'] as const) {
    const date = stay[key];
    if (!date || Number(date.slice(8, 10)) !== from) continue;
    const moved = addDays(date, to - from);
    if (moved.slice(0, 7) === date.slice(0, 7)) return { [key]: moved };
  }
  return undefined;
}

/**
 * "no, the 14th to the 16th" after "12-14 april": days named without a month, correcting a stay, are days of the
 * stay's month (the parser reads them in this month). Undefined when a month is named or nothing needs moving.
 */
export function daysInStayMonth(text: string, facts: Pick<Facts, 'checkin' | 'checkout'>, stayCheckin: string | undefined, today: string): Pick<Facts, 'checkin' | 'checkout'> | undefined {
  if (!stayCheckin || !facts.checkin) return undefined;
  const t = text.toLowerCase();
  if (new RegExp(`\\b(?:${MONTH_WORDS})\\b|\\d{1,2}[/.-]\\d{1,2}|\\b(?:today|tonight|tomorrow|next|this|week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b`).test(t)) return undefined;
  if (!/\b\d{1,2}(?:st|nd|rd|th)\b/.test(t)) return undefined;
  const month = stayCheckin.slice(0, 7);
  if (facts.checkin.slice(0, 7) === month) return undefined;
  const move = (d: string | undefined) => (d ? `${month}-${d.slice(8, 10)}` : undefined);
  const checkin = move(facts.checkin)!;
  // The checkout may run into the next month ("the 30th to the 2nd"): it keeps its distance from the arrival.
  const checkout = facts.checkout ? addDays(checkin, nightsBetween(facts.checkin, facts.checkout)) : undefined;
  if (!isValidDate(checkin) || checkin < today) return undefined;
  return { checkin, ...(checkout ? { checkout } : {}) };
}

/**
 * "the nights of the 2nd and 3rd of april": both nights, so the stay ends the day after the second (the parser reads
 * the 2nd to the 3rd). Changes the facts when the parser read exactly those two days as the stay.
 */
export function nightsOfRepair(text: string, facts: Facts): void {
  const m = /\bnights? of (?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:and|&|\+) (?:the )?(\d{1,2})(?:st|nd|rd|th)?\b/i.exec(text);
  if (!m || !facts.checkin || !facts.checkout) return;
  if (Number(facts.checkin.slice(8, 10)) === Number(m[1]) && Number(facts.checkout.slice(8, 10)) === Number(m[2])) facts.checkout = addDays(facts.checkout, 1);
}

/**
 * "until the 21st" answering when the guest leaves, after an arrival on 18 April: the parser reads the 21st of this
 * month. A departure day named without a month is the first such day after the arrival.
 */
export function departureAfterArrival(text: string, facts: Pick<Facts, 'checkin' | 'checkout'>, arrival: string | undefined): string | undefined {
  if (!arrival || facts.checkin || !facts.checkout || facts.checkout > arrival) return undefined;
  if (new RegExp(`\\b(?:${MONTH_WORDS})\\b|\\d{1,2}[/.-]\\d{1,2}`).test(text.toLowerCase())) return undefined;
  // The named day in the arrival's month, else in the next one (addMonths: undefined where the month lacks the day).
  const sameMonth = `${arrival.slice(0, 7)}-${facts.checkout.slice(8, 10)}`;
  for (const date of [sameMonth, addMonths(sameMonth, 1)]) if (date && isValidDate(date) && date > arrival) return date;
  return undefined;
}
