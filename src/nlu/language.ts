/**
 * The guest's language for one conversation (SPEC "Language"), as pure functions the dialogue calls per turn:
 *
 * - At first: Chatwoot's hint (the conversation's `browser_language` such as "es-ES", else the contact's language
 *   code) when the agent has that language; else what the guest's text is written in, among the agent's
 *   languages; else the agent's default (until a message says more).
 * - Then the language sticks to the conversation; only a clear switch changes it (a message of several words that
 *   the detector gives to another language by a wide margin). "Gracias!" from an English guest, or "ok", keeps
 *   English. See `languageForTurn`.
 *
 * Detection is tinyld's light model (character n-grams of ~60 languages, 1 MB of heap, restricted to the agent's
 * languages), plus a short list of greetings and thanks it cannot tell apart on their own ("Hola", "Hallo",
 * "obrigado").
 *
 * Mixed messages go to the language the request is written in: "Hola! hi, room for 2 adults 5–8 Feb?" is English
 * (a greeting word alone decides nothing when the rest of the message says otherwise).
 */
import { detectAll } from 'tinyld/light';

/** "es-ES" → "es", "pt_BR" → "pt", "DE" → "de"; undefined for nothing usable. */
export function baseLanguage(code: string | undefined | null): string | undefined {
  const base = (code ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return /^[a-z]{2,3}$/.test(base) ? base : undefined;
}

/** The agent's language for a code ("es-ES" → "es" when the agent has es), else undefined. */
export function supportedLanguage(code: string | undefined | null, supported: readonly string[]): string | undefined {
  const base = baseLanguage(code);
  if (!base) return undefined;
  return supported.map((s) => baseLanguage(s)).find((s) => s === base);
}

/**
 * Short messages that the n-gram model cannot place (too few letters), but that say the language on their own.
 * Only words that are not also common words of the other four languages.
 */
const CUE_WORDS: Record<string, string[]> = {
  en: ['hi', 'hello', 'hey', 'thanks', 'thank you', 'thx', 'good morning', 'good evening', 'bye', 'please'],
  es: ['hola', 'buenas', 'buenos dias', 'buenas tardes', 'buenas noches', 'gracias', 'muchas gracias', 'adios', 'vale', 'por favor'],
  pt: ['ola', 'oi', 'bom dia', 'boa tarde', 'boa noite', 'obrigado', 'obrigada', 'valeu', 'tchau', 'por favor'],
  de: ['hallo', 'moin', 'servus', 'guten tag', 'guten morgen', 'guten abend', 'danke', 'danke schon', 'tschuss', 'bitte'],
  fr: ['bonjour', 'bonsoir', 'salut', 'merci', 'merci beaucoup', 'au revoir', 'stp', 's il vous plait', 'svp'],
};

const plain = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The language whose cue words make up the whole message ("hola", "danke schön!"), if exactly one. */
function cueLanguage(text: string, supported: readonly string[]): string | undefined {
  const t = plain(text);
  if (!t) return undefined;
  const hits = supported.filter((lang) => (CUE_WORDS[lang] ?? []).some((w) => t === w || t.startsWith(`${w} `) && t.split(' ').length <= w.split(' ').length + 1));
  return hits.length === 1 ? hits[0] : undefined;
}

/** Words of letters in the message (digits, dates and e-mails say nothing about the language). */
const wordCount = (text: string) => plain(text.replace(/\S+@\S+/g, ' ')).split(' ').filter((w) => w.length > 1).length;

/**
 * Everyday words of each language (articles, pronouns, prepositions, and the words of a hotel chat), without
 * accents as `plain` writes them. A switch of language needs a few of them: n-grams are easily fooled by
 * shorthand, names and e-mail addresses.
 */
const COMMON_WORDS: Record<string, Set<string>> = Object.fromEntries(
  Object.entries({
    en: 'the a an and or for to of in on at is are i we you my our your me us please pls plz with from have has do does can could would like want need book booking room rooms night nights it this that there what how when is speak continue english sorry thanks hi hello hey people ppl guests adults april may june july august cancel change changed yes',
    es: 'el la los las un una unos unas de del al y o para por con en mi mis su sus quiero quisiera queria necesito tienen tiene tienes hay habitacion habitaciones noche noches reserva reservar que como cuanto cuesta es esta estoy me nos gracias hola hablar persona fechas cambiar cancelar si puedo podemos seguir espanol favor prefiero buenas',
    pt: 'o a os as um uma de do da dos das no na em e para pra com por meu minha quero gostaria preciso tem quarto quartos noite noites reserva reservar obrigado obrigada ola falar pessoa datas alterar mudar cancelar voce voces vcs nao sim bom dia',
    de: 'der die das den dem des ein eine einen einem und oder fur mit von vom bis zum zur am im ich wir sie mein meine meinen mochte mochten hatte haben gibt es zimmer nacht nachte buchung buchen stornieren andern bitte danke ist nicht kann konnen sprechen guten tag hallo',
    fr: 'le la les un une des du de et ou pour avec en au aux je nous vous mon ma mes votre vos voudrais souhaite souhaiterais avez chambre chambres nuit nuits reservation reserver annuler modifier merci bonjour est pas parler quelqu il plait',
  }).map(([lang, words]) => [lang, new Set(words.split(' '))]),
);
/** A switch of language needs at least this many everyday words of the new language. */
const MIN_COMMON_WORDS_TO_SWITCH = 2;

function commonWords(text: string, lang: string): number {
  const known = COMMON_WORDS[lang];
  if (!known) return 0;
  return plain(text.replace(/\S+@\S+/g, ' '))
    .split(' ')
    .filter((w) => known.has(w)).length;
}

export interface Detection {
  language: string;
  /** Long enough and won by a wide margin: enough to switch a conversation's language. */
  confident: boolean;
}

/** Messages with fewer words than this never switch a conversation's language. */
export const MIN_WORDS_TO_SWITCH = 4;
/** The winner's score must be at least this many times the runner-up's to switch. */
const MARGIN_TO_SWITCH = 2;

/**
 * The language a message is written in, among `supported` (base codes such as "en"), or undefined. With
 * `current` (the conversation's language), "confident" means clearly not that language: a Spanish sentence is a
 * clear switch away from English even when Portuguese comes a close second.
 */
export function detectLanguage(text: string, supported: readonly string[], current?: string): Detection | undefined {
  const only = [...new Set(supported.map((s) => baseLanguage(s)).filter((s): s is string => !!s))];
  if (!text.trim() || !only.length) return undefined;
  const ranked = detectAll(text, { only });
  const top = ranked[0];
  if (!top) {
    const cue = cueLanguage(text, only);
    return cue ? { language: cue, confident: false } : undefined;
  }
  const against = current && current !== top.lang ? ranked.find((r) => r.lang === current) : undefined;
  const second = (against ?? ranked[1])?.accuracy ?? 0;
  const words = wordCount(text);
  // Very short text: a greeting word says more than two or three n-grams.
  if (words < MIN_WORDS_TO_SWITCH) {
    const cue = cueLanguage(text, only);
    if (cue) return { language: cue, confident: false };
  }
  // Shorthand ("hi twin 2 ppl april 9-11") can score as a language none of whose everyday words it uses: then the
  // language whose words it does use is the better reading (never a confident one).
  const own = commonWords(text, top.lang);
  if (own === 0) {
    const byWords = ranked.map((r) => ({ lang: r.lang, n: commonWords(text, r.lang) })).filter((r) => r.n > 0);
    const best = byWords.sort((a, b) => b.n - a.n)[0];
    if (best) return { language: best.lang, confident: false };
    // No everyday word of any language ("pls cancel X, plans changed" scored as Portuguese): the n-grams alone
    // decide nothing; the conversation keeps (or starts in) its language.
    return undefined;
  }
  let confident = words >= MIN_WORDS_TO_SWITCH && top.accuracy >= MARGIN_TO_SWITCH * second;
  // Away from the conversation's language, n-grams alone are not enough: "twin room 2 ppl 19-21 mar" scores as
  // German. The message must also use the new language's own small words, more of them than the current one's.
  if (confident && current && current !== top.lang) {
    confident = own >= MIN_COMMON_WORDS_TO_SWITCH && own > commonWords(text, current);
  }
  return { language: top.lang, confident };
}

export interface LanguageHint {
  /** The conversation's `additional_attributes.browser_language`, e.g. "es-ES". */
  browserLanguage?: string | null;
  /** The contact's language code (from Chatwoot's contact), e.g. "pt-BR". */
  contactLanguage?: string | null;
}

/** What the dialogue keeps in the conversation's state between turns. */
export interface ConversationLanguage {
  /** A base code the agent has, e.g. "es". */
  code: string;
  /** Where it came from: Chatwoot's hint, the guest's text, or nothing yet (the agent's default). */
  source: 'chatwoot' | 'text' | 'default';
}

/**
 * The conversation's language for this turn.
 * - Nothing known yet (first turn, or only messages such as "ok" so far): Chatwoot's hint when the agent has that
 *   language, else the language the message is written in, else the agent's default.
 * - Known: it sticks, unless this message clearly switches (several words, detected by a wide margin).
 */
export function languageForTurn(
  previous: ConversationLanguage | undefined,
  turn: { hint?: LanguageHint; text?: string },
  supported: readonly string[],
  defaultLanguage: string = supported[0] ?? 'en',
): ConversationLanguage {
  if (!previous || previous.source === 'default') {
    const hint = turn.hint ?? {};
    const fromChatwoot = supportedLanguage(hint.browserLanguage, supported) ?? supportedLanguage(hint.contactLanguage, supported);
    if (fromChatwoot) return { code: fromChatwoot, source: 'chatwoot' };
    const detected = turn.text ? detectLanguage(turn.text, supported) : undefined;
    if (detected) return { code: detected.language, source: 'text' };
    return { code: previous?.code ?? baseLanguage(defaultLanguage) ?? 'en', source: 'default' };
  }
  const detected = turn.text ? detectLanguage(turn.text, supported, previous.code) : undefined;
  return detected?.confident && detected.language !== previous.code ? { code: detected.language, source: 'text' } : previous;
}
