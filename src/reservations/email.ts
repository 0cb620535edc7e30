/**
 * The one rule for a guest's email address on a booking: something@domain.tld, with the lengths RFC 5321 allows
 * per part. Bounded parts keep the pattern linear on any input (the dialogue checks typed text with it).
 */
const EMAIL = /^[^\s@]{1,64}@[^\s@.]{1,63}(?:\.[^\s@.]{1,63})+$/;

export function isBookingEmail(address: string): boolean {
  return address.length <= 254 && EMAIL.test(address);
}
