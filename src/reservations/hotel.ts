/**
 * The hotel as the hotel file describes it (SPEC.md "The hotel file"): the schema, and the types derived from it.
 *
 * Free-text values (room `name` and `description`, `policies.*`, `faq[].answer`, `faq[].keywords`) may be a plain
 * value or a map from language code to value (`answer: {en: "…", es: "…"}`). After validation each object keeps
 * - the plain fields as before, in the hotel's own `language` (so code that reads `room.name` keeps working; FAQ
 *   `keywords` hold every language's keywords, since a guest may use any of them);
 * - `texts`: every free-text value as a map from language to value (a plain value is the hotel's language), which
 *   `textIn` (hotel-texts.ts) resolves for a guest's language.
 */
import { z } from 'zod';
import { isValidDate } from '../time/dates';

/** "en", "es", "pt-BR", "zh-Hant": a base code of 2–3 letters and an optional region or script. */
export const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/;

/** A value per language, as written: keys are language codes. */
export type LanguageMap<T> = Record<string, T>;

/** A plain value or a map from language code to value; each key is checked and named in errors. */
function localized<T extends z.ZodType>(inner: T) {
  const perLanguage = z.record(z.string(), inner).superRefine((map, ctx) => {
    for (const key of Object.keys(map))
      if (!LANGUAGE_CODE.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'is not a language code such as "en", "es" or "pt-BR"' });
    if (!Object.keys(map).length) ctx.addIssue({ code: 'custom', message: 'needs at least one language, e.g. {en: "…"}' });
  });
  return z.union([inner, perLanguage]);
}

const text = (required: boolean) => (required ? z.string().min(1, 'is required') : z.string());
const date = z.string().refine(isValidDate, 'must be a date written YYYY-MM-DD');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM, e.g. "15:00"');
const positive = z.number().positive('must be a number above 0');
const count = z.number().int('must be a whole number').min(1, 'must be at least 1');

const datedRate = z.object({ from: date, to: date, rate: positive }).refine((r) => r.from < r.to, { message: '"from" must be before "to"', path: ['to'] });

const roomTypeFile = z.looseObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, - or _ (it is the room-type entity value)'),
  name: localized(text(true)),
  synonyms: z.array(z.string()).default([]),
  description: localized(text(false)).default(''),
  capacity: count, // guests per room
  count: count, // rooms of this type
  rate: positive, // nightly rate in the hotel's currency
  rates: z.array(datedRate).default([]),
  image_url: z.string().optional(),
});

const faqFile = z.looseObject({
  topic: z.string().min(1),
  answer: localized(text(true)),
  /** Extra words that point at this topic ("car", "garage" for parking), per language or for all. */
  keywords: localized(z.array(z.string())).optional(),
});

/** One hotel as written in the file. */
const hotelAsWritten = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _'),
  name: z.string().min(1, 'is required'),
  timezone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as "Europe/Madrid"'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO currency code such as "EUR"'),
  checkin_time: time.default('15:00'),
  checkout_time: time.default('11:00'),
  /** Chatwoot inboxes this hotel answers; undefined = every inbox (single hotel only). */
  inbox_ids: z.array(z.number().int().positive()).optional(),
  room_types: z.array(roomTypeFile).min(1, 'needs at least one room type'),
  policies: z.record(z.string(), localized(z.string())).default({}),
  faq: z.array(faqFile).default([]),
  /** The hotel's own language: staff notes, and guests whose language the hotel's texts lack. */
  language: z.string().regex(LANGUAGE_CODE, 'must be a language code such as "en" or "es"').default('en'),
  /** A request for more rooms than this goes to staff with a group note; unset: the bot serves any size. */
  group_handoff_rooms: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
});

type Localized<T> = T | LanguageMap<T>;

/** Every language's value as a map; a plain value is the hotel's language. */
function asMap<T>(value: Localized<T>, language: string): LanguageMap<T> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as LanguageMap<T>) : { [language]: value as T };
}

/** The value in `language`, else in its base language, else the first one written. */
export function pick<T>(map: LanguageMap<T>, language: string): T | undefined {
  const base = language.toLowerCase().split('-')[0];
  const keys = Object.keys(map);
  const key = keys.find((k) => k.toLowerCase() === language.toLowerCase()) ?? keys.find((k) => k.toLowerCase().split('-')[0] === base) ?? keys[0];
  return key === undefined ? undefined : map[key];
}

/** The hotel as the service uses it: plain fields in the hotel's language, and `texts` in every language. */
function withTexts(h: z.output<typeof hotelAsWritten>) {
  const lang = h.language;
  const room_types = h.room_types.map((r) => {
    const texts = { name: asMap(r.name, lang), description: asMap(r.description, lang) };
    return { ...r, name: pick(texts.name, lang) ?? '', description: pick(texts.description, lang) ?? '', texts };
  });
  const faq = h.faq.map((f) => {
    const texts = { answer: asMap(f.answer, lang), keywords: f.keywords === undefined ? undefined : asMap(f.keywords, lang) };
    const keywords = texts.keywords ? [...new Set(Object.values(texts.keywords).flat())] : undefined;
    return { ...f, answer: pick(texts.answer, lang) ?? '', keywords, texts };
  });
  const policyTexts = Object.fromEntries(Object.entries(h.policies).map(([k, v]) => [k, asMap(v, lang)]));
  const policies = Object.fromEntries(Object.entries(policyTexts).map(([k, v]) => [k, pick(v, lang) ?? '']));
  const hotel = { ...h, room_types, faq, policies, texts: { policies: policyTexts } };
  // The spread keeps the keys a hotel adds (address, phone, website…); TypeScript drops the loose object's index
  // signature from a spread's type, so it is restated.
  return hotel as typeof hotel & { [extra: string]: unknown };
}

/** One hotel, validated and given its `texts`. */
export const hotelSchema = hotelAsWritten.transform(withTexts);

export type Hotel = z.output<typeof hotelSchema>;
export type RoomType = Hotel['room_types'][number];
export type FaqEntry = Hotel['faq'][number];
export type DatedRate = z.output<typeof datedRate>;
