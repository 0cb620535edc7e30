/**
 * Rooms of several types asked for in one message: "4 doubles and 3 singles", "a family room and a single",
 * "10 doubles + 2 twins", "una doble y dos individuales", "three rooms, two of them doubles and one single".
 *
 * The room types are found by the words the caller gives for them: the hotel file's names and synonyms (the
 * dialogue), or the agent's room-type entity in the guest's language (the embedded NLU). Scanning is by tokens,
 * linear in the text.
 */
import { capText, MAX_UNDERSTOOD_CHARS } from './cap';

/** Rooms of one type the guest asked for by name. */
export interface RoomAsk {
  room: string;
  rooms: number;
}

/** Each room type's phrases as token lists, longest first (so "family room" wins over "family"). */
export type RoomWords = ReadonlyArray<{ room: string; words: string[] }>;

const built = new WeakMap<object, RoomWords>();

/**
 * The room words for `owner` (a hotel, an entity), built from its phrases once and kept while it lives: the
 * phrases are tokenised and sorted at the first message, not at every one.
 */
export function roomWordsFor(owner: object, phrases: () => ReadonlyArray<{ room: string; phrase: string }>): RoomWords {
  let words = built.get(owner);
  if (!words) built.set(owner, (words = roomWordsOf(phrases())));
  return words;
}

/** Phrases per room type → `RoomWords` ("room" alone names no type and is skipped). */
export function roomWordsOf(phrases: ReadonlyArray<{ room: string; phrase: string }>): RoomWords {
  const list: Array<{ room: string; words: string[] }> = [];
  for (const { room, phrase } of phrases) {
    const words = tokens(phrase.toLowerCase().trim()).map((t) => t.word);
    if (words.length && !words.every((w) => w === 'room' || w === 'rooms')) list.push({ room, words });
  }
  return list.sort((a, b) => b.words.length - a.words.length);
}

const COUNT_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, another: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6,
  um: 1, uma: 1, dois: 2, duas: 2, três: 3, quatro: 4,
  ein: 1, eine: 1, einen: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6,
  une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5,
};
// "room" in the languages of the bot; "suite" only after a type ("family suite"), never as a filler.
const ROOM_WORD = /^(rooms?|habitaci[oó]n(es)?|quartos?|zimmer|chambres?)$/;
const ROOM_NOUN = /^(rooms?|habitaci[oó]n(es)?|quartos?|zimmer|chambres?|suites?)$/;
// Words between a count and its room that change nothing: "2 more twins", "3 x doubles", "dos habitaciones dobles".
const FILLER = new Set(['x', '×', 'more', 'extra', 'other', 'big', 'small', 'separate', 'additional']);
const isFiller = (w: string) => FILLER.has(w) || ROOM_WORD.test(w);
// Between two mentions, these make them alternatives, not a mix: "a double or a twin".
// "a double, not a twin", "a double instead of the twin" are corrections, not a mix.
const ALTERNATIVE = new Set(['or', 'o', 'ou', 'oder', 'either', 'instead', 'not', 'no', 'rather', 'nicht', 'pas', 'não', 'nao']);
// Words that name a room type in a hotel file but also a party of people: "a family of 4" is no family room. They
// count as a room only beside a room noun ("family room", "2 family rooms").
const PEOPLE = new Set(['family', 'families', 'familia', 'família', 'familie', 'famille', 'group']);

type Token = { word: string; start: number };

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}×+&]+/gu)) out.push({ word: m[0], start: m.index });
  return out;
}

/** "doubles", "rooms", "suites", "habitaciones": a plural of the word, or the word itself. */
function sameWord(written: string, word: string): boolean {
  if (written === word) return true;
  if (!written.startsWith(word)) return false;
  const tail = written.slice(word.length);
  return tail === 's' || tail === 'es';
}

interface Mention {
  room: string;
  /** Token index of the mention's first and one past its last word. */
  from: number;
  to: number;
  count?: number;
}

export function mentionsIn(toks: Token[], words: RoomWords): Mention[] {
  const found: Mention[] = [];
  let i = 0;
  while (i < toks.length) {
    const hit = words.find((w) => w.words.every((word, k) => i + k < toks.length && sameWord(toks[i + k].word, word)));
    if (!hit) {
      i += 1;
      continue;
    }
    let to = i + hit.words.length;
    // "double room(s)" after a synonym that lacks it.
    const noun = to < toks.length && ROOM_NOUN.test(toks[to].word);
    if (noun) to += 1;
    if (hit.words.length === 1 && PEOPLE.has(toks[i].word) && !noun) {
      i += 1;
      continue;
    }
    found.push({ room: hit.room, from: i, to });
    i = to;
  }
  return found;
}

function countBefore(toks: Token[], at: number): number | undefined {
  let k = at - 1;
  while (k >= 0 && isFiller(toks[k].word) && at - k <= 2) k -= 1;
  // "three rooms, two of them doubles": the count stands before "of them".
  if (k >= 2 && /^(them|those|these|which)$/.test(toks[k].word) && toks[k - 1].word === 'of') k -= 2;
  if (k < 0) return undefined;
  const w = toks[k].word.replace(/x$/, ''); // "2x double"
  if (/^\d{1,2}$/.test(w)) return Number(w);
  return COUNT_WORDS[w];
}

/**
 * The rooms per type when the message names two types or more, each with a count ("a" counts one); undefined for
 * one type, for alternatives ("a double or a twin") or when a type has no count. `words`: each room type's words.
 */
export function findRoomMix(text: string, words: RoomWords): RoomAsk[] | undefined {
  const toks = tokens(capText(text, MAX_UNDERSTOOD_CHARS));
  const mentions = mentionsIn(toks, words);
  if (mentions.length < 2) return undefined;
  for (const m of mentions) m.count = countBefore(toks, m.from);
  if (mentions.some((m) => !m.count)) return undefined;
  for (let i = 1; i < mentions.length; i += 1) {
    const between = toks.slice(mentions[i - 1].to, mentions[i].from);
    if (between.some((t) => ALTERNATIVE.has(t.word))) return undefined;
  }
  const asks: RoomAsk[] = [];
  for (const m of mentions) {
    const same = asks.find((a) => a.room === m.room);
    if (same) same.rooms += m.count!;
    else asks.push({ room: m.room, rooms: m.count! });
  }
  return asks.length >= 2 ? asks : undefined;
}
