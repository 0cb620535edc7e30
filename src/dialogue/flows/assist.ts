/**
 * Agent assist: while a person handles the conversation the bot never writes to the guest, but it may prepare one
 * short private note for staff from the guest's message (the booking named, availability for the dates, an answer
 * from the hotel file).
 */
import type { BookingAccess } from '../../reservations/port';
import { addDays, nightsBetween } from '../../time/dates';
import { MAX_STAY_NIGHTS } from '../../reservations/limits';
import { faqAnswer } from '../faq';
import type { Turn } from '../turn';

const MARK = '[Hotel bot · for staff]';

export async function assistNote(t: Turn, text: string): Promise<string | undefined> {
  const r = await t.deps.nlu.detect({
    text,
    sessionId: `cw-${t.info.accountId}-${t.info.conversationId}`,
    languageCode: t.language,
    timeZone: t.hotel.timezone,
    referenceDate: t.today,
    contexts: [{ name: 'awaiting_confirmation_code', lifespan: 1 }],
  });
  const p = r.parameters;
  // A note for staff: in the hotel's language, whatever the guest writes in.
  const w = t.staffWording;
  if (p.confirmation_code) {
    // Only a booking this guest may see: same contact, or the email of this conversation (contact or message).
    const accesses: BookingAccess[] = [];
    const key = { hotelId: t.hotel.id, code: p.confirmation_code };
    if (t.info.contact.id !== undefined) accesses.push({ ...key, contact: { accountId: t.info.accountId, contactId: t.info.contact.id } });
    for (const email of [t.info.contact.email, p.email]) if (email) accesses.push({ ...key, email });
    for (const a of accesses) {
      const b = await t.store.find(a);
      if (b) {
        return `${MARK} Booking ${b.code} — ${b.status.toUpperCase()}\n${w.roomsOf(b.rooms, t.staffRoomName(b.roomTypeId))}, ${w.stay(b.checkin, b.checkout, nightsBetween(b.checkin, b.checkout))}, ${w.guests(b.guests)}\nGuest: ${b.guest.name}, ${b.guest.email}\nTotal: ${w.money(b.total, b.currency)}`;
      }
    }
    return undefined;
  }
  if (p.checkin && (p.checkout || p.nights) && p.checkin >= t.today) {
    const checkout = p.checkout ?? addDays(p.checkin, p.nights!);
    if (checkout > p.checkin && nightsBetween(p.checkin, checkout) <= MAX_STAY_NIGHTS) {
      const offers = await t.store.availability(p.checkin, checkout);
      const rooms = p.rooms ?? 1;
      const lines = offers
        .filter((o) => !p.room_type || o.roomTypeId === p.room_type)
        .map((o) => `• ${t.staffRoomName(o.roomTypeId)}: ${o.available ? `${o.available} free, ${w.money(o.nightly.reduce((a, b) => a + b, 0) * rooms, o.currency)}` : 'sold out'}`);
      return `${MARK} Availability ${w.stay(p.checkin, checkout, nightsBetween(p.checkin, checkout))}${p.guests ? `, ${w.guests(p.guests)}` : ''}:\n${lines.join('\n')}`;
    }
  }
  const faq = faqAnswer(t.hotel, text);
  if (faq && (r.intent === 'hotel.amenities' || r.intent === 'hotel.prices' || text.includes('?'))) return `${MARK} Answer to paste:\n${faq}`;
  return undefined;
}
