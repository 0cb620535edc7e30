/**
 * Parameter extraction for the embedded engine: what Dialogflow's system and custom entities would fill, from one
 * guest message. Deterministic and cheap; dates come from chrono-node (entities/dates.ts).
 */
import { findRoomMix, roomWordsFor } from '../../text/room-mix';
import type { NormalizedParameters } from '../port';
import { findConfirmationCode, findEmail, findName } from './entities/contact';
import { findGuestsIn, findNightsIn, findRoomsIn } from './entities/counts';
import { findEntityValue, type EntityEntries } from './entities/custom';
import { assignStayDates, findDates } from './entities/dates';
import { bareNumber } from './entities/numbers';
import { dialogflowDate } from './entities/timezone';
import { capText, MAX_UNDERSTOOD_CHARS } from '../../text/cap';

export interface ExtractContext {
  /** "Today" in the hotel's calendar, YYYY-MM-DD. */
  referenceDate: string;
  /** IANA zone the dates are read in (and whose offset the raw values carry). */
  timeZone: string;
  /** The intent's parameters; empty = extract everything the agent knows. */
  params: Array<{ name: string; entityType: string }>;
  /** The agent's custom entities (e.g. room-type). */
  entities: EntityEntries[];
  /** The parameter the bot just asked for, e.g. 'guests'. */
  expecting?: string;
  /** The guest's language ("es"): dates, number words and nouns are read in it (English when unset). */
  language?: string;
}

export interface Extraction {
  normalized: NormalizedParameters;
  raw: Record<string, unknown>;
}

const ROOM_TYPE_ENTITY = 'room-type';

function blank(text: string, spans: Array<{ index: number; end: number }>): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.index) + ' '.repeat(Math.max(0, s.end - s.index)) + out.slice(s.end);
  return out;
}

function entityName(entityType: string): string {
  return entityType.replace(/^@/, '');
}

export function extractParameters(text: string, ctx: ExtractContext): Extraction {
  const facts = findFacts(text, ctx);
  return shape(text, facts.found, ctx, facts.taken);
}

/** What one message says (before it is shaped for an intent's parameters): found once, shaped as often as needed. */
export interface Facts {
  text: string;
  found: NormalizedParameters;
  taken: Array<{ index: number; end: number }>;
  /** The room entity the facts were read with: shaping for an intent that declares another one reads again. */
  roomEntity?: string;
}

export function findFacts(message: string, ctx: ExtractContext): Facts {
  // Some steps below are linear per date found, so a whole 150,000-character message would cost seconds.
  const text = capText(message, MAX_UNDERSTOOD_CHARS);
  const found: NormalizedParameters = {};
  const taken: Array<{ index: number; end: number }> = [];

  const email = findEmail(text);
  if (email) {
    found.email = email.value;
    taken.push(email);
  }
  const code = findConfirmationCode(blank(text, taken), ctx.expecting);
  if (code) {
    found.confirmation_code = code.value;
    taken.push(code);
  }

  const { prepared, mentions } = findDates(blank(text, taken), ctx.referenceDate, ctx.timeZone, ctx.language);
  const stay = assignStayDates(prepared, mentions, ctx.expecting, ctx.language);
  if (stay.checkin) found.checkin = stay.checkin;
  if (stay.checkout) found.checkout = stay.checkout;

  // Numbers inside dates ("the 7th", "7/3") are not counts.
  const countsText = blank(prepared, mentions.filter((m) => !m.weekend));
  const roomEntity = entityFor(ctx, 'room_type') ?? ctx.entities.find((e) => e.name === ROOM_TYPE_ENTITY);
  const roomWords = roomEntity ? roomEntity.entries.flatMap((e) => [e.value, ...e.synonyms]).filter((w) => !/\s/.test(w)) : [];
  const rooms = findRoomsIn(countsText, roomWords, ctx.language);
  if (rooms !== undefined) found.rooms = rooms;
  const nights = findNightsIn(countsText, ctx.language) ?? stay.weekendNights;
  if (nights !== undefined) found.nights = nights;
  const guests = findGuestsIn(countsText, rooms, ctx.language);
  if (guests !== undefined) found.guests = guests;
  if (ctx.expecting === 'nights' || ctx.expecting === 'guests' || ctx.expecting === 'rooms') {
    const key = ctx.expecting;
    if (found[key] === undefined) {
      const n = bareNumber(countsText, ctx.language);
      if (n !== undefined && n > 0) found[key] = n;
    }
  }
  if (roomEntity) {
    const match = findEntityValue(blank(text, taken), roomEntity);
    if (match) found.room_type = match.value;
    // "una doble y una individual": several types, by the entity's words in the agent's language.
    const words = roomWordsFor(roomEntity, () => roomEntity.entries.flatMap((e) => [e.value, ...e.synonyms].map((phrase) => ({ room: e.value, phrase }))));
    const mix = findRoomMix(countsText, words);
    if (mix) found.room_mix = mix;
  }

  const name = findName(text, ctx.expecting, taken);
  if (name) found.name = name;

  return { text, found, taken, roomEntity: roomEntity?.name };
}

