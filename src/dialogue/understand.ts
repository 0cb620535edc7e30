/**
 * Free text: the NLU's reading, the facts the text carries, answers to the question just asked, corrections and
 * typed changes, side questions, scope; then the intent's flow.
 */
import { decide, type NluResult } from '../nlu/port';
import { outsideOffer } from './scope';
import { withoutGreeting } from './corrections';
import { contexts, factsOf, mentionsPast } from './facts';
import { applyFacts, hasStayFacts } from './frame';
import { advanceBooking, startBooking, takeDetails } from './flows/booking';
import { handoff, notUnderstood } from './flows/handoff';
import { amenities, answerFromHotelFile, authoredHandoff, authoredResponse, prices, sideQuestions } from './flows/info';
import { lookupWith, manage, quoteChange, typedChange } from './flows/manage';
import { reprompt, welcome } from './flows/welcome';
import type { Turn } from './turn';

const POLICY_QUESTION =
  /\bpolic(?:y|ies)\b|\b(?:cancellation|payment) (?:terms|rules|conditions|fees?)\b|\bfree(?:ly)? cancel|\bcancel\w*(?: it| the booking| my booking| the reservation)? (?:for free|free of charge|later|without (?:a )?(?:fee|charge|penalty))\b|\bif (?:i|we) (?:need to |have to |must )?cancel\b|\brefundable\b|\bpay (?:with|by|in)\b|\bincluded\b/i;
const PRICE_QUESTION = /\b(?:price|prices|how much|cost|costs|rate|rates)\b/i;
const MANAGE_INTENTS = new Set(['booking.status', 'booking.modify', 'booking.cancel']);
const COMPLAINT =
  /\b(?:broken|not working|doesn'?t work|does not work|isn'?t working|out of order|dirty|filthy|unacceptable|disgusting|terrible|awful|complain\w*|rude|no hot water|leak\w*|cockroach\w*|bed ?bugs?|mou?ld)\b/i;
const CORRECTION = /\b(?:instead|make it|change (?:it|that|the dates)|actually|i meant|rather|move it)\b/i;
const BOOKING_WORDS = /\b(book|reserve|room|rooms|stay|night|nights|available|availability)\b/i;

