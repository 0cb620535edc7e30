/** Calendar dates as YYYY-MM-DD strings (no time, no zone): the unit of hotel inventory. */

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function nightsBetween(checkin: string, checkout: string): number {
  return Math.round((Date.parse(`${checkout}T00:00:00Z`) - Date.parse(`${checkin}T00:00:00Z`)) / 86_400_000);
}

/** Every night of a stay: checkin inclusive, checkout exclusive. */
export function nightsOf(checkin: string, checkout: string): string[] {
  const out: string[] = [];
  for (let d = checkin; d < checkout; d = addDays(d, 1)) out.push(d);
  return out;
}

// Building an Intl.DateTimeFormat costs far more than using one (it loads locale and zone data): keep one per zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const guestFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Today's date in an IANA time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format); // a hotel file names a handful of zones; an invalid one throws above
  }
  return format.format(now);
}

/** "Fri 12 Jun 2026" for guests. */
export function formatDate(date: string): string {
  return guestFormat.format(new Date(`${date}T00:00:00Z`));
}
