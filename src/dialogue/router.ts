/**
 * The router: what the guest did → which flow answers. Clicks and typed choices go through the choice codec;
 * free text goes through the NLU, then through the frame (any message may correct the booking), side questions,
 * and the intent's flow. A greeting in front of a request is a request.
 */
import { decide, NluUnavailableError, type NluContext, type NluResult, type NormalizedParameters } from '../nlu/port';
import { decodeChoice, matchOption, type Choice } from './choices';
import { outsideOffer } from './scope';
import { guestCount, nameChange, namedNight, nextWeekRepair, oneNightOrMore, roomCount, stayShift, withoutGreeting } from './corrections';
import { applyFacts, hasStayFacts, type Facts } from './frame';
import { acceptMix, advanceBooking, confirmBooking, describeLines, startBooking, takeDetails } from './flows/booking';
import { handoff, notUnderstood } from './flows/handoff';
import { amenities, answerFromHotelFile, authoredHandoff, authoredResponse, prices, sideQuestions } from './flows/info';
import { doCancel, doModify, lookupWith, manage, manageAction, offerRoomsForChange, quoteChange, typedChange } from './flows/manage';
import type { GuestInput } from './port';
import type { Step } from './state';
import type { Turn } from './turn';

const MAX_HISTORY = 6;
/** Understanding looks at this much of a message; a longer one is a letter for staff, not a chat turn. */
const MAX_TEXT = 2000;

export async function route(t: Turn, input: GuestInput): Promise<void> {
  try {
    switch (input.kind) {
      case 'widget_opened':
        if (!t.state.greeted && !t.state.history.length) welcome(t);
        return;
      case 'resumed':
        return await resumed(t, input.unanswered);
      case 'submission':
        return await submission(t, input);
      case 'message':
        return await message(t, input.text, input.hasAttachments);
    }
  } catch (err) {
    if (!(err instanceof NluUnavailableError)) throw err;
    handoff(t, 'nlu_unavailable', `the language service is unavailable (${err.reason})`);
  }
}

function welcome(t: Turn): void {
  t.state.greeted = true;
  t.say(t.w.welcome(t.hotel.name));
  t.offer(t.w.howCanIHelp, t.menu());
}

function remember(t: Turn, said: string): void {
  t.state.turn += 1;
  t.state.history = [...t.state.history, said.slice(0, 300)].slice(-MAX_HISTORY);
}

async function message(t: Turn, raw: string, hasAttachments: boolean): Promise<void> {
  const text = raw.slice(0, MAX_TEXT).trim();
  if (!text) {
    if (!hasAttachments) return t.say(t.w.typeYourQuestion);
    t.say(t.w.cannotOpenFiles);
    return t.say(t.w.fileForPerson);
  }
  remember(t, text);
  const s = t.state;
  const picked = s.options ? matchOption(text, s.options.items) : undefined;
  const decoded = picked && decodeChoice(picked.value);
  if (decoded) return choose(t, decoded.choice);
  return understand(t, text);
}

async function submission(t: Turn, input: Extract<GuestInput, { kind: 'submission' }>): Promise<void> {
  const s = t.state;
  remember(t, input.email ?? input.values.map((v) => v.title ?? v.value).join(', '));
  if (input.email) {
    if (s.step === 'lookup_email') return lookupWith(t, { email: input.email });
    return takeDetails(t, undefined, input.email);
  }
  const named = input.values.filter((v) => v.name);
  if (named.length) {
    const value = (n: string) => named.find((v) => v.name === n)?.value;
    const guests = Number(value('guests'));
    if (Number.isInteger(guests) && guests > 0) applyFacts(s.frame, { guests }, s.turn);
    return takeDetails(t, value('name'), value('email'));
  }
  const v = input.values[0];
  if (!v) return;
  const decoded = decodeChoice(v.value);
  if (!decoded || decoded.listId !== s.options?.id) {
    // A button of an earlier question: it no longer means what it said then.
    t.say(t.w.staleOption);
    return reprompt(t);
  }
  return choose(t, decoded.choice);
}