export async function understand(t: Turn, text: string): Promise<void> {
  const s = t.state;
  const request = withoutGreeting(text);
  const r: NluResult = await t.deps.nlu.detect({
    text: request,
    sessionId: `cw-${t.info.accountId}-${t.info.conversationId}`,
    languageCode: t.language,
    timeZone: t.hotel.timezone,
    referenceDate: t.today,
    contexts: contexts(t),
  });
  const facts = factsOf(t, r.parameters, text);
  const acting = decide(r, t.deps.handoffConfidence) === 'act';
  let intent: string | undefined = acting ? r.intent : undefined;
  // A confirmation code in the message is evidence the classifier does not weigh: a look-up, change or cancel
  // guessed just under the threshold is what the guest means ("booking MBDP0505, … can you move it a week").
  if (!intent && !r.isFallback && facts.code && MANAGE_INTENTS.has(r.intent)) intent = r.intent;
  const stayFacts = hasStayFacts(facts);

  // Answers to the question just asked, whatever the intent looks like.
  if (s.step === 'lookup_code' && facts.code) return lookupWith(t, { code: facts.code, email: facts.email });
  if (s.step === 'lookup_email' && facts.email) return lookupWith(t, { email: facts.email });
  // After a pair that did not match, an email alone is the correction of the email.
  if (s.step === 'lookup_code' && facts.email && s.lookup?.code && s.failedLookups > 0) return lookupWith(t, { email: facts.email });
  if (s.step === 'details' || s.step === 'name' || s.step === 'email') {
    const words = text.trim().split(/\s+/);
    const plain = !facts.email && !stayFacts && words.length <= 4 && !/[\d?@]/.test(text);
    // Asked for a name, a few words are it; beside the details form (web), typed words count when written as a
    // name is ("Lucía Fernández"), so "gracias" or "ok" is not taken for one.
    const shortName = plain && (s.step === 'name' || (s.step === 'details' && words.every((w) => /^\p{Lu}/u.test(w)) && !acting));
    if (facts.email || (facts.name && !stayFacts) || shortName) return takeDetails(t, facts.name ?? (shortName ? text : undefined), facts.email);
  }
  // At the summary, "the name is Jonas Weber not Webber" or "oops, it's maya@example.com" corrects the details.
  if (s.mode === 'booking' && s.step === 'confirm' && !stayFacts && (facts.email || facts.name)) return takeDetails(t, facts.name, facts.email);
  if (s.step === 'modify_name' && s.managing && text.split(/\s+/).length <= 5) {
    s.change = { ...(s.change ?? {}), name: facts.name ?? text.replace(/[.!]+$/, '') };
    return quoteChange(t);
  }
  // A change typed while a confirmed booking is open (before or instead of the buttons).
  if (s.managing && s.mode === 'modify' && (stayFacts || facts.name) && intent !== 'booking.cancel') {
    if (await typedChange(t, facts)) return;
  }

  const booking = s.mode === 'booking';
  // A greeting, or a message the classifier is unsure of, that carries the stay: it is a booking request.
  if (stayFacts && (!intent || intent.startsWith('smalltalk.') || intent === 'Default Welcome Intent') && (booking || facts.room || facts.guests || BOOKING_WORDS.test(text))) {
    intent = booking ? 'booking.create' : 'booking.availability';
  }
  // A question about the hotel asked together with a stay ("suite 2 nights from 2 april, do you allow dogs?") is a
  // booking request with a side question: the flow answers both.
  if (intent === 'hotel.amenities' && !booking && (facts.checkin || facts.shift) && (facts.room || facts.guests || BOOKING_WORDS.test(text))) intent = 'booking.availability';
  // A confirmation code names a booking the guest has: "booking X, we'll be 3 now" changes it, it does not start a
  // new one; with nothing to change, it is a look-up.
  if (facts.code && !booking && (intent === 'booking.create' || intent === 'booking.availability')) {
    intent = facts.guests || facts.shift || facts.name || facts.room || facts.checkin || facts.nights ? 'booking.modify' : 'booking.status';
  }
  // "my booking is X … please put it under my wife's name": a look-up that asks a change is a change.
  if (intent === 'booking.status' && facts.code && (facts.name || facts.shift)) intent = 'booking.modify';
  // Right after a booking here, "can we make it 20-22 april instead?" corrects that booking, not a new one.
  if ((intent === 'booking.create' || intent === 'booking.availability') && !booking && s.managing && s.booked.includes(s.managing) && stayFacts && CORRECTION.test(text)) {
    intent = 'booking.modify';
  }
  // While booking, "change it to 3 guests" corrects the request; after booking it changes the booking.
  if (intent === 'booking.modify' && booking && !s.managing) intent = 'booking.create';
  if (intent === 'booking.modify' && !booking && s.booked.length && !s.managing) s.managing = s.booked[s.booked.length - 1];

  // A problem with the stay ("the shower is broken", "this is unacceptable") is for staff, whatever the words share
  // with the FAQ; a booking or a look-up asked in the same breath goes on.
  if (COMPLAINT.test(text) && !stayFacts && !facts.code && !intent?.startsWith('booking.')) return handoff(t, 'out_of_scope', 'the guest reports a problem or complains');
  if (!intent) {
    if (s.managing && (stayFacts || facts.name) && (await typedChange(t, facts))) return;
    if (answerFromHotelFile(t, text)) {
      s.lowConfidence = 0;
      return;
    }
    return notUnderstood(t, r.intent, r.confidence, r.isFallback);
  }
  s.lowConfidence = 0;

  // "book a massage", "a table for 4 tonight", "the gym bike is broken": not a room, whatever the words around it.
  const outside = intent ? outsideOffer(text, intent, t.hotel) : undefined;
  if (outside && !booking) {
    if (outside.reason === 'not_a_room' && answerFromHotelFile(t, text)) t.say(t.w.notAHotelService);
    return handoff(t, 'out_of_scope', `the request is not something the bot books (${outside.reason}: ${outside.subject})`);
  }
  // A question about a policy or a facility is answered from the hotel file, even when it names a booking word
  // ("what is your cancellation policy", "can I pay with PayPal", "is breakfast included").
  if ((intent === 'hotel.prices' || POLICY_QUESTION.test(text)) && !facts.code && !stayFacts && answerFromHotelFile(t, text, { byMeaning: false })) return;
  // "price of the suite on New Year's Eve": a price question with a stay, before any booking, is answered as prices.
  if ((intent === 'booking.availability' || intent === 'booking.create') && !booking && PRICE_QUESTION.test(text) && !facts.guests && facts.checkin) intent = 'hotel.prices';

  switch (intent) {
    case 'smalltalk.greeting':
    case 'Default Welcome Intent':
      if (booking && (s.step || s.offer || s.frame.checkin || s.frame.room)) {
        t.say(t.w.helloAgain);
        return reprompt(t);
      }
      return welcome(t);
    case 'booking.availability':
    case 'booking.create': {
      startBooking(t);
      if (!facts.checkin && !facts.shift && mentionsPast(text, t.today)) t.say(t.w.pastDates);
      applyFacts(s.frame, facts, s.turn);
      sideQuestions(t, text);
      return advanceBooking(t);
    }
    case 'hotel.prices':
      // Dates and a room given with a price question are the start of a booking: "ok book it" goes on from here.
      applyFacts(s.frame, { checkin: facts.checkin, checkout: facts.checkout, nights: facts.nights, guests: facts.guests, rooms: facts.rooms, room: facts.room }, s.turn);
      return prices(t, facts);
    case 'hotel.amenities':
      return amenities(t, text, r);
    case 'booking.status':
    case 'booking.cancel':
    case 'booking.modify':
      return manage(t, intent.slice('booking.'.length) as 'status' | 'cancel' | 'modify', facts);
    case 'smalltalk.thanks': {
      const last = s.booked[s.booked.length - 1];
      return t.say(last ? t.w.youreWelcomeBooked(last) : t.w.youreWelcome);
    }
    case 'smalltalk.goodbye':
      t.say(t.w.goodbye(t.hotel.name));
      s.step = undefined;
      s.options = undefined;
      return;
    case 'agent.handoff':
      // "a double for 2 from 4 to 6 june, but can I talk to someone": staff see the stay in the note.
      if (stayFacts) applyFacts(s.frame, facts, s.turn);
      return handoff(t, 'guest_request', 'the guest asked for a person');
    default:
      if (authoredHandoff(r)) return handoff(t, 'agent_payload', `the agent's response for "${r.intent}" asks for a person`);
      if (r.messages.length) return authoredResponse(t, r);
      if (answerFromHotelFile(t, text)) return;
      return notUnderstood(t, r.intent, r.confidence, r.isFallback);
  }
}
