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

/** "380 EUR", "99.50 EUR": the amount and the hotel's currency code, as the hotel file states it. */
export function formatMoneyFor(lang: string): (amount: number, currency: string) => string {
  const decimals = lang === 'en' ? '.' : ',';
  return (amount, currency) => `${Number.isInteger(amount) ? amount : amount.toFixed(2).replace('.', decimals)} ${currency}`;
}