async function resumed(t: Turn, unanswered: string | undefined): Promise<void> {
  const s = t.state;
  const w = t.w;
  s.lowConfidence = 0;
  if (unanswered?.trim()) {
    t.say(w.welcomeBack);
    return message(t, unanswered, false);
  }
  if (s.mode === 'booking' && (s.frame.checkin || s.frame.room || s.frame.guests)) {
    t.say(w.welcomeBackDraft(s.offer ? describeLines(t, s.offer.lines) : w.roomsOf(1, s.frame.room ? t.roomName(s.frame.room.value) : w.menu.book)));
    return t.offer(
      w.carryOn,
      [
        { title: w.continueBooking, choice: { kind: 'resume', answer: 'continue' } },
        { title: w.startOver, choice: { kind: 'resume', answer: 'restart' } },
      ],
      'resume',
    );
  }
  t.say(s.managing ? w.welcomeBackManaging(s.managing) : w.welcomeBack);
  t.offer(w.howCanIHelp, t.menu());
}

/** The NLU context for the question just asked, so "the 12th" or "3" is read as its answer. */
function contexts(t: Turn): NluContext[] {
  const param: Partial<Record<Step, string>> = {
    dates: 'checkin',
    guests: 'guests',
    name: 'name',
    email: 'email',
    lookup_code: 'confirmation_code',
    lookup_email: 'email',
    modify_dates: 'checkin',
    modify_guests: 'guests',
  };
  const p = t.state.step ? param[t.state.step] : undefined;
  if (!p) return [];
  const mode = t.state.mode;
  return [{ name: `awaiting_${p}`, lifespan: 1, parameters: { intent: !mode || mode === 'booking' ? 'booking.create' : `booking.${mode}` } }];
}

/** "in 2020", "yesterday", "last week": a stay that would start before today. */
function mentionsPast(text: string, today: string): boolean {
  const year = Number(today.slice(0, 4));
  const years = [...text.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  return years.some((y) => y < year) || /\b(yesterday|last (week|month|year|night))\b/i.test(text);
}

/** The NLU's parameters plus what guests say that it does not read (corrections, shifts, holidays, counts). */
function factsOf(t: Turn, p: NormalizedParameters, text: string): Facts & { code?: string; email?: string } {
  const f: Facts & { code?: string } = {
    checkin: p.checkin,
    checkout: p.checkout,
    nights: p.nights,
    guests: p.guests,
    rooms: p.rooms,
    room: p.room_type,
    name: p.name,
    email: p.email,
    code: p.confirmation_code,
  };
  const shift = stayShift(text);
  if (shift && (t.state.frame.checkin || t.state.managing)) {
    // "a day later" is relative to the stay, not to today: the parser's reading of it is dropped.
    f.shift = shift;
    delete f.checkin;
    delete f.checkout;
    delete f.nights;
  }
  nextWeekRepair(text, f, t.today);
  const holiday = namedNight(text, t.today);
  if (holiday && !f.checkin && !f.shift) f.checkin = holiday;
  const guests = guestCount(text);
  if (guests && (!f.guests || /\b(to|now|of us|make it)\b/i.test(text))) f.guests = guests;
  const rooms = roomCount(text);
  if (rooms && (!f.rooms || f.rooms === 1)) f.rooms = rooms;
  const nights = oneNightOrMore(text);
  if (nights && !f.nights && !(f.checkout && f.checkin && f.checkout > f.checkin)) {
    f.nights = nights;
    delete f.checkout;
  }
  const name = nameChange(text);
  if (name) f.name = name;
  for (const k of Object.keys(f) as Array<keyof typeof f>) if (f[k] === undefined) delete f[k];
  return f;
}

const POLICY_QUESTION = /\bpolic(?:y|ies)\b|\b(?:cancellation|payment) (?:terms|rules|conditions|fees?)\b|\bfree(?:ly)? cancel|\bpay (?:with|by|in)\b|\bincluded\b/i;
const PRICE_QUESTION = /\b(?:price|prices|how much|cost|costs|rate|rates)\b/i;
const BOOKING_WORDS = /\b(book|reserve|room|rooms|stay|night|nights|available|availability)\b/i;

async function understand(t: Turn, text: string): Promise<void> {
  const s = t.state;
  const request = withoutGreeting(text);
  const r: NluResult = await t.deps.nlu.detect({
    text: request,
    sessionId: `cw-${t.info.accountId}-${t.info.conversationId}`,
    languageCode: t.info.language ?? t.hotel.language,
    timeZone: t.hotel.timezone,
    referenceDate: t.today,
    contexts: contexts(t),
  });
  const facts = factsOf(t, r.parameters, text);
  const acting = decide(r, t.deps.handoffConfidence) === 'act';
  let intent: string | undefined = acting ? r.intent : undefined;
  const stayFacts = hasStayFacts(facts);

  // Answers to the question just asked, whatever the intent looks like.
  if (s.step === 'lookup_code' && facts.code) return lookupWith(t, { code: facts.code, email: facts.email });
  if (s.step === 'lookup_email' && facts.email) return lookupWith(t, { email: facts.email });
  if (s.step === 'details' || s.step === 'name' || s.step === 'email') {
    const shortName = s.step === 'name' && !facts.email && !stayFacts && text.split(/\s+/).length <= 4 && !/\d/.test(text);
    if (facts.email || (facts.name && !stayFacts) || shortName) return takeDetails(t, facts.name ?? (shortName ? text : undefined), facts.email);
  }
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
  // While booking, "change it to 3 guests" corrects the request; after booking it changes the booking.
  if (intent === 'booking.modify' && booking && !s.managing) intent = 'booking.create';
  if (intent === 'booking.modify' && !booking && s.booked.length && !s.managing) s.managing = s.booked[s.booked.length - 1];

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
      applyFacts(s.frame, { checkin: facts.checkin, checkout: facts.checkout, nights: facts.nights, guests: facts.guests, room: facts.room }, s.turn);
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
      return handoff(t, 'guest_request', 'the guest asked for a person');
    default:
      if (authoredHandoff(r)) return handoff(t, 'agent_payload', `the agent's response for "${r.intent}" asks for a person`);
      if (r.messages.length) return authoredResponse(t, r);
      if (answerFromHotelFile(t, text)) return;
      return notUnderstood(t, r.intent, r.confidence, r.isFallback);
  }
}

