/**
 * Plays a conversation written as data (test/conversations/*.yaml, test/conversations/corpus/*.yaml) against the
 * real service through the sandbox's Chatwoot: the guest writes, clicks and submits; staff change the status or
 * write to the guest; each step lists what must follow. Expectations are about OUTCOMES where they can be: the
 * bookings stored, the hotel file's answers, prices and dates as stated, the handoff and its note (see
 * `checkExpectation` for every key).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { parse } from 'yaml';
import type { ReservationStore } from '../../src/reservations/port';
import { formatDateFor } from '../../src/dialogue/wording/format';
import { en } from '../../src/dialogue/wording/en';
import { detectLanguage } from '../../src/nlu/language';
import type { TestService } from '../support/service';

export interface Step {
  /** One guest message, or several sent back to back before the bot has answered. */
  guest?: string | string[];
  click?: string;
  submit?: Record<string, string>;
  staff?: 'pending' | 'open' | 'resolved';
  /** Staff write to the guest (an outgoing agent message), whatever the status. */
  staff_says?: string;
  new_conversation?: { channel?: 'web' | 'whatsapp'; email?: string; verified?: boolean; browser_language?: string };
  remember?: Record<string, string>; // name: regex with one group, applied to the new bot messages
  /** Remember the code of the newest booking in the database under this name. */
  remember_booking?: string;
  expect?: Array<string | Record<string, unknown>>;
}

/** A booking that exists before the conversation starts (made through the store, not the bot). */
export interface SeedBooking {
  as?: string; // variable name for its code
  /** Its confirmation code; by default one derived from the dialogue's name, so every run types the same code. */
  code?: string;
  room: string;
  rooms?: number;
  checkin: string;
  checkout: string;
  guests: number;
  name?: string;
  email?: string;
}

export interface Dialogue {
  name: string;
  channel: 'web' | 'whatsapp';
  /** The corpus class (relative-dates, corrections, …): the corpus test counts conversations per class. */
  class?: string;
  /** The current bot fails this conversation: why. The corpus runs it as `it.failing`. */
  gap?: string;
  given?: { bookings?: SeedBooking[] };
  /** What the web widget reports as `browser_language`: "de-DE", or `none`; default the sandbox's "en". */
  browser_language?: string;
  /**
   * The guest's language: every bot reply with words of its own must be written in it (see `languageProblem`),
   * and `says_date` looks for dates as that language writes them.
   */
  replies_in?: string;
  steps: Step[];
}

/** What the runner needs to seed bookings and start each dialogue on an empty hotel (the corpus). */
export interface PlayContext {
  store: ReservationStore;
  hotelId: string;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A fixed, valid confirmation code for a seeded booking (the store's own codes are random). */
function seedCode(seed: string): string {
  const bytes = createHash('sha256').update(seed).digest();
  return [...bytes.subarray(0, 8)].map((b) => CROCKFORD[b % 32]).join('');
}

export function loadDialogues(file: string): Dialogue[] {
  const doc = parse(fs.readFileSync(file, 'utf8'));
  return Array.isArray(doc) ? doc : [doc];
}

/** `${code}` is a remembered value; `${code:lower}` the same in lower case, as guests type codes. */
const fill = (s: string, vars: Record<string, string>) =>
  s.replace(/\$\{(\w+)(?::(lower))?\}/g, (m, k, f) => (vars[k] === undefined ? m : f === 'lower' ? vars[k].toLowerCase() : vars[k]));
const fillDeep = (v: unknown, vars: Record<string, string>): unknown =>
  typeof v === 'string' ? fill(v, vars) : Array.isArray(v) ? v.map((x) => fillDeep(x, vars)) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillDeep(x, vars)])) : v;

interface BookingRow {
  code: string;
  room: string;
  rooms: number;
  checkin: string;
  checkout: string;
  guests: number;
  status: string;
  name: string;
  email: string;
}

async function bookingRows(svc: TestService): Promise<BookingRow[]> {
  return svc.db.query<BookingRow>(
    `SELECT code, room_type_id AS room, rooms, checkin::text AS checkin, checkout::text AS checkout, guests, status, guest_name AS name, guest_email AS email
     FROM bookings ORDER BY created_at, code`,
  );
}

const showRow = (r: Partial<BookingRow>) => `${r.rooms ?? 1} × ${r.room} ${r.checkin} → ${r.checkout}, ${r.guests ?? '?'} guests, ${r.status ?? 'confirmed'}${r.name ? `, ${r.name}` : ''}${r.email ? ` <${r.email}>` : ''}`;

