/** Plain calendar arithmetic on YYYY-MM-DD strings (UTC-based, so no time zone can shift a day), and calendar words. */

/** English month names and their abbreviations, as a regular-expression alternation without capturing groups. */
export const MONTH_NAMES =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** English weekday names and their abbreviations, likewise. */
export const WEEKDAY_NAMES =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun';

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

export function addDays(s: string, days: number): string {
  const { y, m, d } = parseYmd(s);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return formatYmd({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
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

/** 0 = Sunday … 6 = Saturday. */
export function weekday(s: string): number {
  const { y, m, d } = parseYmd(s);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function daysBetween(from: string, to: string): number {
  const a = parseYmd(from);
  const b = parseYmd(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}
