/**
 * Every language's catalog of the bot's words has every key of the English one, none empty, and every sentence
 * keeps what it is given: a code, a room, a total, a date (in that language's own format), a count. A key added to
 * en.ts and forgotten elsewhere, or a translation that drops the confirmation code, fails here.
 */
import { en } from '../../src/dialogue/wording/en';
import { formatDateFor } from '../../src/dialogue/wording/format';
import { WORDING_LANGUAGES, wordingFor, type Wording } from '../../src/dialogue/wording';

/** `currency`: passed, but written as the language writes it ("€"), so not looked for. */
type Arg = { text: string } | { date: string } | { n: number } | { flag: boolean } | { currency: string };
const text = (s: string): Arg => ({ text: s });
const date = (d: string): Arg => ({ date: d });
const n = (x: number): Arg => ({ n: x });

/** Sample arguments for every function of the catalog; distinctive values, so each can be found in the output. */
const SAMPLES: Record<string, Arg[]> = {
  date: [date('2027-04-03')],
  money: [n(1180), { currency: 'EUR' }],
  guests: [n(3)],
  nights: [n(4)],
  rooms: [n(5)],
  roomsOf: [n(2), text('Zimmer Q')],
  stay: [date('2027-04-03'), date('2027-04-07'), n(4)],
  welcome: [text('Hotel Q')],
  welcomeBackDraft: [text('draft Q')],
  welcomeBackManaging: [text('K7M2Q9XA')],
  youreWelcomeBooked: [text('K7M2Q9XA')],
  goodbye: [text('Hotel Q')],
  askNights: [date('2027-04-03')],
  pastDate: [date('2027-02-01')],
  departureBeforeArrival: [date('2027-04-03')],
  tooLong: [n(28)],
  askGuests: [text('stay Q')],
  available: [text('stay Q'), n(3)],
  upTo: [n(3)],
  priceFor: [text('total Q'), n(2)],
  roomHolds: [text('room Q'), n(2), n(5), n(3)],
  roomTooSmall: [text('room Q'), n(2), n(5)],
  tooFewOfType: [text('room Q'), n(2), n(3)],
  mixOffer: [text('lines Q'), text('total Q')],
  mixTooSmall: [text('rooms Q'), n(6), n(7)],
  mixTooManyRooms: [n(4), n(3)],
  fullyBooked: [text('stay Q')],
  couldNotBook: [text('why Q')],
  roomAvailable: [text('room Q'), text('total Q'), text('stay Q')],
  notAnEmail: [text('mail Q')],
  payAtHotel: [text('total Q')],
  cancellation: [text('policy Q')],
  confirmationCode: [text('K7M2Q9XA')],
  confirmedTotal: [text('total Q'), text('14:00'), text('11:00')],
  alreadyConfirmed: [text('K7M2Q9XA')],
  bookingDetails: [text('K7M2Q9XA'), text('status Q'), text('rooms Q'), text('stay Q'), n(3), text('Ana Q'), text('total Q')],
  reallyCancel: [text('policy Q')],
  cancelledDone: [text('K7M2Q9XA')],
  changeTooBig: [text('room Q'), n(3)],
  changeQuote: [text('summary Q'), text('total Q'), text('was Q')],
  changed: [text('K7M2Q9XA'), text('summary Q'), text('total Q')],
  changeUnavailable: [text('why Q')],
  changeFailed: [text('why Q')],
  pricesFor: [text('stay Q')],
  priceLine: [text('room Q'), text('total Q'), n(4), { flag: true }],
  fromPerNight: [text('room Q'), text('price Q'), n(3)],
  fromForNights: [text('room Q'), text('total Q'), n(3)],
  topics: [text('topics Q')],
  handoffGroup: [n(14)],
};

/** "key" and "menu.book": every leaf of a catalog. */
function leaves(o: object, prefix = ''): Array<[string, unknown]> {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]]));
}

const value = (a: Arg): unknown => ('text' in a ? a.text : 'date' in a ? a.date : 'n' in a ? a.n : 'currency' in a ? a.currency : a.flag);
/** What must show in the output for an argument, in this language. */
const shown = (a: Arg, lang: string): string | undefined => ('text' in a ? a.text : 'date' in a ? formatDateFor(lang)(a.date) : undefined);

const catalogs = WORDING_LANGUAGES.filter((l) => l !== 'en').map((l) => [l, wordingFor(l, 'en')] as [string, Wording]);