interface ExpectedBooking {
  room: string;
  rooms?: number;
  checkin: string;
  checkout: string;
  guests?: number;
  status?: string;
  name?: string;
  email?: string;
}

/**
 * The stored bookings equal the expected ones. Rows of the same room type, dates and status are added up (a bot may
 * split 10 doubles into two bookings), so a mix of room types is one expected row per type; when the expected rows
 * of one stay name different guests, they are added up per guest.
 */
function compareBookings(actual: BookingRow[], expected: ExpectedBooking[]): string | undefined {
  const stay = (r: { room: string; checkin: string; checkout: string; status?: string }) => `${r.room} ${r.checkin} ${r.checkout} ${r.status ?? 'confirmed'}`;
  // Rows of one stay that the test tells apart by guest (a seeded group beside the guest's own rooms) are compared
  // per guest name.
  const namesPerStay = new Map<string, Set<string>>();
  for (const e of expected) if (e.name) namesPerStay.set(stay(e), (namesPerStay.get(stay(e)) ?? new Set()).add(e.name.toLowerCase()));
  const key = (r: { room: string; checkin: string; checkout: string; status?: string; name?: string }) =>
    (namesPerStay.get(stay(r))?.size ?? 0) > 1 ? `${stay(r)} ${r.name?.toLowerCase()}` : stay(r);
  const groups = new Map<string, { rooms: number; guests: number; names: Set<string>; emails: Set<string> }>();
  for (const r of actual) {
    const g = groups.get(key(r)) ?? { rooms: 0, guests: 0, names: new Set(), emails: new Set() };
    g.rooms += Number(r.rooms);
    g.guests += Number(r.guests);
    g.names.add(r.name.toLowerCase());
    g.emails.add(r.email.toLowerCase());
    groups.set(key(r), g);
  }
  const want = new Map<string, ExpectedBooking & { rooms: number }>();
  for (const e of expected) {
    const prev = want.get(key(e));
    want.set(key(e), prev ? { ...prev, rooms: prev.rooms + (e.rooms ?? 1), guests: e.guests === undefined || prev.guests === undefined ? undefined : prev.guests + e.guests } : { ...e, rooms: e.rooms ?? 1 });
  }
  const problems: string[] = [];
  for (const [k, e] of want) {
    const g = groups.get(k);
    if (!g) problems.push(`missing: ${showRow(e)}`);
    else {
      if (g.rooms !== e.rooms) problems.push(`${k}: ${g.rooms} rooms, expected ${e.rooms}`);
      if (e.guests !== undefined && g.guests !== e.guests) problems.push(`${k}: ${g.guests} guests, expected ${e.guests}`);
      if (e.name && ![...g.names].every((n) => n === e.name!.toLowerCase())) problems.push(`${k}: name ${[...g.names].join('/')}, expected ${e.name}`);
      if (e.email && ![...g.emails].every((n) => n === e.email!.toLowerCase())) problems.push(`${k}: email ${[...g.emails].join('/')}, expected ${e.email}`);
    }
  }
  for (const k of groups.keys()) if (!want.has(k)) problems.push(`unexpected: ${k}`);
  return problems.length ? problems.join('; ') : undefined;
}

/** A price as the bot may write it: 1180 EUR, 1,180 EUR, EUR 1180, €1180, 1180.00 EUR, 1.180 €, 1 180 €. */
function pricePattern(amount: number, currency: string): RegExp {
  const digits = String(amount);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '[,. \u00a0\u202f]?');
  const n = `(?<![\\d.,])${grouped}(?:[.,]00)?(?![\\d])`;
  const cur = currency === 'EUR' ? '(?:EUR|€)' : currency;
  return new RegExp(`${n}\\s?${cur}|${cur}\\s?${n}`);
}

const LANGUAGES = ['en', 'es', 'pt', 'de', 'fr'];
/** The English catalog's own sentences (not the short words that several languages share): none may leak. */
const ENGLISH = Object.values(en).flatMap((v) => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v) : [])).filter((s): s is string => typeof s === 'string' && s.split(' ').length >= 3);

/**
 * Whether a bot message is in the guest's language: no sentence of the English catalog in it, and, once codes,
 * e-mails, amounts and dates are set aside, the words read as that language (a message of fewer than four words,
 * such as a room name or "2", says too little to tell).
 */
