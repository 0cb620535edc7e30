/**
 * The guest's language for this conversation, chosen once per turn before anything is said:
 * - Chatwoot's hint (the widget's `browser_language`, else the contact's language) when the agent has that
 *   language, for a conversation whose language is not known yet;
 * - else the language of the guest's first messages, among the agent's languages;
 * - else the hotel's language (when the agent has it), else the agent's default;
 * - and then it sticks: only a message clearly written in another language switches it. A first message clearly
 *   written in another language than the browser's wins over the browser (a Spanish guest on an English laptop).
 * The choice lives in the conversation state, so every turn (and the NLU query) uses the same language.
 */
import { baseLanguage, languageForTurn, type ConversationLanguage } from '../nlu/language';
import type { Hotel } from '../reservations/hotel';
import type { ConversationInfo, GuestInput } from './port';

/** The words of the guest in this turn that say something about their language (clicks say nothing). */
function guestText(input: GuestInput): string | undefined {
  if (input.kind === 'message') return input.text;
  if (input.kind === 'resumed') return input.unanswered;
  return undefined;
}

/** The languages the guest may be answered in: the agent's (it must understand them), else the hotel's own. */
export function guestLanguages(agentLanguages: readonly string[] | undefined, hotel: Pick<Hotel, 'language'>): string[] {
  const codes = (agentLanguages?.length ? agentLanguages : [hotel.language]).map((l) => baseLanguage(l)).filter((l): l is string => !!l);
  return [...new Set(codes)];
}

export function conversationLanguage(
  previous: ConversationLanguage | undefined,
  info: Pick<ConversationInfo, 'language'>,
  input: GuestInput,
  agentLanguages: readonly string[] | undefined,
  hotel: Pick<Hotel, 'language'>,
): ConversationLanguage {
  const supported = guestLanguages(agentLanguages, hotel);
  const hotelLanguage = baseLanguage(hotel.language);
  const fallback = hotelLanguage && supported.includes(hotelLanguage) ? hotelLanguage : (supported[0] ?? 'en');
  // First what Chatwoot says (only while nothing is known), then what the guest wrote (a clear switch, or the
  // first reading when Chatwoot said nothing usable).
  const hinted = languageForTurn(previous, { hint: { browserLanguage: info.language } }, supported, fallback);
  const text = guestText(input);
  return text?.trim() ? languageForTurn(hinted, { text }, supported, fallback) : hinted;
}
