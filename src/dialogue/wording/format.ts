/** Dates and amounts in a language's own way, through Intl (formatters are built once per language). */

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "Fri, 19 Mar 2027" in English, "vie, 19 mar 2027" in Spanish: the weekday always, so a guest can check. */
export function formatDateFor(lang: string): (isoDate: string) => string {
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(lang, f);
  }
  const format = f;
  return (isoDate) => format.format(new Date(`${isoDate}T00:00:00Z`));
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: string, currency: string, cents: boolean): Intl.NumberFormat {
  const key = `${lang}|${currency}|${cents}`;
  let f = moneyFormats.get(key);
  if (!f) {
    const digits = cents ? 2 : 0;
    // English keeps the hotel file's own way ("380 EUR", no grouping), which guests and staff already read;
    // the other languages write amounts as their readers do ("1.180 €", "1 180 €").
    f =
      lang === 'en'
        ? new Intl.NumberFormat('en-GB', { useGrouping: false, minimumFractionDigits: digits, maximumFractionDigits: digits })
        : new Intl.NumberFormat(lang, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, f);
  }
  return f;
}

/** "380 EUR", "99.50 EUR" in English; "380 €", "99,50 €" in Spanish; whole amounts without cents. */
export function formatMoneyFor(lang: string): (amount: number, currency: string) => string {
  return (amount, currency) => {
    const cents = !Number.isInteger(amount);
    const n = numberFormat(lang, currency, cents).format(amount);
    return lang === 'en' ? `${n} ${currency}` : n;
  };
}

type Noun = readonly [one: string, many: string];

/**
 * What every catalog begins with: its language, dates and amounts through Intl, and counted nouns ("2 nights",
 * "1 noche"). A catalog spreads it and adds its sentences.
 */
export function basicsFor(lang: string, nouns: { guest: Noun; night: Noun; room: Noun }) {
  const count = (n: number, [one, many]: Noun) => `${n} ${n === 1 ? one : many}`;
  return {
    lang,
    date: formatDateFor(lang),
    money: formatMoneyFor(lang),
    guests: (n: number) => count(n, nouns.guest),
    nights: (n: number) => count(n, nouns.night),
    rooms: (n: number) => count(n, nouns.room),
    roomsOf: (n: number, room: string) => (n > 1 ? `${n} × ${room}` : room),
  };
}
