/**
 * The booking frame: the stay, the party, the room and the contact, each value with the guest turn that set it.
 * Any guest message may fill or correct any of them; these rules decide what a new fact replaces.
 */
import { addDays, nightsBetween } from '../time/dates';
import { roomsIn } from './offers';
import type { RoomAsk } from './room-mix';
import type { Frame } from './state';

/** What one guest message says about the booking (from the NLU's parameters and the correction phrases). */
export interface Facts {
  checkin?: string;
  checkout?: string;
  nights?: number;
  guests?: number;
  rooms?: number;
  room?: string;
  /** Several room types, each with its rooms ("4 doubles and 3 singles"). */
  mix?: RoomAsk[];
  name?: string;
  email?: string;
  /** "a day later", "the week after": move the stay (or one end of it) by this many days. */
  shift?: { days: number; which: 'both' | 'checkin' | 'checkout' };
}

export const STAY_FACTS = ['checkin', 'checkout', 'nights', 'guests', 'rooms', 'room', 'mix', 'shift'] as const;

export function hasStayFacts(f: Facts): boolean {
  return STAY_FACTS.some((k) => f[k] !== undefined);
}

/** The stay the frame describes, with the check-out derived from the nights when only those were given. */
export function stayOf(frame: Frame): { checkin?: string; checkout?: string; nights?: number } {
  const checkin = frame.checkin?.value;
  let checkout = frame.checkout?.value;
  if (checkin && !checkout && frame.nights) checkout = addDays(checkin, frame.nights.value);
  return { checkin, checkout, nights: checkin && checkout ? nightsBetween(checkin, checkout) : frame.nights?.value };
}

/** Applies what the guest said at turn `at`; returns the keys it changed. */
export function applyFacts(frame: Frame, facts: Facts, at: number): string[] {
  const changed: string[] = [];
  const set = <K extends keyof Frame>(key: K, value: NonNullable<Frame[K]>['value'] | undefined) => {
    if (value === undefined) return;
    if (frame[key]?.value !== value) changed.push(key);
    frame[key] = { value, at } as Frame[K];
  };
  const drop = (key: keyof Frame) => {
    if (frame[key]) changed.push(key);
    delete frame[key];
  };

  if (facts.shift && frame.checkin) {
    const { checkin, checkout } = stayOf(frame);
    const { days, which } = facts.shift;
    if (which !== 'checkout') set('checkin', addDays(checkin!, days));
    if (checkout && which !== 'checkin') set('checkout', addDays(checkout, days));
    else if (checkout && which === 'checkin') set('checkout', checkout); // arriving later keeps the departure
    if (frame.checkout) drop('nights');
  } else {
    if (facts.checkin) {
      const { checkout, nights } = stayOf(frame);
      set('checkin', facts.checkin);
      if (!facts.checkout && !facts.nights) {
        // A new arrival keeps the stay's length when the guest gave nights; a departure before it is void.
        if (frame.nights && !frame.checkout) {
          /* the nights carry over */
        } else if (checkout && checkout <= facts.checkin) {
          drop('checkout');
          if (nights && frame.nights) drop('nights');
        }
      }
    }
    if (facts.checkout) {
      set('checkout', facts.checkout);
      if (frame.nights) drop('nights');
    }
    if (facts.nights) {
      set('nights', facts.nights);
      if (!facts.checkout && frame.checkout) drop('checkout');
    }
  }
  set('guests', facts.guests);
  if (facts.mix) {
    // The mix says the rooms and their types; a single type or room count read beside it is part of it.
    const same = JSON.stringify(frame.mix?.value) === JSON.stringify(facts.mix);
    if (!same) changed.push('mix');
    frame.mix = { value: facts.mix, at };
    set('rooms', roomsIn(facts.mix));
    drop('room');
  } else {
    // One type named, or another room count, replaces the mix ("the double then", "just 2 rooms").
    if (frame.mix && (facts.room || (facts.rooms !== undefined && facts.rooms !== frame.rooms?.value))) drop('mix');
    set('rooms', facts.rooms);
    set('room', facts.room);
  }
  set('name', facts.name);
  set('email', facts.email);
  return changed;
}

/** Forgets the stay (after dates that cannot work), keeping the party and the contact. */
export function clearStay(frame: Frame): void {
  delete frame.checkin;
  delete frame.checkout;
  delete frame.nights;
}
