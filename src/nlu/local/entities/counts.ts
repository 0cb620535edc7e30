/** Nights, guests and rooms: numbers told apart by the noun after them (and by the bot's question). */
import { NUMBER, numberValue } from './numbers';

const SPAN_OF_STAY = new RegExp(
  `\\b(${NUMBER})(?:\\s+more)?[\\s-]+(nights?|days?|weeks?|fortnights?)\\b(?!\\s+(?:ago|later|from now|from today|before|after|in advance|notice))`,
  'gi',
);

/** "3 nights", "for two nights", "a week", "4 days" (a stay's length; "in 3 days" and "3 days ago" are dates). */
export function findNights(text: string): number | undefined {
  for (let m = SPAN_OF_STAY.exec(text); m; m = SPAN_OF_STAY.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/\b(?:in|within|after|every|per|each)\s+$/i.test(before)) continue;
    if (/\bthe\s+$/i.test(before)) continue; // "the two nights before" refers to something else
    const n = numberValue(m[1]);
    if (n === undefined || n < 1) continue;
    const unit = m[2].toLowerCase();
    SPAN_OF_STAY.lastIndex = 0;
    if (unit.startsWith('week')) return n * 7;
    if (unit.startsWith('fortnight')) return n * 14;
    return n;
  }
  SPAN_OF_STAY.lastIndex = 0;
  if (/\b(?:overnight|one-nighter|a night's stay)\b/i.test(text)) return 1;
  return undefined;
}

const ADULT_NOUN = '(?:adults?|grown[\\s-]?ups?|men|women|ladies|gentlemen|seniors?)';
const CHILD_NOUN = '(?:children|child|kids?|babies|baby|toddlers?|infants?|teen(?:ager)?s?|boys?|girls?|sons?|daughters?|little ones?|minors?)';
const TOTAL_NOUN = '(?:people|persons?|guests?|pax|ppl|travell?ers|visitors|individuals|of us|peeps|humans)';
const PERSON_GAP = '(?:\\s+(?:more|other|small|young|little|grown|extra|additional))?';

const PERSON = new RegExp(`\\b(${NUMBER})${PERSON_GAP}\\s+(${ADULT_NOUN}|${CHILD_NOUN}|${TOTAL_NOUN})\\b`, 'gi');
const IS_TOTAL = new RegExp(`^${TOTAL_NOUN}$`, 'i');
const IS_CHILD = new RegExp(`^${CHILD_NOUN}$`, 'i');
const PER_ROOM = /^\s*(?:in each|each|per room|in every|a room|per bedroom|in each room)\b/i;
const GROUP = new RegExp(`\\b(?:party|group|family|team)\\s+of\\s+(${NUMBER})\\b`, 'i');
const WE_ARE = new RegExp(`\\bwe\\s*(?:are|'re|re|will be|'ll be|ll be)\\s+(${NUMBER})\\b(?!\\s+(?:nights?|days?|rooms?|minutes|hours|weeks))`, 'i');
const FOR_N = new RegExp(
  `\\b(?:room|rooms|reservation|booking|book|table|suite|space|place|something|accommodation|availability|available|free)\\b[^.,;!?]{0,20}?\\bfor\\s+(${NUMBER})\\b(?!\\s*(?:nights?|days?|weeks?|rooms?|months?|hours?|am\\b|pm\\b|o'?clock|:|\\.\\d|st\\b|nd\\b|rd\\b|th\\b|of\\b|night|${ADULT_NOUN}|${CHILD_NOUN}|${TOTAL_NOUN}))`,
  'i',
);
const RELATIVES = '(?:wife|husband|partner|girlfriend|boyfriend|gf|bf|fiancée?|fiance|friend|mum|mom|mother|dad|father|son|daughter|colleague|brother|sister|spouse|mate|buddy|boss|kid|child|baby|dog)';
const COUPLE_WITH = new RegExp(`\\b(?:me|myself|i)\\s+(?:and|&|\\+|with)\\s+(?:my|the)\\s+${RELATIVES}\\b|\\bmy\\s+${RELATIVES}\\s+(?:and|&|\\+)\\s+(?:i|me|myself)\\b|\\bwith\\s+my\\s+(?:wife|husband|partner|girlfriend|boyfriend|gf|bf|fianc[ée]e?|spouse)\\b`, 'i');
const ALONE = /\b(?:just me|only me|just myself|only myself|me alone|myself only|by myself|on my own|alone|solo|one person|single person|1 person|for one\b(?!\s+(?:night|day|week|room))|for 1\b(?!\s*(?:night|day|week|room)))/i;
const COUPLE = /\b(?:a couple|as a couple|me and my (?:wife|husband|partner)|the two of us|two of us|2 of us|both of us)\b(?!\s+of\b)/i;

/** Everyone staying: "2 adults and a child" → 3, "for 4 people" → 4, "me and my wife" → 2, "just me" → 1. */
export function findGuests(text: string, rooms: number | undefined): number | undefined {
  let adults = 0;
  let children = 0;
  let totals = 0;
  let perRoom = 0;
  for (let m = PERSON.exec(text); m; m = PERSON.exec(text)) {
    const n = numberValue(m[1]);
    if (n === undefined) continue;
    const noun = m[2].toLowerCase();
    if (PER_ROOM.test(text.slice(m.index + m[0].length))) perRoom = Math.max(perRoom, n);
    else if (IS_TOTAL.test(noun)) totals = Math.max(totals, n);
    else if (IS_CHILD.test(noun)) children += n;
    else adults += n;
  }
  PERSON.lastIndex = 0;
  // "me and my wife and our 2 kids": the couple are the adults the sentence did not count.
  if (!adults && COUPLE_WITH.test(text)) adults = 2;
  const counted = Math.max(totals, adults + children, perRoom * (rooms ?? 1));
  if (counted > 0) return counted;
  const group = GROUP.exec(text) ?? WE_ARE.exec(text);
  if (group) return numberValue(group[1]);
  if (COUPLE.test(text)) return 2;
  const forN = FOR_N.exec(text);
  if (forN) {
    const n = numberValue(forN[1]);
    if (n !== undefined && n > 0 && n < 40) return n;
  }
  if (ALONE.test(text)) return 1;
  return undefined;
}

/** "2 rooms", "a room", "one double room", "double rooms x2", "3 suites". */
export function findRooms(text: string, roomWords: string[]): number | undefined {
  const extra = roomWords.length ? `|${roomWords.map(escape).join('|')}` : '';
  const noun = `(?:rooms?|suites?|bedrooms?|doubles|singles|twins|apartments?${extra})`;
  const times = new RegExp(`\\b${noun}\\s*(?:x|×|\\*)\\s*(\\d{1,2})\\b|\\b(\\d{1,2})\\s*(?:x|×|\\*)\\s*(?:[a-z-]+\\s+){0,2}${noun}\\b`, 'i');
  const t = times.exec(text);
  if (t) return parseInt(t[1] ?? t[2], 10);
  const counted = new RegExp(`\\b(${NUMBER})((?:\\s+(?!(?:for|with|and|in|of|the|per|each|adults?|people|guests?|nights?|days?)\\b)[a-z'-]+){0,3})\\s+${noun}\\b`, 'gi');
  for (let m = counted.exec(text); m; m = counted.exec(text)) {
    const n = numberValue(m[1]);
    if (n === undefined || n < 1) continue;
    if (/\b(?:star|stars|bed|beds|night|nights)\b/i.test(m[2])) continue;
    return n;
  }
  return undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
