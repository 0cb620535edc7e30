/**
 * The hotel file (HOTEL_CONFIG): JSON or YAML, one hotel or {hotels: [...]}, validated at start. Errors name the
 * key path and what to fix. Keys the service does not know are kept (hotels may add their own).
 */
import * as fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { isValidDate } from '../time/dates';
import type { Hotel } from './hotel';

const date = z.string().refine(isValidDate, 'must be a date written YYYY-MM-DD');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM, e.g. "15:00"');
const positive = z.number().positive('must be a number above 0');
const count = z.number().int('must be a whole number').min(1, 'must be at least 1');

const roomType = z.looseObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, - or _ (it is the room-type entity value)'),
  name: z.string().min(1, 'is required'),
  synonyms: z.array(z.string()).default([]),
  description: z.string().default(''),
  capacity: count,
  count: count,
  rate: positive,
  rates: z
    .array(z.object({ from: date, to: date, rate: positive }).refine((r) => r.from < r.to, { message: '"from" must be before "to"', path: ['to'] }))
    .default([]),
  image_url: z.string().optional(),
});

const hotel = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _'),
  name: z.string().min(1, 'is required'),
  timezone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as "Europe/Madrid"'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO currency code such as "EUR"'),
  checkin_time: time.default('15:00'),
  checkout_time: time.default('11:00'),
  inbox_ids: z.array(z.number().int().positive()).optional(),
  room_types: z.array(roomType).min(1, 'needs at least one room type'),
  policies: z.record(z.string(), z.string()).default({}),
  faq: z.array(z.looseObject({ topic: z.string().min(1), answer: z.string().min(1), keywords: z.array(z.string()).optional() })).default([]),
  language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code such as "en"').default('en'),
  group_handoff_rooms: count.optional(),
});

const file = z.union([z.object({ hotels: z.array(hotel).min(1, 'needs at least one hotel') }), hotel]);

export class HotelFileError extends Error {
  constructor(path: string, problems: string[]) {
    super(`Invalid hotel file ${path} (HOTEL_CONFIG):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'HotelFileError';
  }
}

function keyPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

export function parseHotels(data: unknown, source = 'hotel file'): Hotel[] {
  const parsed = file.safeParse(data);
  if (!parsed.success) {
    // A union reports both branches: prefer the branch the author evidently meant.
    const meantList = !!data && typeof data === 'object' && 'hotels' in (data as object);
    const issues = parsed.error.issues.flatMap((i) =>
      i.code === 'invalid_union' ? (i.errors[meantList ? 0 : 1] ?? []).map((e) => ({ ...e, path: [...i.path, ...e.path] })) : [i],
    );
    throw new HotelFileError(source, issues.map((i) => `${keyPath(i.path) || '(top level)'} ${i.message}`));
  }
  const hotels = ('hotels' in parsed.data ? parsed.data.hotels : [parsed.data]) as unknown as Hotel[];
  const problems: string[] = [];
  const ids = new Set<string>();
  const inboxOwner = new Map<number, string>();
  hotels.forEach((h, i) => {
    if (ids.has(h.id)) problems.push(`hotels[${i}].id "${h.id}" is used by two hotels`);
    ids.add(h.id);
    if (hotels.length > 1 && !h.inbox_ids?.length) problems.push(`hotels[${i}].inbox_ids is required when the file has several hotels`);
    for (const inbox of h.inbox_ids ?? []) {
      if (inboxOwner.has(inbox)) problems.push(`hotels[${i}].inbox_ids: inbox ${inbox} already belongs to hotel "${inboxOwner.get(inbox)}"`);
      inboxOwner.set(inbox, h.id);
    }
    const roomIds = new Set<string>();
    h.room_types.forEach((r, j) => {
      if (roomIds.has(r.id)) problems.push(`hotels[${i}].room_types[${j}].id "${r.id}" is used twice`);
      roomIds.add(r.id);
    });
  });
  if (problems.length) throw new HotelFileError(source, problems);
  return hotels;
}

export function loadHotels(path: string): Hotel[] {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (err) {
    throw new HotelFileError(path, [`cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): set HOTEL_CONFIG to a JSON or YAML file`]);
  }
  let data: unknown;
  try {
    data = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new HotelFileError(path, [`is not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`]);
  }
  return parseHotels(data, path);
}

/** The hotel that answers an inbox: the one listing it, or the only hotel when it lists none. */
export function hotelForInbox(hotels: Hotel[], inboxId: number): Hotel | undefined {
  return hotels.find((h) => h.inbox_ids?.includes(inboxId)) ?? (hotels.length === 1 && !hotels[0].inbox_ids?.length ? hotels[0] : hotels.find((h) => !h.inbox_ids?.length));
}