async function choose(t: Turn, c: Choice): Promise<void> {
  const s = t.state;
  const w = t.w;
  s.lowConfidence = 0;
  switch (c.kind) {
    case 'menu':
      if (c.item === 'availability' || c.item === 'book') {
        startBooking(t);
        return advanceBooking(t);
      }
      if (c.item === 'status') return manage(t, 'status', {});
      if (c.item === 'prices') return prices(t, {});
      return handoff(t, 'guest_request', 'the guest chose "Talk to a person"');
    case 'room':
      startBooking(t);
      s.offer = undefined;
      applyFacts(s.frame, { room: c.room }, s.turn);
      return advanceBooking(t);
    case 'mix':
      return acceptMix(t);
    case 'guests':
      applyFacts(s.frame, { guests: c.count }, s.turn);
      return advanceBooking(t);
    case 'confirm':
      if (c.answer === 'yes') return confirmBooking(t);
      if (c.answer === 'change') {
        t.say(w.letUsChange);
        delete s.frame.room;
        s.offer = undefined;
        return advanceBooking(t);
      }
      t.say(w.notBooked);
      s.mode = undefined;
      s.step = undefined;
      s.offer = undefined;
      s.frame = { ...(s.frame.name ? { name: s.frame.name } : {}), ...(s.frame.email ? { email: s.frame.email } : {}) };
      return t.offer(w.anythingElse, t.menu());
    case 'resume':
      if (c.answer === 'restart') {
        s.frame = {};
        s.offer = undefined;
      }
      startBooking(t);
      return advanceBooking(t);
    case 'booking':
      s.managing = c.code;
      return manageAction(t, s.mode === 'cancel' || s.mode === 'modify' ? s.mode : 'status');
    case 'manage':
      if (c.action === 'done') {
        s.step = undefined;
        return t.say(w.anythingElse);
      }
      return manageAction(t, c.action);
    case 'cancel':
      if (c.answer === 'yes') return doCancel(t);
      t.say(w.keptAsIs);
      s.step = undefined;
      return;
    case 'modify':
      if (c.what === 'dates') return t.ask('modify_dates', w.askNewDates);
      if (c.what === 'guests') return t.ask('modify_guests', w.askNewGuests);
      if (c.what === 'name') return t.ask('modify_name', w.askNewName);
      if (c.what === 'room') return offerRoomsForChange(t);
      if (c.what === 'confirm') return doModify(t);
      s.step = undefined;
      s.change = undefined;
      return t.say(w.nothingChanged);
    case 'newroom':
      s.change = { ...(s.change ?? {}), room: c.room };
      return quoteChange(t);
  }
}

function reprompt(t: Turn): Promise<void> | void {
  const s = t.state;
  if (s.mode === 'booking') return advanceBooking(t);
  if (s.options) {
    t.replies.push({ kind: 'options', text: t.w.pleaseChoose, options: s.options.items });
    return;
  }
  return t.offer(t.w.howCanIHelp, t.menu());
}
