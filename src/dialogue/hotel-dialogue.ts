/**
 * The hotel's conversation: welcome, availability, booking by slot filling, status / change / cancel, FAQ and
 * prices from the hotel file, the agent's own responses, and the handoff policy. Plain code from
 * (state, what the guest did) to (replies, new state, handoff); it talks only to the NLU and reservations ports.
 */
import { hotelForInbox } from '../reservations/hotel-file';
import { addDays, formatDate, nightsBetween, todayIn } from '../time/dates';
import type { Hotel, RoomType } from '../reservations/hotel';
import { ReservationError, type Booking, type BookingAccess, type RoomOffer } from '../reservations/port';
import { decide, NluUnavailableError, type NluContext, type NluResult, type NormalizedParameters } from '../nlu/port';
import { matchOption } from './choices';
import { faqAnswer } from './faq';
import type { ConversationInfo, Decision, Dialogue, DialogueDeps, GuestInput, HandoffReason, Option, Reply } from './port';
import { initialState, loadState, type DialogueState, type Draft, type Step } from './state';

const MENU: Option[] = [
  { title: 'Check availability', value: 'menu:availability' },
  { title: 'Book a room', value: 'menu:book' },
  { title: 'My booking', value: 'menu:status' },
  { title: 'Prices', value: 'menu:prices' },
  { title: 'Talk to a person', value: 'menu:human' },
];
const MAX_HISTORY = 6;
const money = (n: number, currency: string) => `${Number.isInteger(n) ? n : n.toFixed(2)} ${currency}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

interface Turn {
  state: DialogueState;
  info: ConversationInfo;
  hotel: Hotel;
  today: string;
  replies: Reply[];
  handoff?: Decision['handoff'];
  resolve?: boolean;
}

/** "in 2020", "yesterday", "last week": a stay that would start before today. */
function mentionsPast(text: string, today: string): boolean {
  const year = Number(today.slice(0, 4));
  const years = [...text.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  return years.some((y) => y < year) || /\b(yesterday|last (week|month|year|night))\b/i.test(text);
}

export class HotelDialogue implements Dialogue {
  constructor(private readonly deps: DialogueDeps) {}

  async handle(input: GuestInput, info: ConversationInfo, rawState: unknown): Promise<Decision> {
    const hotel = hotelForInbox(this.deps.hotels, info.inboxId) ?? this.deps.hotels[0];
    const t: Turn = { state: loadState(rawState), info, hotel, today: todayIn(hotel.timezone, this.deps.now()), replies: [] };
    try {
      await this.turn(t, input);
    } catch (err) {
      if (err instanceof NluUnavailableError) this.handoff(t, 'nlu_unavailable', `the language service is unavailable (${err.reason})`);
      else throw err;
    }
    return { replies: t.replies, state: t.state, handoff: t.handoff, resolve: t.resolve };
  }

  async assist(text: string, info: ConversationInfo): Promise<string | undefined> {
    const hotel = hotelForInbox(this.deps.hotels, info.inboxId) ?? this.deps.hotels[0];
    const today = todayIn(hotel.timezone, this.deps.now());
    const r = await this.deps.nlu.detect({
      text,
      sessionId: `cw-${info.accountId}-${info.conversationId}`,
      languageCode: info.language ?? 'en',
      timeZone: hotel.timezone,
      referenceDate: today,
      contexts: [{ name: 'awaiting_confirmation_code', lifespan: 1 }],
    });
    const p = r.parameters;
    const mark = '[Hotel bot · for staff]';
    if (p.confirmation_code) {
      // Only a booking this guest may see: same contact, or the email of this conversation (contact or message).
      const accesses: BookingAccess[] = [];
      if (info.contact.id !== undefined) accesses.push({ code: p.confirmation_code, contact: { accountId: info.accountId, contactId: info.contact.id } });
      for (const email of [info.contact.email, p.email]) if (email) accesses.push({ code: p.confirmation_code, email });
      for (const a of accesses) {
        const b = await this.deps.reservations.find(a);
        if (b) {
          const room = hotel.room_types.find((x) => x.id === b.roomTypeId)?.name ?? b.roomTypeId;
          return `${mark} Booking ${b.code} — ${b.status.toUpperCase()}\n${b.rooms > 1 ? `${b.rooms} × ` : ''}${room}, ${formatDate(b.checkin)} → ${formatDate(b.checkout)}, ${plural(b.guests, 'guest')}\nGuest: ${b.guest.name}, ${b.guest.email}\nTotal: ${money(b.total, b.currency)}`;
        }
      }
      return undefined;
    }
    if (p.checkin && (p.checkout || p.nights) && p.checkin >= today) {
      const checkout = p.checkout ?? addDays(p.checkin, p.nights!);
      if (checkout > p.checkin && nightsBetween(p.checkin, checkout) <= 30) {
        const offers = await this.deps.reservations.availability({ hotelId: hotel.id, checkin: p.checkin, checkout, guests: p.guests, rooms: p.rooms ?? 1 });
        const lines = offers
          .filter((o) => !p.room_type || o.roomTypeId === p.room_type)
          .map((o) => `• ${hotel.room_types.find((x) => x.id === o.roomTypeId)?.name}: ${o.available ? `${o.available} free, ${money(o.total, o.currency)}` : 'sold out'}`);
        return `${mark} Availability ${formatDate(p.checkin)} → ${formatDate(checkout)}${p.guests ? `, ${plural(p.guests, 'guest')}` : ''}:\n${lines.join('\n')}`;
      }
    }
    const faq = faqAnswer(hotel, text);
    if (faq && (r.intent === 'hotel.amenities' || r.intent === 'hotel.prices' || text.includes('?'))) return `${mark} Answer to paste:\n${faq}`;
    return undefined;
  }

  // ---------------------------------------------------------------- entry points

  private async turn(t: Turn, input: GuestInput): Promise<void> {
    const s = t.state;
    switch (input.kind) {
      case 'widget_opened':
        if (!s.greeted && !s.history.length) this.welcome(t);
        return;
      case 'resumed':
        return this.resume(t);
      case 'submission': {
        s.history = [...s.history, input.values.map((v) => v.title ?? v.value).join(', ')].slice(-MAX_HISTORY);
        if (input.email) {
          s.draft.email = input.email;
          if (s.step === 'lookup_email') return this.lookupWith(t, { email: input.email });
          return this.advanceBooking(t);
        }
        const named = input.values.filter((v) => v.name);
        if (named.length) return this.formSubmitted(t, named);
        const v = input.values[0];
        if (!v) return;
        const known = s.options?.items.find((o) => o.value === v.value);
        if (!known && !/^[a-z_]+:/.test(v.value)) {
          this.say(t, 'That option has expired. Here is where we are:');
          return this.reprompt(t);
        }
        return this.choose(t, v.value, true);
      }
      case 'message': {
        const text = input.text;
        if (!text) {
          this.say(t, input.hasAttachments ? "Thanks! I can't open files here, but I can help if you type your question." : 'Could you type your question?');
          if (input.hasAttachments) this.say(t, 'If the file is important, ask for a person and a colleague will look at it.');
          return;
        }
        s.history = [...s.history, text.slice(0, 300)].slice(-MAX_HISTORY);
        const picked = s.options ? matchOption(text, s.options.items) : undefined;
        if (picked) return this.choose(t, picked.value, false);
        return this.understand(t, text);
      }
    }
  }

  private welcome(t: Turn): void {
    t.state.greeted = true;
    this.say(t, `Hi! I'm the virtual concierge of ${t.hotel.name}. I can check availability, book a room, or help with a booking you have.`);
    this.offer(t, 'How can I help you today?', MENU);
  }

  private resume(t: Turn): void {
    const s = t.state;
    s.lowConfidence = 0;
    const d = s.draft;
    if (s.mode === 'booking' && (d.checkin || d.room_type || d.guests)) {
      this.say(t, `Welcome back! I'm here again. We were preparing your booking: ${this.describeDraft(t, d)}.`);
      this.offer(t, 'Shall we carry on?', [
        { title: 'Continue booking', value: 'resume:continue' },
        { title: 'Start over', value: 'resume:restart' },
      ]);
      s.step = 'resume';
      return;
    }
    if (s.managing) {
      this.say(t, `Welcome back! I'm here again. We were looking at booking ${s.managing}: ask me anything about it, or pick an option.`);
      this.offer(t, 'What would you like to do?', MENU);
      return;
    }
    this.say(t, "Welcome back! I'm here again if you need anything else.");
    this.offer(t, 'How can I help?', MENU);
  }

  // ---------------------------------------------------------------- understanding free text

  private contexts(t: Turn): NluContext[] {
    const step = t.state.step;
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
    const p = step ? param[step] : undefined;
    if (!p) return [];
    const intent = t.state.mode === 'booking' ? 'booking.create' : t.state.mode ? `booking.${t.state.mode}` : 'booking.create';
    return [{ name: `awaiting_${p}`, lifespan: 1, parameters: { intent } }];
  }

  private async understand(t: Turn, text: string): Promise<void> {
    const s = t.state;
    const r: NluResult = await this.deps.nlu.detect({
      text,
      sessionId: `cw-${t.info.accountId}-${t.info.conversationId}`,
      languageCode: t.info.language ?? 'en',
      timeZone: t.hotel.timezone,
      referenceDate: t.today,
      contexts: this.contexts(t),
    });
    const acting = decide(r, this.deps.handoffConfidence) === 'act';
    const p = r.parameters;
    const hasStayFacts = ['checkin', 'checkout', 'nights', 'guests', 'rooms', 'room_type'].some((k) => (p as Record<string, unknown>)[k] !== undefined);

    // Answers to the question just asked fill the draft whatever the intent looks like.
    if (s.step === 'lookup_code' && p.confirmation_code) return this.lookupWith(t, { code: p.confirmation_code, email: p.email });
    if (s.step === 'lookup_email' && p.email) return this.lookupWith(t, { email: p.email });
    if ((s.step === 'name' || s.step === 'email' || s.step === 'details') && (p.email || p.name || (s.step === 'name' && text.split(/\s+/).length <= 4))) {
      if (p.email) s.draft.email = p.email;
      if (p.name) s.draft.name = p.name;
      else if (s.step === 'name' && !p.email) s.draft.name = text.trim();
      return this.advanceBooking(t);
    }
    if (s.step?.startsWith('modify_') && (hasStayFacts || acting === false)) {
      if (hasStayFacts) return this.modifyWith(t, p);
    }

    if (!acting) {
      if (s.mode === 'booking' && hasStayFacts && s.step && ['dates', 'guests', 'room'].includes(s.step)) {
        this.merge(t, p);
        return this.advanceBooking(t);
      }
      return this.notUnderstood(t, r);
    }
    s.lowConfidence = 0;

    switch (r.intent) {
      case 'smalltalk.greeting':
      case 'Default Welcome Intent':
        if (s.mode === 'booking' && s.step) {
          this.say(t, 'Hello again!');
          return this.reprompt(t);
        }
        return this.welcome(t);
      case 'booking.availability':
      case 'booking.create': {
        if (s.mode !== 'booking') this.startBooking(t);
        // Dates the guest placed in the past are not read as future ones: say so instead of asking blindly.
        if (!p.checkin && mentionsPast(text, t.today)) this.say(t, 'Those dates are in the past.');
        this.merge(t, p);
        return this.advanceBooking(t, r.intent === 'booking.availability');
      }
      case 'hotel.prices':
        return this.prices(t, p);
      case 'hotel.amenities':
        return this.amenities(t, text, r);
      case 'booking.status':
      case 'booking.cancel':
      case 'booking.modify':
        return this.manage(t, r.intent.slice('booking.'.length) as 'status' | 'cancel' | 'modify', p);
      case 'smalltalk.thanks':
        this.say(t, s.lastBooking ? `You're welcome! We look forward to your stay. Your code is ${s.lastBooking}.` : "You're welcome! Anything else I can do for you?");
        return;
      case 'smalltalk.goodbye':
        this.say(t, `Goodbye, and thank you for contacting ${t.hotel.name}!`);
        s.step = undefined;
        s.options = undefined;
        return;
      case 'agent.handoff':
        return this.handoff(t, 'guest_request', 'the guest asked for a person');
      default:
        return this.authored(t, r);
    }
  }

  /** An intent the bot has no flow for (e.g. a FAQ added in the console): its responses exactly as authored. */
  private authored(t: Turn, r: NluResult): void {
    if (!r.messages.length) return this.notUnderstood(t, r);
    for (const m of r.messages) {
      if (m.type === 'text') this.say(t, m.text);
      else if (m.payload.action === 'handoff') return this.handoff(t, 'agent_payload', `the agent's response for "${r.intent}" asks for a person`);
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

  private notUnderstood(t: Turn, r: NluResult): void {
    const s = t.state;
    s.lowConfidence += 1;
    if (s.lowConfidence >= 2) {
      s.lowConfidence = 0;
      return this.handoff(t, r.isFallback ? 'out_of_scope' : 'low_confidence', `two messages in a row the bot could not understand (last intent guess: ${r.intent}, confidence ${r.confidence})`);
    }
    this.say(t, "Sorry, I'm not sure I understood. Could you say it another way? I can help with these:");
    this.offer(t, 'Choose an option or type your question.', MENU);
  }

  // ---------------------------------------------------------------- choices (clicks and typed options)

  private async choose(t: Turn, value: string, clicked: boolean): Promise<void> {
    const s = t.state;
    s.lowConfidence = 0;
    const [kind, arg] = [value.split(':')[0], value.slice(value.indexOf(':') + 1)];
    switch (kind) {
      case 'menu':
        if (arg === 'availability' || arg === 'book') {
          this.startBooking(t);
          return this.advanceBooking(t, arg === 'availability');
        }
        if (arg === 'status') return this.manage(t, 'status', {});
        if (arg === 'prices') return this.prices(t, {});
        if (arg === 'human') return this.handoff(t, 'guest_request', 'the guest chose "Talk to a person"');
        return this.welcome(t);
      case 'room':
        if (s.mode !== 'booking') this.startBooking(t);
        s.draft.room_type = arg;
        return this.advanceBooking(t);
      case 'guests':
        s.draft.guests = Number(arg);
        return this.advanceBooking(t);
      case 'confirm':
        if (arg === 'yes') return this.confirmBooking(t);
        if (arg === 'change') {
          s.draft.room_type = undefined;
          s.draft.checkin = undefined;
          s.draft.checkout = undefined;
          s.draft.nights = undefined;
          this.say(t, 'No problem, let us change it.');
          return this.advanceBooking(t);
        }
        this.say(t, 'Okay, I have not booked anything.');
        s.mode = undefined;
        s.step = undefined;
        s.draft = {};
        return this.offer(t, 'Anything else?', MENU);
      case 'resume':
        if (arg === 'restart') {
          s.draft = {};
          s.mode = 'booking';
        }
        return this.advanceBooking(t);
      case 'booking':
        s.managing = arg;
        return this.showManaged(t);
      case 'manage':
        return this.manageAction(t, arg);
      case 'cancel':
        if (arg === 'yes') return this.doCancel(t);
        this.say(t, 'Okay, your booking stays as it is.');
        s.step = undefined;
        return;
      case 'modify':
        if (arg === 'dates') return this.ask(t, 'modify_dates', 'What are the new dates? (for example "12 to 15 June")');
        if (arg === 'guests') return this.ask(t, 'modify_guests', 'How many guests will there be?');
        if (arg === 'room') return this.offerRoomsForChange(t);
        if (arg === 'confirm') return this.doModify(t);
        s.step = undefined;
        this.say(t, 'Okay, nothing was changed.');
        return;
      case 'newroom':
        s.change = { ...(s.change ?? {}), room_type: arg };
        return this.quoteChange(t);
      default:
        if (clicked) return this.reprompt(t);
    }
  }

  // ---------------------------------------------------------------- booking

  private startBooking(t: Turn): void {
    t.state.mode = 'booking';
    t.state.managing = undefined;
    // Channel contacts are often named after their phone number: only a real name is a useful default.
    const known = t.info.contact.name;
    if (!t.state.draft.name && known && /[a-z]{2}/i.test(known) && !/^guest\b/i.test(known)) t.state.draft.name = known;
    if (!t.state.draft.email && t.info.contact.email) t.state.draft.email = t.info.contact.email;
  }

  private merge(t: Turn, p: NormalizedParameters): void {
    const d = t.state.draft;
    if (p.checkin) {
      d.checkin = p.checkin;
      if (!p.checkout && d.checkout && d.checkout <= p.checkin) d.checkout = undefined;
    }
    if (p.checkout) d.checkout = p.checkout;
    if (p.nights) {
      d.nights = p.nights;
      if (!p.checkout) d.checkout = undefined;
    }
    if (p.guests) d.guests = p.guests;
    if (p.rooms) d.rooms = p.rooms;
    if (p.room_type) d.room_type = p.room_type;
    if (p.name) d.name = p.name;
    if (p.email) d.email = p.email;
  }

  private describeDraft(t: Turn, d: Draft): string {
    const parts: string[] = [];
    const room = d.room_type ? t.hotel.room_types.find((r) => r.id === d.room_type)?.name : undefined;
    if (room) parts.push(`${d.rooms && d.rooms > 1 ? `${d.rooms} × ` : ''}${room}`);
    if (d.checkin && d.checkout) parts.push(`${formatDate(d.checkin)} to ${formatDate(d.checkout)}`);
    else if (d.checkin) parts.push(`from ${formatDate(d.checkin)}${d.nights ? `, ${plural(d.nights, 'night')}` : ''}`);
    if (d.guests) parts.push(plural(d.guests, 'guest'));
    return parts.join(', ') || 'nothing chosen yet';
  }

  /** Asks for whatever the booking still needs, in a natural order; books when everything is there. */
  private async advanceBooking(t: Turn, availabilityOnly = false): Promise<void> {
    const s = t.state;
    s.mode = 'booking';
    const d = s.draft;
    if (d.checkin && !d.checkout && d.nights) d.checkout = addDays(d.checkin, d.nights);
    if (!d.checkin && d.checkout && d.nights) d.checkin = addDays(d.checkout, -d.nights);

    if (!d.checkin) return this.ask(t, 'dates', 'When would you like to stay? Tell me the arrival date and the departure date (or the number of nights).');
    if (d.checkin < t.today) {
      this.say(t, `${formatDate(d.checkin)} is in the past. Which dates did you mean?`);
      d.checkin = d.checkout = undefined;
      d.nights = undefined;
      return this.ask(t, 'dates', 'When would you like to arrive?');
    }
    if (!d.checkout) return this.ask(t, 'dates', `Arriving ${formatDate(d.checkin)}. How many nights will you stay, or what is your departure date?`);
    if (d.checkout <= d.checkin) {
      this.say(t, 'The departure date must be after the arrival date.');
      d.checkout = undefined;
      d.nights = undefined;
      return this.ask(t, 'dates', `Arriving ${formatDate(d.checkin)}: when will you leave?`);
    }
    d.nights = nightsBetween(d.checkin, d.checkout);
    if (d.nights > 30) {
      this.say(t, 'I can book stays of up to 30 nights here; for longer stays a colleague will help you.');
      d.checkout = undefined;
      return this.ask(t, 'dates', 'How many nights would you like (up to 30)?');
    }
    if (!d.guests) {
      return this.offer(t, `${formatDate(d.checkin)} to ${formatDate(d.checkout)}, ${plural(d.nights, 'night')}. How many guests will stay?`, ['1', '2', '3', '4'].map((n) => ({ title: n, value: `guests:${n}` })), 'guests');
    }

    const offers = await this.deps.reservations.availability({ hotelId: t.hotel.id, checkin: d.checkin, checkout: d.checkout, guests: d.guests, rooms: d.rooms ?? 1 });
    if (!d.room_type) return this.showRooms(t, offers, availabilityOnly);

    const room = t.hotel.room_types.find((r) => r.id === d.room_type);
    if (!room) {
      d.room_type = undefined;
      return this.showRooms(t, offers, availabilityOnly);
    }
    const rooms = Math.max(d.rooms ?? 1, Math.ceil(d.guests / room.capacity));
    if (rooms !== (d.rooms ?? 1)) {
      this.say(t, `A ${room.name} holds ${plural(room.capacity, 'guest')}, so for ${plural(d.guests, 'guest')} you need ${rooms} rooms.`);
      d.rooms = rooms;
      return this.advanceBooking(t, availabilityOnly);
    }
    const offer = rooms === (d.rooms ?? 1) ? offers.find((o) => o.roomTypeId === room.id) : undefined;
    if (!offer || offer.available < rooms) {
      this.say(t, `Sorry, the ${room.name} is sold out for ${formatDate(d.checkin)} to ${formatDate(d.checkout)}${offer && offer.available ? ` (only ${offer.available} left)` : ''}.`);
      d.room_type = undefined;
      return this.showRooms(t, offers, availabilityOnly, room.id);
    }
    if (!d.name || !d.email) return this.askDetails(t, room, offer);
    return this.summary(t, room, offer);
  }

  private showRooms(t: Turn, offers: RoomOffer[], _availabilityOnly: boolean, excluded?: string): Promise<void> | void {
    const d = t.state.draft;
    const free = offers.filter((o) => o.available >= (d.rooms ?? 1) && o.roomTypeId !== excluded);
    const fitting = free.filter((o) => o.fits || d.rooms === undefined);
    if (!free.length) {
      this.say(t, `I'm sorry, we are fully booked from ${formatDate(d.checkin!)} to ${formatDate(d.checkout!)}. Would other dates work? For example ${formatDate(addDays(d.checkin!, 7))}.`);
      d.checkin = d.checkout = undefined;
      d.nights = undefined;
      return this.ask(t, 'dates', 'Tell me other dates and I will check again.');
    }
    const roomOf = (o: RoomOffer) => t.hotel.room_types.find((r) => r.id === o.roomTypeId)!;
    const list = (fitting.length ? fitting : free).slice(0, 6);
    const header = `Available from ${formatDate(d.checkin!)} to ${formatDate(d.checkout!)} (${plural(d.nights!, 'night')}, ${plural(d.guests!, 'guest')}):`;
    const priceLine = (o: RoomOffer) => {
      const r = roomOf(o);
      const rooms = Math.max(d.rooms ?? 1, Math.ceil(d.guests! / r.capacity));
      const total = (o.total / (d.rooms ?? 1)) * rooms;
      return `${money(total, o.currency)} in total${rooms > 1 ? ` for ${rooms} rooms` : ''}`;
    };
    if (t.info.channel === 'web_widget') {
      t.replies.push({
        kind: 'cards',
        text: header,
        cards: list.map((o) => {
          const r = roomOf(o);
          return {
            title: `${r.name} · ${priceLine(o)}`,
            description: `${r.description}. Up to ${plural(r.capacity, 'guest')}.`,
            imageUrl: r.image_url,
            link: { text: 'See the room', url: this.absolute(t, r.image_url) ?? String(t.hotel.website ?? 'https://www.example.com') },
          };
        }),
      });
      this.offer(t, 'Which room would you like?', list.map((o) => ({ title: roomOf(o).name, value: `room:${o.roomTypeId}` })), 'room');
    } else {
      this.offer(t, `${header}\nWhich room would you like?`, list.map((o) => ({ title: `${roomOf(o).name} – ${priceLine(o)}`, value: `room:${o.roomTypeId}` })), 'room');
    }
  }

  private absolute(t: Turn, url: string | undefined): string | undefined {
    if (!url) return undefined;
    if (/^https?:\/\//.test(url)) return url;
    return undefined;
  }

  private askDetails(t: Turn, room: RoomType, offer: RoomOffer): void {
    const d = t.state.draft;
    const intro = `Great, a ${room.name} is available: ${money(offer.total, offer.currency)} for ${plural(d.nights!, 'night')}${(d.rooms ?? 1) > 1 ? ` and ${d.rooms} rooms` : ''}.`;
    if (t.info.channel === 'web_widget') {
      this.say(t, intro);
      t.replies.push({
        kind: 'form',
        text: 'Who is the booking for?',
        submitLabel: 'Continue',
        fields: [
          { name: 'name', label: 'Full name', type: 'text', placeholder: 'Maria Lopez', ...(d.name ? { default: d.name } : {}) },
          { name: 'email', label: 'Email', type: 'email', placeholder: 'maria@example.com', ...(d.email ? { default: d.email } : {}) },
        ],
      });
      t.state.step = 'details';
      t.state.options = undefined;
      return;
    }
    this.say(t, intro);
    if (!d.name) return this.ask(t, 'name', 'What name should the booking be under?');
    return this.ask(t, 'email', 'And your email address, for the confirmation?');
  }

  private formSubmitted(t: Turn, values: Array<{ name?: string; value: string }>): Promise<void> {
    const d = t.state.draft;
    for (const v of values) {
      const val = v.value.trim();
      if (v.name === 'name' && val) d.name = val;
      if (v.name === 'email' && val) d.email = val;
      if (v.name === 'guests' && /^\d+$/.test(val)) d.guests = Number(val);
    }
    if (d.email && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(d.email)) {
      this.say(t, `"${d.email}" does not look like an email address.`);
      d.email = undefined;
    }
    return this.advanceBooking(t);
  }

  private summary(t: Turn, room: RoomType, offer: RoomOffer): void {
    const d = t.state.draft;
    this.say(
      t,
      [
        'Please check your booking:',
        `• ${d.rooms && d.rooms > 1 ? `${d.rooms} × ` : ''}${room.name}`,
        `• ${formatDate(d.checkin!)} → ${formatDate(d.checkout!)} (${plural(d.nights!, 'night')})`,
        `• ${plural(d.guests!, 'guest')}`,
        `• ${d.name}, ${d.email}`,
        `• Total: ${money(offer.total, offer.currency)} (pay at the hotel)`,
        t.hotel.policies.cancellation ? `Cancellation: ${t.hotel.policies.cancellation}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
    this.offer(
      t,
      'Shall I confirm it?',
      [
        { title: 'Confirm booking', value: 'confirm:yes' },
        { title: 'Change something', value: 'confirm:change' },
        { title: 'Cancel', value: 'confirm:no' },
      ],
      'confirm',
    );
  }

  private async confirmBooking(t: Turn): Promise<void> {
    const s = t.state;
    const d = s.draft;
    if (s.mode !== 'booking' || !d.checkin || !d.checkout || !d.room_type || !d.guests || !d.name || !d.email) {
      if (s.lastBooking) {
        this.say(t, `Your booking is already confirmed. Confirmation code: ${s.lastBooking}`);
        return;
      }
      return this.advanceBooking(t);
    }
    try {
      const b = await this.deps.reservations.create({
        hotelId: t.hotel.id,
        roomTypeId: d.room_type,
        rooms: d.rooms ?? 1,
        checkin: d.checkin,
        checkout: d.checkout,
        guests: d.guests,
        guest: { name: d.name, email: d.email },
        chatwoot: { accountId: t.info.accountId, contactId: t.info.contact.id, conversationId: t.info.conversationId },
        idempotencyKey: `cw-${t.info.accountId}-${t.info.conversationId}-${s.draftRev}`,
      });
      const room = t.hotel.room_types.find((r) => r.id === b.roomTypeId)!;
      this.say(
        t,
        [
          'Your booking is confirmed!',
          `Confirmation code: ${b.code}`,
          `${b.rooms > 1 ? `${b.rooms} × ` : ''}${room.name}, ${formatDate(b.checkin)} → ${formatDate(b.checkout)}, ${plural(b.guests, 'guest')}.`,
          `Total ${money(b.total, b.currency)}, to pay at the hotel. Check-in from ${t.hotel.checkin_time}, check-out until ${t.hotel.checkout_time}.`,
          'Keep the code: with it and your email you can look up, change or cancel the booking here.',
        ].join('\n'),
      );
      s.lastBooking = b.code;
      s.managing = b.code;
      s.draftRev += 1;
      s.draft = { name: d.name, email: d.email };
      s.mode = undefined;
      s.step = undefined;
      s.options = undefined;
    } catch (err) {
      if (!(err instanceof ReservationError)) throw err;
      if (err.reason === 'sold_out') {
        this.say(t, 'I am sorry, the last room of that type was just taken.');
        d.room_type = undefined;
        return this.advanceBooking(t);
      }
      this.say(t, `I could not book that: ${err.message}.`);
      return this.advanceBooking(t);
    }
  }

  // ---------------------------------------------------------------- existing bookings

  private async manage(t: Turn, purpose: 'status' | 'cancel' | 'modify', p: NormalizedParameters): Promise<void> {
    const s = t.state;
    s.mode = purpose;
    s.lookup = { code: p.confirmation_code ?? s.lookup?.code, email: p.email ?? s.lookup?.email };
    if (!s.lookup.code && s.managing && (purpose !== 'status' || !p.confirmation_code)) {
      return this.manageAction(t, purpose);
    }
    if (!s.lookup.code) {
      // A verified contact (identity signed by the hotel's site) may manage bookings by its email alone.
      if (t.info.contact.verified && t.info.contact.email) {
        const mine = await this.deps.reservations.listByGuest(t.hotel.id, { email: t.info.contact.email });
        if (mine.length === 1) {
          s.managing = mine[0].code;
          return this.manageAction(t, purpose);
        }
        if (mine.length > 1) {
          return this.offer(
            t,
            'Which booking do you mean?',
            mine.slice(0, 10).map((b) => ({ title: `${b.code} · ${formatDate(b.checkin)}`, value: `booking:${b.code}` })),
            'manage_choose',
          );
        }
      }
      return this.ask(t, 'lookup_code', 'Please tell me your confirmation code (8 characters, e.g. K7M2Q9XA).');
    }
    return this.lookupWith(t, {});
  }

  private async lookupWith(t: Turn, more: { code?: string; email?: string }): Promise<void> {
    const s = t.state;
    s.lookup = { ...(s.lookup ?? {}), ...Object.fromEntries(Object.entries(more).filter(([, v]) => v)) };
    const { code, email } = s.lookup;
    if (!code) return this.ask(t, 'lookup_code', 'Please tell me your confirmation code.');
    let booking: Booking | null = null;
    if (t.info.contact.id !== undefined) {
      booking = await this.deps.reservations.find({ code, contact: { accountId: t.info.accountId, contactId: t.info.contact.id } });
    }
    if (!booking && t.info.contact.verified && t.info.contact.email) booking = await this.deps.reservations.find({ code, email: t.info.contact.email });
    if (!booking && !email) return this.ask(t, 'lookup_email', 'And the email address the booking was made with?');
    if (!booking && email) booking = await this.deps.reservations.find({ code, email });
    if (!booking) {
      // The same words whether the code does not exist or the email does not match.
      this.say(t, 'I could not find a booking with that code and email. Please check both and try again.');
      s.lookup = undefined;
      return this.ask(t, 'lookup_code', 'What is the confirmation code?');
    }
    s.managing = booking.code;
    s.lookup = { code: booking.code, email: email ?? booking.guest.email };
    return this.manageAction(t, s.mode === 'cancel' || s.mode === 'modify' ? s.mode : 'status');
  }

  private access(t: Turn): BookingAccess {
    const s = t.state;
    if (s.lookup?.email) return { code: s.managing!, email: s.lookup.email };
    if (t.info.contact.verified && t.info.contact.email) return { code: s.managing!, email: t.info.contact.email };
    return { code: s.managing!, contact: { accountId: t.info.accountId, contactId: t.info.contact.id ?? -1 } };
  }

  private async current(t: Turn): Promise<Booking | null> {
    if (!t.state.managing) return null;
    return this.deps.reservations.find(this.access(t));
  }

  private async showManaged(t: Turn): Promise<void> {
    return this.manageAction(t, t.state.mode === 'cancel' || t.state.mode === 'modify' ? t.state.mode : 'status');
  }

  private async manageAction(t: Turn, action: string): Promise<void> {
    const s = t.state;
    const b = await this.current(t);
    if (!b) {
      s.managing = undefined;
      return this.ask(t, 'lookup_code', 'Please tell me your confirmation code.');
    }
    const room = t.hotel.room_types.find((r) => r.id === b.roomTypeId);
    const details = `Booking ${b.code} (${b.status}): ${b.rooms > 1 ? `${b.rooms} × ` : ''}${room?.name ?? b.roomTypeId}, ${formatDate(b.checkin)} → ${formatDate(b.checkout)}, ${plural(b.guests, 'guest')}, ${b.guest.name}, total ${money(b.total, b.currency)}.`;
    if (action === 'status') {
      this.say(t, details);
      if (b.status === 'confirmed') {
        this.offer(t, 'Would you like to change or cancel it?', [
          { title: 'Change it', value: 'manage:modify' },
          { title: 'Cancel it', value: 'manage:cancel' },
          { title: 'No, thanks', value: 'cancel:no' },
        ]);
      }
      return;
    }
    if (b.status === 'cancelled') {
      this.say(t, `${details} It is already cancelled.`);
      return;
    }
    if (action === 'cancel') {
      s.mode = 'cancel';
      this.say(t, details);
      return this.offer(
        t,
        `Do you really want to cancel it? ${t.hotel.policies.cancellation ?? ''}`.trim(),
        [
          { title: 'Yes, cancel it', value: 'cancel:yes' },
          { title: 'No, keep it', value: 'cancel:no' },
        ],
        'cancel_confirm',
      );
    }
    s.mode = 'modify';
    s.change = {};
    this.say(t, details);
    return this.offer(
      t,
      'What would you like to change?',
      [
        { title: 'Dates', value: 'modify:dates' },
        { title: 'Guests', value: 'modify:guests' },
        { title: 'Room type', value: 'modify:room' },
      ],
      'modify_what',
    );
  }

  private async doCancel(t: Turn): Promise<void> {
    const s = t.state;
    try {
      const b = await this.deps.reservations.cancel(this.access(t));
      this.say(t, `Your booking ${b.code} is cancelled. We hope to welcome you another time.`);
    } catch (err) {
      if (!(err instanceof ReservationError)) throw err;
      this.say(t, err.reason === 'already_cancelled' ? 'That booking was already cancelled.' : 'I could not find that booking any more.');
    }
    s.mode = undefined;
    s.step = undefined;
    s.options = undefined;
  }

  private async modifyWith(t: Turn, p: NormalizedParameters): Promise<void> {
    const s = t.state;
    s.change = s.change ?? {};
    if (s.step === 'modify_dates') {
      if (!p.checkin) return this.ask(t, 'modify_dates', 'Which dates? For example "12 to 15 June".');
      s.change.checkin = p.checkin;
      s.change.checkout = p.checkout ?? (p.nights ? addDays(p.checkin, p.nights) : undefined);
      if (!s.change.checkout) {
        const b = await this.current(t);
        if (b) s.change.checkout = addDays(p.checkin, nightsBetween(b.checkin, b.checkout));
      }
    }
    if (s.step === 'modify_guests') {
      if (!p.guests) return this.ask(t, 'modify_guests', 'How many guests?');
      s.change.guests = p.guests;
    }
    return this.quoteChange(t);
  }

  private async offerRoomsForChange(t: Turn): Promise<void> {
    const b = await this.current(t);
    if (!b) return this.ask(t, 'lookup_code', 'Please tell me your confirmation code.');
    const offers = await this.deps.reservations.availability({ hotelId: t.hotel.id, checkin: b.checkin, checkout: b.checkout, guests: b.guests, rooms: b.rooms });
    const options = offers
      .filter((o) => o.roomTypeId !== b.roomTypeId && o.available >= b.rooms && o.fits)
      .map((o) => ({ title: `${t.hotel.room_types.find((r) => r.id === o.roomTypeId)!.name} – ${money(o.total, o.currency)}`, value: `newroom:${o.roomTypeId}` }));
    if (!options.length) {
      this.say(t, 'No other room type is free for those dates, sorry.');
      return;
    }
    this.offer(t, 'Which room would you like instead?', options, 'modify_room');
  }

  private async quoteChange(t: Turn): Promise<void> {
    const s = t.state;
    const b = await this.current(t);
    if (!b) return this.ask(t, 'lookup_code', 'Please tell me your confirmation code.');
    const c = s.change ?? {};
    const next = { roomTypeId: c.room_type ?? b.roomTypeId, checkin: c.checkin ?? b.checkin, checkout: c.checkout ?? b.checkout, guests: c.guests ?? b.guests };
    const room = t.hotel.room_types.find((r) => r.id === next.roomTypeId)!;
    if (next.checkin < t.today || next.checkout <= next.checkin) {
      this.say(t, 'Those dates do not work (in the past, or leaving before arriving).');
      return this.ask(t, 'modify_dates', 'What are the new dates?');
    }
    if (next.guests > room.capacity * b.rooms) {
      this.say(t, `${b.rooms > 1 ? `${b.rooms} rooms` : `A ${room.name}`} hold${b.rooms > 1 ? '' : 's'} at most ${room.capacity * b.rooms} guests. A colleague can help with a bigger change, or choose another room type.`);
      return this.offerRoomsForChange(t);
    }
    const offers = await this.deps.reservations.availability({ hotelId: t.hotel.id, checkin: next.checkin, checkout: next.checkout, guests: next.guests, rooms: b.rooms });
    const o = offers.find((x) => x.roomTypeId === next.roomTypeId)!;
    this.offer(
      t,
      `New booking: ${room.name}, ${formatDate(next.checkin)} → ${formatDate(next.checkout)}, ${plural(next.guests, 'guest')}: ${money(o.total, o.currency)} in total (was ${money(b.total, b.currency)}). Confirm the change?`,
      [
        { title: 'Confirm change', value: 'modify:confirm' },
        { title: 'Keep my booking', value: 'modify:keep' },
      ],
      'modify_confirm',
    );
  }

  private async doModify(t: Turn): Promise<void> {
    const s = t.state;
    const c = s.change ?? {};
    try {
      const b = await this.deps.reservations.modify(this.access(t), { roomTypeId: c.room_type, checkin: c.checkin, checkout: c.checkout, guests: c.guests });
      const room = t.hotel.room_types.find((r) => r.id === b.roomTypeId);
      this.say(t, `Done! Booking ${b.code} is now ${room?.name}, ${formatDate(b.checkin)} → ${formatDate(b.checkout)}, ${plural(b.guests, 'guest')}, total ${money(b.total, b.currency)}.`);
    } catch (err) {
      if (!(err instanceof ReservationError)) throw err;
      this.say(t, err.reason === 'sold_out' ? `Sorry, that is not available: ${err.message}. Your booking is unchanged.` : `I could not change it: ${err.message}. Your booking is unchanged.`);
    }
    s.change = undefined;
    s.mode = undefined;
    s.step = undefined;
    s.options = undefined;
  }

  // ---------------------------------------------------------------- hotel information

  private async prices(t: Turn, p: NormalizedParameters): Promise<void> {
    const d = { ...t.state.draft };
    if (p.checkin) d.checkin = p.checkin;
    if (p.checkout) d.checkout = p.checkout;
    if (d.checkin && !d.checkout && (p.nights ?? d.nights)) d.checkout = addDays(d.checkin, (p.nights ?? d.nights)!);
    const types = p.room_type ? t.hotel.room_types.filter((r) => r.id === p.room_type) : t.hotel.room_types;
    if (d.checkin && d.checkout && d.checkin >= t.today && d.checkout > d.checkin) {
      const offers = await this.deps.reservations.availability({ hotelId: t.hotel.id, checkin: d.checkin, checkout: d.checkout });
      const lines = types.map((r) => {
        const o = offers.find((x) => x.roomTypeId === r.id)!;
        return `• ${r.name}: ${money(o.total, o.currency)} for ${plural(o.nights, 'night')}${o.available ? '' : ' (sold out)'}`;
      });
      this.say(t, `Prices from ${formatDate(d.checkin)} to ${formatDate(d.checkout)}:\n${lines.join('\n')}`);
    } else {
      const lines = types.map((r) => `• ${r.name}: from ${money(Math.min(r.rate, ...r.rates.map((x) => x.rate)), t.hotel.currency)} per night (up to ${plural(r.capacity, 'guest')})`);
      this.say(t, `Our rooms:\n${lines.join('\n')}\nPrices include taxes; breakfast is extra. Rates vary by date: tell me your dates for an exact price.`);
    }
    this.offer(t, 'Would you like to check availability?', [
      { title: 'Check availability', value: 'menu:availability' },
      { title: 'Talk to a person', value: 'menu:human' },
    ]);
  }

  private amenities(t: Turn, text: string, r: NluResult): void {
    const answer = faqAnswer(t.hotel, text);
    if (answer) {
      this.say(t, answer);
      return;
    }
    if (r.messages.length) return this.authored(t, r);
    const topics = t.hotel.faq.map((f) => f.topic).join(', ');
    this.say(t, `I can tell you about: ${topics}. What would you like to know?`);
  }

  // ---------------------------------------------------------------- handoff and helpers

  private handoff(t: Turn, reason: HandoffReason, why: string): void {
    const s = t.state;
    const c = t.info.contact;
    const d = s.draft;
    const draft = s.mode === 'booking' && (d.checkin || d.room_type || d.guests) ? this.describeDraft(t, d) : '';
    t.handoff = {
      reason,
      guestMessage:
        reason === 'guest_request'
          ? 'Of course! I am passing you to a member of our team; they will reply here shortly.'
          : 'I am passing you to a member of our team so you get the right answer; they will reply here shortly.',
      note: [
        `[Hotel bot] Handoff · reason: ${reason}`,
        `Why: ${why}.`,
        s.history.length ? `Guest's last messages:\n${s.history.map((h) => `  › ${h}`).join('\n')}` : '',
        draft ? `Booking draft: ${draft}${d.name ? `, name ${d.name}` : ''}${d.email ? `, email ${d.email}` : ''}.` : '',
        s.managing ? `Booking in question: ${s.managing}.` : '',
        `Contact: ${[c.name, c.email, c.phone].filter(Boolean).join(' · ') || 'no details'}${c.verified ? ' (verified by the website)' : ''}.`,
        'Set the conversation back to Pending to hand it back to the bot.',
      ]
        .filter(Boolean)
        .join('\n'),
    };
    s.step = undefined;
    s.options = undefined;
    s.lowConfidence = 0;
  }

  private say(t: Turn, text: string): void {
    t.replies.push({ kind: 'text', text });
  }

  private offer(t: Turn, text: string, items: Option[], step?: Step): void {
    t.state.optionsSeq += 1;
    t.state.options = { id: t.state.optionsSeq, items };
    if (step) t.state.step = step;
    t.replies.push({ kind: 'options', text, options: items });
  }

  private ask(t: Turn, step: Step, question: string): void {
    t.state.step = step;
    t.state.options = undefined;
    this.say(t, question);
  }

  private reprompt(t: Turn): Promise<void> | void {
    const s = t.state;
    if (s.mode === 'booking') return this.advanceBooking(t);
    if (s.options) {
      t.replies.push({ kind: 'options', text: 'Please choose one of these:', options: s.options.items });
      return;
    }
    return this.offer(t, 'How can I help?', MENU);
  }
}

export { initialState };
