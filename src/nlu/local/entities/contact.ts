/** E-mail addresses, guest names and booking confirmation codes. */

/**
 * The lookbehind makes the search start only where a run of address characters starts: without it, a long run
 * with no "@" was scanned again from each of its characters (quadratic: 45 s for a 150,000-character message).
 */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** "olga.petrova @ example.com": an address typed with spaces around the @ (phones insert them). */
const SPACED_EMAIL = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+) ?@ ?([A-Za-z0-9.-]+\.[A-Za-z]{2,})/;

export function findEmail(text: string): { value: string; index: number; end: number } | undefined {
  const m = EMAIL.exec(text) ?? SPACED_EMAIL.exec(text);
  if (!m) return undefined;
  const value = (m[1] !== undefined ? `${m[1]}@${m[2]}` : m[0]).toLowerCase();
  return { value, index: m.index, end: m.index + m[0].length };
}

/** Crockford base32, 8 characters; a hyphen in the middle is tolerated ("ABCD-1234"). */
const CODE = /(?<![A-Za-z0-9])([0-9A-HJKMNP-TV-Z]{4})-?([0-9A-HJKMNP-TV-Z]{4})(?![A-Za-z0-9])/gi;
const CODE_CUE = /\b(?:code|booking|reservation|ref|reference|confirmation|conf|number|no\.?|#)\s*(?:is|was|:|number|no\.?|#)?\s*$/i;
/** Words that only ever introduce a code ("code rxkkwydg"): a letters-only code after them counts in any case. */
const CODE_WORD = /(?:\b(?:code|ref|reference)|#)\s*(?:is|was|:|number|no\.?|#)?\s*$/i;

/**
 * A confirmation code. Ordinary words must not pass for one ("weekends" is valid base32), so a candidate needs a
 * digit, or capitals right after a word like "code" / "booking", or the bot to have just asked for the code.
 */
export function findConfirmationCode(text: string, expecting?: string): { value: string; index: number; end: number } | undefined {
  const asked = expecting === 'confirmation_code';
  for (let m = CODE.exec(text); m; m = CODE.exec(text)) {
    const raw = m[1] + m[2];
    const hasDigit = /\d/.test(raw);
    const hasLetter = /[a-z]/i.test(raw);
    const cue = CODE_CUE.test(text.slice(Math.max(0, m.index - 25), m.index));
    const typedAsCode = raw === raw.toUpperCase();
    const before = text.slice(Math.max(0, m.index - 25), m.index);
    const ok = hasDigit ? hasLetter || cue || asked : (cue && typedAsCode) || CODE_WORD.test(before) || (asked && text.trim().length <= 30);
    if (ok) {
      CODE.lastIndex = 0;
      return { value: raw.toUpperCase(), index: m.index, end: m.index + m[0].length };
    }
  }
  CODE.lastIndex = 0;
  return undefined;
}

const NAME_REST = "[A-Za-zÀ-ÖØ-öø-ÿ'’-]*";
const NAME_WORD = `[A-Za-zÀ-ÖØ-öø-ÿ]${NAME_REST}`;
/** A name word written with a capital: "Ana", "Élodie". */
const CAPITALISED = `[A-ZÀ-ÖØ-Þ]${NAME_REST}`;
const INTRODUCED = new RegExp(
  `\\b(?:my name is|my name's|name is|name's|name:|call me|under the name(?: of)?|booked under|it's under|its under|under)\\s+(${NAME_WORD}(?:\\s+${NAME_WORD}){0,2})`,
  'i',
);
// The introduction in any case ("I'm", "This is"); the name itself capitalised, so "i'm tired" is no name.
const SELF = new RegExp(`\\b(?:[Ii] am|[Ii]'m|[Ii]’m|[Tt]his is|[Ii]t's|[Ii]t is)\\s+(${CAPITALISED}(?:\\s+${CAPITALISED}){0,2})`);
/** "…, name Pedro Alves, pedro@…": "name" and two or three capitalised words, in a list of the booking's facts. */
const LISTED = new RegExp(`\\b[Nn]ame\\s+(${CAPITALISED}(?:\\s+${CAPITALISED}){1,2})`);
/** Words that follow "I'm" or "this is" without being a name. */
const NOT_A_NAME = new Set(
  ('a an the not just only here there so very really still also looking trying going interested sorry afraid fine ' +
    'good ok okay happy sure glad travelling traveling staying coming checking planning hoping wondering ready ' +
    'back new done available urgent about from with for in on at to my your his her our their it this that ' +
    'please thanks thank hello hi hey yes no booking reservation room correct right wrong great late early ' +
    'english french german spanish monday tuesday wednesday thursday friday saturday sunday today tomorrow').split(' '),
);
const STOP_AFTER = new Set(['and', 'from', 'with', 'for', 'at', 'in', 'on', 'by', 'please', 'thanks', 'thank', 'email', 'e-mail', 'my', 'booking', 'reservation', 'code', 'i', 'im', 'the', 'to', 'of', 'is', 'here']);

function cleanName(words: string): string | undefined {
  const parts: string[] = [];
  for (const w of words.split(/\s+/)) {
    if (STOP_AFTER.has(w.toLowerCase())) break;
    parts.push(w.replace(/[’']s$/, ''));
  }
  if (!parts.length || NOT_A_NAME.has(parts[0].toLowerCase())) return undefined;
  const name = parts.join(' ');
  // People who type in lower case still get their name capitalised the usual way.
  return name === name.toLowerCase() ? name.replace(/(^|[\s'-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()) : name;
}

/** "my name is Ana Ruiz", "I'm Tom", "this is Maria"; or the whole short answer when the bot asked for a name. */
export function findName(text: string, expecting?: string, taken: Array<{ index: number; end: number }> = []): string | undefined {
  let rest = text;
  for (const t of taken) rest = rest.slice(0, t.index) + ' '.repeat(t.end - t.index) + rest.slice(t.end);
  const intro = INTRODUCED.exec(rest);
  if (intro) {
    const name = cleanName(intro[1]);
    if (name) return name;
  }
  const self = SELF.exec(rest);
  if (self && !/(?:ing|ed)$/i.test(self[1].split(/\s+/)[0])) {
    const name = cleanName(self[1]);
    if (name) return name;
  }
  const listed = LISTED.exec(rest);
  if (listed) {
    const name = cleanName(listed[1]);
    if (name) return name;
  }
  if (expecting === 'name') {
    const answer = rest.replace(/^\s*(?:it's|it is|i'm|i am|name:?)\s+/i, '').replace(/[.!,]+\s*$/, '').trim();
    if (/^\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,3}$/u.test(answer)) return cleanName(answer);
  }
  return undefined;
}
