/**
 * Rooms of several types in one guest message, read by the hotel file's own words for its room types (id, synonyms,
 * names in every language), so a hotel's "River Double" counts as well as "double"; and "one of them a twin"
 * against the rooms already asked. The scanning is src/text/room-mix.ts.
 */
import type { Hotel } from '../reservations/hotel';
import { capText, MAX_UNDERSTOOD_CHARS } from '../text/cap';
import { findRoomMix, mentionsIn, roomWordsFor, tokens, type RoomAsk, type RoomWords } from '../text/room-mix';

export type { RoomAsk } from '../text/room-mix';

/** Built once per hotel view (hotelIn keeps one per language), kept while the hotel is loaded. */
function roomWords(hotel: Hotel): RoomWords {
  return roomWordsFor(hotel.room_types, () => hotel.room_types.flatMap((r) => [r.id, ...r.synonyms, ...Object.values(r.texts.name)].map((phrase) => ({ room: r.id, phrase }))));
}

/** The rooms per type when the message names two types or more, each with a count (see findRoomMix). */
export function roomMix(text: string, hotel: Hotel): RoomAsk[] | undefined {
  return findRoomMix(text, roomWords(hotel));
}

/**
 * "can one of them be a twin", "make one of the rooms a suite": of the rooms already asked (all of one type), one
 * becomes the type named. Undefined when the message says no such thing or the rooms are not several of one type.
 */
export function oneOfThem(text: string, hotel: Hotel, asked: { room?: string; rooms?: number }): RoomAsk[] | undefined {
  if (!asked.room || !asked.rooms || asked.rooms < 2) return undefined;
  const toks = tokens(capText(text, MAX_UNDERSTOOD_CHARS));
  const at = toks.findIndex((t, i) => (t.word === 'one' || t.word === '1') && toks[i + 1]?.word === 'of' && /^(them|those|these|the|our)$/.test(toks[i + 2]?.word ?? ''));
  if (at < 0) return undefined;
  const named = mentionsIn(toks.slice(at + 3), roomWords(hotel)).find((m) => m.room !== asked.room);
  if (!named) return undefined;
  return [
    { room: asked.room, rooms: asked.rooms - 1 },
    { room: named.room, rooms: 1 },
  ];
}