/** The facts shaped for `ctx.params` (all of them when empty), reading again only when the room entity differs. */
export function shapeFacts(facts: Facts, ctx: ExtractContext): Extraction {
  const roomEntity = entityFor(ctx, 'room_type') ?? ctx.entities.find((e) => e.name === ROOM_TYPE_ENTITY);
  if (roomEntity?.name !== facts.roomEntity) return extractParameters(facts.text, ctx);
  return shape(facts.text, { ...facts.found }, ctx, facts.taken);
}

function entityFor(ctx: ExtractContext, paramName: string): EntityEntries | undefined {
  const param = ctx.params.find((p) => p.name === paramName);
  if (!param || param.entityType.startsWith('@sys.')) return undefined;
  return ctx.entities.find((e) => e.name === entityName(param.entityType));
}

/** Keep what the intent declares, under its names, and build Dialogflow-style raw values. */
function shape(text: string, found: NormalizedParameters, ctx: ExtractContext, taken: Array<{ index: number; end: number }>): Extraction {
  if (!ctx.params.length) {
    const raw: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(found)) raw[k] = k === 'checkin' || k === 'checkout' ? dialogflowDate(v as string, ctx.timeZone) : v;
    return { normalized: found, raw };
  }
  // The mix is no Dialogflow parameter of any intent: it goes along whatever the intent declares.
  const normalized: NormalizedParameters = found.room_mix ? { room_mix: found.room_mix } : {};
  const raw: Record<string, unknown> = {};
  for (const p of ctx.params) {
    const value = valueFor(p, text, found, ctx, taken);
    raw[p.name] = value.raw;
    if (value.normalized !== undefined && isStandard(p.name)) (normalized as Record<string, unknown>)[p.name] = value.normalized;
  }
  return { normalized, raw };
}

const STANDARD = new Set(['checkin', 'checkout', 'nights', 'guests', 'rooms', 'room_type', 'email', 'name', 'confirmation_code']);
const isStandard = (name: string) => STANDARD.has(name);

function valueFor(
  p: { name: string; entityType: string },
  text: string,
  found: NormalizedParameters,
  ctx: ExtractContext,
  taken: Array<{ index: number; end: number }>,
): { normalized?: string | number; raw: unknown } {
  const type = p.entityType;
  const standard = (found as Record<string, string | number | undefined>)[p.name];
  const date = (d: string | undefined) => (d ? { normalized: d, raw: dialogflowDate(d, ctx.timeZone) } : { raw: '' });
  switch (type) {
    case '@sys.date':
    case '@sys.date-time':
      if (p.name === 'checkout') return date(found.checkout);
      return date(p.name === 'checkin' ? found.checkin : found.checkin ?? found.checkout);
    case '@sys.date-period':
      return found.checkin && found.checkout
        ? { raw: { startDate: dialogflowDate(found.checkin, ctx.timeZone), endDate: dialogflowDate(found.checkout, ctx.timeZone) } }
        : { raw: '' };
    case '@sys.duration':
      return found.nights !== undefined ? { normalized: found.nights, raw: { amount: found.nights, unit: 'day' } } : { raw: '' };
    case '@sys.person':
      return found.name ? { normalized: found.name, raw: { name: found.name } } : { raw: '' };
    case '@sys.given-name':
    case '@sys.last-name':
      return found.name ? { normalized: found.name, raw: found.name } : { raw: '' };
    case '@sys.email':
      return found.email ? { normalized: found.email, raw: found.email } : { raw: '' };
    default:
      break;
  }
  if (standard !== undefined) return { normalized: standard, raw: standard };
  if (!type.startsWith('@sys.')) {
    const entity = ctx.entities.find((e) => e.name === entityName(type));
    if (entity && !isStandard(p.name)) {
      const match = findEntityValue(blank(text, taken), entity);
      if (match) return { normalized: match.value, raw: match.value };
    }
  }
  return { raw: '' };
}
