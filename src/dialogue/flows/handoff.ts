/**
 * Handing the conversation to staff: the guest is told, and staff get a note that says why, what the guest wrote,
 * what the booking frame holds and how to reach the guest. The note is in the hotel's language (English here),
 * with room names as the hotel file names them, whatever language the guest writes in.
 */
import { baseLanguage } from '../../nlu/language';
import { stayOf } from '../frame';
import type { HandoffReason } from '../port';
import type { Turn } from '../turn';
import { formatDateFor } from '../wording/format';

const LOW_CONFIDENCE_LIMIT = 2;

/** "Spanish" for "es", named in the staff's language ("Spanisch" for a German hotel). */
function languageName(code: string, staffLanguage: string): string {
  try {
    return new Intl.DisplayNames([staffLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function frameSummary(t: Turn): string {
  const f = t.state.frame;
  const { checkin, checkout, nights } = stayOf(f);
  const parts: string[] = [];
  const date = formatDateFor(t.hotel.language);
  const offer = t.state.offer;
  if (offer) parts.push(offer.lines.map((l) => `${l.rooms} × ${t.staffRoomName(l.room)} (${l.guests} guests)`).join(' + '));
  else if (f.room) parts.push(`${f.rooms ? `${f.rooms.value} × ` : ''}${t.staffRoomName(f.room.value)}`);
  else if (f.rooms) parts.push(`${f.rooms.value} rooms`);
  if (checkin && checkout) parts.push(`${date(checkin)} → ${date(checkout)} (${nights} nights)`);
  else if (checkin) parts.push(`from ${date(checkin)}`);
  if (f.guests) parts.push(`${f.guests.value} guests`);
  if (offer) parts.push(`quoted ${offer.total} ${offer.currency}`);
  if (f.name) parts.push(`name ${f.name.value}`);
  if (f.email) parts.push(`email ${f.email.value}`);
  return parts.join(', ');
}

export function handoff(t: Turn, reason: HandoffReason, why: string, guestMessage?: string): void {
  const s = t.state;
  const c = t.info.contact;
  const draft = frameSummary(t);
  t.handoff = {
    reason,
    guestMessage: guestMessage ?? (reason === 'guest_request' ? t.w.handoffRequested : t.w.handoffOther),
    note: [
      `[Hotel bot] Handoff · reason: ${reason}`,
      `Why: ${why}.`,
      s.history.length ? `Guest's last messages:\n${s.history.map((h) => `  › ${h}`).join('\n')}` : '',
      draft ? `Booking request: ${draft}.` : '',
      s.managing ? `Booking in question: ${s.managing}.` : '',
      s.booked.length ? `Booked in this conversation: ${s.booked.join(', ')}.` : '',
      `Contact: ${[c.name, c.email, c.phone].filter(Boolean).join(' · ') || 'no details'}${c.verified ? ' (verified by the website)' : ''}.`,
      t.language !== baseLanguage(t.staffHotel.language) ? `The guest writes in ${languageName(t.language, t.staffHotel.language)}.` : '',
      'Set the conversation back to Pending to hand it back to the bot.',
    ]
      .filter(Boolean)
      .join('\n'),
  };
  s.step = undefined;
  s.options = undefined;
  s.lowConfidence = 0;
}

/** The first message the bot cannot place gets a rephrase prompt with the menu; the second goes to staff. */
export function notUnderstood(t: Turn, intent: string, confidence: number, outOfScope: boolean): void {
  const s = t.state;
  s.lowConfidence += 1;
  if (s.lowConfidence >= LOW_CONFIDENCE_LIMIT) {
    return handoff(t, outOfScope ? 'out_of_scope' : 'low_confidence', `two messages in a row the bot could not understand (last intent guess: ${intent}, confidence ${confidence})`);
  }
  t.say(t.w.notUnderstood);
  t.offer(t.w.chooseOrType, t.menu());
}
