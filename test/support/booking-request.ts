/** A booking request for the demo hotel (config/hotel.yaml), shared by the store's unit and PostgreSQL tests. */
import type { SqlReservationStore } from '../../src/reservations/sql-store';

/** The store's clock in these tests: before every stay they book, so no date is in the past. */
export const storeNow = () => new Date('2026-11-24T10:00:00Z');
export const guest = { name: 'Maria Lopez', email: 'maria@example.com' };

/** A double for two, three nights in February 2027; each call has its own idempotency key. */
export const bookingRequest = (over: Partial<Parameters<SqlReservationStore['create']>[0]> = {}) => ({
  hotelId: 'miramar',
  roomTypeId: 'double',
  rooms: 1,
  checkin: '2027-02-10',
  checkout: '2027-02-13',
  guests: 2,
  guest,
  idempotencyKey: `k-${Math.random()}`,
  ...over,
});