function languageProblem(message: string, lang: string): string | undefined {
  if (lang !== 'en') {
    const leaked = ENGLISH.find((s) => message.includes(s));
    if (leaked) return `English wording "${leaked}"`;
  }
  const words = message.replace(/\S+@\S+/g, ' ').replace(/\b[0-9A-HJKMNP-TV-Z]{8}\b/g, ' ').replace(/\S*\d\S*/g, ' ');
  if (words.split(/\s+/).filter((w) => /\p{L}{2}/u.test(w)).length < 4) return undefined;
  const found = detectLanguage(words, LANGUAGES)?.language;
  return found && found !== lang ? `reads as ${found}` : undefined;
}

interface Turn {
  said: string;
  /** The guest's language (Dialogue.replies_in), for dates. */
  lang: string;
  bot: any[];
  notes: any[];
  after: any;
  rows: () => Promise<BookingRow[]>;
  vars: Record<string, string>;
  seeded: Map<string, BookingRow>;
  svc: TestService;
}

/** Checks one expectation; returns what is wrong, or undefined. */
async function checkExpectation(key: string, v: any, t: Turn): Promise<string | undefined> {
  const { said, bot, notes, after } = t;
  const formatDate = formatDateFor(t.lang);
  const has = (s: string) => said.toLowerCase().includes(s.toLowerCase());
  switch (key) {
    case 'says': // a text that must appear: an answer of the hotel file, a room name, a code
      return has(String(v)) ? undefined : 'not found';
    case 'says_not':
      return has(String(v)) ? 'found' : undefined;
    case 'says_date': // dates as the bot states them: `says_date: 2027-03-19` → "Fri, 19 Mar 2027" ("vie, 19 mar 2027" in Spanish)
      for (const d of [v].flat()) if (!has(formatDate(String(d)))) return `"${formatDate(String(d))}" not found`;
      return undefined;
    case 'says_not_date':
      for (const d of [v].flat()) if (has(formatDate(String(d)))) return `"${formatDate(String(d))}" found`;
      return undefined;
    case 'says_price': // amounts in the hotel's currency: `says_price: 395`
      for (const p of [v].flat()) if (!pricePattern(Number(p), 'EUR').test(said)) return `price ${p} EUR not found`;
      return undefined;
    case 'says_not_price':
      for (const p of [v].flat()) if (pricePattern(Number(p), 'EUR').test(said)) return `price ${p} EUR found`;
      return undefined;
    case 'matches':
      return new RegExp(String(v)).test(said) ? undefined : 'no match';
    case 'content_type':
      return bot.some((m) => m.content_type === v) ? undefined : `types were ${bot.map((m) => m.content_type).join(', ')}`;
    case 'no_content_type':
      return bot.some((m) => m.content_type === v) ? 'it was sent' : undefined;
    case 'silent':
      return bot.length ? 'the bot answered' : undefined;
    case 'replies_at_most': // catches double answers
      return bot.length > Number(v) ? `${bot.length} replies` : undefined;
    case 'status':
      return after.status === v ? undefined : `status is ${after.status}`;
    case 'note':
      return notes.some((n) => n.content.toLowerCase().includes(String(v).toLowerCase())) ? undefined : 'no such private note';
    case 'no_note':
      return notes.length ? 'a note was posted' : undefined;
    case 'handoff_reason':
      return after.custom_attributes.bot_handoff_reason === v ? undefined : `reason is ${after.custom_attributes.bot_handoff_reason}`;
    case 'handoff': {
      // `handoff: {reason: staff_reply, note_includes: [12, River Double]}`: open, the reason, a note with each text.
      if (after.status !== 'open') return `status is ${after.status}`;
      const h = (v === true ? {} : v) as { reason?: string; note_includes?: unknown[] };
      if (h.reason && after.custom_attributes.bot_handoff_reason !== h.reason) return `reason is ${after.custom_attributes.bot_handoff_reason}`;
      const text = notes.map((n) => n.content).join('\n').toLowerCase();
      // Notes are in the hotel's language (English in the test hotels), whatever the guest's.
      const missing = (h.note_includes ?? []).map((x) => (/^\d{4}-\d{2}-\d{2}$/.test(String(x)) ? formatDateFor('en')(String(x)) : String(x))).filter((x) => !text.includes(x.toLowerCase()));
      return missing.length ? `the notes lack ${missing.map((m) => `"${m}"`).join(', ')}` : undefined;
    }
    case 'bookings': // the exact set of bookings in the hotel (the corpus starts each dialogue on an empty hotel)
      return compareBookings(await t.rows(), v as ExpectedBooking[]);
    case 'no_booking': {
      const made = (await t.rows()).filter((r) => !t.seeded.has(r.code));
      return made.length ? `booked: ${made.map(showRow).join('; ')}` : undefined;
    }
    case 'booked_guests': {
      const total = (await t.rows()).filter((r) => r.status === 'confirmed').reduce((n, r) => n + Number(r.guests), 0);
      return total === Number(v) ? undefined : `${total} guests booked`;
    }
    case 'booking_unchanged': {
      const code = String(v);
      const before = t.seeded.get(code);
      const now = (await t.rows()).find((r) => r.code === code);
      if (!before) return `no snapshot of ${code}`;
      return JSON.stringify(before) === JSON.stringify(now) ? undefined : `was ${showRow(before)}, now ${now ? showRow(now) : 'missing'}`;
    }
    case 'booking': {
      // `booking: confirmed` (the code said in this step, or ${code}) or `booking: {code, room, checkin, …, status}`.
      const want = (typeof v === 'string' ? { status: v } : v) as Partial<BookingRow>;
      const all = await t.rows();
      // The code said in this step in any language ("Código de reserva: …"), else the one remembered.
      const said8 = [...said.matchAll(/\b[0-9A-HJKMNP-TV-Z]{8}\b/g)].map((m) => m[0]).find((c) => all.some((r) => r.code === c));
      const code = want.code ?? /Confirmation code: ([0-9A-HJKMNP-TV-Z]{8})/.exec(said)?.[1] ?? said8 ?? t.vars.code;
      const row = all.find((r) => r.code === code);
      if (!row) return `booking ${code} is missing`;
      const wrong = Object.entries(want).filter(([k, x]) => String((row as any)[k]).toLowerCase() !== String(x).toLowerCase());
      return wrong.length ? `booking ${code} is ${showRow(row)} (${wrong.map(([k]) => k).join(', ')} differ)` : undefined;
    }
    case 'any_of': {
      // One of several acceptable outcomes, e.g. the hotel file's answer or an honest handoff.
      const errors: string[] = [];
      for (const alt of v as Array<string | Record<string, unknown>>) {
        const [k, x] = typeof alt === 'string' ? [alt, true] : Object.entries(alt)[0];
        const e = await checkExpectation(k, x, t);
        if (!e) return undefined;
        errors.push(`${k}: ${e}`);
      }
      return `none held (${errors.join(' | ')})`;
    }
    default:
      throw new Error(`unknown expectation "${key}"`);
  }
}

