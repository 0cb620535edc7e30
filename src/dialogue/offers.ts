/**
 * Offers that fit: how many rooms of a type a party needs, which types can host it alone, and when none can, a
 * combination of types. Pure: it reads the stay's availability (free rooms and one room's nightly prices per
 * type) and never puts more guests in a room than it holds.
 */
import type { Hotel, RoomType } from '../reservations/hotel';
import type { RoomOffer } from '../reservations/port';
import type { RoomAsk } from './room-mix';
import type { Line } from './state';

export interface Stock {
  room: RoomType;
  free: number;
  /** One room for the whole stay. */
  perRoom: number;
}

export interface Party {
  guests: number;
  /** Rooms the guest asked for, if they said. */
  rooms?: number;
}

export interface Plan {
  lines: Line[];
  total: number;
}

export function stockOf(hotel: Hotel, offers: RoomOffer[]): Stock[] {
  return hotel.room_types.map((room) => {
    const o = offers.find((x) => x.roomTypeId === room.id);
    return { room, free: o?.available ?? 0, perRoom: o ? o.nightly.reduce((a, b) => a + b, 0) : 0 };
  });
}

/** Rooms of one type a party needs: what they asked for, or more when the guests do not fit. */
export function roomsNeeded(room: RoomType, party: Party): number {
  return Math.max(party.rooms ?? 1, Math.ceil(party.guests / room.capacity));
}

export function totalOf(stock: Stock[], lines: Line[]): number {
  return lines.reduce((sum, l) => sum + (stock.find((s) => s.room.id === l.room)?.perRoom ?? 0) * l.rooms, 0);
}

/** The party in rooms of one type, if enough are free. */
export function singleType(stock: Stock[], roomId: string, party: Party): Plan | undefined {
  const s = stock.find((x) => x.room.id === roomId);
  if (!s) return undefined;
  const rooms = roomsNeeded(s.room, party);
  if (s.free < rooms) return undefined;
  const lines = [{ room: s.room.id, rooms, guests: party.guests }];
  return { lines, total: totalOf(stock, lines) };
}

/** Every type that can host the party alone, cheapest first. */
export function singleTypes(stock: Stock[], party: Party): Plan[] {
  return stock
    .map((s) => singleType(stock, s.room.id, party))
    .filter((p): p is Plan => !!p)
    .sort((a, b) => a.total - b.total);
}

/**
 * A combination of types for a party no single type can host: the preferred type first (as many as are free),
 * then the types with the lowest price per guest, until every guest has a bed and the rooms asked for are there.
 */
export function combination(stock: Stock[], party: Party, preferred?: string): Plan | undefined {
  const pref = stock.find((s) => s.room.id === preferred);
  const order = [...stock]
    .filter((s) => s.free > 0)
    .sort((a, b) => {
      if (a.room.id === preferred) return -1;
      if (b.room.id === preferred) return 1;
      // "12 double rooms": rooms like the ones asked for first, then the lowest price per guest.
      const like = (s: Stock) => (pref && s.room.capacity === pref.room.capacity ? 0 : 1);
      return like(a) - like(b) || a.perRoom / a.room.capacity - b.perRoom / b.room.capacity;
    });
  const picked: Array<{ s: Stock; rooms: number }> = [];
  let bedsLeft = party.guests;
  let roomsLeft = party.rooms ?? 0;
  for (const s of order) {
    if (bedsLeft <= 0 && roomsLeft <= 0) break;
    const rooms = Math.min(s.free, Math.max(Math.ceil(Math.max(bedsLeft, 0) / s.room.capacity), roomsLeft));
    if (rooms <= 0) continue;
    picked.push({ s, rooms });
    bedsLeft -= rooms * s.room.capacity;
    roomsLeft -= rooms;
  }
  if (bedsLeft > 0 || roomsLeft > 0 || !picked.length) return undefined;
  const lines = assignGuests(picked, party.guests);
  return lines && { lines, total: totalOf(stock, lines) };
}

/**
 * The rooms the guest asked for by type ("4 doubles and 3 singles") with the party in them; undefined when the
 * party does not fill them (more guests than beds, or fewer guests than rooms). Free rooms are checked apart.
 */
export function askedPlan(stock: Stock[], asks: RoomAsk[], guests: number): Plan | undefined {
  const picked: Array<{ s: Stock; rooms: number }> = [];
  for (const a of asks) {
    const s = stock.find((x) => x.room.id === a.room);
    if (!s) return undefined;
    picked.push({ s, rooms: a.rooms });
  }
  if (guests > picked.reduce((n, p) => n + p.rooms * p.s.room.capacity, 0)) return undefined;
  const lines = assignGuests(picked, guests);
  return lines && { lines, total: totalOf(stock, lines) };
}

/** Guests to rooms: one in each room first (a room nobody sleeps in is not sold), then up to each room's capacity. */
function assignGuests(picked: Array<{ s: Stock; rooms: number }>, guests: number): Line[] | undefined {
  const rooms = picked.reduce((n, p) => n + p.rooms, 0);
  if (guests < rooms) return undefined;
  let left = guests - rooms;
  return picked.map((p) => {
    const extra = Math.min(left, p.rooms * (p.s.room.capacity - 1));
    left -= extra;
    return { room: p.s.room.id, rooms: p.rooms, guests: p.rooms + extra };
  });
}

/** Rooms in all: of an offer's lines, or of the types a guest asked for. */
export const roomsIn = (lines: ReadonlyArray<{ rooms: number }>) => lines.reduce((n, l) => n + l.rooms, 0);
