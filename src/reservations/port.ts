/**
 * The reservations port: availability, prices, book, look up, change, cancel.
 * A hotel could implement it against its own property-management system; it knows no Chatwoot and no dialogue
 * (a booking's origin is the channel's ids, kept as they come: origin.ts).
 */
import type { BookingOrigin, ContactRef } from './origin';

export type { BookingOrigin, ContactRef } from './origin';

export interface StayQuery {
  hotelId: string;
  checkin: string; // YYYY-MM-DD
  checkout: string; // YYYY-MM-DD, after checkin
  rooms?: number; // default 1
  guests?: number;
}

export interface RoomOffer {
  roomTypeId: string;
  /** Rooms of this type free on every night of the stay. */
  available: number;
  /** Price of the whole stay for `rooms` rooms. */
  total: number;
  currency: string;
  nights: number;
  /** Nightly prices of one room, in stay order. */
  nightly: number[];
  /** Whether `guests` fit into `rooms` rooms of this type. */
  fits: boolean;
}

export interface Guest {
  name: string;
  email: string;
}

/** What a stay is, asked for or booked: which hotel and rooms, when, for how many, in whose name. */
export interface Stay {
  hotelId: string;
  roomTypeId: string;
  rooms: number;
  checkin: string;
  checkout: string;
  guests: number;
  guest: Guest;
}

export interface BookingRequest extends Stay {
  origin?: BookingOrigin;
  /** Confirming the same draft twice (repeated click, repeated delivery) returns the first booking. */
  idempotencyKey: string;
}

export interface Booking extends Stay {
  code: string; // 8 characters of Crockford base32
  total: number;
  currency: string;
  status: 'confirmed' | 'cancelled';
  origin: BookingOrigin;
  createdAt: string; // ISO
  updatedAt: string; // ISO
}

export interface BookingChange {
  /** The name the booking is under. */
  guestName?: string;
  roomTypeId?: string;
  rooms?: number;
  checkin?: string;
  checkout?: string;
  guests?: number;
}

/**
 * How a caller proves a booking is theirs: the code with the guest's email, or the contact that made it — always
 * within one hotel (the conversation's, by its inbox): a booking of another hotel is not found, whoever asks.
 */
export type BookingAccess = { hotelId: string; code: string } & ({ email: string } | { contact: ContactRef });

export type ReservationErrorReason =
  | 'sold_out' // not enough rooms on some night
  | 'invalid_dates' // past, check-out not after check-in, too long
  | 'too_many_guests' // guests exceed rooms × capacity
  | 'unknown_room_type'
  | 'not_found' // no such booking for these credentials (same answer for wrong code and wrong email)
  | 'already_cancelled'
  | 'invalid';

export class ReservationError extends Error {
  constructor(
    public readonly reason: ReservationErrorReason,
    message: string,
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ReservationError';
  }
}

export interface ReservationStore {
  /** Every room type with availability and the price of the stay; sold-out types have available 0. */
  availability(query: StayQuery): Promise<RoomOffer[]>;
  /** Books atomically; throws ReservationError('sold_out' | 'invalid_dates' | 'too_many_guests' | …). */
  create(request: BookingRequest): Promise<Booking>;
  /** The booking if the access matches, else null (never says which part was wrong). */
  find(access: BookingAccess): Promise<Booking | null>;
  /** Confirmed bookings by a guest email or a channel contact (identified guests), earliest check-in first. */
  listByGuest(hotelId: string, who: { email?: string; contact?: { accountId: number; contactId: number } }): Promise<Booking[]>;
  /** Changes dates, guests, rooms or room type atomically, re-pricing the stay. */
  modify(access: BookingAccess, change: BookingChange): Promise<Booking>;
  cancel(access: BookingAccess): Promise<Booking>;
}