function transcript(conv: any): string {
  return conv.messages
    .filter((m: any) => m.message_type !== 'activity' && m.content)
    .map((m: any) => {
      const who = m.private ? 'NOTE' : m.message_type === 'incoming' ? 'GUEST' : m.sender?.type === 'agent_bot' ? 'BOT' : 'STAFF';
      const items = (m.content_attributes?.items ?? []).map((i: any) => i.title ?? i.name).filter(Boolean);
      return `${who}: ${m.content}${items.length ? ` [${items.join(' | ')}]` : ''}`;
    })
    .join('\n');
}

export async function play(svc: TestService, d: Dialogue, ctx?: PlayContext): Promise<void> {
  const vars: Record<string, string> = {};
  const seeded = new Map<string, BookingRow>();
  if (ctx) {
    // Every corpus dialogue starts on an empty hotel, so bookings assert exactly what this dialogue made.
    await svc.db.query('DELETE FROM bookings');
    await svc.db.query('DELETE FROM room_nights');
    for (const [i, b] of (d.given?.bookings ?? []).entries()) {
      const made = await ctx.store.create({
        hotelId: ctx.hotelId,
        roomTypeId: b.room,
        rooms: b.rooms ?? 1,
        checkin: b.checkin,
        checkout: b.checkout,
        guests: b.guests,
        guest: { name: b.name ?? 'Seed Guest', email: b.email ?? `seed${i}@example.com` },
        idempotencyKey: `seed-${d.name}-${i}-${Date.now()}`,
      });
      const code = b.code ?? seedCode(`${d.name}#${i}`);
      await svc.db.query('UPDATE bookings SET code = $1 WHERE code = $2', [code, made.code]);
      if (b.as) vars[b.as] = code;
    }
    for (const r of await bookingRows(svc)) seeded.set(r.code, r);
  }
  const browserLanguage = (l: string | undefined) => (l === undefined ? {} : { language: l === 'none' ? null : l });
  let conv = await svc.api('POST', '/conversations', { inbox: d.channel, ...browserLanguage(d.browser_language) });
  await svc.settle();
  for (const [i, step] of d.steps.entries()) {
    const where = `${d.name}, step ${i + 1}`;
    if (step.new_conversation) {
      conv = await svc.api('POST', '/conversations', {
        inbox: step.new_conversation.channel ?? d.channel,
        email: step.new_conversation.email,
        verified: step.new_conversation.verified,
        ...browserLanguage(step.new_conversation.browser_language ?? d.browser_language),
      });
      await svc.settle();
    }
    const current = await svc.api('GET', `/conversations/${conv.id}`);
    const before = current.messages.length;
    for (const text of [step.guest ?? []].flat()) await svc.api('POST', `/conversations/${conv.id}/messages`, { content: fill(text, vars) });
    if (step.click !== undefined) {
      const wanted = fill(step.click, vars).toLowerCase();
      const lists = current.messages.filter((m: any) => m.content_type === 'input_select' && !m.private).reverse();
      const list = lists.find((m: any) => m.content_attributes.items.some((it: any) => it.title.toLowerCase().startsWith(wanted)));
      if (!list) throw new Error(`${where}: no option "${step.click}" offered\n\nConversation:\n${transcript(current)}`);
      const item = list.content_attributes.items.find((it: any) => it.title.toLowerCase().startsWith(wanted));
      await svc.api('POST', `/messages/${list.id}/submit`, { values: [{ title: item.title, value: item.value }] });
    }
    if (step.submit) {
      const form = [...current.messages].reverse().find((m: any) => m.content_type === 'form');
      if (!form) throw new Error(`${where}: no form to submit\n\nConversation:\n${transcript(current)}`);
      await svc.api('POST', `/messages/${form.id}/submit`, { values: Object.entries(step.submit).map(([name, value]) => ({ name, value: fill(value, vars) })) });
    }
    if (step.staff_says !== undefined) await svc.api('POST', `/conversations/${conv.id}/staff`, { content: fill(step.staff_says, vars) });
    if (step.staff) await svc.api('POST', `/conversations/${conv.id}/status`, { status: step.staff });
    await svc.settle();
    const after = await svc.api('GET', `/conversations/${conv.id}`);
    const fresh = after.messages.slice(before);
    const bot = fresh.filter((m: any) => m.message_type === 'outgoing' && !m.private && m.sender?.type === 'agent_bot');
    const notes = fresh.filter((m: any) => m.private);
    const said = bot.map((m: any) => [m.content, ...(m.content_attributes?.items ?? []).map((it: any) => it.title ?? '')].filter(Boolean).join('\n')).join('\n---\n');
    for (const [name, re] of Object.entries(step.remember ?? {})) {
      const m = new RegExp(re).exec(said);
      if (!m) throw new Error(`${where}: could not remember ${name} with /${re}/ in:\n${said}\n\nConversation:\n${transcript(after)}`);
      vars[name] = m[1];
    }
    let rowsCache: BookingRow[] | undefined;
    const rows = async () => (rowsCache ??= await bookingRows(svc));
    if (step.remember_booking) {
      const newest = (await rows()).filter((r) => !seeded.has(r.code)).at(-1);
      if (!newest) throw new Error(`${where}: no booking to remember as ${step.remember_booking}\n\nConversation:\n${transcript(after)}`);
      vars[step.remember_booking] = newest.code;
      seeded.set(newest.code, newest);
    }
    const turn: Turn = { said, lang: d.replies_in ?? 'en', bot, notes, after, rows, vars, seeded, svc };
    if (d.replies_in) {
      for (const m of bot) {
        const text = [m.content, ...(m.content_attributes?.items ?? []).map((it: any) => [it.title, it.description].filter(Boolean).join(' '))].filter(Boolean).join('\n');
        const problem = languageProblem(text, d.replies_in);
        if (problem) throw new Error(`${where}: a reply is not in ${d.replies_in} (${problem}):\n${text}\n\nConversation:\n${transcript(after)}`);
      }
    }
    for (const raw of step.expect ?? []) {
      const [key, value] = typeof raw === 'string' ? [raw, true] : Object.entries(raw)[0];
      const v = fillDeep(value, vars);
      let problem: string | undefined;
      try {
        problem = await checkExpectation(key, v, turn);
      } catch (err) {
        throw new Error(`${where}: ${(err as Error).message}`);
      }
      if (problem) {
        const stored = (await rows()).map(showRow).join('\n') || '(none)';
        throw new Error(
          `${where}: expected ${key} ${JSON.stringify(v)} — ${problem}\nBot said:\n${said || '(nothing)'}\nNotes:\n${notes.map((n: any) => n.content).join('\n') || '(none)'}\nBookings:\n${stored}\n\nConversation:\n${transcript(after)}`,
        );
      }
    }
  }
}
