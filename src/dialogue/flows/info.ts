/**
 * Answers from the hotel file: prices (for the guest's dates when known, with the dated rates), facilities and
 * policies (by keyword, then by the words of the answer itself), and the agent's own authored responses.
 */
import type { NluResult } from '../../nlu/port';
import { addDays, nightsBetween } from '../../time/dates';
import { faqAnswer } from '../faq';
import { stayOf, type Facts } from '../frame';
import type { Turn } from '../turn';

/** Prices: with dates, what the stay costs per room type (sold-out ones said so); without, the "from" rates. */
export async function prices(t: Turn, facts: Facts): Promise<void> {
  const w = t.w;
  const stay = stayOf(t.state.frame);
  let checkin = facts.checkin ?? stay.checkin;
  let checkout = facts.checkout ?? (facts.checkin && facts.nights ? addDays(facts.checkin, facts.nights) : facts.checkin ? undefined : stay.checkout);
  if (checkin && !checkout) checkout = addDays(checkin, facts.nights ?? 1);
  if (checkin && checkout && (checkin < t.today || checkout <= checkin)) checkin = checkout = undefined;
  const roomId = facts.room ?? t.state.frame.room?.value;
  const types = roomId ? t.hotel.room_types.filter((r) => r.id === roomId) : t.hotel.room_types;
  if (checkin && checkout) {
    const offers = await t.store.availability(checkin, checkout);
    const nights = nightsBetween(checkin, checkout);
    const lines = types.map((r) => {
      const o = offers.find((x) => x.roomTypeId === r.id);
      const rooms = facts.rooms ?? t.state.frame.rooms?.value ?? 1;
      const total = (o ? o.nightly.reduce((a, b) => a + b, 0) : r.rate * nights) * rooms;
      return w.priceLine(r.name, w.money(total, t.hotel.currency), nights, !o || o.available === 0);
    });
    t.say(`${w.pricesFor(w.stay(checkin, checkout, nights))}\n${lines.join('\n')}`);
  } else {
    const from = (r: (typeof types)[number]) => Math.min(r.rate, ...r.rates.map((x) => x.rate));
    // "how much for 3 nights in a twin?": the stay's length without dates, priced from the lowest rate.
    const nights = facts.nights ?? stay.nights;
    const lines = types.map((r) =>
      nights && nights > 1 ? w.fromForNights(r.name, w.money(from(r) * nights, t.hotel.currency), nights) : w.fromPerNight(r.name, w.money(from(r), t.hotel.currency), r.capacity),
    );
    const included = t.hotel.policies.prices ?? t.hotel.policies.included;
    t.say([w.ourRooms, ...lines, included ?? '', w.ratesVary].filter(Boolean).join('\n'));
  }
  t.offer(w.checkAvailabilityQuestion, [
    { title: w.menu.availability, choice: { kind: 'menu', item: 'availability' } },
    { title: w.menu.human, choice: { kind: 'menu', item: 'human' } },
  ]);
}

/** A facility or policy question; false when the hotel file has nothing on it. */
export function answerFromHotelFile(t: Turn, text: string, opts: { byMeaning?: boolean } = {}): boolean {
  const answer = faqAnswer(t.hotel, text, { byMeaning: opts.byMeaning ?? true });
  if (!answer) return false;
  t.say(answer);
  return true;
}

export function amenities(t: Turn, text: string, r: NluResult): void {
  if (answerFromHotelFile(t, text)) return;
  const authored = r.messages.filter((m) => m.type !== 'text' || m.text.trim().length > 0);
  if (authored.length && r.messages.some((m) => m.type !== 'text')) return authoredResponse(t, r);
  t.say(t.w.topics(t.hotel.faq.map((f) => f.topic).join(', ')));
}

/** An intent the bot has no flow for (a FAQ added in the console): its responses exactly as authored. */
export function authoredResponse(t: Turn, r: NluResult): void {
  for (const m of r.messages) {
    if (m.type === 'text') t.say(m.text);
    else if (m.payload.action === 'resolve') t.resolve = true;
    else if (typeof m.payload.content === 'string') {
      t.replies.push({
        kind: 'raw',
        message: {
          content: m.payload.content,
          content_type: m.payload.content_type as never,
          content_attributes: m.payload.content_attributes as Record<string, unknown> | undefined,
        },
      });
    }
  }
}

/** Whether the agent's authored answer asks for a person (`{"action": "handoff"}`). */
export const authoredHandoff = (r: NluResult) => r.messages.some((m) => m.type !== 'text' && m.payload.action === 'handoff');

/**
 * Questions asked beside a request ("…a twin room please. Is breakfast included?"): each sentence that asks
 * something the hotel file answers gets that answer, so the request goes on and the question is not lost.
 */
export function sideQuestions(t: Turn, text: string): boolean {
  const isQuestion = (x: string) => /\?\s*$/.test(x) || /^\s*(is|are|do|does|can|could|will|what|when|where|how|any)\b/i.test(x);
  const sentences = text
    .slice(0, 2000)
    .split(/(?<=[?!.])\s+|\n+/)
    .filter(isQuestion);
  let answered = false;
  const seen = new Set<string>();
  const answer = (q: string): boolean => {
    if (/\b(how much|price|cost|rate)\b/i.test(q) && !/\b(parking|breakfast|pet|dog|taxi|transfer|spa|gym)\b/i.test(q)) return false; // the quote answers it
    const a = faqAnswer(t.hotel, q);
    if (!a || seen.has(a)) return false;
    seen.add(a);
    t.say(a);
    return true;
  };
  for (const sentence of sentences) {
    if (answer(sentence)) {
      answered = true;
      continue;
    }
    // A long sentence may end in its question after a comma ("…, the youngest is 1, do you have a cot?").
    for (const clause of sentence.split(/,\s*(?=(?:is|are|do|does|can|could|will|what|when|where|how|any)\b)/i).slice(1)) {
      if (answer(clause)) answered = true;
    }
  }
  return answered;
}