describe('wording catalogs', () => {
  it('has the five languages, and falls back to the hotel language, then English', () => {
    expect(WORDING_LANGUAGES.sort()).toEqual(['de', 'en', 'es', 'fr', 'pt']);
    expect(wordingFor('es-MX', 'en').lang).toBe('es');
    expect(wordingFor('pt_BR', 'en').lang).toBe('pt');
    expect(wordingFor('it', 'de').lang).toBe('de');
    expect(wordingFor(undefined, 'ja').lang).toBe('en');
  });

  it('every function of the English catalog has sample arguments in this test', () => {
    const fns = leaves(en).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    expect(fns.filter((k) => !SAMPLES[k])).toEqual([]);
  });

  it.each(catalogs)('%s: the same keys as English, none missing, none extra, none empty', (lang, w) => {
    const want = leaves(en).map(([k, v]) => [k, typeof v]);
    const got = leaves(w).map(([k, v]) => [k, typeof v]);
    expect(got).toEqual(want);
    expect(w.lang).toBe(lang);
    const empty = leaves(w).filter(([, v]) => typeof v === 'string' && !v.trim()).map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(catalogs)('%s: sentences differ from English (not left untranslated)', (_lang, w) => {
    const same = leaves(w)
      .filter(([k, v]) => typeof v === 'string' && k !== 'lang' && v === leaves(en).find(([ek]) => ek === k)?.[1])
      .map(([k]) => k)
      // Words that are the same in several languages.
      .filter((k) => !['menu.prices', 'dates', 'email', 'nameTitle'].includes(k));
    expect(same).toEqual([]);
  });

  it.each(catalogs)('%s: every function takes the same arguments and keeps what English keeps', (lang, w) => {
    const enFns = new Map(leaves(en).filter(([, v]) => typeof v === 'function') as Array<[string, (...a: unknown[]) => string]>);
    const wFns = new Map(leaves(w).filter(([, v]) => typeof v === 'function') as Array<[string, (...a: unknown[]) => string]>);
    const problems: string[] = [];
    for (const [key, enFn] of enFns) {
      const fn = wFns.get(key)!;
      const args = SAMPLES[key];
      if (fn.length !== enFn.length) problems.push(`${key}: takes ${fn.length} arguments, English takes ${enFn.length}`);
      const out = fn(...args.map(value));
      const enOut = enFn(...args.map(value));
      if (typeof out !== 'string' || !out.trim()) {
        problems.push(`${key}: returns ${JSON.stringify(out)}`);
        continue;
      }
      for (const a of args) {
        const inEn = shown(a, 'en');
        const inLang = shown(a, lang);
        if (inEn && enOut.includes(inEn) && inLang && !out.includes(inLang)) problems.push(`${key}: "${inLang}" is missing from "${out}"`);
        if ('n' in a && enOut.includes(String(a.n)) && !out.includes(String(a.n)) && !out.includes(new Intl.NumberFormat(lang).format(a.n)))
          problems.push(`${key}: the count ${a.n} is missing from "${out}"`);
      }
      if (out === enOut && key !== 'roomsOf') problems.push(`${key}: the same as English ("${out}")`);
    }
    expect(problems).toEqual([]);
  });

  it('dates follow the language: day first outside English, with the weekday', () => {
    expect(wordingFor('es', 'en').date('2027-04-03')).toBe('sáb, 3 abr 2027');
    expect(wordingFor('de', 'en').date('2027-03-12')).toBe('Fr., 12. März 2027');
    expect(wordingFor('fr', 'en').date('2027-03-12')).toBe('ven. 12 mars 2027');
    expect(wordingFor('pt', 'en').date('2027-03-12')).toMatch(/^sex\.?, 12 de mar\.? de 2027$/);
    expect(en.date('2027-03-12')).toBe('Fri, 12 Mar 2027');
  });

  it('amounts follow the language through Intl; English keeps "380 EUR"', () => {
    expect(en.money(380, 'EUR')).toBe('380 EUR');
    expect(en.money(99.5, 'EUR')).toBe('99.50 EUR');
    expect(wordingFor('de', 'en').money(1180, 'EUR')).toBe('1.180\u00a0€');
    expect(wordingFor('es', 'en').money(99.5, 'EUR')).toBe('99,50\u00a0€');
    expect(wordingFor('fr', 'en').money(1180, 'EUR')).toBe('1\u202f180\u00a0€');
  });
});
