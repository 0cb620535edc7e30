/**
 * Calendar dates as YYYY-MM-DD strings (no time, no zone; UTC-based, so no zone can shift a day): the unit of hotel
 * inventory, and the one date module that reservations, the NLU and the dialogue share.
 */

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

export interface Ymd {
  y: number;
  m: number; // 1..12
  d: number;
}

export function parseYmd(s: string): Ymd {
  const [y, m, d] = s.split('-').map((x) => parseInt(x, 10));
  return { y, m, d };
}

export function formatYmd({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The same day-of-month `months` later (undefined when that month is too short, e.g. the 31st). */
export function addMonths(s: string, months: number): string | undefined {
  const { y, m, d } = parseYmd(s);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  if (d > daysInMonth(ny, nm)) return undefined;
  return formatYmd({ y: ny, m: nm, d });
}

/** Easter Sunday of a year (the Gregorian computus, Meeus/Jones/Butcher), "YYYY-MM-DD". */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return formatYmd({ y: year, m: Math.floor(n / 31), d: (n % 31) + 1 });
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(s: string): number {
  return new Date(`${s}T00:00:00Z`).getUTCDay();
}

// Building an Intl.DateTimeFormat costs far more than using one (it loads locale and zone data): keep one per zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in an IANA time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format); // a hotel file names a handful of zones; an invalid one throws above
  }
  return format.format(now);
}
