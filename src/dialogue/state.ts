/**
 * The conversation state the dialogue keeps between turns: JSON in the database, read back through a schema (a
 * state written by an older version, or damaged, starts afresh instead of crashing a turn).
 */
import { z } from 'zod';

/** A value of the booking frame and the guest turn that set it (so a correction knows what it replaces). */
const slot = <T extends z.ZodTypeAny>(value: T) => z.object({ value, at: z.number().int() });

export const frameSchema = z.object({
  checkin: slot(z.string()).optional(),
  checkout: slot(z.string()).optional(),
  nights: slot(z.number().int()).optional(),
  guests: slot(z.number().int()).optional(),
  rooms: slot(z.number().int()).optional(),
  /** The room type the guest asked for (the room-type entity's value). */
  room: slot(z.string()).optional(),
  /** Rooms of several types asked by name ("4 doubles and 3 singles", or a combination the guest took). */
  mix: slot(z.array(z.object({ room: z.string(), rooms: z.number().int().positive() })).min(2)).optional(),
  name: slot(z.string()).optional(),
  email: slot(z.string()).optional(),
});
export type Frame = z.infer<typeof frameSchema>;
export type FrameKey = keyof Frame;

export const lineSchema = z.object({ room: z.string(), rooms: z.number().int().positive(), guests: z.number().int().positive() });
/** Rooms of one type in an offer, and the guests who sleep in them. */
export type Line = z.infer<typeof lineSchema>;

/** The current offer: what "book it" means. */
export const offerSchema = z.object({
  checkin: z.string(),
  checkout: z.string(),
  lines: z.array(lineSchema).min(1),
  total: z.number(),
  currency: z.string(),
});
export type Offer = z.infer<typeof offerSchema>;

export const changeSchema = z.object({
  checkin: z.string().optional(),
  checkout: z.string().optional(),
  guests: z.number().int().optional(),
  room: z.string().optional(),
  name: z.string().optional(),
  /** "3 nights instead of 2": the new length from the (new or old) arrival. */
  nights: z.number().int().positive().optional(),
  /** "a day later", "the week after": applied to the booking's dates when the change is quoted. */
  shift: z.object({ days: z.number().int(), which: z.enum(['both', 'checkin', 'checkout']) }).optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const STEPS = [
  'dates',
  'guests',
  'room',
  'details',
  'name',
  'email',
  'confirm',
  'lookup_code',
  'lookup_email',
  'manage_choose',
  'manage_action',
  'cancel_confirm',
  'modify_what',
  'modify_dates',
  'modify_guests',
  'modify_room',
  'modify_name',
  'modify_confirm',
  'resume',
] as const;
export type Step = (typeof STEPS)[number];

const optionSchema = z.object({ title: z.string(), value: z.string(), description: z.string().optional() });

export const stateSchema = z.object({
  v: z.literal(2),
  /** Guest turns so far: the clock of the frame's `at`. */
  turn: z.number().int().default(0),
  step: z.enum(STEPS).optional(),
  mode: z.enum(['booking', 'status', 'cancel', 'modify']).optional(),
  frame: frameSchema.default({}),
  offer: offerSchema.optional(),
  /** Bumped after each confirmed booking, so a repeated confirm maps to the same booking (idempotency key). */
  bookingRev: z.number().int().default(1),
  /** The option list on screen (its id is part of every option's value: an older list's click is recognised). */
  options: z.object({ id: z.number().int(), items: z.array(optionSchema) }).optional(),
  optionsSeq: z.number().int().default(0),
  lookup: z.object({ code: z.string().optional(), email: z.string().optional() }).optional(),
  /** Wrong code-and-email pairs so far in this conversation (the bot hands off after a few). */
  failedLookups: z.number().int().default(0),
  /** The booking being managed, once access was proven. */
  managing: z.string().optional(),
  change: changeSchema.optional(),
  lowConfidence: z.number().int().default(0),
  history: z.array(z.string()).default([]),
  /** Codes booked in this conversation, newest last. */
  booked: z.array(z.string()).default([]),
  /** The stay of the last booking made here: "another double on the same dates" means it. */
  lastStay: z.object({ checkin: z.string(), checkout: z.string() }).optional(),
  greeted: z.boolean().optional(),
  /**
   * The guest's language for this conversation and where it came from (language.ts); optional, so states stored
   * before languages existed still load (their next turn chooses one).
   */
  language: z.object({ code: z.string().min(2).max(8), source: z.enum(['chatwoot', 'text', 'default']) }).optional(),
});
export type DialogueState = z.infer<typeof stateSchema>;

export function initialState(): DialogueState {
  return stateSchema.parse({ v: 2 });
}

export function loadState(raw: unknown): DialogueState {
  const parsed = stateSchema.safeParse(raw);
  return parsed.success ? parsed.data : initialState();
}
