/** Nights, guests and rooms: numbers told apart by the noun after them (and by the bot's question). */
import { NUMBER, numberPattern, numberValue } from './numbers';

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

/**
 * The same counts in es, pt, de and fr: the language's number words and nouns ("dos noches", "2 pessoas",
 * "zwei Nächte", "deux adultes", "somos 4", "pour 2"). Tried before the English patterns, which still catch what
 * guests mix in ("2 adults").
 */
interface CountWords {
  nights: string;
  weeks: string;
  adults: string;
  children: string;
  total: string;
  rooms: string;
  weAre: string;
  forN: string;
  alone: RegExp;
  couple: RegExp;
}

const COUNT_WORDS: Record<string, CountWords> = {
  es: {
    nights: 'noches?|d[ií]as?',
    weeks: 'semanas?',
    adults: 'adultos?|mayores',
    children: 'niñ[oa]s?|ninos?|nenes?|nenas?|bebés?|bebes?|hij[oa]s?|menores|peques',
    total: 'personas?|huéspedes|huespedes|pax|adultos y niños',
    rooms: 'habitaci[oó]n(?:es)?|cuartos?|suites?|dobles|individuales',
    weAre: '(?:somos|seremos|vamos)',
    forN: '(?:para|pa)',
    alone: /\b(?:solo yo|sólo yo|yo solo|yo sola|una persona|para mí solo|para mi solo|para uno)\b/i,
    couple: /\b(?:mi (?:mujer|marido|esposa|esposo|pareja|novia|novio) y yo|con mi (?:mujer|marido|esposa|esposo|pareja|novia|novio)|en pareja|una pareja)\b/i,
  },
  pt: {
    nights: 'noites?|di[aá]rias?|dias?',
    weeks: 'semanas?',
    adults: 'adultos?',
    children: 'crianças?|criancas?|bebês?|bebes?|bebés?|filh[oa]s?|menores',
    total: 'pessoas?|hóspedes|hospedes|pax',
    rooms: 'quartos?|suítes?|suites?',
    weAre: '(?:somos|seremos|vamos ser)',
    forN: '(?:para|pra|pras)',
    alone: /\b(?:só eu|so eu|eu sozinh[oa]|uma pessoa|para mim só|para um)\b/i,
    couple: /\b(?:eu e (?:minha|meu) (?:esposa|marido|mulher|namorada|namorado|companheira?o?)|com (?:minha|meu) (?:esposa|marido|mulher|namorada|namorado)|um casal|casal)\b/i,
  },
  de: {
    nights: 'n[äa]chte|nacht|n[äa]chten|übernachtungen|uebernachtungen|übernachtung|tage?n?',
    weeks: 'wochen?',
    adults: 'erwachsenen?|erw\\.?',
    children: 'kinder[n]?|kind|babys?|kleinkinder?|jugendliche[n]?|sohn|tochter|söhne|töchter',
    total: 'personen|person|pers\\.?|gäste[n]?|gaeste|leute|pax',
    rooms: 'zimmer[n]?|doppelzimmer|einzelzimmer|suiten?',
    weAre: '(?:wir sind|wir wären|wir kommen zu)',
    forN: '(?:für|fuer|fur)',
    alone: /\b(?:nur ich|ich allein|alleine|eine person|für mich allein|für eine person)\b/i,
    couple: /\b(?:meine (?:frau|freundin|partnerin) und ich|mein (?:mann|freund|partner) und ich|mit meine[rm] (?:frau|freundin|partnerin|mann|freund|partner)|ein paar|als paar)\b/i,
  },
  fr: {
    nights: 'nuits?|nuitées?|nuitees?|jours?',
    weeks: 'semaines?',
    adults: 'adultes?',
    children: 'enfants?|bébés?|bebes?|ados?|fils|filles?',
    total: 'personnes?|pers\\.?|voyageurs|pax|gens',
    rooms: 'chambres?|suites?',
    weAre: "(?:nous sommes|on est|on sera|nous serons)",
    forN: '(?:pour)',
    alone: /\b(?:moi seul|moi seule|juste moi|une personne|pour moi seul|pour une personne|seul|seule)\b/i,
    couple: /\b(?:ma (?:femme|copine|compagne|partenaire) et moi|mon (?:mari|copain|compagnon|partenaire) et moi|avec ma (?:femme|copine|compagne)|avec mon (?:mari|copain|compagnon)|en couple|un couple)\b/i,
  },
};

