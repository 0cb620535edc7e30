/** Nightly rates: a date-specific rate (from inclusive, to exclusive) overrides the room type's base rate. */
import { nightsOf } from '../time/dates';
import type { RoomType } from './hotel';

export function nightlyRate(room: RoomType, night: string): number {
  const dated = room.rates.find((r) => r.from <= night && night < r.to);
  return dated ? dated.rate : room.rate;
}

export function priceStay(room: RoomType, checkin: string, checkout: string, rooms: number): { nightly: number[]; total: number } {
  const nightly = nightsOf(checkin, checkout).map((n) => nightlyRate(room, n));
  const total = Math.round(nightly.reduce((a, b) => a + b, 0) * rooms * 100) / 100;
  return { nightly, total };
}
