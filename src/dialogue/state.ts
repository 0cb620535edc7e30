/** The conversation state the dialogue keeps between turns (JSON, stored by the worker, versioned). */
import type { Option } from './port';

export interface Draft {
  checkin?: string;
  checkout?: string;
  nights?: number;
  guests?: number;
  rooms?: number;
  room_type?: string;
  name?: string;
  email?: string;
}

export type Step =
  | 'dates'
  | 'guests'
  | 'room'
  | 'details'
  | 'name'
  | 'email'
  | 'confirm'
  | 'lookup_code'
  | 'lookup_email'
  | 'manage_choose'
  | 'cancel_confirm'
  | 'modify_what'
  | 'modify_dates'
  | 'modify_guests'
  | 'modify_room'
  | 'modify_confirm'
  | 'resume';

export interface DialogueState {
  v: 1;
  step?: Step;
  /** What the guest is doing: booking, or managing an existing booking. */
  mode?: 'booking' | 'status' | 'cancel' | 'modify';
  draft: Draft;
  /** Bumped when the draft is confirmed, so a repeated confirm maps to the same booking (idempotency key). */
  draftRev: number;
  /** The last option list offered (id increases), to recognise typed choices and stale clicks. */
  options?: { id: number; items: Option[] };
  optionsSeq: number;
  lookup?: { code?: string; email?: string };
  /** The booking being managed (code) once access was proven. */
  managing?: string;
  change?: Draft;
  lowConfidence: number;
  history: string[];
  lastBooking?: string;
  greeted?: boolean;
}

export function initialState(): DialogueState {
  return { v: 1, draft: {}, draftRev: 1, optionsSeq: 0, lowConfidence: 0, history: [] };
}

export function loadState(raw: unknown): DialogueState {
  if (raw && typeof raw === 'object' && (raw as { v?: unknown }).v === 1) {
    const s = raw as DialogueState;
    return { ...initialState(), ...s, draft: { ...(s.draft ?? {}) }, history: [...(s.history ?? [])] };
  }
  return initialState();
}
