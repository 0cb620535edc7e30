/**
 * Dialogflow parameter values → the normalized names and formats the booking flow uses: sys.date strings
 * ("2026-12-03T12:00:00+01:00") → YYYY-MM-DD as written in the hotel's zone, date-period → checkin/checkout,
 * numbers → integers, "" / [] → missing, confirmation codes upper-cased.
 */
import type { NormalizedParameters } from './port';

const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

function toDate(v: unknown): string | undefined {
  const s = first(v);
  if (typeof s !== 'string' || !s) return undefined;
  // The date part as Dialogflow wrote it is already in the query's time zone (queryParams.timeZone).
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(s);
  return m?.[1];
}

function toInt(v: unknown): number | undefined {
  const x = first(v);
  const n = typeof x === 'number' ? x : typeof x === 'string' && x.trim() ? Number(x) : NaN;
  return Number.isFinite(n) && n > 0 ? Math.round(n) : undefined;
}

function toText(v: unknown): string | undefined {
  const x = first(v);
  if (typeof x === 'string') return x.trim() || undefined;
  if (x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string') return ((x as { name: string }).name).trim() || undefined;
  return undefined;
}

export function normalizeDialogflowParameters(raw: Record<string, unknown>, _opts: { timeZone: string } = { timeZone: 'UTC' }): NormalizedParameters {
  const out: NormalizedParameters = {};
  const period = first(raw.stay ?? raw['date-period'] ?? raw.dates) as { startDate?: string; endDate?: string } | undefined;
  out.checkin = toDate(raw.checkin) ?? (period && typeof period === 'object' ? toDate(period.startDate) : undefined);
  out.checkout = toDate(raw.checkout) ?? (period && typeof period === 'object' ? toDate(period.endDate) : undefined);
  const duration = first(raw.nights) as { amount?: number } | number | string | undefined;
  out.nights = typeof duration === 'object' && duration ? toInt(duration.amount) : toInt(duration);
  out.guests = toInt(raw.guests);
  out.rooms = toInt(raw.rooms);
  out.room_type = toText(raw.room_type);
  out.email = toText(raw.email);
  out.name = toText(raw.name);
  const code = toText(raw.confirmation_code);
  out.confirmation_code = code?.toUpperCase();
  for (const k of Object.keys(out) as Array<keyof NormalizedParameters>) if (out[k] === undefined) delete out[k];
  return out;
}