const compiled = new Map<string, { nights: RegExp; person: RegExp; total: RegExp; child: RegExp; weAre: RegExp; forN: RegExp; rooms: RegExp }>();

function localPatterns(language: string | undefined) {
  const lang = (language ?? 'en').toLowerCase().split(/[-_]/)[0];
  const w = COUNT_WORDS[lang];
  if (!w) return undefined;
  let c = compiled.get(lang);
  if (!c) {
    const n = numberPattern(lang);
    // Accented words end on letters JavaScript's \b does not know; a look-around on letters works for all.
    const end = '(?![\\p{L}\\d])';
    const start = '(?<![\\p{L}\\d])';
    c = {
      nights: new RegExp(`${start}(${n})\\s+(?:(${w.weeks})|(${w.nights}))${end}`, 'giu'),
      person: new RegExp(`${start}(${n})\\s+(${w.adults}|${w.children}|${w.total})${end}`, 'giu'),
      total: new RegExp(`^(?:${w.total})$`, 'iu'),
      child: new RegExp(`^(?:${w.children})$`, 'iu'),
      weAre: new RegExp(`${start}${w.weAre}\\s+(${n})${end}(?!\\s*(?:${w.nights}|${w.rooms}))`, 'iu'),
      forN: new RegExp(`${start}${w.forN}\\s+(${n})${end}(?!\\s*(?:${w.nights}|${w.weeks}|${w.rooms}|[/:.]\\d|de\\s|h\\b))`, 'iu'),
      // Up to two words between ("dos habitaciones dobles", "2 quartos"), none of them a night, a person or a link.
      rooms: new RegExp(
        `${start}(${n})\\s+(?:(?!(?:${w.nights}|${w.weeks}|${w.adults}|${w.children}|${w.total}|y|e|et|und|con|com|avec|mit|en|em|in|dans|para|pra|pour|für)(?![\\p{L}]))[\\p{L}-]+\\s+){0,2}?(?:${w.rooms})${end}`,
        'giu',
      ),
    };
    compiled.set(lang, c);
  }
  return { words: w, ...c };
}

/** Nights in the guest's language ("tres noches", "2 semanas", "zwei Nächte"), else the English patterns. */
export function findNightsIn(text: string, language: string | undefined): number | undefined {
  const p = localPatterns(language);
  if (p) {
    for (const m of text.matchAll(p.nights)) {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (/(?:en|dentro de|daqui a|em|in|dans|hace|há|vor|il y a)\s+$/i.test(before)) continue; // "en 3 días": a date
      const n = numberValue(m[1], language);
      if (n === undefined || n < 1) continue;
      return m[2] ? n * 7 : n;
    }
  }
  return findNights(text);
}

/** Guests in the guest's language ("2 adultos y un niño", "für 4 Personen", "nous sommes 3"), else English. */
export function findGuestsIn(text: string, rooms: number | undefined, language: string | undefined): number | undefined {
  const p = localPatterns(language);
  if (p) {
    let adults = 0;
    let children = 0;
    let totals = 0;
    for (const m of text.matchAll(p.person)) {
      const n = numberValue(m[1], language);
      if (n === undefined) continue;
      if (p.total.test(m[2])) totals = Math.max(totals, n);
      else if (p.child.test(m[2])) children += n;
      else adults += n;
    }
    if (!adults && p.words.couple.test(text) && children) adults = 2;
    const counted = Math.max(totals, adults + children);
    if (counted > 0) return counted;
    const group = p.weAre.exec(text);
    if (group) return numberValue(group[1], language);
    if (p.words.couple.test(text)) return 2;
    const forN = p.forN.exec(text);
    if (forN) {
      const n = numberValue(forN[1], language);
      if (n !== undefined && n > 0 && n < 40) return n;
    }
    if (p.words.alone.test(text)) return 1;
  }
  return findGuests(text, rooms);
}

/** Rooms in the guest's language ("dos habitaciones", "2 quartos duplos", "zwei Zimmer", "deux chambres"). */
export function findRoomsIn(text: string, roomWords: string[], language: string | undefined): number | undefined {
  const p = localPatterns(language);
  if (p) {
    for (const m of text.matchAll(p.rooms)) {
      const n = numberValue(m[1], language);
      if (n !== undefined && n >= 1) return n;
    }
  }
  return findRooms(text, roomWords);
}
