/**
 * One turn of the conversation: what the flows read (state, conversation, hotel, today, wording) and what they
 * produce (replies, handoff). The reservations port is wrapped so that a turn asks the store for each thing once,
 * however many flows look at the same offer or booking.
 */
import { baseLanguage } from '../nlu/language';
import { hotelIn } from '../reservations/hotel-texts';
import { todayIn } from '../time/dates';
import type { Hotel, RoomType } from '../reservations/hotel';
import type { Booking, BookingAccess, ReservationStore, RoomOffer } from '../reservations/port';
import { encodeChoice, type Choice } from './choices';
import type { ConversationInfo, Decision, DialogueDeps, Handoff, Option, Reply } from './port';
import type { DialogueState, Step } from './state';
import { wordingFor, type Wording } from './wording';

export interface OfferedChoice {
  title: string;
  choice: Choice;
  description?: string;
}

/** The store as one turn sees it: availability of a stay and a booking look-up are each asked once. */
class TurnStore {
  private readonly stays = new Map<string, Promise<RoomOffer[]>>();
  private readonly bookings = new Map<string, Promise<Booking | null>>();

  constructor(
    readonly port: ReservationStore,
    private readonly hotelId: string,
  ) {}

  /** Every room type's free rooms and one room's nightly prices for the stay. */
  availability(checkin: string, checkout: string): Promise<RoomOffer[]> {
    const key = `${checkin}|${checkout}`;
    let p = this.stays.get(key);
    if (!p) {
      p = this.port.availability({ hotelId: this.hotelId, checkin, checkout, rooms: 1 });
      this.stays.set(key, p);
    }
    return p;
  }

  find(access: BookingAccess): Promise<Booking | null> {
    const key = JSON.stringify(access);
    let p = this.bookings.get(key);
    if (!p) {
      p = this.port.find(access);
      this.bookings.set(key, p);
    }
    return p;
  }

  /** After a change, what was read before is stale. */
  forget(): void {
    this.stays.clear();
    this.bookings.clear();
  }
}

export class Turn {
  readonly replies: Reply[] = [];
  readonly notes: string[] = [];
  handoff?: Handoff;
  resolve?: boolean;
  readonly today: string;
  /** The guest's language for this conversation (language.ts chose it and keeps it in the state). */
  readonly language: string;
  /** The bot's words in the guest's language. */
  readonly w: Wording;
  /** The hotel as the guest reads it: room names, descriptions, policies and FAQ answers in the guest's language. */
  readonly hotel: Hotel;
  /** The hotel as its staff read it (the hotel file's own language): for private notes. */
  readonly staffHotel: Hotel;
  readonly store: TurnStore;

  constructor(
    readonly deps: DialogueDeps,
    readonly state: DialogueState,
    readonly info: ConversationInfo,
    hotel: Hotel,
  ) {
    this.today = todayIn(hotel.timezone, deps.clock.now());
    this.language = state.language?.code ?? baseLanguage(info.language) ?? hotel.language;
    this.w = wordingFor(this.language, hotel.language);
    this.hotel = hotelIn(hotel, this.language);
    this.staffHotel = hotel;
    this.store = new TurnStore(deps.reservations, hotel.id);
  }

  /** The bot's words in the hotel's own language, for staff. */
  get staffWording(): Wording {
    return wordingFor(this.staffHotel.language, this.staffHotel.language);
  }

  /** A room type's name as staff know it (the hotel file's own language). */
  staffRoomName(id: string): string {
    return this.staffHotel.room_types.find((r) => r.id === id)?.name ?? id;
  }

  get rich(): boolean {
    return this.info.channel === 'web_widget';
  }

  room(id: string | undefined): RoomType | undefined {
    return id ? this.hotel.room_types.find((r) => r.id === id) : undefined;
  }

  roomName(id: string): string {
    return this.room(id)?.name ?? id;
  }

  say(text: string): void {
    if (text) this.replies.push({ kind: 'text', text });
  }

  /** An option list: it becomes the list on screen, so typed answers and clicks are read against it. */
  offer(text: string, choices: OfferedChoice[], step?: Step): void {
    const id = (this.state.optionsSeq += 1);
    const items: Option[] = choices.map((c) => ({ title: c.title, value: encodeChoice(id, c.choice), ...(c.description ? { description: c.description } : {}) }));
    this.state.options = { id, items };
    if (step) this.state.step = step;
    this.replies.push({ kind: 'options', text, options: items });
  }

  ask(step: Step, question: string): void {
    this.state.step = step;
    this.state.options = undefined;
    this.say(question);
  }

  menu(): OfferedChoice[] {
    const m = this.w.menu;
    return (['availability', 'book', 'status', 'prices', 'human'] as const).map((item) => ({ title: m[item], choice: { kind: 'menu', item } }));
  }

  decision(): Decision {
    return {
      replies: this.replies,
      state: this.state,
      handoff: this.handoff,
      resolve: this.resolve,
      ...(this.notes.length ? { notes: this.notes } : {}),
    };
  }
}
