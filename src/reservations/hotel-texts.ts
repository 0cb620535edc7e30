/**
 * A hotel text in the guest's language: the value for that language (or its base: "es-MX" → "es"), else the
 * hotel's own `language`, else the first language written. Plain values are the same in every language.
 *
 *   textIn(room.texts.name, 'es', hotel)            → "Habitación doble"
 *   textIn(faq.texts.answer, 'de', hotel)           → the German answer, or the hotel's language when there is none
 *   textIn(hotel.texts.policies.cancellation, …)    → likewise
 */
import { pick, type Hotel, type LanguageMap } from './hotel';

export function textIn<T>(value: T | LanguageMap<T>, language: string | undefined, hotel: Pick<Hotel, 'language'>): T;
export function textIn<T>(value: T | LanguageMap<T> | undefined, language: string | undefined, hotel: Pick<Hotel, 'language'>): T | undefined;
export function textIn<T>(value: T | LanguageMap<T> | undefined, language: string | undefined, hotel: Pick<Hotel, 'language'>): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return value as T;
  const map = value as LanguageMap<T>;
  const wanted = language ? exact(map, language) : undefined;
  return wanted ?? exact(map, hotel.language) ?? pick(map, hotel.language);
}

/** The value for exactly this language or its base, without falling back to another language. */
function exact<T>(map: LanguageMap<T>, language: string): T | undefined {
  const lower = language.toLowerCase();
  const base = lower.split(/[-_]/)[0];
  const key = Object.keys(map).find((k) => k.toLowerCase() === lower) ?? Object.keys(map).find((k) => k.toLowerCase().split('-')[0] === base);
  return key === undefined ? undefined : map[key];
}

/** The languages a hotel's texts are written in (its own first), e.g. to tell which guest languages it covers. */
export function hotelLanguages(hotel: Hotel): string[] {
  const seen = new Set<string>([hotel.language]);
  const add = (map: LanguageMap<unknown> | undefined) => Object.keys(map ?? {}).forEach((k) => seen.add(k));
  for (const r of hotel.room_types) {
    add(r.texts.name);
    add(r.texts.description);
  }
  for (const f of hotel.faq) {
    add(f.texts.answer);
    add(f.texts.keywords);
  }
  for (const p of Object.values(hotel.texts.policies)) add(p);
  return [...seen];
}

const views = new WeakMap<Hotel, Map<string, Hotel>>();

/**
 * The hotel as a guest of this language reads it: room names and descriptions, policies and FAQ answers in that
 * language (each falling back as `textIn` does); everything else, FAQ keywords of every language included, as it
 * is. Code that shows `room.name` or `policies.cancellation` to the guest needs nothing more. Built once per
 * hotel and language.
 */
export function hotelIn(hotel: Hotel, language: string | undefined): Hotel {
  if (!language || language.toLowerCase() === hotel.language.toLowerCase()) return hotel;
  let byLanguage = views.get(hotel);
  if (!byLanguage) views.set(hotel, (byLanguage = new Map()));
  const cached = byLanguage.get(language);
  if (cached) return cached;
  const view: Hotel = {
    ...hotel,
    room_types: hotel.room_types.map((r) => ({ ...r, name: textIn(r.texts.name, language, hotel) ?? r.name, description: textIn(r.texts.description, language, hotel) ?? r.description })),
    faq: hotel.faq.map((f) => ({ ...f, answer: textIn(f.texts.answer, language, hotel) ?? f.answer })),
    policies: Object.fromEntries(Object.entries(hotel.policies).map(([k, v]) => [k, textIn(hotel.texts.policies[k], language, hotel) ?? v])),
  };
  byLanguage.set(language, view);
  return view;
}
