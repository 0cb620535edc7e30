/**
 * The hotel file (HOTEL_CONFIG): JSON or YAML, one hotel or {hotels: [...]}, validated at start. Errors name the
 * key path and what to fix. Keys the service does not know are kept (hotels may add their own).
 */
import * as fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { hotelSchema, type Hotel } from './hotel';

/** A file holds one hotel, or `{hotels: [...]}`. */
const hotelList = z.object({ hotels: z.array(hotelSchema).min(1, 'needs at least one hotel') });

export class HotelFileError extends Error {
  constructor(path: string, problems: string[]) {
    super(`Invalid hotel file ${path} (HOTEL_CONFIG):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'HotelFileError';
  }
}

function keyPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

/**
 * A union's issues, from the branch the author evidently meant: the one whose value had the right type. A text
 * written as a map ({en: …, xx: …}) reports the map's problems, not "expected string".
 */
function meantBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || !issue.errors.length) return [issue];
  const typed = issue.errors.filter((branch) => !branch.some((e) => e.code === 'invalid_type' && e.path.length === 0));
  const chosen = typed.length ? typed.reduce((a, b) => (b.length < a.length ? b : a)) : issue.errors[0];
  return chosen.flatMap((e) => meantBranch(e)).map((e) => ({ ...e, path: [...issue.path, ...e.path] }));
}

function invalid(source: string, error: z.ZodError): HotelFileError {
  const issues = error.issues.flatMap((i) => meantBranch(i));
  return new HotelFileError(source, issues.map((i) => `${keyPath(i.path) || '(top level)'} ${i.message}`));
}

export function parseHotels(data: unknown, source = 'hotel file'): Hotel[] {
  let hotels: Hotel[];
  if (data && typeof data === 'object' && 'hotels' in data) {
    const parsed = hotelList.safeParse(data);
    if (!parsed.success) throw invalid(source, parsed.error);
    hotels = parsed.data.hotels;
  } else {
    const parsed = hotelSchema.safeParse(data);
    if (!parsed.success) throw invalid(source, parsed.error);
    hotels = [parsed.data];
  }
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
