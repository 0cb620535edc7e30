/** The one rule for a booking's email address (the dialogue and the store both use it). */
import { isBookingEmail } from '../../src/reservations/email';

describe('the booking email rule', () => {
  it.each(['maria@example.com', 'a.b+c@mail.hotel.pt'])('takes %s', (e) => expect(isBookingEmail(e)).toBe(true));
  it.each(['maria@', '@example.com', 'maria@example', 'maria lopez@example.com', `${'a'.repeat(65)}@example.com`, 'x@y..com'])('refuses %s', (e) =>
    expect(isBookingEmail(e)).toBe(false),
  );
});
